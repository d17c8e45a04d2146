// Catalog references accept inline definitions: the example of a custom 1.7B
// transformer trained on 4 DGX A100 nodes over HDR InfiniBand, nothing from the catalog but
// the node and the fabric.
import { describe, expect, it } from 'vitest'
import { SolverInputError, solve } from '../src/index.js'

const custom17B = {
  id: 'My17B',
  family: 'transformer',
  parameters: 1.7e9,
  layers: 24,
  hiddenDim: 2048,
  heads: 16,
}
const fourDgxA100 = { node: 'DGX_A100', count: 4, fabric: 'InfiniBand_HDR' }

describe('inline definitions', () => {
  it('trains a custom 1.7B transformer on an inline 32-GPU fleet', () => {
    const r = solve('distributed', {
      workload: custom17B,
      fleet: fourDgxA100,
      batchSize: 256,
      tpSize: 2,
      activationRecomputation: true,
    })
    // 4 nodes × 8 A100s = 32 GPUs; TP 2 leaves 16 data-parallel replicas.
    expect(r.parallelism).toEqual({ dp: 16, tp: 2, pp: 1, ep: 1 })
    expect(r.feasible).toBe(true)
    expect(r.stepTime).toBeGreaterThan(0)
    // Every sample of the global batch is processed once per step.
    expect(r.throughput).toBeCloseTo(256 / r.stepTime, 9)
  })

  it('reports a mistake inside an inline definition with its path', () => {
    expect(() =>
      solve('distributed', { workload: { ...custom17B, layers: -1 }, fleet: fourDgxA100, batchSize: 256 }),
    ).toThrowError(SolverInputError)
    expect(() =>
      solve('distributed', {
        workload: custom17B,
        fleet: { ...fourDgxA100, node: 'DGX_A10' },
        batchSize: 256,
      }),
    ).toThrowError(/fleet: invalid fleet:\s+node: unknown node 'DGX_A10'; did you mean DGX_A100\?/)
  })
})
