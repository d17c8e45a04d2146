import { describe, expect, it } from 'vitest'
import { expectInputError } from '../../test/solver-fixtures.js'
import { solve } from '../solver/solve.js'
import type { DistributedResult } from './distributed.js'
import type { ParallelismResult } from './parallelism.js'

describe('parallelism search', () => {
  const input = { workload: 'Llama3_8B', fleet: 'Research_256', batchSize: 1024 }

  it('default: the best split fits in memory and beats every other feasible split', () => {
    const r = solve('parallelism', input) as ParallelismResult
    expect(r.feasible).toBe(true)
    const best = r.best!
    expect(best.tp * best.pp * best.dp).toBe(256)
    expect(r.bestResult!.feasible).toBe(true)
    expect(r.topCandidates[0]).toEqual(best)
    for (const c of r.topCandidates) expect(c.mfu).toBeLessThanOrEqual(best.mfu)
    // the reported candidate is exactly the distributed model's result for that split
    const check = solve('distributed', {
      ...input,
      tpSize: best.tp,
      ppSize: best.pp,
      microbatchCount: best.microbatchCount,
      overlapComm: true,
    }) as DistributedResult
    expect(check.mfu).toBe(best.mfu)
    expect(check.throughput).toBe(best.throughput)
  })

  it('mlsysim 0.1.2: one microbatch, the 90%-of-HBM gate without activations, ranked by scaling × η', () => {
    const r = solve('parallelism', input, { fidelity: 'mlsysim-0.1.2' }) as ParallelismResult
    expect(r.best!.microbatchCount).toBe(1)
    // TP ∈ {1, 2, 4, 8} × PP ∈ {1 … 256}: 36 pairs, 6 with TP·PP > 256; the gate
    // (2 × 16.06 GB + 12 × 8.03e9 B)/(TP·PP) ≤ 0.9 × 80 GiB = 77.3 GB drops TP·PP = 1 (128.5 GB): 29
    expect(r.totalSearched).toBe(29)
    expect(r.objectiveValue).toBe(r.bestResult!.scalingEfficiency * 0.5)
  })

  it('caps TP at maxTp and PP at maxPp', () => {
    const r = solve('parallelism', { ...input, maxTp: 2, maxPp: 2 }) as ParallelismResult
    for (const c of r.topCandidates) {
      expect(c.tp).toBeLessThanOrEqual(2)
      expect(c.pp).toBeLessThanOrEqual(2)
    }
  })

  it('nothing fits: an infeasible result, not an exception', () => {
    const r = solve('parallelism', {
      workload: 'GPT3',
      fleet: { node: 'DGX_H100', count: 1, fabric: 'InfiniBand_NDR' },
      batchSize: 8,
    }) as ParallelismResult
    expect(r.feasible).toBe(false)
    expect(r.best).toBeNull()
    expect(r.bindingConstraint).toBe('memory capacity')
  })

  it('rejects a missing batch and bad caps', () => {
    expectInputError(
      'parallelism',
      { workload: 'Llama3_8B', fleet: 'Research_256' },
      'batchSize',
      /whole number/,
    )
    expectInputError('parallelism', { ...input, maxTp: 0 }, 'maxTp', /≥ 1/)
  })
})
