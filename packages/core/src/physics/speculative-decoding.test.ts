import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkBackends, positive } from '../../test/model-backends.js'
import { speculativeExpectedTokens } from './speculative-decoding.js'

describe('speculativeExpectedTokens', () => {
  it('matches hand derivations', () => {
    // α = 0.7, γ = 4: 1 + 0.7 + 0.49 + 0.343 + 0.2401 = 2.7731 tokens per verification.
    expect(speculativeExpectedTokens({ acceptance: 0.7, gamma: 4 })).toBeCloseTo(2.7731, 14)
    expect(speculativeExpectedTokens({ acceptance: 1, gamma: 4 })).toBe(5) // every draft accepted + the bonus token
    expect(speculativeExpectedTokens({ acceptance: 0, gamma: 4 })).toBe(1) // only the target's own token
    expect(speculativeExpectedTokens({ acceptance: 0.5, gamma: 1 })).toBe(1.5)
  })

  it('equals the finite geometric sum and rises with α', () => {
    fc.assert(
      fc.property(positive(0, 0.999), fc.integer({ min: 1, max: 16 }), (alpha, gamma) => {
        let sum = 0
        for (let i = 0; i <= gamma; i++) sum += alpha ** i
        const e = speculativeExpectedTokens({ acceptance: alpha, gamma })
        expect(Math.abs(e - sum) / sum).toBeLessThan(1e-12)
        expect(speculativeExpectedTokens({ acceptance: Math.min(1, alpha + 1e-3), gamma })).toBeGreaterThan(e)
      }),
    )
  })

  it('backends agree', () => {
    const arb = fc.record({ acceptance: positive(0.01, 0.99), gamma: fc.integer({ min: 1, max: 8 }) })
    expect(checkBackends(speculativeExpectedTokens.model, arb, { smooth: ['acceptance'] })).toBeGreaterThan(
      50,
    )
  })
})
