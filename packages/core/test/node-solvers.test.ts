// Known answers (derived by hand in the comments), properties and bad-input errors of the
// single-node, efficiency, network-roofline, data, transformation, compression, responsible,
// synthesis, sensitivity and tail-latency solvers.
import { getHardware } from '@mlsysim/hardware'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Fidelity, listSolvers, SOLVERS, solve } from '../src/index.js'
import { MAX_QUEUE_SERVERS } from '../src/physics/queueing.js'
import { singleNode } from '../src/solvers/single-node.js'
import { ALL_WORKLOADS, CHIPS, expectInputError, modelInputs, PRECISIONS, run } from './solver-inputs.js'

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(
    Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300),
    `${actual} vs ${expected}`,
  ).toBeLessThan(tolerance)

const NODE_IDS = [
  'single-node',
  'efficiency',
  'network-roofline',
  'serving',
  'continuous-batching',
  'weight-streaming',
  'tail-latency',
  'serving-capacity',
  'inference-scaling',
  'data',
  'transformation',
  'compression',
  'responsible',
  'sensitivity',
  'synthesis',
  'batching',
] as const

/** One valid input per solver. */
const SAMPLE: Record<(typeof NODE_IDS)[number], Record<string, unknown>> = {
  'single-node': { workload: 'ResNet50', hardware: 'A100' },
  efficiency: { workload: 'Llama3_8B', hardware: 'H100' },
  'network-roofline': { workload: 'Llama3_8B', fleet: 'Research_256' },
  serving: {
    workload: 'Llama3_8B',
    hardware: 'H100',
    seqLen: 2048,
    draftModel: 'GPT2',
    decodeHardware: 'H200',
  },
  'continuous-batching': {
    workload: 'Llama3_8B',
    hardware: 'H100',
    maxSeqLen: 4096,
    meanRequestTokens: 1024,
    maxBatchSize: 64,
  },
  'weight-streaming': { workload: 'Llama3_70B', hardware: 'Cerebras_CS3', seqLen: 2048, batchSize: 8 },
  'tail-latency': { arrivalRateQps: 10, serviceLatencyMs: 50 },
  'serving-capacity': { workload: 'Llama3_8B', hardware: 'H100', qps: 20, targetP99LatencyMs: 5000 },
  'inference-scaling': { workload: 'Llama3_8B', hardware: 'H100' },
  data: { workloadDataRate: '5 GB/s', hardware: 'H100' },
  transformation: {
    batchSize: 256,
    sampleSizeBytes: '500 kB',
    cpuThroughput: '2 GB/s',
    acceleratorStepTime: '50 ms',
  },
  compression: { workload: 'Llama3_8B', hardware: 'H100' },
  responsible: { baseTrainingTime: '30 days' },
  sensitivity: { workload: 'Llama3_8B', hardware: 'H100' },
  synthesis: { workload: 'Llama3_8B', targetLatency: '10 ms' },
  batching: { workload: 'Llama3_8B', hardware: 'A100', seqLen: 128, slaLatencyMs: 20000, arrivalRateQps: 10 },
}

describe('every node solver', () => {
  it('is registered under its id and listed with its keys', () => {
    const listed = new Map(listSolvers().map((s) => [s.id, s]))
    for (const id of NODE_IDS) {
      expect(id in SOLVERS, id).toBe(true)
      expect(listed.get(id)?.outputKeys.length, id).toBeGreaterThan(3)
    }
  })

  for (const id of NODE_IDS) {
    for (const fidelity of ['default', 'mlsysim-0.1.2'] as Fidelity[]) {
      it(`${id} (${fidelity}) returns exactly its result keys, with feasible, bindingConstraint and a trace`, () => {
        const r = solve(id, SAMPLE[id], { fidelity }) as Record<string, unknown>
        const keys = listSolvers().find((s) => s.id === id)!.outputKeys
        expect(Object.keys(r).sort()).toEqual([...keys].sort())
        expect(typeof r.feasible).toBe('boolean')
        expect(typeof r.bindingConstraint).toBe('string')
        expect((r.bindingConstraint as string).length).toBeGreaterThan(0)
        expect(Array.isArray(r.constraintTrace)).toBe(true)
        expect((r.constraintTrace as string[]).length).toBeGreaterThan(0)
      })
    }
  }

  it('rejects unknown keys and bad fidelities', () => {
    // The original's snake_case keyword arguments and `model` get their spelling here.
    expectInputError(
      'single-node',
      { workload: 'ResNet50', hardware: 'A100', batch_size: 2 },
      'batch_size',
      /^unknown field 'batch_size'; did you mean batchSize\? \(keys are camelCase\)$/,
    )
    expectInputError(
      'single-node',
      { model: 'ResNet50', hardware: 'A100' },
      'model',
      /did you mean workload\? \(the original's model is called workload\)/,
    )
    expectInputError(
      'tail-latency',
      { arrivalRateQps: 1, serviceLatencyMs: 1, replicas: 2 },
      'replicas',
      /did you mean numReplicas\?/,
    )
    // A key that names its unit says which unit when given a string with one.
    const ms = expectInputError(
      'tail-latency',
      { arrivalRateQps: 10, serviceLatencyMs: '50 ms' },
      'serviceLatencyMs',
      /^must be a number > 0, in milliseconds$/,
    )
    expect(ms.message).toContain('(got "50 ms")')
    expectInputError(
      'economics',
      { fleet: 'Research_256', durationDays: '30 days' },
      'durationDays',
      /in days$/,
    )
    // Not an object at all: what the inputs are.
    for (const raw of [[], 'ResNet50', 42]) {
      const e = expectInputError(
        'single-node',
        raw as never,
        '',
        /^must be an object of named inputs \(workload, hardware, batchSize,/,
      )
      expect(e.message).toContain(`(got ${JSON.stringify(raw)})`)
    }
    expect(() =>
      run('tail-latency', { arrivalRateQps: 1, serviceLatencyMs: 1 }, { fidelity: 'v2' as Fidelity }),
    ).toThrowError(/fidelity: must be one of default, mlsysim-0.1.2/)
  })
})

describe('single-node', () => {
  it('ResNet-50 bs1 on A100: the golden latency and the Iron Law terms', () => {
    const r = run('single-node', { workload: 'ResNet50', hardware: 'A100' })
    // compute 8.2e9/156e12 = 52.564 µs; memory (51.2e6 × 1.1)/2.039e12 = 27.62 µs; overhead 0.515 ms.
    close(r.latency, 0.5675641025641026e-3)
    expect(r.ironLaw.terms.map((t) => t.term)).toEqual(['compute', 'memory', 'overhead'])
    close(r.ironLaw.terms[1]!.time, (51.2e6 * 1.1) / 2.039e12)
    close(r.ironLaw.operations, 8.2e9)
    close(r.ironLaw.dataVolume, 51.2e6 * 1.1)
    expect(r.ironLaw.combination).toBe('max(compute, memory) + overhead')
  })

  it('takes the offload path when the model does not fit: the spill crosses the host link', () => {
    // Llama-3.1-70B at fp16 (141.2 GB) on an 80 GiB H100: 55.30 GB spill over PCIe Gen5
    // (64 GB/s) each pass, 0.8641 s, while HBM serves the 155.3 GB of traffic in 46 ms.
    const r = run('single-node', { workload: 'Llama3_70B', hardware: 'H100' })
    expect(r.feasible).toBe(false)
    expect(r.bindingConstraint).toBe('memory capacity')
    const spill = 141.2e9 - 80 * 2 ** 30
    close(r.offloadSpillBytes, spill)
    close(r.latencyMemory, spill / 64e9)
    close(r.effectiveBandwidth, (141.2e9 * 1.1) / (spill / 64e9))
    expect(r.constraintTrace[1]).toBe(
      'Offload: 55.3 GB spill crosses the host link at 64.0 GB/s each pass; effective 180 GB/s.',
    )
    // More memory never makes an offloading model slower; the original streams all 155.3 GB at 64 GB/s.
    const bigger = run('single-node', {
      workload: 'Llama3_70B',
      hardware: {
        ...getHardware('H100'),
        id: 'H100_100G',
        memory: { ...getHardware('H100').memory, capacity: 100 * 2 ** 30 },
      },
    })
    expect(bigger.latency).toBeLessThan(r.latency)
    const original = run(
      'single-node',
      { workload: 'Llama3_70B', hardware: 'H100' },
      { fidelity: 'mlsysim-0.1.2' },
    )
    expect(original.effectiveBandwidth).toBe(64e9)
    close(original.latencyMemory, (141.2e9 * 1.1) / 64e9)
  })

  it('training times B sequences of S tokens (default); the original times B tokens', () => {
    // GPT-2 XL (1.5e9 parameters, 3e9 FLOP per token, 48 layers, h = 1600), 4 sequences of 1024
    // tokens on an H100 (989 TFLOP/s × 0.5): forward F = 3e9 × 1024 + 4 × 48 × 1600 × 1024²
    // = 3.072e12 + 3.221e11 FLOP; a step is 3F per sequence × 4 = 40.73 TFLOP → 82.4 ms.
    const input = { workload: 'GPT2', hardware: 'H100', batchSize: 4, seqLen: 1024, isTraining: true }
    const forward = 3e9 * 1024 + 4 * 48 * 1600 * 1024 ** 2
    const r = run('single-node', input)
    expect(r.feasible).toBe(true) // 59.9 GB of state and activations in 80 GiB
    close(r.ironLaw.operations, 3 * forward * 4)
    close(r.latencyCompute, (12 * forward) / 494.5e12)
    expect(r.bottleneck).toBe('compute')
    // Compute-bound, so HFU = MFU = 12F / (latency × 989e12), a little under η.
    close(r.mfu, (12 * forward) / (r.latency * 989e12))
    expect(r.hfu).toBe(r.mfu)
    expect(r.mfu).toBeLessThan(0.5)
    // The original: 3 × 3e9 per "sample", sequence length ignored (its memory still counts it).
    const original = run('single-node', input, { fidelity: 'mlsysim-0.1.2' })
    close(original.ironLaw.operations, 3 * 3e9 * 4)
    expect(original.memoryFootprint).toBe(r.memoryFootprint)
  })

  it('selective recomputation: the attention core runs again; HFU counts it, MFU does not', () => {
    // A = 4 × 48 × 1600 × 1024² FLOP per sequence; hardware FLOP 3F + A, model FLOP 3F.
    const input = {
      workload: 'GPT2',
      hardware: 'H100',
      batchSize: 4,
      seqLen: 1024,
      isTraining: true,
      activationRecomputation: true,
    }
    const attention = 4 * 48 * 1600 * 1024 ** 2
    const forward = 3e9 * 1024 + attention
    const r = run('single-node', input)
    close(r.ironLaw.operations, (3 * forward + attention) * 4)
    close(r.hfu / r.mfu, (3 * forward + attention) / (3 * forward))
    // Hardware utilization cannot exceed the sustained fraction of peak.
    expect(r.hfu).toBeLessThanOrEqual(0.5)
    // Power follows the hardware FLOP: 700 W × (0.3 + 0.7 × HFU) × latency.
    close(r.energy, 700 * (0.3 + 0.7 * r.hfu) * r.latency)
  })

  it('rejects bad input naming the field, the value and the range', () => {
    expectInputError(
      'single-node',
      { workload: 'ResNet50', hardware: 'A100', batchSize: 0 },
      'batchSize',
      /whole number ≥ 1/,
    )
    expectInputError(
      'single-node',
      { workload: 'ResNet50', hardware: 'A100', efficiency: 0 },
      'efficiency',
      /≥ 1e-9 and ≤ 1/,
    )
    expectInputError(
      'single-node',
      { workload: 'ResNet50', hardware: 'A100', precision: 'fp7' },
      'precision',
      /fp7/,
    )
    const e = expectInputError('single-node', { workload: 'ResNet50', hardware: 'A101' }, 'hardware', /A101/)
    expect(e.message).toContain('"A101"')
  })

  const arb = fc
    .record({
      workload: fc.constantFrom(...ALL_WORKLOADS),
      hardware: fc.constantFrom(...CHIPS),
      precision: fc.constantFrom(...PRECISIONS),
      batchSize: fc.integer({ min: 1, max: 512 }),
      efficiency: fc.double({ min: 0.01, max: 1, noNaN: true }),
      isTraining: fc.boolean(),
    })
    .map((raw) => modelInputs('single-node', raw))

  it('more peak or bandwidth is never slower; more memory never less feasible; latency and energy positive', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: 1, max: 10, noNaN: true }), (values, k) => {
        const m = singleNode.model
        const base = m.evaluate(values)
        expect(base.latency).toBeGreaterThan(0)
        expect(base.energy).toBeGreaterThanOrEqual(0)
        expect(m.evaluate({ ...values, peak: values.peak! * k }).latency).toBeLessThanOrEqual(base.latency)
        expect(
          m.evaluate({ ...values, memoryBandwidth: values.memoryBandwidth! * k }).latency,
        ).toBeLessThanOrEqual(base.latency)
        const roomier = m.evaluate({ ...values, capacity: values.capacity! * k })
        expect(roomier.feasible).toBeGreaterThanOrEqual(base.feasible)
        // An offloading model gets faster with memory (less spill), never slower.
        if (roomier.feasible === 0) expect(roomier.latency).toBeLessThanOrEqual(base.latency)
        expect(base.mfu).toBeLessThanOrEqual(1)
      }),
    )
  })
})

describe('efficiency', () => {
  const mfu = (input: Record<string, unknown>) =>
    run('efficiency', { workload: 'Llama3_8B', hardware: 'H100', ...input }).mfu
  it('scales each kernel’s MFU with η/0.5 up to its cap', () => {
    expect(mfu({})).toBe(0.5) // FFN at η = 0.5: 0.50
    expect(mfu({ efficiency: 0.8 })).toBe(0.6) // min(0.5 × 1.6, 0.60)
    expect(mfu({ workloadType: 'attention' })).toBe(0.3) // unfused attention: 0.30
    expect(mfu({ workloadType: 'conv' })).toBe(0.4) // conv: 0.40
    expect(mfu({ workloadType: 'conv', efficiency: 0.9 })).toBe(0.55) // min(0.72, 0.55)
    expect(mfu({ workloadType: 'attention', useFlashAttention: true, efficiency: 0.6 })).toBe(0.85) // min(0.9, 0.85)
  })

  it('splits the loss into occupancy and memory stalls', () => {
    const r = run('efficiency', { workload: 'Llama3_8B', hardware: 'H100' })
    // occupancy 1 − min(0.5 × 1.1, 1) = 0.45; memory stall (1 − 0.5) − 0.45 = 0.05; 989 × 0.5 TFLOP/s.
    close(r.overheadBreakdown.occupancyLoss, 0.45)
    close(r.overheadBreakdown.memoryStall, 0.05, 1e-9)
    expect(r.achievableFlops).toBe(494.5e12)
  })

  it('the losses partition 1 − MFU (default); the original’s occupancy loss can exceed the gap', () => {
    // FlashAttention at η = 0.5: MFU 0.75, gap 0.25; occupancy 1 − 0.55 = 0.45 is capped at 0.25.
    const input = {
      workload: 'Llama3_8B',
      hardware: 'H100',
      workloadType: 'attention',
      useFlashAttention: true,
    }
    const r = run('efficiency', input)
    expect(r.mfu).toBe(0.75)
    close(r.overheadBreakdown.occupancyLoss, 0.25)
    expect(r.overheadBreakdown.memoryStall).toBe(0)
    close(r.mfu + r.overheadBreakdown.occupancyLoss + r.overheadBreakdown.memoryStall, 1)
    expect(r.constraintTrace[0]).toMatch(/25\.0% lost to occupancy, 0\.0% to memory stalls/)
    const original = run('efficiency', input, { fidelity: 'mlsysim-0.1.2' })
    close(original.overheadBreakdown.occupancyLoss, 0.45)
  })

  it('rejects an unknown kernel type', () => {
    expectInputError(
      'efficiency',
      { workload: 'Llama3_8B', hardware: 'H100', workloadType: 'gemm' },
      'workloadType',
      /attention, ffn or conv/,
    )
  })
})

describe('network-roofline', () => {
  it('Llama-3.1-8B over Research_256 (100GbE): network-bound', () => {
    const r = run('network-roofline', { workload: 'Llama3_8B', fleet: 'Research_256' })
    // ops 6 × 8.03e9 = 4.818e10; sync 2 × 8.03e9 × 2 B = 3.212e10 B; CI = 1.5 FLOP/B.
    // T_n = 3.212e10 / 12.5e9 = 2.5696 s; T_c = 4.818e10 / (256 × 989e12 × 0.5) = 3.806e-7 s.
    close(r.communicationIntensity, 1.5)
    close(r.latencyNetwork, 2.5696)
    close(r.latencyCompute, 4.818e10 / (256 * 989e12 * 0.5))
    close(r.networkRidge, (256 * 989e12) / 12.5e9)
    expect(r.bottleneck).toBe('network')
    close(r.mfu, 4.818e10 / 2.5696 / (256 * 989e12))
  })

  it('a step of n tokens: CI and compute scale with n; past the ridge the fleet is compute-bound', () => {
    // n = 2²⁴ = 16,777,216 tokens (e.g. 8192 sequences of 2048): CI = 1.5 × n = 2.517e7 FLOP/B,
    // above the ridge 256 × 989e12 / 12.5e9 = 2.025e7; T_c = 4.818e10 × n / 1.26592e17 = 6.385 s.
    const n = 2 ** 24
    const r = run('network-roofline', { workload: 'Llama3_8B', fleet: 'Research_256', tokensPerStep: n })
    close(r.communicationIntensity, 1.5 * n)
    close(r.latencyCompute, (4.818e10 * n) / (256 * 989e12 * 0.5))
    close(r.latencyNetwork, 2.5696)
    expect(r.bottleneck).toBe('compute')
    expectInputError(
      'network-roofline',
      { workload: 'Llama3_8B', fleet: 'Research_256', tokensPerStep: 0 },
      'tokensPerStep',
      /≥ 1/,
    )
  })

  it('rejects a workload without a parameter count', () => {
    expectInputError(
      'network-roofline',
      { workload: 'DLRM', fleet: 'Research_256' },
      'workload',
      /parameter count/,
    )
  })
})

describe('data and transformation', () => {
  it('data: the slowest listed path binds', () => {
    // H100: NVMe 7 GB/s, PCIe Gen5 64 GB/s → storage binds; 5/7 utilization, 2 GB/s margin.
    const r = run('data', { workloadDataRate: '5 GB/s', hardware: 'H100' })
    close(r.utilization, 5 / 7)
    expect(r.bottleneck).toBe('storage')
    expect(r.margin).toBe(2e9)
    expect(r.isStalled).toBe(false)
    const stalled = run('data', { workloadDataRate: '10 GB/s', hardware: 'H100' })
    expect(stalled.isStalled).toBe(true)
    expect(stalled.feasible).toBe(false)
    // A100 lists no storage: its PCIe Gen4 link (32 GB/s) is the only path.
    expect(run('data', { workloadDataRate: '8 GB/s', hardware: 'A100' }).bottleneck).toBe('interconnect')
  })

  it('data: a device with no data path supplies nothing', () => {
    const bare = {
      id: 'bare',
      name: 'Bare accelerator',
      vendor: 'Test',
      tier: 'edge',
      releaseYear: 2024,
      compute: { peak: '10 TFLOP/s' },
      memory: { capacity: '8 GB', bandwidth: '100 GB/s' },
      provenance: { kind: 'illustrative', ref: 'test device', verified: '2026-06-10' },
    }
    const r = run('data', { workloadDataRate: '1 GB/s', hardware: bare })
    expect(r.utilization).toBe(Number.POSITIVE_INFINITY)
    expect(r.bottleneck).toBe('unknown')
    expect(r.isStalled).toBe(true)
  })

  it('transformation: 256 × 500 kB at 2 GB/s is 64 ms against a 50 ms step', () => {
    const r = run('transformation', SAMPLE.transformation as never)
    close(r.transformTime, 0.064)
    expect(r.isBottleneck).toBe(true)
    close(r.acceleratorUtilization, 0.78125) // 50/64
    close(r.slowdownFactor, 1.28)
  })

  it('reject bad input', () => {
    expectInputError('data', { workloadDataRate: -1, hardware: 'H100' }, 'workloadDataRate', /≥ 0/)
    expectInputError(
      'data',
      { workloadDataRate: '5 parsecs', hardware: 'H100' },
      'workloadDataRate',
      /parsecs/,
    )
    expectInputError('transformation', { ...SAMPLE.transformation, batchSize: 0 }, 'batchSize', /≥ 1/)
    expectInputError(
      'transformation',
      { ...SAMPLE.transformation, sampleSizeBytes: 0 },
      'sampleSizeBytes',
      /> 0/,
    )
  })
})

describe('compression', () => {
  const compress = (input: Record<string, unknown>, fidelity: Fidelity = 'default') =>
    run('compression', { workload: 'Llama3_8B', hardware: 'H100', ...input }, { fidelity })

  it('quantization of a memory-bound LLM: the full ratio', () => {
    // FP32 baseline 8.03e9 × 4 B = 32.12 GB; 4 bits → 8×; intensity 0.5 FLOP/B ≪ ridge → memory-bound.
    const r = compress({ targetBitwidth: 4 })
    expect(r.originalSizeBytes).toBe(32.12e9)
    expect(r.compressionRatio).toBe(8)
    expect(r.inferenceSpeedup).toBe(8)
    expect(r.estimatedAccuracyDelta).toBe(-0.025)
    expect(r.memorySavingsPct).toBe(87.5)
    expect(compress({ targetBitwidth: 8 }).estimatedAccuracyDelta).toBe(-0.002)
    expect(compress({ targetBitwidth: 16 }).estimatedAccuracyDelta).toBe(0)
    expect(compress({ targetBitwidth: 2 }).estimatedAccuracyDelta).toBe(-0.05)
  })

  it('measures from the baseline precision (default) or FP32 (0.1.2)', () => {
    // From fp16: 16.06 GB and a 4× ratio to 4 bits; the original always starts at FP32.
    const r = compress({ targetBitwidth: 4, baselinePrecision: 'fp16' })
    expect(r.originalSizeBytes).toBe(16.06e9)
    expect(r.compressionRatio).toBe(4)
    expect(compress({ targetBitwidth: 4, baselinePrecision: 'fp16' }, 'mlsysim-0.1.2').compressionRatio).toBe(
      8,
    )
  })

  it('ResNet-50 on H100 is compute-bound at the FP32 CUDA-core peak, memory-bound at the headline peak (0.1.2)', () => {
    // Intensity 8.2e9 / 102.4e6 B = 80 FLOP/B: above 67e12/3.35e12 = 20, below 989e12/3.35e12 = 295.
    const d = compress({ workload: 'ResNet50', targetBitwidth: 8 })
    expect(d.baselineMemoryBound).toBe(false)
    expect(d.inferenceSpeedup).toBe(4) // min(1979/67, 32/8)
    const o = compress({ workload: 'ResNet50', targetBitwidth: 8 }, 'mlsysim-0.1.2')
    expect(o.baselineMemoryBound).toBe(true)
    expect(o.inferenceSpeedup).toBe(4)
  })

  it('pruning by sparsity pattern', () => {
    const prune = (sparsity: number, sparsityType: string) =>
      compress({ method: 'pruning', sparsity, sparsityType })
    expect(prune(0.5, 'structured').inferenceSpeedup).toBe(2)
    expect(prune(0.5, 'structured').estimatedAccuracyDelta).toBe(-0.001)
    close(prune(0.7, 'unstructured').estimatedAccuracyDelta, -0.01 * Math.exp(1.4))
    expect(prune(0.7, 'unstructured').inferenceSpeedup).toBe(1)
    expect(prune(0.5, 'n_m').inferenceSpeedup).toBe(2)
    expect(prune(0.6, 'n_m').inferenceSpeedup).toBe(1)
    expect(prune(1, 'structured').compressionRatio).toBe(100)
    expect(compress({ method: 'distillation' }).compressionRatio).toBe(1)
  })

  it('rejects bad input', () => {
    expectInputError(
      'compression',
      { ...SAMPLE.compression, method: 'hashing' },
      'method',
      /quantization, pruning or distillation/,
    )
    expectInputError('compression', { ...SAMPLE.compression, sparsity: 1.5 }, 'sparsity', /≤ 1/)
    expectInputError('compression', { ...SAMPLE.compression, targetBitwidth: 0 }, 'targetBitwidth', /≥ 1/)
  })
})

describe('responsible and synthesis', () => {
  it('responsible: DP slowdown 1 + 2/ε and the 1/p data multiplier', () => {
    const r = run('responsible', { baseTrainingTime: '30 days', epsilon: 0.5 })
    expect(r.dpSlowdownFactor).toBe(5) // 1 + 2/0.5
    expect(r.effectiveTrainingTime).toBe(30 * 86400 * 5)
    close(r.additionalDataRequirement, 100)
    // ε below the 0.01 floor: 1 + 2/0.01 = 201.
    expect(run('responsible', { baseTrainingTime: 1, epsilon: 1e-4 }).dpSlowdownFactor).toBe(201)
    expectInputError('responsible', { baseTrainingTime: 1, epsilon: 0 }, 'epsilon', /> 0/)
    expectInputError(
      'responsible',
      { baseTrainingTime: 1, minSubgroupPrevalence: 0 },
      'minSubgroupPrevalence',
      /> 0 and ≤ 1/,
    )
  })

  it('synthesis: the roofline inverted at batch 1', () => {
    // Llama-3.1-8B in 10 ms: 16.06 GB / 0.01 s = 1.606 TB/s; 16.06 GFLOP / (0.01 × 0.5) = 3.212 TFLOP/s.
    const r = run('synthesis', { workload: 'Llama3_8B', targetLatency: '10 ms' })
    close(r.requiredBandwidth, 1.606e12)
    close(r.requiredFlops, 3.212e12)
    expect(r.requiredMemory).toBe(16.06e9)
    close(r.computeMemoryRatio, 2)
    expectInputError('synthesis', { workload: 'Llama3_8B', targetLatency: 0 }, 'targetLatency', /> 0/)
  })
})

describe('sensitivity', () => {
  it('Llama-3.1-8B bs1 on H100 is bandwidth-bound', () => {
    const r = run('sensitivity', { workload: 'Llama3_8B', hardware: 'H100' })
    // T = 16.06e9 × 1.1 / 3.35e12 + 0.01 ms + 32 × 0.01 ms; +10% bandwidth divides the memory term by 1.1.
    const memory = (16.06e9 * 1.1) / 3.35e12
    const t = memory + 0.33e-3
    close(r.baselineLatency, t)
    close(r.sensitivities.memoryBandwidth, (memory / 1.1 - memory) / t, 1e-9)
    expect(r.sensitivities.peakFlops).toBe(0)
    expect(r.binding).toBe('memoryBandwidth')
    // ∂ln T/∂ln BW = −T_memory/T exactly.
    close(r.elasticities.memoryBandwidth, -memory / t, 1e-9)
  })

  it('an infeasible baseline is bound by capacity (default); 0.1.2 ranks the latency responses', () => {
    // Llama-3.1-70B does not fit an H100 even with 10% more memory; every latency response is 0.
    const d = run('sensitivity', { workload: 'Llama3_70B', hardware: 'H100' })
    expect(d.feasible).toBe(false)
    expect(d.binding).toBe('memoryCapacity')
    const o = run('sensitivity', { workload: 'Llama3_70B', hardware: 'H100' }, { fidelity: 'mlsysim-0.1.2' })
    expect(o.binding).toBe('peakFlops')
    expectInputError(
      'sensitivity',
      { workload: 'Llama3_8B', hardware: 'H100', perturbationPct: -100 },
      'perturbationPct',
      /> -100/,
    )
  })
})

describe('tail-latency', () => {
  it('traces read in natural units; a stable queue near saturation is not shown at 100%', () => {
    // λ = 19.999/s, S = 50 ms: ρ = 0.99995 (99.99% after rounding, never 100.0%); p99 = ln(0.99995/0.01)/(20 − 19.999) + 0.05 ≈ 4605.2 s.
    const r = run('tail-latency', { arrivalRateQps: 19.999, serviceLatencyMs: 50 })
    expect(r.constraintTrace).toEqual([
      'Queue: stable at 99.99% utilization over 1 replica(s); 99.99% of requests wait.',
      'Tail Latency: p50 11.6 min, p99 1.28 h (service 50.0 ms).',
    ])
  })

  it('M/M/1 at ρ = 0.5 (λ = 10/s, 50 ms service)', () => {
    const r = run('tail-latency', { arrivalRateQps: 10, serviceLatencyMs: 50 })
    // C = ρ = 0.5: the median arrival does not wait; p99 wait = ln(0.5/0.01)/(20 − 10) = 0.39120 s.
    expect(r.utilization).toBe(0.5)
    expect(r.waitProbability).toBe(0.5)
    close(r.p50, 0.05)
    close(r.p99, 0.05 + Math.log(50) / 10)
    close(r.sloHeadroomRatio, Math.log(50) / 10 / 0.25)
    // Default objective 50 + 5 × 50 ms: P(W > 0.25 s) = 0.5 · e^{−10 × 0.25}.
    close(r.sloLatency, 0.3)
    close(r.sloViolationProbability, 0.5 * Math.exp(-2.5))
    expect(r.feasible).toBe(true)
    // The original reports the ratio under the probability's name.
    const o = run('tail-latency', { arrivalRateQps: 10, serviceLatencyMs: 50 }, { fidelity: 'mlsysim-0.1.2' })
    expect(o.sloViolationProbability).toBe(o.sloHeadroomRatio)
  })

  it('an explicit SLO and service-time variability', () => {
    const r = run('tail-latency', {
      arrivalRateQps: 10,
      serviceLatencyMs: 50,
      sloLatencyMs: 150,
      serviceTimeCv: 2,
    })
    // Kingman (4 + 1)/2 = 2.5 stretches waits: P(W > 0.1 s) = 0.5 · e^{−10 × 0.1/2.5}.
    expect(r.kingmanFactor).toBe(2.5)
    close(r.sloViolationProbability, 0.5 * Math.exp(-0.4))
    close(r.p99, 0.05 + (2.5 * Math.log(50)) / 10)
  })

  it('an unstable queue: infinite tail, infeasible; utilization is the offered load (1 under 0.1.2)', () => {
    const r = run('tail-latency', { arrivalRateQps: 30, serviceLatencyMs: 50 })
    expect(r.stable).toBe(false)
    expect(r.feasible).toBe(false)
    expect(r.utilization).toBe(1.5)
    expect(r.p99).toBe(Number.POSITIVE_INFINITY)
    expect(r.sloViolationProbability).toBe(1)
    expect(r.sloHeadroomRatio).toBe(1)
    expect(r.bindingConstraint).toBe('queue stability')
    expect(
      run('tail-latency', { arrivalRateQps: 30, serviceLatencyMs: 50 }, { fidelity: 'mlsysim-0.1.2' })
        .utilization,
    ).toBe(1)
  })

  it('p99 ≥ p50 ≥ service; one replica is M/M/1 (P(wait) = ρ); more replicas never hurt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (c, rho, serviceMs, cv) => {
          const input = {
            arrivalRateQps: (rho * c * 1000) / serviceMs,
            serviceLatencyMs: serviceMs,
            numReplicas: c,
            serviceTimeCv: cv,
          }
          const r = run('tail-latency', input)
          expect(r.p99).toBeGreaterThanOrEqual(r.p50)
          expect(r.p50).toBeGreaterThanOrEqual(r.serviceTime)
          expect(r.sloViolationProbability).toBeGreaterThanOrEqual(0)
          expect(r.sloViolationProbability).toBeLessThanOrEqual(1)
          if (c === 1) expect(Math.abs(r.waitProbability - r.utilization)).toBeLessThan(1e-14)
          expect(run('tail-latency', { ...input, numReplicas: c + 1 }).p99).toBeLessThanOrEqual(
            r.p99 * (1 + 1e-12),
          )
        },
      ),
    )
  })

  it('rejects bad input', () => {
    expectInputError('tail-latency', { arrivalRateQps: -1, serviceLatencyMs: 50 }, 'arrivalRateQps', /≥ 0/)
    expectInputError('tail-latency', { arrivalRateQps: 1, serviceLatencyMs: 0 }, 'serviceLatencyMs', /> 0/)
    expectInputError(
      'tail-latency',
      { arrivalRateQps: 1, serviceLatencyMs: 5, numReplicas: 0 },
      'numReplicas',
      /≥ 1/,
    )
    expectInputError(
      'tail-latency',
      { arrivalRateQps: 1, serviceLatencyMs: 5, numReplicas: MAX_QUEUE_SERVERS + 1 },
      'numReplicas',
      /≤ 65536/,
    )
    expectInputError(
      'tail-latency',
      { arrivalRateQps: 1, serviceLatencyMs: 5, serviceTimeCv: -1 },
      'serviceTimeCv',
      /≥ 0/,
    )
  })
})
