import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { around, boundInputs, expectInputError } from '../../test/solver-fixtures.js'
import { ringAllReduce } from '../physics/collectives.js'
import { solve } from '../solver/solve.js'
import { type DistributedResult, distributed } from './distributed.js'

const run = (input: Record<string, unknown>, fidelity: 'default' | 'mlsysim-0.1.2' = 'default') =>
  solve(
    'distributed',
    { workload: 'Llama3_8B', fleet: 'Research_256', batchSize: 256, ...input },
    { fidelity },
  ) as DistributedResult

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('distributed: input errors', () => {
  it('parallelism that does not divide the fleet names the field, the cluster size and the divisors', () => {
    const error = expectInputError(
      'distributed',
      { workload: 'Llama3_8B', fleet: 'Research_256', batchSize: 256, tpSize: 3 },
      'tpSize',
      /3 × 1 × 1 = 3 must divide the 256 accelerators of fleet 'Research_256'.*divisors of 256: 1, 2, 4, 8, 16, 32, 64, 128, 256/,
    )
    expect(error.issues[0]!.value).toBe(3)
    expectInputError(
      'distributed',
      { workload: 'Llama3_8B', fleet: 'Research_256', ppSize: 512 },
      'ppSize',
      /1 × 512 × 1 = 512 must divide/,
    )
    expectInputError(
      'distributed',
      { workload: 'Llama3_8B', fleet: 'Research_256', epSize: 6 },
      'epSize',
      /must divide/,
    )
  })

  it('rejects a batch below 1, a ZeRO stage outside 0..3, η outside (0, 1], factors below 1, unknown keys', () => {
    const base = { workload: 'Llama3_8B', fleet: 'Research_256' }
    expectInputError('distributed', { ...base, batchSize: 0 }, 'batchSize', /whole number ≥ 1.*got 0/)
    expectInputError('distributed', { ...base, zeroStage: 4 }, 'zeroStage', /≥ 0 and ≤ 3/)
    expectInputError('distributed', { ...base, efficiency: 1.5 }, 'efficiency', /≤ 1/)
    expectInputError('distributed', { ...base, congestionFactor: 0.5 }, 'congestionFactor', /≥ 1/)
    expectInputError('distributed', { ...base, overlapEfficiency: -0.1 }, 'overlapEfficiency', /≥ 0/)
    expectInputError('distributed', { ...base, tp: 8 }, 'tp', /tp: unknown field 'tp'; did you mean tpSize\?/)
    expectInputError(
      'distributed',
      { ...base, tp_size: 8 },
      'tp_size',
      /did you mean tpSize\? \(keys are camelCase\)/,
    )
    expectInputError('distributed', { ...base, fleet: 'Research_255' }, 'fleet', /Research_256/)
  })
})

describe('distributed: default model, hand-derived', () => {
  it('pure data parallelism: Llama-3-8B over 256 H100s, batch 256', () => {
    // DP 256, one sample per rank. The dense gradients (8.03e9 × 2 B = 16.06 GB) all-reduce
    // hierarchically: 8 ranks per node over NVLink (450 GB/s, 500 ns), 32 nodes over 100GbE.
    const r = run({ seqLen: 2048 })
    expect(r.parallelism).toEqual({ dp: 256, tp: 1, pp: 1, ep: 1 })
    expect(r.localBatch).toBe(1)
    const m = 16.06e9
    const intra = 2 * ((7 / 8) * (m / 450e9) + 7 * 500e-9)
    const inter = ringAllReduce({ messageBytes: m / 8, ranks: 32, bandwidth: 12.5e9, latency: 50e-6 })
    expect(rel(r.dpCommunicationTime, intra + inter)).toBeLessThan(1e-9)
    expect(r.tpCommunicationTime).toBe(0)
    expect(r.bubbleTime).toBe(0)
    // No pipeline, no overlap: step = node + DP
    expect(rel(r.stepTime, r.node.latency + r.dpCommunicationTime)).toBeLessThan(1e-12)
    expect(rel(r.throughput, 256 / r.stepTime)).toBeLessThan(1e-12)
    // The whole model on each GPU with activations "none" at batch 1 does not fit 80 GiB:
    // 16.06 + 16.06 + 96.36 GB of state alone.
    expect(r.feasible).toBe(false)
    expect(r.bindingConstraint).toBe('memory capacity')
  })

  it('ZeRO-3 shards the state over DP and moves 1.5× the gradient volume', () => {
    const z0 = run({ zeroStage: 0 })
    const z3 = run({ zeroStage: 3 })
    expect(rel(z3.dpCommunicationTime, 1.5 * z0.dpCommunicationTime)).toBeLessThan(1e-12)
    expect(z3.node.memoryFootprint).toBeLessThan(z0.node.memoryFootprint)
    expect(z3.feasible).toBe(true)
  })

  it('overlap hides 85% of the DP all-reduce; gradient accumulation amortizes it', () => {
    const plain = run({ zeroStage: 1 })
    const overlapped = run({ zeroStage: 1, overlapComm: true })
    expect(rel(overlapped.stepTime - overlapped.node.latency, 0.15 * plain.dpCommunicationTime)).toBeLessThan(
      1e-9,
    )
    const accumulated = run({ zeroStage: 1, gradientAccumulationSteps: 4 })
    expect(rel(accumulated.dpCommunicationTime, plain.dpCommunicationTime / 4)).toBeLessThan(1e-12)
  })

  it('microbatches beyond the samples of a data rank are capped', () => {
    // batch 256 over DP 8 (TP 8 × PP 4) = 32 samples per rank; 64 microbatches → 32 of 1 sample
    const r = run({ tpSize: 8, ppSize: 4, microbatchCount: 64 })
    expect(r.localBatch).toBe(32)
    expect(r.microbatches).toBe(32)
    expect(r.constraintTrace.join(' ')).toMatch(/32 microbatches instead of 64/)
  })

  it('selective recomputation: HFU counts the attention core run again, MFU does not; HFU ≤ η', () => {
    // Per sequence: F = 16.06e9 × 2048 + A, A = 4 × 32 × 4096 × 2048²; hardware 3F + A, model 3F.
    const r = run({ tpSize: 8, ppSize: 4, microbatchCount: 16, activationRecomputation: true })
    const attention = 4 * 32 * 4096 * 2048 ** 2
    const forward = 16.06e9 * 2048 + attention
    expect(rel(r.trainingFlopPerSample, 3 * forward + attention)).toBeLessThan(1e-12)
    expect(rel(r.node.hfu / r.node.mfu, (3 * forward + attention) / (3 * forward))).toBeLessThan(1e-12)
    expect(r.node.hfu).toBeLessThanOrEqual(0.5)
    // 256 samples = 8 data ranks × 32, so fleet MFU = node MFU × scaling efficiency.
    expect(rel(r.mfu, r.node.mfu * r.scalingEfficiency)).toBeLessThan(1e-12)
    const original = run(
      { tpSize: 8, ppSize: 4, microbatchCount: 16, activationRecomputation: true },
      'mlsysim-0.1.2',
    )
    expect(rel(original.node.hfu, Math.min(1, (4 / 3) * original.node.mfu))).toBeLessThan(1e-12)
  })

  it('the original keeps its quirks: whole-model offload node, N × node throughput', () => {
    const r = run({ tpSize: 8, ppSize: 4, microbatchCount: 16 }, 'mlsysim-0.1.2')
    expect(r.node.effectiveBandwidth).toBe(64e9)
    expect(rel(r.throughput, 256 * r.node.throughput * r.scalingEfficiency)).toBeLessThan(1e-12)
    expect(r.ppCommunicationTime).toBe(0)
  })
})

describe('distributed: NVLink per direction (H200)', () => {
  it('β is the per-direction 450 GB/s by default; the original read H200 NVLink as 900 GB/s per direction', () => {
    const fleet = {
      node: {
        id: 'HGX_H200',
        name: 'HGX H200',
        accelerator: 'H200',
        acceleratorsPerNode: 8,
        nicsPerNode: 8,
        provenance: { kind: 'illustrative', ref: 'test', verified: '2026-06-10' },
      },
      count: 4,
      fabric: 'InfiniBand_NDR',
    }
    const input = { workload: 'Llama3_8B', fleet, batchSize: 32, tpSize: 8 }
    // DP 4, 8 samples per rank, one microbatch: 4 × 32 all-reduces of 8 × 2048 × 4096 × 2 B
    const message = 8 * 2048 * 4096 * 2
    const at = (bandwidth: number) =>
      128 * ringAllReduce({ messageBytes: message, ranks: 8, bandwidth, latency: 500e-9 })
    expect(
      rel((solve('distributed', input) as DistributedResult).tpCommunicationTime, at(450e9)),
    ).toBeLessThan(1e-12)
    const original = solve('distributed', input, { fidelity: 'mlsysim-0.1.2' }) as DistributedResult
    expect(rel(original.tpCommunicationTime, at(900e9))).toBeLessThan(1e-12)
  })
})

describe('distributed: properties (default model)', () => {
  const arb = fc.record({
    tp: fc.constantFrom(1, 2, 4, 8),
    pp: fc.constantFrom(1, 2, 4),
    zero: fc.constantFrom(0, 1, 2, 3),
    batch: fc.constantFrom(64, 256, 1024),
    microbatches: fc.constantFrom(1, 4, 16),
  })

  it('a higher ZeRO stage never raises the per-accelerator footprint', () => {
    fc.assert(
      fc.property(arb, ({ tp, pp, zero, batch, microbatches }) => {
        const input = { tpSize: tp, ppSize: pp, batchSize: batch, microbatchCount: microbatches }
        const lower = run({ ...input, zeroStage: zero })
        const higher = run({ ...input, zeroStage: Math.min(3, zero + 1) })
        expect(higher.node.memoryFootprint).toBeLessThanOrEqual(lower.node.memoryFootprint)
      }),
      { numRuns: 30 },
    )
  })

  it('a faster fabric or NVLink never makes the step slower; times are positive', () => {
    fc.assert(
      fc.property(
        arb,
        fc.double({ min: 1, max: 16, noNaN: true }),
        ({ tp, pp, zero, batch, microbatches }, k) => {
          const input = {
            tpSize: tp,
            ppSize: pp,
            batchSize: batch,
            microbatchCount: microbatches,
            zeroStage: zero,
          }
          const base = run(input)
          const fleet = {
            node: 'DGX_H100',
            count: 32,
            fabric: {
              id: 'Fast',
              name: 'fast',
              bandwidth: 12.5e9 * k,
              latency: 50e-6,
              provenance: { kind: 'illustrative', ref: 'test', verified: '2026-06-10' },
            },
          }
          const faster = run({ ...input, fleet })
          expect(faster.stepTime).toBeLessThanOrEqual(base.stepTime * (1 + 1e-12))
          expect(base.stepTime).toBeGreaterThan(0)
          expect(base.node.energy).toBeGreaterThan(0)
          expect(base.scalingEfficiency).toBeGreaterThan(0)
          expect(base.scalingEfficiency).toBeLessThanOrEqual(1)
        },
      ),
      { numRuns: 30 },
    )
  })
})

describe('distributed: scalar = interpreter = columnar; derivatives = finite differences', () => {
  for (const fidelity of ['default', 'mlsysim-0.1.2'] as const) {
    it(fidelity, () => {
      const base = boundInputs(
        distributed,
        {
          workload: 'Mixtral_8x7B',
          fleet: 'Training_1K',
          batchSize: 512,
          tpSize: 2,
          ppSize: 4,
          epSize: 4,
          microbatchCount: 8,
          zeroStage: 1,
        },
        fidelity,
      )
      expectBackendsAgree(
        distributed.model,
        around(base, {
          batchSize: fc.integer({ min: 1, max: 4096 }),
          efficiency: positive(0.05, 1),
          tpSize: fc.constantFrom(1, 2, 4, 8, 16),
          ppSize: fc.constantFrom(1, 2, 4, 8),
          epSize: fc.constantFrom(1, 2, 4),
          microbatchCount: fc.integer({ min: 1, max: 64 }),
          vStages: fc.integer({ min: 1, max: 4 }),
          zeroStage: fc.integer({ min: 0, max: 3 }),
          seqLen: fc.integer({ min: 128, max: 8192 }),
          overlapComm: fc.constantFrom(0, 1),
          overlapEfficiency: positive(0.01, 1),
          congestionFactor: positive(1, 3),
          stragglerFactor: positive(1, 2),
          fabricBandwidth: positive(1e9, 1e11),
          intraNodeBandwidth: positive(5e10, 1e12),
          peak: positive(1e14, 5e15),
          gradientAccumulationSteps: fc.integer({ min: 1, max: 8 }),
        }),
        {
          smooth: [
            'efficiency',
            'fabricBandwidth',
            'intraNodeBandwidth',
            'peak',
            'overlapEfficiency',
            'congestionFactor',
          ],
          differentiable: [
            'stepTime',
            'communicationTime',
            'dpCommunicationTime',
            'tpCommunicationTime',
            'epCommunicationTime',
            'ppCommunicationTime',
            'bubbleTime',
            'throughput',
            'scalingEfficiency',
            'mfu',
            'nodeLatency',
          ],
          numRuns: 40,
        },
      )
    })
  }
})
