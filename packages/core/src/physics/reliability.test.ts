import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import {
  clusterMtbf,
  failureProbability,
  nodeMtbf,
  stackedAvailability,
  youngDalyInterval,
} from './reliability.js'

const HOUR = 3600
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('reliability formulas', () => {
  it('Young: δ = 60 s, MTBF = 50,000 h: √(2 · 60 · 1.8e8) = √2.16e10 = 146969.38 s (conformance formula/young-daly)', () => {
    expect(
      rel(youngDalyInterval({ checkpointTime: 60, mtbf: 50_000 * HOUR }), 146969.3845669907),
    ).toBeLessThan(1e-12)
  })

  it('cluster MTBF: 50,000 h / 1000 nodes = 50 h; with correlation 0.5, 25 h (conformance formula/cluster-mtbf)', () => {
    expect(clusterMtbf({ nodeMtbf: 50_000 * HOUR, nodes: 1000, correlation: 1 })).toBe(50 * HOUR)
    expect(clusterMtbf({ nodeMtbf: 50_000 * HOUR, nodes: 1000, correlation: 0.5 })).toBe(25 * HOUR)
  })

  it('DGX H100 node: 1/(8/50,000 + 8/150,000 + 2/100,000) h = 1/(2.3333e-4) = 4285.714 h', () => {
    const mtbf = nodeMtbf({
      gpus: 8,
      gpuMttf: 50_000 * HOUR,
      nics: 8,
      nicMttf: 150_000 * HOUR,
      psus: 2,
      psuMttf: 100_000 * HOUR,
      others: 0,
      otherMttf: 1,
    })
    expect(rel(mtbf, (30_000 / 7) * HOUR)).toBeLessThan(1e-12)
  })

  it('failure probability: T = MTBF gives 1 − 1/e = 0.6321205588', () => {
    expect(rel(failureProbability({ mtbf: 100, duration: 100 }), 1 - Math.exp(-1))).toBeLessThan(1e-15)
    expect(failureProbability({ mtbf: 100, duration: 0 })).toBe(0)
  })

  it('stacked availability: two replicas at 99% give 1 − 0.01² = 0.9999', () => {
    expect(rel(stackedAvailability({ availability: 0.99, replicas: 2 }), 0.9999)).toBeLessThan(1e-14)
  })

  it('the Young–Daly interval grows with MTBF and with checkpoint time', () => {
    fc.assert(
      fc.property(positive(1, 1e4), positive(60, 1e9), positive(1.000001, 100), (delta, mtbf, k) => {
        const tau = youngDalyInterval({ checkpointTime: delta, mtbf })
        expect(youngDalyInterval({ checkpointTime: delta, mtbf: mtbf * k })).toBeGreaterThan(tau)
        expect(youngDalyInterval({ checkpointTime: delta * k, mtbf })).toBeGreaterThan(tau)
      }),
    )
  })

  it('more nodes never raise cluster MTBF; failure probability lies in [0, 1] and grows with T', () => {
    fc.assert(
      fc.property(
        positive(1e3, 1e10),
        fc.integer({ min: 1, max: 100_000 }),
        positive(1, 1e8),
        (mtbf, n, t) => {
          expect(clusterMtbf({ nodeMtbf: mtbf, nodes: n + 1, correlation: 1 })).toBeLessThan(
            clusterMtbf({ nodeMtbf: mtbf, nodes: n, correlation: 1 }),
          )
          const p = failureProbability({ mtbf, duration: t })
          expect(p).toBeGreaterThanOrEqual(0)
          expect(p).toBeLessThanOrEqual(1)
          expect(failureProbability({ mtbf, duration: 2 * t })).toBeGreaterThanOrEqual(p)
        },
      ),
    )
  })

  it('backends agree', () => {
    expectBackendsAgree(
      youngDalyInterval.model,
      { checkpointTime: positive(1, 1e4), mtbf: positive(1e3, 1e10) },
      { smooth: ['checkpointTime', 'mtbf'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      nodeMtbf.model,
      {
        gpus: positive(1, 16),
        gpuMttf: positive(1e7, 1e9),
        nics: positive(1, 16),
        nicMttf: positive(1e7, 1e9),
        psus: positive(1, 4),
        psuMttf: positive(1e7, 1e9),
        others: positive(1e-3, 4),
        otherMttf: positive(1e7, 1e9),
      },
      { smooth: ['gpus', 'gpuMttf', 'nicMttf', 'others'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      clusterMtbf.model,
      { nodeMtbf: positive(1e3, 1e10), nodes: positive(1, 1e5), correlation: positive(0.1, 1) },
      { smooth: ['nodeMtbf', 'nodes', 'correlation'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      failureProbability.model,
      // 1 − e^(−T/MTBF) cancels for T ≪ MTBF; finite differences need T/MTBF ≳ 1e-4 to resolve it.
      { mtbf: positive(1e3, 1e8), duration: positive(1e4, 1e8) },
      { smooth: ['mtbf', 'duration'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      stackedAvailability.model,
      { availability: positive(0.5, 0.9999), replicas: positive(1, 5) },
      { smooth: ['availability', 'replicas'], differentiable: ['value'] },
    )
  })
})
