/**
 * Propagation delay over optical fiber: light travels at c/n ≈ 2×10⁸ m/s in silica
 * (n ≈ 1.47), so a round trip over d metres takes 2·d / (2×10⁸ m/s) — 10 ms per 1000 km.
 * Length is not a base quantity of this model, so distance enters as a plain number of
 * metres and the speed as metres per second (a rate).
 */
import { SPEED_OF_LIGHT_FIBER } from '../constants.js'
import { defineFormula, sourcedConstant } from './formula.js'

/** Round-trip time over `distanceMeters` of fiber: 2·d/v_fiber. */
export const fiberRoundTrip = defineFormula('fiber-round-trip', { distanceMeters: 'count' }, (b, x) => {
  const speed = sourcedConstant(b, 'SPEED_OF_LIGHT_FIBER', SPEED_OF_LIGHT_FIBER, 'hertz', 'v_{fiber}')
  return x.distanceMeters.mul(2).div(speed)
})
