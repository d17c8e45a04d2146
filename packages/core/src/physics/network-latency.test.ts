import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { fiberRoundTrip } from './network-latency.js'

describe('fiber round trip', () => {
  it('1000 km: 2 · 1e6 m / 2e8 m/s = 10 ms (conformance formula/fiber-rtt)', () => {
    expect(fiberRoundTrip({ distanceMeters: 1e6 })).toBe(0.01)
  })

  it('is linear in distance and positive', () => {
    expect(fiberRoundTrip({ distanceMeters: 5e6 })).toBe(5 * fiberRoundTrip({ distanceMeters: 1e6 }))
    expect(fiberRoundTrip({ distanceMeters: 1 })).toBeGreaterThan(0)
  })

  it('backends agree', () => {
    expectBackendsAgree(
      fiberRoundTrip.model,
      { distanceMeters: positive(1, 2e7) },
      { smooth: ['distanceMeters'], differentiable: ['value'] },
    )
  })
})
