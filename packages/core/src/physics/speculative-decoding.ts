/**
 * Speculative decoding (Leviathan, Kalman and Matias 2023, "Fast Inference from Transformers
 * via Speculative Decoding", ICML, eq. 1): a draft model proposes γ tokens; each is accepted
 * with probability α independently, and the target's verification pass always yields one
 * more token. Tokens per verification step:
 *
 *   E = 1 + α + α² + … + α^γ = 1 + α·(1 − α^γ)/(1 − α)   (γ + 1 when α = 1).
 */
import type { Expr } from '../expr/graph-builder.js'
import { defineFormula } from './formula.js'

export const speculativeExpectedTokens = defineFormula(
  'speculative-expected-tokens',
  { acceptance: 'count', gamma: 'count' },
  (b, x): Expr => {
    const one = b.constant(1)
    const geometric = one.add(x.acceptance.mul(one.sub(x.acceptance.pow(x.gamma))).div(one.sub(x.acceptance)))
    return b.select(x.acceptance.lt(1), geometric, x.gamma.add(1))
  },
)
