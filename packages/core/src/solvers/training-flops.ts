/**
 * FLOP of one training sample in the default model, shared by `single-node` (isTraining) and
 * `distributed`:
 *
 *   forward  F = 2·P_active·s + 4·L·h·s²   (per-token transformer: weights per token, attention core)
 *              = OPs                        (any other workload: its FLOP per sample)
 *   model    3·F                            (backward ≈ 2 × forward)
 *   hardware 3·F + 4·L·h·s² with selective activation recomputation (the attention core runs again)
 *
 * MFU counts model FLOP; HFU and power count hardware FLOP. Activation memory uses the same
 * strategy (Korthikanti et al. 2023: selective recomputation keeps 34·s·b·h per layer and
 * recomputes the s²-sized attention core), so memory and compute describe one schedule.
 */
import { sourced } from '@mlsysim/units'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { sourcedConstant } from '../physics/formula.js'
import { ATTENTION_FLOPS_PER_ENTRY } from './node-constants.js'

/** Forward + backward = 3 forward passes of FLOP. */
export const TRAINING_PASSES = sourced(3, {
  kind: 'literature',
  ref: 'Kaplan et al. 2020 §2.1 (backward ≈ 2 × forward)',
  url: 'https://arxiv.org/abs/2001.08361',
  verified: '2026-06-10',
})

export interface TrainingFlopArgs {
  /** FLOP per unit of the workload's `flopConvention` (per token for transformers). */
  forwardOps: Expr
  /** 1 when `forwardOps` is per token (the sample is `seqLen` tokens), else 0. */
  perToken: Expr
  /** 1 for transformer and MoE workloads (which have an attention core), else 0. */
  isTransformer: Expr
  /** 1 with selective activation recomputation, else 0. */
  recompute: Expr
  layers: Expr
  hidden: Expr
  seqLen: Expr
}

/** The forward, model and hardware FLOP of one training sample, as graph fragments. */
export function trainingFlopPerSample(b: GraphBuilder, x: TrainingFlopArgs) {
  const passes = sourcedConstant(b, 'TRAINING_PASSES', TRAINING_PASSES, 'count', 'k_{fb}')
  const attentionCore = sourcedConstant(
    b,
    'ATTENTION_FLOPS_PER_ENTRY',
    ATTENTION_FLOPS_PER_ENTRY,
    'flop',
    'c_{attn}',
  )
    .mul(x.layers)
    .mul(x.hidden)
    .mul(x.seqLen)
    .mul(x.seqLen)
    .mul(x.isTransformer)
  const perToken = x.perToken.gt(0)
  const forward = b.let(
    'forwardFlopPerSample',
    b.select(perToken, x.forwardOps.mul(x.seqLen).add(attentionCore), x.forwardOps),
    { symbol: 'F_{fwd}' },
  )
  const model = passes.mul(forward)
  const recomputed = b.select(perToken, attentionCore, b.constant(0, 'flop')).mul(x.recompute)
  const hardware = b.let('trainingFlopPerSample', model.add(recomputed), { symbol: 'F' })
  return { forward, model, hardware }
}
