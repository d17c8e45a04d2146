// Scenarios and lab tracks. Latencies are derived by hand from the single-node roofline:
//   T = max(OPs·B/(R·η), W·(1 + 0.1·B)/BW) + dispatch + L × 0.01 ms, η = 0.5,
// with BW the on-chip SRAM when the weights fit there, flash on MCUs, else main memory.
import { resolveChip, resolveFleet } from '@mlsysim/hardware'
import { provenanceSchema } from '@mlsysim/units'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TRACK_ID,
  evaluateScenario,
  type LevelStatus,
  ORIGINAL_SCENARIOS,
  parseScenario,
  renderScorecard,
  resolveTrack,
  scenarios,
  solve,
  toRecord,
  tracks,
} from '../src/index.js'

function close(actual: unknown, expected: number, rel = 1e-12): void {
  expect(typeof actual).toBe('number')
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThan(rel)
}

const statuses = (id: string, options: Parameters<typeof evaluateScenario>[1] = {}) => {
  const e = evaluateScenario(id, options)
  return [e.feasibility.status, e.performance.status, e.macro.status] as LevelStatus[]
}

describe('scenario data', () => {
  it('holds the ten scenarios of the original', () => {
    expect(scenarios.ids()).toEqual([
      'SmartDoorbell',
      'TinySensor',
      'AutonomousVehicle',
      'AutonomousVehicle_Waymo',
      'MobileHealth',
      'MobileAssistant',
      'LocalTraining',
      'FrontierTraining',
      'ChatbotServing',
      'KeywordSpotting',
    ])
    expect(ORIGINAL_SCENARIOS).toHaveLength(10)
  })

  it('stores SLAs, budgets and rates in SI units', () => {
    const doorbell = scenarios.get('SmartDoorbell')
    expect(doorbell.slaLatency).toBeCloseTo(0.2, 15)
    expect(doorbell.powerBudget).toBeCloseTo(0.1, 15)
    expect(scenarios.get('KeywordSpotting').powerBudget).toBeCloseTo(1e-3, 15)
    expect(scenarios.get('FrontierTraining')).toMatchObject({
      system: { fleet: 'Frontier_8K' },
      slaMetric: 'stepLatency',
    })
    expect(scenarios.get('ChatbotServing').slaMetric).toBe('ttft')
    // 19 TB/h = 19e12 B / 3600 s.
    expect(scenarios.get('AutonomousVehicle_Waymo').dataRate).toBeCloseTo(19e12 / 3600, 3)
  })

  it('gives every number a valid provenance and resolves every reference', () => {
    for (const s of scenarios) {
      expect(provenanceSchema.safeParse(s.provenance).success).toBe(true)
      for (const p of Object.values(s.sources ?? {})) expect(provenanceSchema.safeParse(p).success).toBe(true)
      expect(() => solve('single-node', { workload: s.workload, hardware: 'H100' })).not.toThrow()
      if ('fleet' in s.system) expect(resolveFleet(s.system.fleet).totalAccelerators).toBe(8192)
      else expect(resolveChip(s.system.hardware).id).toBe(s.system.hardware)
    }
    expect(scenarios.get('AutonomousVehicle_Waymo').sources?.dataRate?.kind).toBe('illustrative')
  })

  it('finds scenarios by alias, case- and punctuation-insensitively', () => {
    expect(scenarios.get('chatbot-serving').id).toBe('ChatbotServing')
    expect(scenarios.get('KWS').id).toBe('KeywordSpotting')
    expect(scenarios.get('autonomous_vehicle_waymo').id).toBe('AutonomousVehicle_Waymo')
    expect(() => scenarios.get('SmartDorbell')).toThrow(
      /unknown scenario 'SmartDorbell'; did you mean SmartDoorbell/,
    )
  })

  it('validates scenario definitions', () => {
    const base = { ...ORIGINAL_SCENARIOS[0]!, id: 'Custom' }
    expect(parseScenario({ ...base, slaLatency: '5 ms' }).slaLatency).toBeCloseTo(5e-3, 15)
    expect(() => parseScenario({ ...base, slaLatency: '5 GB' })).toThrow(
      /invalid scenario 'Custom': slaLatency:/,
    )
    expect(() => parseScenario({ ...base, system: { chip: 'H100' } })).toThrow(/system is \{ hardware/)
    expect(() => parseScenario({ ...base, sources: { dataRate: base.provenance } })).toThrow(
      /sources names 'dataRate', which this scenario does not have/,
    )
    expect(() => parseScenario({ ...base, slaMetric: 'stepLatency' })).toThrow(/needs a fleet system/)
    expect(() => parseScenario({ ...base, colour: 'red' })).toThrow(/colour/)
  })
})

describe('evaluateScenario: three levels', () => {
  it('scores every scenario with the expected statuses (default fidelity, fp16, batch 1)', () => {
    const table = Object.fromEntries(scenarios.ids().map((id) => [id, statuses(id)]))
    expect(table).toEqual({
      // TDP 0.4 W above the 100 mW / 50 mW / 1 mW budgets: a WARNING at L1.
      SmartDoorbell: ['WARNING', 'PASS', 'PASS'],
      TinySensor: ['WARNING', 'PASS', 'PASS'],
      AutonomousVehicle: ['PASS', 'PASS', 'PASS'],
      // No storage or host link on the Jetson to feed 5.3 GB/s.
      AutonomousVehicle_Waymo: ['FAIL', 'PASS', 'PASS'],
      MobileHealth: ['PASS', 'PASS', 'PASS'],
      // 16.06 GB of fp16 weights in 8 GiB; streamed from memory, 346 ms per token.
      MobileAssistant: ['FAIL', 'FAIL', 'PASS'],
      LocalTraining: ['PASS', 'PASS', 'PASS'],
      // 3.52 TB of GPT-4 weights against 80 GiB; the step takes longer than 500 ms.
      FrontierTraining: ['FAIL', 'FAIL', 'PASS'],
      ChatbotServing: ['PASS', 'PASS', 'PASS'],
      // fp16 on the ESP32-S3: 80 ms per window against the 30 ms SLA.
      KeywordSpotting: ['WARNING', 'FAIL', 'PASS'],
    })
  })

  it('reproduces the original statuses under mlsysim-0.1.2 (no power check)', () => {
    const original = { fidelity: 'mlsysim-0.1.2' } as const
    expect(statuses('SmartDoorbell', original)).toEqual(['PASS', 'PASS', 'PASS'])
    expect(statuses('KeywordSpotting', original)).toEqual(['PASS', 'FAIL', 'PASS'])
    expect(statuses('ChatbotServing', original)).toEqual(['PASS', 'PASS', 'PASS'])
    expect(statuses('MobileAssistant', original)).toEqual(['FAIL', 'FAIL', 'PASS'])
  })

  it('scores KeywordSpotting on the ESP32-S3 by hand', () => {
    const e = evaluateScenario('KeywordSpotting')
    // 200 k parameters × 2 B = 400 kB: fits the 4 MB memory and the 520 KiB SRAM.
    expect(e.feasibility.metrics).toMatchObject({ weightSize: 400e3, capacity: 4e6, dataStalled: false })
    expect(e.feasibility.metrics.devicePower).toBeCloseTo(0.4, 12)
    expect(e.feasibility.summary).toMatch(/TDP 400 mW exceeds the 1 mW budget/)
    // fp16 runs at the 0.5 GFLOP/s headline: 20 MFLOP / 0.25 GFLOP/s = 80 ms; SRAM traffic
    // 440 kB / 0.96 GB/s = 0.458 ms; + 1 ms dispatch + 1 layer × 0.01 ms.
    close(e.performance.metrics.latency, 0.08 + 1e-3 + 1e-5)
    expect(e.performance.metrics.bottleneck).toBe('compute')
    expect(e.performance.summary).toBe('Latency: 81 ms (target: 30 ms)')
    // int8: 20 MFLOP / (2.4 GOP/s × 0.5) = 16.67 ms + 1.01 ms, inside 30 ms; 200 kB of weights.
    const int8 = evaluateScenario('KeywordSpotting', { precision: 'int8' })
    close(int8.performance.metrics.latency, 20e6 / 1.2e9 + 1e-3 + 1e-5)
    expect(int8.feasibility.metrics.weightSize).toBe(200e3)
    expect([int8.feasibility.status, int8.performance.status]).toEqual(['WARNING', 'PASS'])
  })

  it('sizes L1 weights at the requested precision, or at fp16 under the original (quirk 2)', () => {
    // Llama-3 8B in int4: 8.03 B × 0.5 B = 4.015 GB fits the iPhone's 8 GiB; the original
    // sized it at fp16 (16.06 GB) and failed it.
    const int4 = evaluateScenario('MobileAssistant', { precision: 'int4' })
    expect(int4.feasibility.metrics.weightSize).toBe(4.015e9)
    expect(int4.feasibility.status).toBe('PASS')
    const original = evaluateScenario('MobileAssistant', { precision: 'int4', fidelity: 'mlsysim-0.1.2' })
    expect(original.feasibility.metrics.weightSize).toBe(16.06e9)
    expect(original.feasibility.status).toBe('FAIL')
    expect(original.feasibility.summary).toBe('OOM: requires 16.1 GB but only has 8.59 GB')
    // L2 is the same in both: 4.015 GB × 1.1 / 51.2 GB/s = 86.26 ms + 1 ms + 32 × 0.01 ms < 100 ms.
    for (const e of [int4, original]) {
      close(e.performance.metrics.latency, (4.015e9 * 1.1) / 51.2e9 + 1e-3 + 32e-5)
      expect(e.performance.status).toBe('PASS')
    }
  })

  it('fails the data wall of the Waymo pipeline', () => {
    const e = evaluateScenario('AutonomousVehicle_Waymo')
    expect(e.feasibility.status).toBe('FAIL')
    expect(e.feasibility.metrics).toMatchObject({
      dataStalled: true,
      dataSupply: 0,
      dataUtilization: Number.POSITIVE_INFINITY,
    })
    expect(e.feasibility.summary).toMatch(/Data wall: pipeline stalled \(no storage or host link/)
    // YOLOv8-Nano on the Orin NX: 8.7 GFLOP / 12.5 TFLOP/s = 0.696 ms + 0.2 ms + 225 × 0.01 ms.
    close(e.performance.metrics.latency, 8.7e9 / 12.5e12 + 2e-4 + 225e-5)
    expect(e.passedAll).toBe(false)
  })

  it('checks the chatbot TTFT with the serving solver by default, one forward pass under the original', () => {
    const e = evaluateScenario('ChatbotServing')
    // Golden case: Llama-3 8B on an H100 at 2048 tokens, TTFT 70.97 ms.
    close(e.performance.metrics.ttft, 70.97037058756726e-3, 1e-9)
    expect(e.performance.metrics.latency).toBe(e.performance.metrics.ttft)
    expect(e.performance.summary).toBe('TTFT: 71 ms (target: 0.5 s)')
    const original = evaluateScenario('ChatbotServing', { fidelity: 'mlsysim-0.1.2' })
    // 16.06 GB × 1.1 / 3.35 TB/s + 0.01 ms + 32 × 0.01 ms = 5.603 ms.
    close(original.performance.metrics.latency, (16.06e9 * 1.1) / 3.35e12 + 1e-5 + 32e-5)
    expect(original.performance.metrics.ttft).toBeUndefined()
  })

  it('runs the distributed solver for a fleet scenario', () => {
    const e = evaluateScenario('FrontierTraining', { batchSize: 8192 })
    const r = solve('distributed', { workload: 'GPT4', fleet: 'Frontier_8K', batchSize: 8192 })
    expect(e.performance.metrics).toMatchObject({
      latency: r.stepTime,
      throughput: r.throughput,
      scalingEfficiency: r.scalingEfficiency,
      mfu: r.mfu,
      nodeMfu: r.node.mfu,
    })
    expect(e.performance.status).toBe(r.stepTime > 0.5 ? 'FAIL' : 'PASS')
  })

  it('evaluates an inline scenario without registering it', () => {
    const e = evaluateScenario({
      id: 'KwsOnNrf',
      name: 'Keyword spotting on an nRF52840',
      description: 'The KWS scenario moved to a Cortex-M4F.',
      workload: 'DS_CNN',
      system: { hardware: 'nRF52840' },
      slaLatency: '1 s',
      provenance: ORIGINAL_SCENARIOS[0]!.provenance,
    })
    // fp16 runs at the 64 MFLOP/s headline: 20 MFLOP / (64 MFLOP/s × 0.5) = 625 ms, + 0.5 ms
    // dispatch + 1 layer × 0.01 ms; the 400 kB of weights exceed the 256 KiB SRAM and stream
    // from 64 MB/s flash (440 kB / 64 MB/s = 6.9 ms, below the compute time).
    close(e.performance.metrics.latency, 20e6 / 32e6 + 5e-4 + 1e-5)
    expect(e.scenarioId).toBe('KwsOnNrf')
    expect(scenarios.has('KwsOnNrf')).toBe(false)
  })

  it('validates options', () => {
    expect(() => evaluateScenario('TinySensor', { batchSize: 0 })).toThrow(
      /batchSize must be a whole number ≥ 1/,
    )
    expect(() => evaluateScenario('TinySensor', { precision: 'fp12' })).toThrow(
      new RangeError(
        'precision: unknown precision "fp12"; valid precisions are fp32, tf32, bf16, fp16, fp8, int8, fp4, int4',
      ),
    )
    expect(() => evaluateScenario('TinySensor', { fidelity: 'exact' as never })).toThrow(
      /fidelity must be one of/,
    )
    expect(() => evaluateScenario('NoSuchScenario')).toThrow(/unknown scenario/)
  })

  it('renders and flattens like a plan evaluation', () => {
    const e = evaluateScenario('SmartDoorbell')
    const text = renderScorecard(e)
    expect(text).toContain('Scenario: Smart Doorbell')
    expect(text).toContain('Level 1: Feasibility [WARNING]')
    expect(text).toMatch(/weight size +500 kB/)
    const record = toRecord(e)
    expect(record).toMatchObject({
      scenario: 'Smart Doorbell',
      f_status: 'WARNING',
      p_status: 'PASS',
      m_status: 'PASS',
    })
    expect(record.p_slaLatency).toBeCloseTo(0.2, 15)
  })
})

describe('tracks', () => {
  it('holds the four lab tracks with their hardware', () => {
    expect(tracks.ids()).toEqual(['iphone', 'oura_ring', 'robotaxi', 'cloud_fleet'])
    expect(tracks.list().map((t) => [t.hardware, t.system])).toEqual([
      ['iPhone15Pro', undefined],
      ['OuraRing', undefined],
      ['RoboTaxi', undefined],
      ['H100', 'Lab_64_H100'],
    ])
    for (const t of tracks) {
      expect(resolveChip(t.hardware).id).toBe(t.hardware)
      if (t.system) expect(resolveFleet(t.system).totalAccelerators).toBe(64)
      expect(provenanceSchema.safeParse(t.provenance).success).toBe(true)
      expect(t.primaryMetrics.length).toBeGreaterThan(0)
      expect(t.guardrailMetrics.length).toBeGreaterThan(0)
      expect(t.dominantConstraints.length).toBeGreaterThan(0)
    }
  })

  it('resolves the labs’ aliases', () => {
    const cases: Array<[string, string]> = [
      ['mobile', 'iphone'],
      ['phone', 'iphone'],
      ['Mobile ML', 'iphone'],
      ['tiny', 'oura_ring'],
      ['tinyml', 'oura_ring'],
      ['wearable', 'oura_ring'],
      ['edge', 'robotaxi'],
      ['taxi', 'robotaxi'],
      ['Robo-Taxi', 'robotaxi'],
      ['cloud', 'cloud_fleet'],
      ['fleet', 'cloud_fleet'],
      ['Cloud/Fleet', 'cloud_fleet'],
    ]
    for (const [alias, id] of cases) expect(resolveTrack(alias).id, alias).toBe(id)
  })

  it('opens on the iPhone track and rejects unknown tracks', () => {
    expect(DEFAULT_TRACK_ID).toBe('iphone')
    expect(resolveTrack().id).toBe('iphone')
    expect(resolveTrack('  ').id).toBe('iphone')
    expect(() => resolveTrack('datacenter')).toThrow(/unknown track 'datacenter'/)
  })

  it('describes each track’s stakeholder and constraints', () => {
    expect(resolveTrack('cloud_fleet')).toMatchObject({
      stakeholder: 'Fleet service owner',
      primaryMetrics: ['throughput', 'p99 latency', 'cost/request', 'utilization', 'carbon'],
      dominantConstraints: ['throughput', 'SLA', 'cost', 'utilization', 'carbon intensity'],
    })
    expect(resolveTrack('oura_ring').dominantConstraints).toEqual([
      'SRAM',
      'flash',
      'battery energy',
      'radio/OTA budget',
    ])
    expect(resolveTrack('robotaxi').stakeholder).toBe('Autonomous vehicle platform engineer')
  })
})
