// Known answers (derived by hand in the comments), default-vs-0.1.2 differences, properties
// and bad-input errors of the serving, continuous-batching, weight-streaming,
// inference-scaling, serving-capacity and batching solvers.
import { getHardware } from '@mlsysim/hardware'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Fidelity } from '../src/index.js'
import { serving } from '../src/solvers/serving.js'
import { CHIPS, expectInputError, LANGUAGE_MODELS, modelInputs, run } from './solver-inputs.js'

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(
    Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300),
    `${actual} vs ${expected}`,
  ).toBeLessThan(tolerance)

const ORIGINAL: Fidelity = 'mlsysim-0.1.2'
const H100 = { peak: 989e12, bandwidth: 3.35e12, capacity: 80 * 2 ** 30 }
/** Llama-3.1-8B: 8.03e9 parameters, 32 layers × 32 heads × 128, 8 KV heads → 131,072 B/token at fp16. */
const LLAMA8 = { params: 8.03e9, weights: 16.06e9, attention: 4 * 32 * 32 * 128, kvPerToken: 131_072 }

describe('serving: prefill', () => {
  it('a short prompt is memory-bound in the default model, compute-only under 0.1.2', () => {
    // S = 16: compute (2·8.03e9·16 + 4·32·32·128·16²)/494.5e12 = 0.52 ms; memory (16.06e9 + 131072·16)/3.35e12 = 4.79 ms.
    const compute = (2 * LLAMA8.params * 16 + LLAMA8.attention * 256) / (H100.peak * 0.5)
    const memory = (LLAMA8.weights + LLAMA8.kvPerToken * 16) / H100.bandwidth
    const d = run('serving', { workload: 'Llama3_8B', hardware: 'H100', seqLen: 16 })
    close(d.ttft, memory + 1e-5)
    expect(d.prefillBound).toBe('memory')
    close(
      run('serving', { workload: 'Llama3_8B', hardware: 'H100', seqLen: 16 }, { fidelity: ORIGINAL }).ttft,
      compute + 1e-5,
    )
  })

  it('chunked prefill: each chunk attends over the tokens before it (default) or all S (0.1.2)', () => {
    // N = 2048 new tokens in k = 4 chunks of c = 512 (last r = 512).
    // Default Σ n·ctx = 0·N + c²·k(k−1)/2 + r·N = 512²·6 + 512·2048 = 2,621,440 (vs N·S = 4,194,304).
    const input = { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048, prefillChunkTokens: 512 }
    const linear = 2 * LLAMA8.params * 2048
    const d = run('serving', input)
    expect(d.prefillChunks).toBe(4)
    close(d.ttft, (linear + LLAMA8.attention * 2_621_440) / (H100.peak * 0.5) + 4e-5)
    // Slowest chunk: the last, 512 tokens over 2048 of context, plus one dispatch.
    const lastChunk = (2 * LLAMA8.params * 512 + LLAMA8.attention * 512 * 2048) / (H100.peak * 0.5) + 1e-5
    close(d.decodeStallBound, lastChunk)
    expect(d.prefillChunkTime).toBe(d.decodeStallBound)
    expect(d.constraintTrace.some((l) => l.includes('4 chunks of up to 512 tokens'))).toBe(true)
    // 0.1.2: same compute as unchunked plus one dispatch per chunk; every chunk spans all of S.
    const o = run('serving', input, { fidelity: ORIGINAL })
    close(o.ttft, (linear + LLAMA8.attention * 2048 * 2048) / (H100.peak * 0.5) + 4e-5)
    close(o.decodeStallBound, lastChunk)
  })

  it('prompt caching: only the new tokens are prefilled, the KV cache covers all of S', () => {
    const r = run('serving', {
      workload: 'Llama3_8B',
      hardware: 'H100',
      seqLen: 2048,
      cachedPrefixLen: 1536,
    })
    // N = 512 new tokens attend over S = 2048: (2·8.03e9·512 + 4·32·32·128·512·2048) / 494.5e12 + 0.01 ms.
    close(r.ttft, (2 * LLAMA8.params * 512 + LLAMA8.attention * 512 * 2048) / (H100.peak * 0.5) + 1e-5)
    expect(r.promptCacheHitRatio).toBe(0.75)
    expect(r.kvCacheBytes).toBe(LLAMA8.kvPerToken * 2048)
    expect(r.newTokens).toBe(512)
  })

  it('MoE: the default computes with the active parameters, 0.1.2 with all of them', () => {
    // Mixtral-8x7B at S = 512 on H100: 12.9e9 active vs 46.7e9 total parameters in the linear layers.
    // (0.1.2 also reads Mixtral without GQA KV heads: 32 heads are used for attention either way.)
    const prefill = (fidelity: Fidelity) =>
      run('serving', { workload: 'Mixtral_8x7B', hardware: 'H100', seqLen: 512 }, { fidelity }).ironLaw
        .prefill.terms[0]!.time
    const attention = 4 * 32 * 32 * 128 * 512 * 512
    close(prefill('default'), (2 * 12.9e9 * 512 + attention) / (H100.peak * 0.5))
    close(prefill(ORIGINAL), (2 * 46.7e9 * 512 + attention) / (H100.peak * 0.5))
  })
})

describe('serving: decode', () => {
  it('a large batch of short contexts turns compute-bound (default); 0.1.2 times memory only', () => {
    // B = 256, S = 128: compute (2·8.03e9·256 + 4·32·32·128·128·256)/494.5e12 = 8.35 ms;
    // memory (16.06e9 + 131072·128·256)/3.35e12 = 6.39 ms; + 32 × 0.01 ms layer tax.
    const input = { workload: 'Llama3_8B', hardware: 'H100', seqLen: 128, batchSize: 256 }
    const compute = (2 * LLAMA8.params * 256 + LLAMA8.attention * 128 * 256) / (H100.peak * 0.5)
    const memory = (LLAMA8.weights + LLAMA8.kvPerToken * 128 * 256) / H100.bandwidth
    const d = run('serving', input)
    close(d.itl, compute + 32e-5)
    expect(d.decodeBound).toBe('compute')
    expect(d.bindingConstraint).toBe('compute (decode)')
    close(run('serving', input, { fidelity: ORIGINAL }).itl, memory + 32e-5)
  })

  it('disaggregation: the KV cache crosses the network, decode runs on the decode device', () => {
    const h200 = getHardware('H200')
    const r = run('serving', {
      workload: 'Llama3_8B',
      hardware: 'H100',
      decodeHardware: 'H200',
      seqLen: 2048,
    })
    // KV 268,435,456 B over 100 GB/s = 2.684 ms added to TTFT; ITL at H200's bandwidth.
    close(r.kvTransferTime, 268_435_456 / 100e9)
    close(r.itl, (LLAMA8.weights + 268_435_456) / h200.memory.bandwidth + 32e-5)
    close(r.memoryUtilization, (LLAMA8.weights + 268_435_456) / h200.memory.capacity)
    expect(r.disaggregated?.decodeHardware).toBe('H200')
    expect(r.ironLaw.prefill.terms.map((t) => t.term)).toContain('network')
  })

  it('disaggregation: the prefill device must hold the weights and the KV too (default only)', () => {
    // Llama-3.1-70B at fp8 (70.6 GB) fits H200 but not a 32 GiB V100 prefill device.
    const input = {
      workload: 'Llama3_70B',
      hardware: 'V100',
      decodeHardware: 'H200',
      seqLen: 2048,
      precision: 'fp8',
    }
    const d = run('serving', input)
    expect(d.feasible).toBe(false)
    expect(d.bindingConstraint).toBe('memory capacity (prefill device)')
    expect(run('serving', input, { fidelity: ORIGINAL }).feasible).toBe(true)
  })

  it('speculative decoding (Leviathan et al.): (γ·T_draft + T_verify)/E with E = 2.7731 at α = 0.7', () => {
    const h200 = getHardware('H200')
    const input = {
      workload: 'Llama3_70B',
      draftModel: 'Llama3_8B',
      hardware: 'H200',
      seqLen: 2048,
      precision: 'fp8',
    }
    // fp8: target 70.6 GB + KV 2·80·8·128·2048 B = 335,544,320 B; draft 8.03 GB + 134,217,728 B.
    const step = (70.6e9 + 335_544_320) / h200.memory.bandwidth + 80e-5
    const draft = (8.03e9 + 134_217_728) / h200.memory.bandwidth
    const expected = (4 * draft + step) / 2.7731
    for (const fidelity of ['default', ORIGINAL] as Fidelity[]) {
      const r = run('serving', input, { fidelity })
      close(r.itl, expected, 1e-9)
      close(r.speculative!.expectedTokensPerStep, 2.7731)
    }
    // Memory: the draft's weights (0.1.2), and in the default model its KV cache too.
    const base = 70.6e9 + 335_544_320 + 8.03e9
    close(run('serving', input, { fidelity: ORIGINAL }).totalMemoryBytes, base)
    close(run('serving', input).totalMemoryBytes, base + 134_217_728)
    expect(run('serving', { ...input, draftAcceptanceRate: 1 }).speculative!.expectedTokensPerStep).toBe(5)
  })
})

describe('serving: bad input and properties', () => {
  const base = { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048 }
  it('rejects bad input naming the field and the allowed range', () => {
    expectInputError('serving', { ...base, seqLen: 0 }, 'seqLen', /≥ 1/)
    expectInputError('serving', { ...base, batchSize: 0 }, 'batchSize', /≥ 1/)
    expectInputError('serving', { ...base, efficiency: 0 }, 'efficiency', /> 0 and ≤ 1/)
    expectInputError('serving', { ...base, efficiency: 1.5 }, 'efficiency', /> 0 and ≤ 1/)
    expectInputError('serving', { ...base, cachedPrefixLen: -1 }, 'cachedPrefixLen', /≥ 0/)
    const e = expectInputError(
      'serving',
      { ...base, cachedPrefixLen: 2048 },
      'cachedPrefixLen',
      /< seqLen \(2048\)/,
    )
    expect(e.issues[0]!.value).toBe(2048)
    expectInputError('serving', { ...base, draftAcceptanceRate: 1.5 }, 'draftAcceptanceRate', /≤ 1/)
    expectInputError('serving', { ...base, draftAcceptanceRate: -0.1 }, 'draftAcceptanceRate', /≥ 0/)
    expectInputError('serving', { ...base, prefillChunkTokens: 0 }, 'prefillChunkTokens', /≥ 1/)
    expectInputError('serving', { ...base, networkBandwidth: 0 }, 'networkBandwidth', /> 0/)
    expectInputError('serving', { ...base, networkBandwidth: '-5 GB/s' }, 'networkBandwidth', /> 0/)
    expectInputError('serving', { ...base, workload: 'ResNet50' }, 'workload', /transformer or moe workload/)
    expectInputError('serving', { ...base, draftModel: 'Mamba_130M' }, 'draftModel', /transformer or moe/)
  })

  const arb = fc
    .record({
      workload: fc.constantFrom(...LANGUAGE_MODELS),
      hardware: fc.constantFrom(...CHIPS),
      decodeHardware: fc.option(fc.constantFrom(...CHIPS), { nil: undefined }),
      draftModel: fc.option(fc.constantFrom('GPT2_Small', 'Llama2_7B'), { nil: undefined }),
      precision: fc.constantFrom('fp16', 'bf16', 'fp8', 'int8', 'fp32'),
      seqLen: fc.integer({ min: 2, max: 32_768 }),
      cachedShare: fc.double({ min: 0, max: 0.95, noNaN: true }),
      prefillChunkTokens: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }),
      batchSize: fc.integer({ min: 1, max: 256 }),
      efficiency: fc.double({ min: 0.05, max: 1, noNaN: true }),
      fidelity: fc.constantFrom<Fidelity>('default', ORIGINAL),
    })
    .map(({ cachedShare, fidelity, decodeHardware, draftModel, prefillChunkTokens, ...raw }) =>
      modelInputs(
        'serving',
        {
          ...raw,
          cachedPrefixLen: Math.floor(cachedShare * (raw.seqLen - 1)),
          ...(decodeHardware ? { decodeHardware } : {}),
          ...(draftModel ? { draftModel } : {}),
          ...(prefillChunkTokens ? { prefillChunkTokens } : {}),
        },
        fidelity,
      ),
    )

  it('more peak or bandwidth is never slower; more memory never less feasible; latencies positive', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: 1, max: 8, noNaN: true }), (v, k) => {
        const m = serving.model
        const r = m.evaluate(v)
        expect(r.ttft).toBeGreaterThan(0)
        expect(r.itl).toBeGreaterThan(0)
        const faster = m.evaluate({ ...v, peak: v.peak! * k, decodePeak: v.decodePeak! * k })
        expect(faster.ttft).toBeLessThanOrEqual(r.ttft * (1 + 1e-12))
        expect(faster.itl).toBeLessThanOrEqual(r.itl * (1 + 1e-12))
        const wider = m.evaluate({
          ...v,
          memoryBandwidth: v.memoryBandwidth! * k,
          decodeBandwidth: v.decodeBandwidth! * k,
        })
        expect(wider.ttft).toBeLessThanOrEqual(r.ttft * (1 + 1e-12))
        expect(wider.itl).toBeLessThanOrEqual(r.itl * (1 + 1e-12))
        const bigger = m.evaluate({
          ...v,
          prefillCapacity: v.prefillCapacity! * k,
          decodeCapacity: v.decodeCapacity! * k,
        })
        expect(bigger.feasible).toBeGreaterThanOrEqual(r.feasible)
        // The slowest chunk never takes longer than the whole prefill.
        expect(r.prefillChunkTime).toBeLessThanOrEqual(r.prefillTime * (1 + 1e-12))
      }),
    )
  })
})

describe('continuous-batching', () => {
  const input = {
    workload: 'Llama3_8B',
    hardware: 'H100',
    maxSeqLen: 8192,
    meanRequestTokens: 2048,
    maxBatchSize: 100_000,
  }
  it('Llama-3.1-8B on H100, 8K max / 2K mean requests: paged fits 4× the static batch', () => {
    const r = run('continuous-batching', input)
    // KV budget 80 GiB − 16.06 GB = 69.839 GB. Static: ⌊69.839e9 / (131072 × 8192)⌋ = 65.
    const budget = H100.capacity - LLAMA8.weights
    expect(r.kvBudget).toBe(budget)
    expect(r.staticMaxActiveRequests).toBe(Math.floor(budget / (LLAMA8.kvPerToken * 8192)))
    expect(r.staticMaxActiveRequests).toBe(65)
    // Paged: E[allocated] = 16·(1 − r^512)/(1 − r), r = e^{−16/μ}, μ(1 − e^{−8192/μ}) = 2048.
    const mu = r.lengthScale
    close(mu * -Math.expm1(-8192 / mu), 2048, 1e-12)
    const rr = Math.exp(-16 / mu)
    close(r.allocatedTokensPerRequest, (16 * (1 - rr ** 512)) / (1 - rr), 1e-10)
    expect(r.maxActiveRequests).toBe(Math.floor(budget / (LLAMA8.kvPerToken * r.allocatedTokensPerRequest)))
    expect(r.maxActiveRequests).toBe(259)
    close(r.staticInternalFragmentation, 0.75) // 1 − 2048/8192
    close(r.pagedInternalFragmentation, 1 - 2048 / r.allocatedTokensPerRequest)
    // Decode streams the weights and the tokens held: (W + N·k·mean)/BW.
    close(r.itl, (LLAMA8.weights + 259 * LLAMA8.kvPerToken * 2048) / H100.bandwidth)
    close(r.throughputTokensPerSec, 259 / r.itl)
    close(r.speedupVsStatic, r.throughputTokensPerSec / r.staticThroughputTokensPerSec)
  })

  it('0.1.2: every request at maxSeqLen, static = ⌊0.6 × paged⌋', () => {
    const r = run('continuous-batching', input, { fidelity: ORIGINAL })
    expect(r.maxActiveRequests).toBe(65)
    expect(r.staticMaxActiveRequests).toBe(39) // ⌊0.6 × 65⌋
    const bytesPerSeq = LLAMA8.kvPerToken * 8192
    close(r.itl, (LLAMA8.weights + 65 * bytesPerSeq) / H100.bandwidth)
    close(r.speedupVsStatic, 65 / r.itl / (39 / ((LLAMA8.weights + 39 * bytesPerSeq) / H100.bandwidth)))
    // 2049 tokens pad to 2064: 15/2064 of the last page is empty.
    const padded = run('continuous-batching', { ...input, maxSeqLen: 2049 }, { fidelity: ORIGINAL })
    close(padded.pagedInternalFragmentation, 15 / 2064)
  })

  it('weights that leave no room: infeasible (and the original’s 1000 s ITL under 0.1.2)', () => {
    const big = { workload: 'Llama3_405B', hardware: 'H100', maxSeqLen: 2048 }
    const d = run('continuous-batching', big)
    expect(d.feasible).toBe(false)
    expect(d.maxActiveRequests).toBe(0)
    expect(d.throughputTokensPerSec).toBe(0)
    expect(run('continuous-batching', big, { fidelity: ORIGINAL }).itl).toBe(1000)
  })

  it('paged holds at least as many requests as static when pages divide maxSeqLen; more memory never fewer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Llama3_8B', 'Llama2_7B', 'GPT2', 'Mixtral_8x7B'),
        fc.constantFrom('H100', 'H200', 'B200', 'MI300X'),
        fc.integer({ min: 1, max: 256 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom(8, 16, 32),
        (workload, hardware, pages, share, pageSize) => {
          const maxSeqLen = pages * pageSize
          const r = run('continuous-batching', {
            workload,
            hardware,
            maxSeqLen,
            meanRequestTokens: Math.max(1, share * maxSeqLen),
            maxBatchSize: 1_000_000,
            pageSize,
          })
          expect(r.maxActiveRequests).toBeGreaterThanOrEqual(r.staticMaxActiveRequests)
          expect(r.pagedInternalFragmentation).toBeGreaterThanOrEqual(-1e-12)
          expect(r.pagedInternalFragmentation).toBeLessThanOrEqual(r.staticInternalFragmentation + 1e-12)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('rejects bad input', () => {
    expectInputError(
      'continuous-batching',
      { ...input, meanRequestTokens: 9000 },
      'meanRequestTokens',
      /≤ maxSeqLen \(8192\)/,
    )
    expectInputError('continuous-batching', { ...input, pageSize: 0 }, 'pageSize', /≥ 1/)
    expectInputError('continuous-batching', { ...input, maxSeqLen: 0 }, 'maxSeqLen', /≥ 1/)
  })
})

describe('weight-streaming', () => {
  it('Llama-3.1-70B decode on CS-3 is injection-bound', () => {
    const cs3 = getHardware('Cerebras_CS3')
    const r = run('weight-streaming', {
      workload: 'Llama3_70B',
      hardware: 'Cerebras_CS3',
      seqLen: 2048,
      batchSize: 8,
    })
    // W_layer = 70.6e9/80 × 2 B = 1.765 GB over the injection link; compute 2 × 882.5e6 × 8 FLOP at R·η + dispatch.
    close(r.layerInjectionTime, 1.765e9 / cs3.interconnect!.bandwidth)
    close(r.layerComputeTime, (2 * (70.6e9 / 80) * 8) / (cs3.compute.peak * 0.5) + cs3.dispatchTax)
    expect(r.bottleneck).toBe('interconnect')
    close(r.tokenTime, 80 * r.layerInjectionTime)
    close(r.throughputTokensPerSec, 8 / r.tokenTime)
    // SRAM: 1.1 × 2·80·8·128·2 B × 2048 × 8 = 5.906 GB.
    close(r.memoryRequired, 1.1 * 327_680 * 2048 * 8)
    expect(r.optimalBatchSize).toBe(
      Math.max(1, Math.floor((r.layerInjectionTime * cs3.compute.peak * 0.5) / (2 * (70.6e9 / 80)))),
    )
  })

  it('prefill attention: query heads and both products (default) vs KV heads and one product (0.1.2)', () => {
    const cs3 = getHardware('Cerebras_CS3')
    const input = { workload: 'Llama3_70B', hardware: 'Cerebras_CS3', seqLen: 2048, phase: 'prefill' }
    const linear = 2 * (70.6e9 / 80) * 2048
    const d = run('weight-streaming', input)
    close(
      d.layerComputeTime,
      (linear + 4 * 64 * 2048 ** 2 * 128) / (cs3.compute.peak * 0.5) + cs3.dispatchTax,
    )
    const o = run('weight-streaming', input, { fidelity: ORIGINAL })
    close(o.layerComputeTime, (linear + 2 * 8 * 2048 ** 2 * 128) / (cs3.compute.peak * 0.5) + cs3.dispatchTax)
  })

  it('a KV cache beyond SRAM is infeasible with zero throughput', () => {
    const r = run('weight-streaming', {
      workload: 'Llama3_70B',
      hardware: 'Cerebras_CS3',
      seqLen: 131_072,
      batchSize: 64,
    })
    expect(r.feasible).toBe(false)
    expect(r.throughputTokensPerSec).toBe(0)
    expect(r.waferMemoryUtilization).toBeGreaterThan(1)
    expectInputError(
      'weight-streaming',
      { workload: 'Llama3_70B', hardware: 'Cerebras_CS3', seqLen: 1, phase: 'train' },
      'phase',
      /decode or prefill/,
    )
  })
})

describe('serving: precision without a listed peak', () => {
  it('says in the trace that the headline FP16 peak stands in, as single-node does', () => {
    // The A100 lists fp32, tf32, int8 and sparse fp16, no int4 and no fp8: both run at 312 TFLOP/s.
    const note = (precision: string, chip = 'NVIDIA A100') =>
      `Precision ${precision} has no listed peak on ${chip}; using the headline FP16 peak.`
    const int4 = run('serving', { workload: 'Llama3_8B', hardware: 'A100', seqLen: 2048, precision: 'int4' })
    expect(int4.constraintTrace).toContain(note('int4'))
    expect(int4.ironLaw.prefill.peak).toBe(312e12)
    const single = run('single-node', { workload: 'Llama3_8B', hardware: 'A100', precision: 'int4' })
    expect(single.constraintTrace).toContain(note('int4'))
    // A listed peak (int8 on the A100) and the 16-bit headline itself: no note.
    for (const precision of ['int8', 'fp16', 'bf16']) {
      const r = run('serving', { workload: 'Llama3_8B', hardware: 'A100', seqLen: 2048, precision })
      expect(r.constraintTrace.join('\n')).not.toMatch(/no listed peak/)
    }
    // Disaggregated: the H100 lists fp8, the A100 decode device does not; each device is named.
    const split = run('serving', {
      workload: 'Llama3_8B',
      hardware: 'H100',
      decodeHardware: 'A100',
      seqLen: 2048,
      precision: 'fp8',
    })
    expect(split.constraintTrace.filter((l) => l.includes('no listed peak'))).toEqual([note('fp8')])
  })
})

describe('inference-scaling', () => {
  it('T = TTFT + K·50·ITL; energy = TDP·(0.3 + 0.7·u)·T (default) or TDP·T (0.1.2)', () => {
    const r = run('inference-scaling', { workload: 'Llama3_8B', hardware: 'H100' })
    const s = run('serving', { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048 })
    close(r.totalReasoningTime, s.ttft + 8 * 50 * s.itl)
    expect(r.tokensGenerated).toBe(400)
    // FLOP executed: prefill 2·8.03e9·2048 + 4·32·32·128·2048² = 35,089,903,255,552; each of the
    // 400 decode steps 2·8.03e9 + 4·32·32·128·2048 = 17,133,741,824 (6.853e12 in all).
    // Busy time at 989 TFLOP/s: 35.48 ms + 6.93 ms = 42.41 ms of T = 2.149 s, u = 0.0197;
    // E = 700 W · (0.3·T + 0.7·42.41 ms) = 700 · 0.67537 = 472.0 J (TDP·T would be 1504 J).
    const prefill = 2 * LLAMA8.params * 2048 + LLAMA8.attention * 2048 * 2048
    const decode = 2 * LLAMA8.params + LLAMA8.attention * 2048
    expect(prefill).toBe(35_089_903_255_552)
    expect(decode).toBe(17_133_741_824)
    const busy = (prefill + 400 * decode) / H100.peak
    close(r.energyPerQuery, 700 * (0.3 * r.totalReasoningTime + 0.7 * busy))
    expect(r.energyPerQuery).toBeCloseTo(472.0, 1)
    // The original: the full TDP for the whole query.
    const o = run('inference-scaling', { workload: 'Llama3_8B', hardware: 'H100' }, { fidelity: ORIGINAL })
    close(o.energyPerQuery, 700 * o.totalReasoningTime)
    // Never more than the full TDP, never less than idle power, whatever the chip and steps.
    for (const hardware of ['H100', 'A100', 'B200', 'MI300X']) {
      for (const reasoningSteps of [0, 1, 64]) {
        const q = run('inference-scaling', { workload: 'Llama3_8B', hardware, reasoningSteps })
        const tdp = getHardware(hardware).tdp!
        expect(q.energyPerQuery).toBeLessThanOrEqual(tdp * q.totalReasoningTime)
        expect(q.energyPerQuery).toBeGreaterThanOrEqual(0.3 * tdp * q.totalReasoningTime)
      }
    }
    // 400 decode steps × 5.19 ms = 2.08 s against a 71 ms prefill: decode binds.
    expect(r.bindingConstraint).toBe('decode latency')
    const answerOnly = run('inference-scaling', {
      workload: 'Llama3_8B',
      hardware: 'H100',
      reasoningSteps: 0,
    })
    expect(answerOnly.totalReasoningTime).toBe(s.ttft)
    // No reasoning steps: all of the time is the prompt's prefill.
    expect(answerOnly.bindingConstraint).toBe('prefill latency')
    expectInputError(
      'inference-scaling',
      { workload: 'Llama3_8B', hardware: 'H100', contextLength: 0 },
      'contextLength',
      /≥ 1/,
    )
  })
})

describe('serving-capacity', () => {
  const input = { workload: 'Llama3_8B', hardware: 'H100', qps: 60, targetP99LatencyMs: 5000 }
  for (const fidelity of ['default', ORIGINAL] as Fidelity[]) {
    it(`finds the fewest replicas meeting the target (${fidelity})`, () => {
      const r = run('serving-capacity', input, { fidelity })
      expect(r.feasible).toBe(true)
      const check = (replicas: number) => {
        const q = run(
          'tail-latency',
          { arrivalRateQps: 60, serviceLatencyMs: 1000 / r.perReplicaQpsCapacity, numReplicas: replicas },
          { fidelity },
        )
        return q.stable && r.baseRequestLatency + Math.max(0, q.p99 - q.serviceTime) <= 5
      }
      expect(check(r.requiredReplicas)).toBe(true)
      if (r.requiredReplicas > 1) expect(check(r.requiredReplicas - 1)).toBe(false)
      close(r.qpsCapacity, r.requiredReplicas * r.perReplicaQpsCapacity)
      close(r.baseRequestLatency, r.ttft + 128 * r.itl)
    })
  }

  it('reports memory as the bottleneck when the model does not fit', () => {
    const r = run('serving-capacity', { ...input, workload: 'Llama3_405B' })
    expect(r.feasible).toBe(false)
    expect(r.bottleneck).toBe('memory')
    expect(r.requiredReplicas).toBe(1024)
  })

  it('reports base latency when one request alone exceeds the target (no replica count helps)', () => {
    // qps 60 at 33.98 QPS per replica: 2 replicas keep the queue stable; the base request
    // (TTFT of the 32-request batch + 128 × ITL ≈ 3.25 s) is already over a 1 s target.
    const r = run('serving-capacity', { ...input, targetP99LatencyMs: 1000 })
    expect(r.feasible).toBe(false)
    expect(r.bottleneck).toBe('base latency')
    expect(r.bindingConstraint).toBe('base latency')
    expect(r.baseRequestLatency).toBeGreaterThan(1)
    expect(r.requiredReplicas).toBe(2) // the fewest stable replicas, not the 1024 limit
    expect(r.constraintTrace.at(-1)).toMatch(/^Base Latency: one request takes 3\.25 s on an idle replica/)
    // The original searches up to the replica limit.
    const original = run('serving-capacity', { ...input, targetP99LatencyMs: 1000 }, { fidelity: ORIGINAL })
    expect(original.requiredReplicas).toBe(1024)
    expect(original.bottleneck).toBe('base latency')
  })

  it('reports capacity when even the replica limit is unstable', () => {
    const r = run('serving-capacity', { ...input, qps: 1e6, maxReplicas: 4 })
    expect(r.feasible).toBe(false)
    expect(r.bottleneck).toBe('capacity')
    expect(r.estimatedP99Latency).toBe(Number.POSITIVE_INFINITY)
  })

  it('rejects bad input', () => {
    expectInputError('serving-capacity', { ...input, qps: 0 }, 'qps', /> 0/)
    expectInputError('serving-capacity', { ...input, targetP99LatencyMs: -1 }, 'targetP99LatencyMs', /> 0/)
    expectInputError(
      'serving-capacity',
      { ...input, meanRequestTokens: 4096 },
      'meanRequestTokens',
      /≤ maxSeqLen \(2048\)/,
    )
    expectInputError('serving-capacity', { ...input, maxReplicas: 0 }, 'maxReplicas', /≥ 1/)
  })
})

describe('batching optimizer', () => {
  const input = {
    workload: 'Llama3_8B',
    hardware: 'A100',
    seqLen: 128,
    slaLatencyMs: 20_000,
    arrivalRateQps: 10,
  }
  const admissible = (batch: number, outputTokens: number, fidelity: Fidelity) => {
    const s = run(
      'serving',
      { workload: 'Llama3_8B', hardware: 'A100', seqLen: 128, batchSize: batch },
      { fidelity },
    )
    const q = run(
      'tail-latency',
      { arrivalRateQps: 10 / batch, serviceLatencyMs: (s.ttft + s.itl * outputTokens) * 1e3 },
      { fidelity },
    )
    return s.feasible && q.stable && q.p99 <= 20
  }

  it('the largest admissible batch, with output tokens from outputTokens (default) or seqLen (0.1.2)', () => {
    const d = run('batching', { ...input, outputTokens: 64 })
    const o = run('batching', { ...input, outputTokens: 64 }, { fidelity: ORIGINAL })
    expect(d.outputTokens).toBe(64)
    expect(o.outputTokens).toBe(128)
    expect(d.maxThroughput).toBe(10 * 64)
    expect(o.maxThroughput).toBe(10 * 128)
    // Fewer tokens per request: a batch's service is shorter, so a larger batch still meets the SLA.
    expect(d.bestBatchSize).toBeGreaterThanOrEqual(run('batching', input).bestBatchSize)
    for (const [r, fidelity] of [
      [run('batching', input), 'default'],
      [run('batching', input, { fidelity: ORIGINAL }), ORIGINAL],
    ] as const) {
      expect(r.feasible).toBe(true)
      expect(admissible(r.bestBatchSize, r.outputTokens, fidelity)).toBe(true)
      if (r.bestBatchSize < 256) expect(admissible(r.bestBatchSize + 1, r.outputTokens, fidelity)).toBe(false)
      expect(r.p99Latency).toBeLessThanOrEqual(20)
    }
  })

  it('reports P(latency > SLA) by default and the headroom ratio under 0.1.2', () => {
    const d = run('batching', input)
    expect(d.sloViolationProbability).toBeGreaterThan(0)
    expect(d.sloViolationProbability).toBeLessThanOrEqual(0.01 + 1e-12) // p99 ≤ SLA ⇒ at most 1% exceed it
    const o = run('batching', input, { fidelity: ORIGINAL })
    const q = run(
      'tail-latency',
      { arrivalRateQps: 10 / o.bestBatchSize, serviceLatencyMs: o.serviceLatency * 1e3 },
      { fidelity: ORIGINAL },
    )
    close(o.sloViolationProbability, q.sloHeadroomRatio)
  })

  it('no admissible batch: infeasible with batch 0', () => {
    // 1 ms is below any batch's service time; at 10 QPS batch 1 (≈ 1.1 s per request) is also unstable.
    const r = run('batching', { ...input, slaLatencyMs: 1 })
    expect(r.feasible).toBe(false)
    expect(r.bestBatchSize).toBe(0)
    expect(r.bindingConstraint).toBe('queue stability')
    expect(run('batching', { ...input, slaLatencyMs: 1, arrivalRateQps: 0.01 }).bindingConstraint).toBe(
      'p99 SLA',
    )
    expectInputError('batching', { ...input, slaLatencyMs: 0 }, 'slaLatencyMs', /> 0/)
    expectInputError('batching', { ...input, arrivalRateQps: 0 }, 'arrivalRateQps', /> 0/)
  })
})
