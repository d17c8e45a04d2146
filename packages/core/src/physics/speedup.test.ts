import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { amdahlSpeedup, strongScalingSpeedup } from './speedup.js'

describe('speedup laws', () => {
  it('Amdahl: p = 0.9 sped up 10× gives 1/(0.1 + 0.09) = 1/0.19 = 5.263157894736842 (conformance formula/amdahl)', () => {
    // (1 − 0.9) rounds to 0.09999999999999998 in binary, so the last digit differs from 1/0.19.
    expect(
      Math.abs(amdahlSpeedup({ parallelFraction: 0.9, speedup: 10 }) / 5.263157894736842 - 1),
    ).toBeLessThan(1e-15)
  })

  it('strong scaling: 1024 workers with 1% serial work give 1024/(1 + 1023·0.01) = 1024/11.23 ≈ 91.18', () => {
    expect(
      Math.abs(strongScalingSpeedup({ workers: 1024, serialFraction: 0.01 }) - 1024 / 11.23),
    ).toBeLessThan(1e-12)
    expect(strongScalingSpeedup({ workers: 64, serialFraction: 0 })).toBe(64)
  })

  it('speedup is bounded by 1/(1−p) and by N', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (p, s) => {
          const speedup = amdahlSpeedup({ parallelFraction: p, speedup: s })
          expect(speedup).toBeGreaterThanOrEqual(1 - 1e-12)
          expect(speedup).toBeLessThanOrEqual(1 / (1 - p) + 1e-9)
        },
      ),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const speedup = strongScalingSpeedup({ workers: n, serialFraction: f })
          expect(speedup).toBeLessThanOrEqual(n * (1 + 1e-12))
          expect(speedup).toBeGreaterThanOrEqual(1 - 1e-12)
        },
      ),
    )
  })

  it('backends agree', () => {
    expectBackendsAgree(
      amdahlSpeedup.model,
      { parallelFraction: positive(1e-3, 0.999), speedup: positive(1, 1e4) },
      { smooth: ['parallelFraction', 'speedup'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      strongScalingSpeedup.model,
      { workers: positive(1, 1e5), serialFraction: positive(1e-6, 1) },
      { smooth: ['workers', 'serialFraction'], differentiable: ['value'] },
    )
  })
})
