/**
 * Training compute and compute-optimal scaling (Kaplan et al. 2020; Hoffmann et al. 2022).
 *
 * - Dense transformer training costs C ≈ 6·P·D FLOP (2PD forward, 4PD backward).
 * - Chinchilla: compute-optimal training uses D* ≈ 20 tokens per parameter, so
 *   C = 6·P·20P = 120·P² and P* = √(C/120), D* = 20·P*.
 */
import { CHINCHILLA } from '../constants.js'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineFormula, sourcedConstant } from './formula.js'

function computeConstant(b: GraphBuilder): Expr {
  return sourcedConstant(b, 'CHINCHILLA_COMPUTE_CONSTANT', CHINCHILLA.computeConstant, 'count', 'k_C')
}

function tokensPerParam(b: GraphBuilder): Expr {
  return sourcedConstant(b, 'CHINCHILLA_TOKENS_PER_PARAM', CHINCHILLA.tokensPerParam, 'count', 'r_D')
}

/** Training FLOP of a dense transformer: 6·P·D (P parameters, D tokens). */
export const trainingFlops = defineFormula(
  'training-flops',
  { parameters: 'count', tokens: 'count' },
  (b, x) => computeConstant(b).mul(x.parameters).mul(x.tokens).mul(b.constant(1, 'flop')),
)

/** Compute-optimal parameter count for C FLOP: √(C / (6·20)). */
export const computeOptimalParameters = defineFormula(
  'compute-optimal-parameters',
  { compute: 'flop' },
  (b, x) =>
    x.compute
      .div(b.constant(1, 'flop'))
      .div(computeConstant(b).mul(tokensPerParam(b)))
      .sqrt(),
)

/** Compute-optimal token count for C FLOP: 20·√(C / 120). */
export const computeOptimalTokens = defineFormula('compute-optimal-tokens', { compute: 'flop' }, (b, x) =>
  tokensPerParam(b).mul(computeOptimalParameters.fragment(b, x)),
)
