/**
 * The four canonical tracks (labs/mlsysbook_labs/tracks.py), bound to catalog ids of
 * @mlsysim/hardware and @mlsysim/workloads. The default workload per track is this package's
 * choice (the Python profiles name hardware only): the model each persona would ship.
 */
import type { Track } from '../schema/index.js'

export const tracks: Track[] = [
  {
    id: 'iphone',
    label: 'iPhone',
    category: 'Mobile ML',
    hardwareRef: 'iPhone15Pro',
    defaultModelRef: 'MobileNetV2',
    stakeholder: 'Mobile product engineer',
    primaryMetrics: ['battery drain', 'thermal headroom', 'on-device latency', 'memory'],
    guardrailMetrics: ['thermal throttling', 'app memory limit'],
    dominantConstraints: ['battery', 'thermal envelope', 'unified memory', 'interactive latency'],
    evidence: 'estimate',
    isDefault: true,
    aliases: ['mobile', 'phone'],
    sources: ['labs/mlsysbook_labs/tracks.py'],
  },
  {
    id: 'oura_ring',
    label: 'Oura Ring',
    category: 'TinyML / wearable',
    hardwareRef: 'OuraRing',
    defaultModelRef: 'DS_CNN',
    stakeholder: 'Wearable firmware engineer',
    primaryMetrics: ['SRAM fit', 'flash fit', 'battery life', 'OTA payload'],
    guardrailMetrics: ['always-on power', 'false wake rate'],
    dominantConstraints: ['SRAM', 'flash', 'battery energy', 'radio/OTA'],
    evidence: 'estimate',
    aliases: ['tiny', 'tinyml', 'wearable'],
    notes: ['Oura Ring figures are not public; the catalog entry is estimate-backed and labs must say so.'],
  },
  {
    id: 'robotaxi',
    label: 'RoboTaxi',
    category: 'Edge AI',
    hardwareRef: 'RoboTaxi',
    defaultModelRef: 'YOLOv8_Nano',
    stakeholder: 'AV platform engineer',
    primaryMetrics: ['p99 latency', 'p999 latency', 'rare-event recall', 'power'],
    guardrailMetrics: ['sensor bandwidth headroom', 'safety margin'],
    dominantConstraints: ['tail latency', 'power', 'sensor bandwidth', 'safety'],
    evidence: 'estimate',
    aliases: ['edge', 'taxi'],
    notes: ['RoboTaxi is a DRIVE AGX Orin-class reference computer with estimate provenance.'],
  },
  {
    id: 'cloud_fleet',
    label: 'Cloud Fleet',
    category: 'Cloud / fleet',
    hardwareRef: 'H100',
    systemRef: 'Lab_64_H100',
    defaultModelRef: 'Llama3_8B',
    stakeholder: 'Fleet service owner',
    primaryMetrics: ['throughput', 'p99 latency', 'cost per request', 'utilization', 'carbon'],
    guardrailMetrics: ['SLA attainment', 'carbon intensity'],
    dominantConstraints: ['SLA', 'cost', 'utilization', 'carbon intensity'],
    evidence: 'datasheet',
    aliases: ['cloud', 'fleet'],
  },
]
