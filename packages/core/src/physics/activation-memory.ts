/**
 * Activation memory of transformer training per Korthikanti et al. 2023 ("Reducing Activation
 * Recomputation in Large Transformer Models", §4.1), per layer in FP16 bytes:
 *   none:      34·s·b·h + 5·a·s²·b   (attention scores stored)
 *   selective: 34·s·b·h              (attention recomputed)
 *   full:      2·s·b·h               (only layer inputs kept)
 * scaled by bytes-per-element/2 for other precisions, times the layer count.
 */
import type { Expr } from '../expr/graph-builder.js'
import { defineFormula } from './formula.js'

export const ACTIVATION_STRATEGIES = ['none', 'selective', 'full'] as const
export type ActivationStrategy = (typeof ACTIVATION_STRATEGIES)[number]

/** Coefficients (linear s·b·h term, quadratic a·s²·b term) of each strategy. */
export const ACTIVATION_COEFFICIENTS: Readonly<
  Record<ActivationStrategy, { linear: number; quadratic: number }>
> = {
  none: { linear: 34, quadratic: 5 },
  selective: { linear: 34, quadratic: 0 },
  full: { linear: 2, quadratic: 0 },
}

export const activationMemory = defineFormula(
  'activation-memory',
  {
    layers: 'count',
    seqLen: 'count',
    batch: 'count',
    hidden: 'count',
    heads: 'count',
    bytesPerElement: 'bytes',
    linear: 'count',
    quadratic: 'count',
  },
  (_b, x): Expr => {
    const sbh = x.seqLen.mul(x.batch).mul(x.hidden)
    const perLayerFp16 = x.linear
      .mul(sbh)
      .add(x.quadratic.mul(x.heads).mul(x.seqLen).mul(x.seqLen).mul(x.batch))
    return x.layers.mul(perLayerFp16).mul(x.bytesPerElement.div(2))
  },
)
