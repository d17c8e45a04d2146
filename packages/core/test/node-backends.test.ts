// Scalar graph vs interpreter vs columnar kernels vs forward-mode derivatives (against finite
// differences) for every model of the node, serving, data and algorithm solvers, on random
// catalog entries and random numeric inputs under both fidelities.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Fidelity, type GraphSolver, solvers, toLatexDocument, wgslFunction } from '../src/index.js'
import { checkBackends } from './model-backends.js'
import { ALL_WORKLOADS, CHIPS, LANGUAGE_MODELS, modelInputs, PRECISIONS } from './solver-inputs.js'

const fidelity = fc.constantFrom<Fidelity>('default', 'mlsysim-0.1.2')
const eta = fc.double({ min: 0.05, max: 1, noNaN: true })
const llm = fc.constantFrom(...LANGUAGE_MODELS)
const chip = fc.constantFrom(...CHIPS)

/** Random raw inputs per solver, and the model inputs to differentiate by. */
const CASES: Record<
  string,
  { raw: fc.Arbitrary<Record<string, unknown>>; smooth: string[]; staircase?: string[] }
> = {
  'single-node': {
    raw: fc.record({
      workload: fc.constantFrom(...ALL_WORKLOADS),
      hardware: chip,
      precision: fc.constantFrom(...PRECISIONS),
      batchSize: fc.integer({ min: 1, max: 256 }),
      efficiency: eta,
      isTraining: fc.boolean(),
    }),
    smooth: ['efficiency', 'peak', 'memoryBandwidth', 'weightBytes', 'opsPerSample', 'dispatchTax', 'tdp'],
  },
  serving: {
    raw: fc
      .record({
        workload: llm,
        hardware: chip,
        seqLen: fc.integer({ min: 2, max: 16_384 }),
        batchSize: fc.integer({ min: 1, max: 128 }),
        efficiency: eta,
        precision: fc.constantFrom('fp16', 'fp8', 'int8'),
        cachedPrefixLen: fc.constant(1),
        draftModel: fc.option(fc.constantFrom('GPT2_Small', 'Llama2_7B'), { nil: undefined }),
        draftAcceptanceRate: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        decodeHardware: fc.option(chip, { nil: undefined }),
        prefillChunkTokens: fc.option(fc.integer({ min: 64, max: 4096 }), { nil: undefined }),
      })
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
    smooth: [
      'efficiency',
      'peak',
      'memoryBandwidth',
      'decodeBandwidth',
      'decodePeak',
      'draftAcceptanceRate',
      'networkBandwidth',
      'weightBytes',
    ],
  },
  'tail-latency': {
    raw: fc
      .record({
        numReplicas: fc.integer({ min: 1, max: 48 }),
        rho: fc.double({ min: 0.02, max: 0.97, noNaN: true }),
        serviceLatencyMs: fc.double({ min: 1, max: 500, noNaN: true }),
        serviceTimeCv: fc.double({ min: 0.2, max: 3, noNaN: true }),
      })
      .map(({ rho, ...r }) => ({ ...r, arrivalRateQps: (rho * r.numReplicas * 1000) / r.serviceLatencyMs })),
    smooth: ['arrivalRateQps', 'serviceLatencyMs', 'serviceTimeCv'],
  },
  efficiency: {
    raw: fc.record({
      workload: llm,
      hardware: chip,
      workloadType: fc.constantFrom('attention', 'ffn', 'conv'),
      useFlashAttention: fc.boolean(),
      efficiency: eta,
    }),
    smooth: ['efficiency', 'peak'],
  },
  'network-roofline': {
    raw: fc.record({
      workload: llm,
      fleet: fc.constantFrom('Research_256'),
      efficiency: eta,
      precision: fc.constantFrom('fp16', 'fp8'),
    }),
    smooth: ['efficiency', 'peak', 'fabricBandwidth', 'parameters'],
  },
  'continuous-batching': {
    raw: fc
      .record({
        workload: fc.constantFrom('Llama3_8B', 'Llama2_7B', 'GPT2', 'Mixtral_8x7B'),
        hardware: fc.constantFrom('H100', 'H200', 'B200', 'MI300X', 'A100'),
        maxSeqLen: fc.integer({ min: 16, max: 32_768 }),
        share: fc.double({ min: 0.05, max: 1, noNaN: true }),
        maxBatchSize: fc.integer({ min: 1, max: 1024 }),
        pageSize: fc.constantFrom(8, 16, 32),
        efficiency: eta,
      })
      .map(({ share, ...r }) => ({ ...r, meanRequestTokens: Math.max(1, share * r.maxSeqLen) })),
    smooth: ['efficiency', 'memoryBandwidth', 'weightBytes', 'lengthScale', 'meanRequestTokens', 'peak'],
  },
  'weight-streaming': {
    raw: fc.record({
      workload: llm,
      hardware: fc.constantFrom('Cerebras_CS3', 'H100'),
      seqLen: fc.integer({ min: 1, max: 8192 }),
      batchSize: fc.integer({ min: 1, max: 64 }),
      efficiency: eta,
      phase: fc.constantFrom('decode', 'prefill'),
    }),
    smooth: ['efficiency', 'peak', 'injectionBandwidth', 'dispatchTax'],
    // ⌊…⌋ of a number in the hundreds of thousands: steps closer together than the finite-difference step.
    staircase: ['optimalBatchSize'],
  },
  'inference-scaling': {
    raw: fc.record({
      workload: llm,
      hardware: chip,
      reasoningSteps: fc.integer({ min: 0, max: 64 }),
      contextLength: fc.integer({ min: 1, max: 8192 }),
      efficiency: eta,
    }),
    smooth: ['efficiency', 'peak', 'memoryBandwidth', 'tdp'],
  },
  data: {
    raw: fc.record({ workloadDataRate: fc.double({ min: 1e6, max: 1e11, noNaN: true }), hardware: chip }),
    smooth: ['workloadDataRate', 'storageBandwidth', 'interconnectBandwidth'],
  },
  transformation: {
    raw: fc.record({
      batchSize: fc.integer({ min: 1, max: 4096 }),
      sampleSizeBytes: fc.double({ min: 1e3, max: 1e7, noNaN: true }),
      cpuThroughput: fc.double({ min: 1e8, max: 1e11, noNaN: true }),
      acceleratorStepTime: fc.double({ min: 1e-4, max: 1, noNaN: true }),
    }),
    smooth: ['sampleSizeBytes', 'cpuThroughput', 'acceleratorStepTime'],
  },
  compression: {
    raw: fc.record({
      workload: fc.constantFrom(...ALL_WORKLOADS),
      hardware: chip,
      method: fc.constantFrom('quantization', 'pruning', 'distillation'),
      targetBitwidth: fc.constantFrom(2, 4, 8, 16),
      sparsity: fc.double({ min: 0, max: 0.99, noNaN: true }),
      sparsityType: fc.constantFrom('unstructured', 'structured', 'n_m'),
      baselinePrecision: fc.constantFrom('fp32', 'fp16'),
    }),
    smooth: ['sparsity', 'lowPrecisionPeak', 'baselinePeak'],
  },
  responsible: {
    raw: fc.record({
      baseTrainingTime: fc.double({ min: 1, max: 1e8, noNaN: true }),
      epsilon: fc.double({ min: 1e-3, max: 20, noNaN: true }),
      minSubgroupPrevalence: fc.double({ min: 1e-8, max: 1, noNaN: true }),
    }),
    smooth: ['baseTrainingTime', 'epsilon', 'minSubgroupPrevalence'],
  },
  synthesis: {
    raw: fc.record({
      workload: fc.constantFrom(...ALL_WORKLOADS),
      targetLatency: fc.double({ min: 1e-4, max: 10, noNaN: true }),
      efficiency: eta,
    }),
    smooth: ['targetLatency', 'efficiency'],
  },
}

describe('backends agree for every node-solver model', () => {
  for (const [id, { raw, smooth, staircase = [] }] of Object.entries(CASES)) {
    it(id, () => {
      const solver = solvers.get(id) as GraphSolver
      expect(solver.kind).toBe('graph')
      for (const name of smooth) expect(solver.model.inputNames, `${id} has input ${name}`).toContain(name)
      const inputs = fc.tuple(raw, fidelity).map(([r, f]) => modelInputs(id, r, f))
      const outputs = solver.model.outputs
        .filter((o) => o.type === 'number' && !staircase.includes(o.name))
        .map((o) => o.name)
      const compared = checkBackends(solver.model, inputs, { smooth, outputs, numRuns: 120 })
      expect(compared, `${id}: derivative comparisons made`).toBeGreaterThan(40)
    })
  }
})

describe('every node-solver model compiles to WGSL and renders to LaTeX', () => {
  for (const id of Object.keys(CASES)) {
    it(id, () => {
      const model = (solvers.get(id) as GraphSolver).model
      // Constants fit f32, folds are bounded, every operation has a WGSL form.
      expect(() => wgslFunction(model)).not.toThrow()
      const doc = toLatexDocument(model)
      expect(doc.equations).toHaveLength(model.outputNames.length)
    })
  }
})
