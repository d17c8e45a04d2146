// The evaluator, plans and assertions. Expected values are the original's golden numbers
// (fixtures/conformance.json) or derived by hand in the comments next to them.
import { readFileSync } from 'node:fs'
import { resolveChip } from '@mlsysim/hardware'
import { describe, expect, it } from 'vitest'
import {
  evaluate,
  loadPlan,
  METRICS,
  metricAt,
  type Plan,
  PlanError,
  parsePlan,
  planFleet,
  planJsonSchema,
  renderScorecard,
  solve,
  toRecord,
} from '../src/index.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/plans/${name}`, import.meta.url), 'utf8')

/** Relative closeness for floating-point results of several operations. */
function close(actual: unknown, expected: number, rel = 1e-12): void {
  expect(typeof actual).toBe('number')
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThan(rel)
}

function planError(run: () => unknown): PlanError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError)
    return error as PlanError
  }
  throw new Error('expected a PlanError')
}

const minimal = { version: '1.0', name: 'r50', workload: { name: 'ResNet50' }, hardware: { name: 'A100' } }

describe('plan schema', () => {
  it('applies the original defaults', () => {
    const plan = parsePlan(minimal)
    expect(plan.workload).toEqual({ name: 'ResNet50', batchSize: 1, seqLen: 2048 })
    expect(plan.hardware).toEqual({
      name: 'A100',
      nodes: 1,
      fabricBandwidth: 50e9, // "50 GB/s"
      precision: 'fp16',
      efficiency: 0.5,
    })
    expect(plan.ops).toBeUndefined()
    expect(plan.parallelism).toBeUndefined()
    expect(plan.constraints.assert).toEqual([])
  })

  it('fills ops defaults when an ops block is given', () => {
    const plan = parsePlan({ ...minimal, ops: {} })
    expect(plan.ops).toEqual({ region: 'US_Avg', durationDays: 30 })
  })

  it('reads snake_case and camelCase keys alike', () => {
    const snake = parsePlan({
      version: 1,
      name: 'fleet',
      workload: { name: 'Llama3_8B', batch_size: 64, seq_len: 4096 },
      hardware: {
        name: 'H100',
        nodes: 16,
        accelerators_per_node: 8,
        intra_node_bw: '450 GB/s',
        fabric_bandwidth: '400 Gbps',
        precision: 'bf16',
        efficiency: 0.4,
      },
      parallelism: { tp_size: 8, pp_size: 2, zero_stage: 1, microbatches: 4 },
      ops: { region: 'Quebec', duration_days: 7 },
      constraints: { assert: [{ metric: 'performance.step_latency', max: 2000 }] },
    })
    const camel = parsePlan({
      version: '1',
      name: 'fleet',
      workload: { name: 'Llama3_8B', batchSize: 64, seqLen: 4096 },
      hardware: {
        name: 'H100',
        nodes: 16,
        acceleratorsPerNode: 8,
        intraNodeBw: 450e9,
        fabricBandwidth: 50e9,
        precision: 'bf16',
        efficiency: 0.4,
      },
      parallelism: { tpSize: 8, ppSize: 2, zeroStage: 1, microbatches: 4 },
      ops: { region: 'Quebec', durationDays: 7 },
      constraints: { assert: [{ metric: 'performance.step_latency', max: '2 s' }] },
    })
    expect(camel).toEqual(snake)
    expect(snake.hardware.fabricBandwidth).toBe(50e9) // 400 Gbps ÷ 8
    expect(snake.constraints.assert[0]).toEqual({ metric: 'performance.step_latency', max: 2 }) // 2000 ms
  })

  it('reads a bare bound in the original unit and a string bound in its own unit', () => {
    const bounds = (max: number | string, metric = 'performance.latency') =>
      parsePlan({ ...minimal, constraints: { assert: [{ metric, max }] } }).constraints.assert[0]!.max
    expect(bounds(50)).toBeCloseTo(0.05, 15) // ms
    expect(bounds('50 ms')).toBeCloseTo(0.05, 15)
    expect(bounds('50000 us')).toBeCloseTo(0.05, 15)
    expect(bounds(2, 'feasibility.memory_used_gb')).toBe(2e9) // GB
    expect(bounds('2 GiB', 'feasibility.memoryUsed')).toBe(2 * 2 ** 30)
    expect(bounds(1.5, 'macro.carbon_footprint')).toBe(1500) // tonnes → kg
    expect(bounds('$2.5M', 'macro.tco')).toBe(2.5e6)
    expect(bounds('50 %', 'performance.mfu')).toBe(0.5)
  })

  it('names the path of every bad field', () => {
    const error = planError(() =>
      parsePlan({
        version: '1',
        name: 'bad',
        workload: { name: 'ResNet50', batch_size: 0, gpus: 8 },
        hardware: { name: 'H10' },
      }),
    )
    const paths = error.issues.map((i) => i.path)
    expect(paths).toContain('workload.batch_size')
    expect(paths).toContain('workload.gpus')
    expect(paths).toContain('hardware.name')
    expect(error.message).toMatch(/workload\.batch_size: must be a whole number ≥ 1/)
    expect(error.message).toMatch(/unknown workload key 'gpus'; allowed keys: name, batch_size, batchSize/)
    expect(error.message).toMatch(/hardware\.name: unknown hardware 'H10'; did you mean H100/)
  })

  it('rejects unknown keys at every level, suggesting the key that was meant', () => {
    expect(planError(() => parsePlan({ ...minimal, extra: 1 })).message).toMatch(/\(plan\)|extra/)
    const hw = planError(() => parsePlan({ ...minimal, hardware: { name: 'A100', precison: 'fp16' } }))
    expect(hw.path).toBe('hardware.precison')
    expect(hw.message).toMatch(/did you mean 'precision'\?/)
    const ops = planError(() => parsePlan({ ...minimal, ops: { duration: 3 } }))
    expect(ops.path).toBe('ops.duration')
    const assertion = planError(() =>
      parsePlan({
        ...minimal,
        constraints: { assert: [{ metric: 'performance.latency', max: 1, below: 2 }] },
      }),
    )
    expect(assertion.path).toBe('constraints.assert.0.below')
  })

  it('rejects a key given in both spellings', () => {
    const error = planError(() =>
      parsePlan({ ...minimal, workload: { name: 'ResNet50', batch_size: 1, batchSize: 2 } }),
    )
    expect(error.path).toBe('workload.batchSize')
    expect(error.message).toMatch(/batch_size and batchSize are the same key; give it once/)
  })

  it('rejects unknown names of workloads and regions with suggestions', () => {
    expect(planError(() => parsePlan({ ...minimal, workload: { name: 'ResNet5O' } })).path).toBe(
      'workload.name',
    )
    const region = planError(() => parsePlan({ ...minimal, ops: { region: 'Quebek' } }))
    expect(region.path).toBe('ops.region')
    expect(region.message).toMatch(/did you mean Quebec/)
  })

  it('rejects accelerators that do not divide into servers', () => {
    const error = planError(() =>
      parsePlan({ ...minimal, hardware: { name: 'H100', nodes: 12, accelerators_per_node: 8 } }),
    )
    expect(error.path).toBe('hardware.nodes')
    expect(error.message).toMatch(/12 accelerators do not divide into servers of 8/)
  })

  it('rejects parallelism that does not divide the accelerators', () => {
    const error = planError(() =>
      parsePlan({
        ...minimal,
        hardware: { name: 'H100', nodes: 24, accelerators_per_node: 8 },
        parallelism: { tp_size: 16 },
      }),
    )
    expect(error.path).toBe('parallelism')
    expect(error.message).toMatch(
      /tp_size × pp_size = 16 × 1 must divide the 24 accelerators of hardware\.nodes/,
    )
    expect(planError(() => parsePlan({ ...minimal, parallelism: { pp_size: 2 } })).message).toMatch(
      /must divide the 1 accelerator of hardware\.nodes/,
    )
  })

  it('rejects bad assertions', () => {
    const assertion = (a: Record<string, unknown>) =>
      planError(() => parsePlan({ ...minimal, constraints: { assert: [a] } }))
    const unknown = assertion({ metric: 'performance.latncy', max: 1 })
    expect(unknown.path).toBe('constraints.assert.0.metric')
    expect(unknown.message).toMatch(/unknown metric 'performance\.latncy'; did you mean performance\.latency/)
    expect(assertion({ metric: 'performance.latency' }).message).toMatch(/needs max, min or both/)
    const unit = assertion({ metric: 'performance.latency', max: '2 GB' })
    expect(unit.path).toBe('constraints.assert.0.max')
    expect(unit.message).toMatch(/performance\.latency is seconds/)
    expect(assertion({ metric: 'performance.mfu', min: 0.6, max: 0.5 }).message).toMatch(/min is above max/)
  })

  it('rejects bad values with what is allowed', () => {
    expect(
      planError(() => parsePlan({ ...minimal, hardware: { name: 'A100', efficiency: 1.5 } })).message,
    ).toMatch(/hardware\.efficiency: must be a number ≥ 1e-9 and ≤ 1/)
    expect(
      planError(() => parsePlan({ ...minimal, hardware: { name: 'A100', precision: 'fp12' } })).path,
    ).toBe('hardware.precision')
    expect(
      planError(() => parsePlan({ ...minimal, hardware: { name: 'A100', fabric_bandwidth: '80 GiB' } })).path,
    ).toBe('hardware.fabric_bandwidth')
    expect(planError(() => parsePlan({ ...minimal, parallelism: { zero_stage: 4 } })).path).toBe(
      'parallelism.zero_stage',
    )
    expect(planError(() => parsePlan({ version: '1', name: 'x', workload: { name: 'ResNet50' } })).path).toBe(
      'hardware',
    )
  })

  it('exports a JSON Schema with both spellings and no extra keys', () => {
    const schema = planJsonSchema() as {
      required: string[]
      additionalProperties: boolean
      properties: Record<
        string,
        { properties: Record<string, { description?: string }>; additionalProperties: boolean }
      >
    }
    expect(schema.required).toEqual(['version', 'name', 'workload', 'hardware'])
    expect(schema.additionalProperties).toBe(false)
    const workload = schema.properties.workload!
    expect(Object.keys(workload.properties)).toEqual(['name', 'batch_size', 'batchSize', 'seq_len', 'seqLen'])
    expect(workload.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties.hardware!.properties)).toContain('fabric_bandwidth')
    expect(schema.properties.hardware!.properties.fabric_bandwidth!.description).toMatch(/default "50 GB\/s"/)
    expect(JSON.stringify(schema)).toContain('macro.tco_usd')
  })

  it('knows every metric by both spellings', () => {
    for (const metric of METRICS) {
      expect(metricAt(`${metric.level}.${metric.key}`)).toBe(metric)
      expect(metricAt(`${metric.level}.${metric.original}`)).toBe(metric)
    }
    expect(metricAt('performance.tco')).toBeUndefined()
  })
})

describe('loadPlan', () => {
  it('reads YAML and JSON into the same plan', () => {
    const yaml = loadPlan(fixture('resnet50-a100-inference.yaml'))
    const json = loadPlan(
      JSON.stringify({
        version: '1.0',
        name: 'ResNet-50 inference on one A100',
        workload: { name: 'ResNet50', batch_size: 1 },
        hardware: { name: 'A100', precision: 'fp16', efficiency: 0.5 },
        constraints: {
          assert: [
            { metric: 'performance.latency', max: '1 ms' },
            { metric: 'performance.throughput', min: '1000 /s' },
            { metric: 'feasibility.memory_utilization', max: 0.5 },
          ],
        },
      }),
    )
    expect(json).toEqual(yaml)
    expect(yaml.constraints.assert.map((a) => a.max ?? a.min)).toEqual([1e-3, 1000, 0.5])
  })

  it('reports syntax errors, duplicate keys and non-plans', () => {
    expect(planError(() => loadPlan('version: "1"\nname: [unclosed\n')).message).toMatch(
      /not valid YAML at line/,
    )
    expect(planError(() => loadPlan('version: 1\nname: a\nname: b\n')).message).toMatch(/not valid YAML/)
    expect(planError(() => loadPlan('{"version": 1,')).message).toMatch(/not valid JSON/)
    expect(planError(() => loadPlan('  \n')).message).toMatch(/the plan is empty/)
    expect(planError(() => loadPlan('- a\n- b\n')).message).toMatch(/a plan is a mapping/)
    // A raw plan that is not an object, or lacks a block, says what is expected.
    expect(planError(() => evaluate(null as never)).message).toBe(
      'invalid plan: (plan): a plan is a mapping with version, name, workload and hardware',
    )
    expect(planError(() => evaluate({ version: '1', name: 'x', hardware: { name: 'A100' } })).message).toBe(
      'invalid plan: workload: must be a workload block { name, batch_size?, seq_len? }',
    )
  })
})

describe('evaluate: one accelerator', () => {
  it('scores ResNet-50 on an A100 with the golden values', () => {
    const result = evaluate(loadPlan(fixture('resnet50-a100-inference.yaml')))
    expect(result.scenarioName).toBe('ResNet-50 inference on one A100')
    expect(result.feasibility.status).toBe('PASS')
    expect(result.feasibility.levelName).toBe('Memory Feasibility')
    // 25.6 M parameters × 2 B (fp16) against 80 GiB.
    expect(result.feasibility.metrics).toEqual({
      memoryUsed: 51.2e6,
      memoryCapacity: 80 * 2 ** 30,
      memoryUtilization: 51.2e6 / (80 * 2 ** 30),
    })
    expect(result.performance.status).toBe('PASS')
    expect(result.performance.summary).toBe('Compute bound')
    // 8.2 GFLOP / (312 TFLOP/s × 0.5) + 0.015 ms dispatch + 50 layers × 0.01 ms = 0.5676 ms.
    close(result.performance.metrics.latency, 0.5675641025641026e-3)
    close(result.performance.metrics.throughput, 1761.915518409758)
    close(result.performance.metrics.mfu, 0.046306754009487236)
    expect(result.macro).toEqual({
      levelName: 'Macro',
      status: 'SKIPPED',
      summary: 'No ops config provided',
      metrics: {},
    })
    expect(result.passedAll).toBe(true)
    expect(result.assertionsPassed).toBe(true)
    expect(result.violations).toEqual([])
    expect(result.assertions.map((a) => a.passed)).toEqual([true, true, true])
    expect(result.assertions[0]!.message).toBe('performance.latency (0.568 ms) ≤ 1 ms')
    expect(result.trace.some((line) => line.startsWith('Memory Wall: Passed'))).toBe(true)
  })

  it('fails an assertion written with a bare number in ms', () => {
    const result = evaluate(loadPlan(fixture('llama3-8b-h100-latency-budget.yaml')))
    // Memory-bound decode: 16.06 GB × (1 + 0.1 × 1) / 3.35 TB/s = 5.27343 ms,
    // plus 0.01 ms dispatch + 32 layers × 0.01 ms = 5.60343 ms.
    close(result.performance.metrics.latency, (16.06e9 * 1.1) / 3.35e12 + 1e-5 + 32 * 1e-5)
    expect(result.performance.summary).toBe('Memory bound')
    expect(result.passedAll).toBe(true)
    expect(result.assertionsPassed).toBe(false)
    expect(result.assertions[0]).toMatchObject({ metric: 'performance.latency', max: 5e-3, passed: false })
    expect(result.violations).toEqual(['performance.latency (5.6 ms) exceeds max (5 ms)'])
    // 16.06 GB of weights against the 80 GB bound (bare number, GB).
    expect(result.assertions[1]).toMatchObject({ value: 16.06e9, max: 80e9, passed: true })
  })

  it('evaluates a camelCase plan with unit strings', () => {
    const result = evaluate(loadPlan(fixture('ds-cnn-esp32-camelcase.yaml')))
    // int8: 20 MFLOP / (2.4 GOP/s × 0.5) = 16.667 ms, + 1 ms dispatch + 1 layer × 0.01 ms.
    close(result.performance.metrics.latency, 20e6 / 1.2e9 + 1e-3 + 1e-5)
    expect(result.feasibility.metrics.memoryUsed).toBe(200e3) // 200 k parameters × 1 B
    expect(result.assertions.map((a) => [a.max, a.passed])).toEqual([
      [0.03, true],
      [520 * 1024, true],
    ])
  })

  it('gives the same scorecard for the snake_case and camelCase spellings', () => {
    const snake = evaluate({ ...minimal, workload: { name: 'ResNet50', batch_size: 8 } })
    const camel = evaluate({ ...minimal, workload: { name: 'ResNet50', batchSize: 8 } })
    expect(toRecord(camel)).toEqual(toRecord(snake))
  })

  it('scores an infeasible design as FAIL levels, not an exception', () => {
    // Llama-2-70B in fp16: 70 B × 2 B = 140 GB > 80 GiB.
    const result = evaluate({ ...minimal, workload: { name: 'Llama2_70B' } })
    expect(result.feasibility.status).toBe('FAIL')
    expect(result.feasibility.metrics.memoryUsed).toBe(140e9)
    expect(result.performance.status).toBe('FAIL')
    expect(result.performance.summary).toBe('Memory bound (infeasible)')
    expect(result.passedAll).toBe(false)
  })

  it('fails assertions on metrics the evaluation did not produce', () => {
    const result = evaluate({
      ...minimal,
      ops: { duration_days: 7 },
      constraints: {
        assert: [
          { metric: 'performance.scaling_efficiency', min: 0.5 },
          { metric: 'macro.tco_usd', max: 1000 },
        ],
      },
    })
    expect(result.macro.status).toBe('SKIPPED')
    expect(result.macro.summary).toMatch(/Single accelerator: no fleet to cost/)
    expect(result.assertionsPassed).toBe(false)
    expect(result.violations).toEqual([
      'performance.scaling_efficiency is not available in evaluation metrics',
      'macro.tco_usd is not available in evaluation metrics',
    ])
  })

  it('checks min and max together', () => {
    const result = evaluate({
      ...minimal,
      constraints: { assert: [{ metric: 'performance.mfu', min: 0.05, max: 0.9 }] },
    })
    // MFU 0.0463 is below the 0.05 floor.
    expect(result.violations).toEqual(['performance.mfu (0.0463068) is below min (0.05)'])
  })

  it('is identical in both fidelities for the golden case', () => {
    const plan: Plan = parsePlan(minimal)
    expect(toRecord(evaluate(plan, { fidelity: 'mlsysim-0.1.2' }))).toEqual(toRecord(evaluate(plan)))
  })

  it('rejects an unknown fidelity', () => {
    expect(() => evaluate(minimal, { fidelity: 'exact' as never })).toThrow(
      /fidelity must be one of default, mlsysim-0\.1\.2/,
    )
  })
})

describe('evaluate: a fleet', () => {
  const training = loadPlan(fixture('llama3-8b-1024xh100-training.yaml'))
  const h100 = resolveChip('H100')

  it('builds the fleet the plan describes', () => {
    const fleet = planFleet(training, h100, 'default')
    expect(fleet).toMatchObject({
      count: 128, // 1024 accelerators / 8 per server
      region: 'US_Avg',
      node: { accelerator: 'H100', acceleratorsPerNode: 8, nicsPerNode: 8, intraNodeBandwidth: 450e9 },
      fabric: { bandwidth: 50e9, name: 'Default Fabric' }, // 400 Gbps
    })
    // The original fed NVLink's 900 GB/s bidirectional total as the per-direction bandwidth
    // and never placed the fleet in ops.region.
    const original = planFleet(training, h100, 'mlsysim-0.1.2')
    expect(original.node).toMatchObject({ intraNodeBandwidth: 900e9 })
    expect(original.region).toBeUndefined()
    // Without accelerators_per_node the chip's acceleratorCount (none for H100) or 1 applies.
    const flat = parsePlan({ ...minimal, hardware: { name: 'H100', nodes: 4 } })
    expect(planFleet(flat, h100, 'default')).toMatchObject({ count: 4, node: { acceleratorsPerNode: 1 } })
    // Without any link, the intra-node bandwidth falls back to the fabric.
    const esp = parsePlan({
      ...minimal,
      hardware: { name: 'ESP32_S3', nodes: 2, fabric_bandwidth: '1 GB/s' },
    })
    expect(planFleet(esp, resolveChip('ESP32_S3'), 'default').node).toMatchObject({ intraNodeBandwidth: 1e9 })
  })

  it('scores the 1024-GPU training plan from the distributed and economics solvers', () => {
    const result = evaluate(training)
    const r = solve('distributed', {
      workload: 'Llama3_8B',
      fleet: planFleet(training, h100, 'default'),
      batchSize: 1024,
      seqLen: 2048,
      efficiency: 0.45,
      tpSize: 8,
      zeroStage: 1,
    })
    expect(result.feasibility).toEqual({
      levelName: 'Distributed Feasibility',
      status: 'PASS',
      summary: expect.stringMatching(/per accelerator/),
      metrics: {
        memoryUsed: r.node.memoryFootprint,
        memoryCapacity: 80 * 2 ** 30,
        memoryUtilization: r.node.memoryUtilization,
      },
    })
    expect(result.performance.levelName).toBe('Fleet Performance')
    expect(result.performance.metrics).toEqual({
      stepLatency: r.stepTime,
      commOverhead: r.communicationTime,
      fleetThroughput: r.throughput,
      mfu: r.mfu,
      nodeMfu: r.node.mfu,
      scalingEfficiency: r.scalingEfficiency,
    })
    // Macro over 30 days at the fleet MFU m, US average grid (PUE 1.12, 429 g/kWh, $0.12/kWh):
    //   energy = 1024 × 700 W × (0.3 + 0.7·m) × 720 h × 1.12;
    //   CapEx = $25,000 × 1024 / 3 years × 30/365; maintenance = 5 %/year of $25.6M × 30/365.
    const mfu = r.mfu
    const kwh = (1024 * 700 * (0.3 + 0.7 * mfu) * 720 * 1.12) / 1000
    const capex = ((25_000 * 1024) / 3) * (30 / 365)
    const maintenance = 25_000 * 1024 * 0.05 * (30 / 365)
    expect(result.macro.status).toBe('PASS')
    close(result.macro.metrics.capex, capex)
    close(result.macro.metrics.energyCost, kwh * 0.12, 1e-9)
    close(result.macro.metrics.carbonFootprint, kwh * 0.429, 1e-9)
    close(result.macro.metrics.tco, capex + kwh * 0.12 + maintenance, 1e-9)
    expect(result.macro.summary).toBe(
      `TCO: $${Math.round(capex + kwh * 0.12 + maintenance).toLocaleString('en-US')}`,
    )
    expect(result.assertionsPassed).toBe(true)
    expect(result.passedAll).toBe(true)
  })

  it('reproduces the original golden distributed and economics values under mlsysim-0.1.2', () => {
    // Golden cases 7 and 9: Llama-3 8B on 32 × DGX H100 over 100GbE, B = 1024, S = 2048,
    // η = 0.45, TP 8, PP 4, 16 microbatches, ZeRO-1; one day of operation.
    const plan = {
      version: '1.0',
      name: 'Research_256 as a plan',
      workload: { name: 'Llama3_8B', batch_size: 1024, seq_len: 2048 },
      hardware: {
        name: 'H100',
        nodes: 256,
        accelerators_per_node: 8,
        intra_node_bw: '450 GB/s',
        fabric_bandwidth: '100 Gbps',
        efficiency: 0.45,
      },
      parallelism: { tp_size: 8, pp_size: 4, microbatches: 16, zero_stage: 1 },
      ops: { duration_days: 1 },
    }
    const result = evaluate(plan, { fidelity: 'mlsysim-0.1.2' })
    expect(result.feasibility).toEqual({
      levelName: 'Feasibility',
      status: 'PASS',
      summary: 'Distributed Model Check Passed',
      metrics: {},
    })
    const p = result.performance.metrics
    close(p.stepLatency, 5088.519845717895e-3, 1e-9)
    close(p.commOverhead, 1077.67958256e-3, 1e-9)
    close(p.fleetThroughput, 6439.59363302376, 1e-9)
    close(p.scalingEfficiency, 0.6807298792231218, 1e-9)
    close(p.mfu, (p.nodeMfu as number) * (p.scalingEfficiency as number))
    // The original's evaluator left the economics at MFU 1.0: 256 × 700 W × 24 h = 4300.8 kWh IT,
    // × 1.12 = 4816.896 kWh; × 429 g/kWh = 2066.448384 kg; × $0.12 = $578.02752. CapEx and
    // maintenance are golden case 9's ($25,000 × 256 / 3 / 365 and 5 % of $6.4M / 365).
    const m = result.macro.metrics
    close(m.carbonFootprint, 2066.448384, 1e-9)
    close(m.energyCost, 578.02752, 1e-9)
    close(m.capex, 5844.748858447489, 1e-9)
    close(m.tco, 5844.748858447489 + 578.02752 + 876.7123287671233, 1e-9)
  })

  it('places the default fleet in ops.region; the original always used US_Avg', () => {
    const raw = {
      version: '1.0',
      name: 'quebec',
      workload: { name: 'Llama3_8B', batch_size: 1024 },
      hardware: {
        name: 'H100',
        nodes: 1024,
        accelerators_per_node: 8,
        fabric_bandwidth: '400 Gbps',
        efficiency: 0.45,
      },
      parallelism: { tp_size: 8, zero_stage: 1 },
      ops: { region: 'Quebec', duration_days: 30 },
    }
    expect(parsePlan(raw).ops).toEqual({ region: 'Quebec', durationDays: 30 })
    const usAvg = evaluate({ ...raw, ops: { region: 'US_Avg', duration_days: 30 } })
    const quebec = evaluate(raw)
    // Quebec: 20 g/kWh at PUE 1.06, against 429 g/kWh at PUE 1.12.
    close(
      (quebec.macro.metrics.carbonFootprint as number) / (usAvg.macro.metrics.carbonFootprint as number),
      (20 * 1.06) / (429 * 1.12),
      1e-9,
    )
    const original = (plan: unknown) => evaluate(plan, { fidelity: 'mlsysim-0.1.2' }).macro.metrics
    expect(original(raw)).toEqual(original({ ...raw, ops: { region: 'US_Avg', duration_days: 30 } }))
  })

  it('fails an unsharded fleet on memory by default; the original passed it', () => {
    // Pure data parallelism without ZeRO keeps all 8 B parameters' training state on every GPU.
    const plan = {
      version: '1.0',
      name: 'dp only',
      workload: { name: 'Llama3_8B', batch_size: 1024 },
      hardware: { name: 'H100', nodes: 1024, accelerators_per_node: 8 },
    }
    const result = evaluate(plan)
    expect(result.feasibility.status).toBe('FAIL')
    expect(result.feasibility.metrics.memoryUtilization as number).toBeGreaterThan(1)
    expect(result.performance.status).toBe('FAIL')
    expect(result.performance.summary).toMatch(/\(infeasible\)$/)
    expect(result.macro.status).toBe('SKIPPED')
    expect(result.passedAll).toBe(false)
    const original = evaluate(plan, { fidelity: 'mlsysim-0.1.2' })
    expect([original.feasibility.status, original.performance.status]).toEqual(['PASS', 'PASS'])
  })

  it('reports original-fidelity feasibility metrics as unavailable to assertions', () => {
    const result = evaluate(training, { fidelity: 'mlsysim-0.1.2' })
    expect(result.violations).toEqual([
      'feasibility.memory_utilization is not available in evaluation metrics',
    ])
  })
})

describe('toRecord', () => {
  it('flattens the levels like the original to_dict()', () => {
    const record = toRecord(evaluate(minimal))
    expect(Object.keys(record)).toEqual([
      'scenario',
      'f_status',
      'p_status',
      'm_status',
      'f_memoryUsed',
      'f_memoryCapacity',
      'f_memoryUtilization',
      'p_latency',
      'p_throughput',
      'p_mfu',
    ])
    expect(record).toMatchObject({ scenario: 'r50', f_status: 'PASS', p_status: 'PASS', m_status: 'SKIPPED' })
  })
})

describe('renderScorecard', () => {
  const result = evaluate(loadPlan(fixture('llama3-8b-h100-latency-budget.yaml')))

  it('draws a box with the levels, metrics and assertions', () => {
    const text = renderScorecard(result)
    const lines = text.split('\n')
    expect(lines[0]).toBe(`╔${'═'.repeat(64)}╗`)
    expect(lines.at(-1)).toBe(`╚${'═'.repeat(64)}╝`)
    for (const line of lines) expect([...line]).toHaveLength(66)
    expect(lines).toContain(`║ Scenario: Llama-3 8B decode on one H100${' '.repeat(24)}║`)
    const content = lines.map((l) => l.slice(2, -1).trimEnd())
    expect(content).toEqual(
      expect.arrayContaining([
        'MLSys·im SYSTEM EVALUATION',
        'Level 1: Memory Feasibility [PASS]',
        '↳ 16.1 GB / 85.9 GB used (18.7%)',
        'Level 2: Single Node Performance [PASS]',
        '↳ Memory bound',
        '   latency     5.6 ms',
        '   mfu         0.002898',
        '   throughput  178 /s',
        'Level 3: Macro [SKIPPED]',
        '↳ No ops config provided',
        'Assertions: 1 of 2 held',
        '✗ performance.latency (5.6 ms) exceeds max (5 ms)',
      ]),
    )
    expect(content.filter((l) => l.startsWith('Level '))).toHaveLength(3)
  })

  it('falls back to plain ASCII', () => {
    const text = renderScorecard(result, { ascii: true, width: 48 })
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true)
    const lines = text.split('\n')
    expect(lines[0]).toBe(`+${'='.repeat(48)}+`)
    for (const line of lines) expect(line).toHaveLength(50)
    expect(text).toContain('| MLSys.im SYSTEM EVALUATION')
    expect(text).toContain('| x performance.latency (5.6 ms) exceeds max (5')
    expect(text).toContain('| -> Memory bound')
  })

  it('wraps long lines inside the box and can leave metrics out', () => {
    const text = renderScorecard(result, { width: 32, metrics: false })
    for (const line of text.split('\n')) expect([...line]).toHaveLength(34)
    expect(text).not.toContain('latency     5.6 ms')
  })

  it('names a non-default fidelity', () => {
    const original = evaluate(parsePlan(minimal), { fidelity: 'mlsysim-0.1.2' })
    expect(renderScorecard(original)).toContain('Fidelity: mlsysim-0.1.2')
    expect(renderScorecard(evaluate(minimal))).not.toContain('Fidelity:')
  })
})
