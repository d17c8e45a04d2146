/**
 * The original's executable scenarios (`Scenarios` in mlsysim/engine/scenarios.py, 0.1.2):
 * the same workloads, systems, SLAs and power budgets, by catalog id.
 */
import type { Provenance } from '@mlsysim/units'
import type { ScenarioInput } from './schema.js'

/** The SLAs and power budgets are the original's teaching targets, not measured product requirements. */
const ORIGINAL_SCENARIO: Provenance = {
  id: 'prov:mlsysim-scenarios',
  kind: 'illustrative',
  ref: 'MLSys·im 0.1.2, mlsysim/engine/scenarios.py (Scenarios registry): SLA latency and power budget of each scenario',
  url: 'https://github.com/harvard-edge/cs249r_book',
  verified: '2026-11-27',
}

const WAYMO_HIGH: Provenance = {
  id: 'prov:mlsysim-reference-workload-scale',
  kind: 'illustrative',
  ref: 'MLSys·im 0.1.2 ReferenceStats.Workloads.WaymoDataPerHourHigh: upper bound of an autonomous vehicle’s sensor data rate (1–19 TB/h)',
  url: 'https://github.com/harvard-edge/cs249r_book',
  verified: '2026-11-27',
  notes: 'An order-of-magnitude anchor; 19 TB/h = 5.28 GB/s.',
}

/** The original scenario names no prompt length; 2048 tokens is its serving golden case and the plan default. */
const SERVING_PROMPT: Provenance = {
  kind: 'convention',
  ref: 'MLSys·im 0.1.2 golden ServingModel case (Llama3_8B on H100, seq_len 2048) and the plan default seq_len',
  verified: '2026-11-27',
}

export const ORIGINAL_SCENARIOS: ScenarioInput[] = [
  {
    id: 'SmartDoorbell',
    name: 'Smart Doorbell',
    aliases: ['smart-doorbell', 'doorbell'],
    description: 'Person detection at the front door on a sub-watt microcontroller.',
    application: 'Smart Doorbell',
    workload: 'WakeVision',
    system: { hardware: 'ESP32_S3' },
    slaLatency: '200 ms',
    powerBudget: '100 mW',
    provenance: ORIGINAL_SCENARIO,
  },
  {
    id: 'TinySensor',
    name: 'Anomaly Sensor',
    aliases: ['tiny-sensor', 'anomaly-sensor'],
    description: 'Low-power vibration monitoring for predictive maintenance in a factory.',
    application: 'Industrial Anomaly Detection',
    workload: 'AnomalyDetector',
    system: { hardware: 'ESP32_S3' },
    slaLatency: '10 ms',
    powerBudget: '50 mW',
    provenance: ORIGINAL_SCENARIO,
  },
  {
    id: 'AutonomousVehicle',
    name: 'Autonomous Vehicle',
    aliases: ['autonomous-vehicle', 'av'],
    description: 'Real-time object detection for driving in a city.',
    application: 'Autonomous Vehicle',
    workload: 'YOLOv8_Nano',
    system: { hardware: 'JetsonOrinNX' },
    slaLatency: '10 ms',
    provenance: ORIGINAL_SCENARIO,
  },
  {
    id: 'AutonomousVehicle_Waymo',
    name: 'Waymo AV Data Pipeline',
    aliases: ['waymo', 'av-data-pipeline'],
    description: 'Object detection fed by a robotaxi’s full sensor stream (the high Waymo data rate).',
    application: 'Autonomous Vehicle',
    workload: 'YOLOv8_Nano',
    system: { hardware: 'JetsonOrinNX' },
    slaLatency: '10 ms',
    dataRate: '19 TB/h',
    provenance: ORIGINAL_SCENARIO,
    sources: { dataRate: WAYMO_HIGH },
  },
  {
    id: 'MobileHealth',
    name: 'Mobile Health',
    aliases: ['mobile-health'],
    description: 'On-device medical image analysis for remote diagnosis.',
    application: 'Mobile Health',
    workload: 'MobileNetV2',
    system: { hardware: 'iPhone15Pro' },
    slaLatency: '30 ms',
    provenance: ORIGINAL_SCENARIO,
  },
  {
    id: 'MobileAssistant',
    name: 'Mobile Assistant',
    aliases: ['mobile-assistant'],
    description: 'An on-device assistant running a small LLM on a smartphone.',
    application: 'Mobile Assistant',
    workload: 'Llama3_8B',
    system: { hardware: 'iPhone15Pro' },
    slaLatency: '100 ms',
    powerBudget: '5 W',
    provenance: ORIGINAL_SCENARIO,
  },
  {
    id: 'LocalTraining',
    name: 'Local LLM Fine-tuning',
    aliases: ['local-training', 'local-fine-tuning'],
    description: 'A Llama-3 model on a high-end student laptop (evaluated as inference, as in the original).',
    application: 'Local Fine-tuning',
    workload: 'Llama3_8B',
    system: { hardware: 'MacBookM3Max' },
    slaLatency: '100 ms',
    provenance: ORIGINAL_SCENARIO,
  },
  {
    id: 'FrontierTraining',
    name: 'Frontier LLM Training',
    aliases: ['frontier-training'],
    description: 'Pre-training a GPT-4-class model on an 8192-GPU cluster.',
    application: 'Frontier Training',
    workload: 'GPT4',
    system: { fleet: 'Frontier_8K' },
    slaLatency: '500 ms',
    slaMetric: 'stepLatency',
    provenance: ORIGINAL_SCENARIO,
  },
  {
    id: 'ChatbotServing',
    name: 'Chatbot Serving',
    aliases: ['chatbot-serving', 'chatbot'],
    description: 'Serving a Llama-3 8B chatbot on one H100 under a time-to-first-token SLA.',
    application: 'Chatbot Serving',
    workload: 'Llama3_8B',
    system: { hardware: 'H100' },
    slaLatency: '500 ms',
    slaMetric: 'ttft',
    seqLen: 2048,
    provenance: ORIGINAL_SCENARIO,
    sources: { seqLen: SERVING_PROMPT },
  },
  {
    id: 'KeywordSpotting',
    name: 'Keyword Spotting',
    aliases: ['keyword-spotting', 'kws'],
    description: 'Always-on wake-word detection on a microcontroller (the MLPerf Tiny task).',
    application: 'Keyword Spotting',
    workload: 'DS_CNN',
    system: { hardware: 'ESP32_S3' },
    slaLatency: '30 ms',
    powerBudget: '1 mW',
    provenance: ORIGINAL_SCENARIO,
  },
]
