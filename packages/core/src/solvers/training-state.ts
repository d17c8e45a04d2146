/**
 * Per-accelerator training state, shared by `training-memory` and `distributed`: weights,
 * gradients and optimizer state sharded by model parallelism and ZeRO, activations after
 * Korthikanti et al. (2023), communication buffers.
 *
 * Two models, chosen by the `original` flag:
 *
 * - mlsysim 0.1.2 (TrainingMemoryModel): P/(TP·PP·EP) parameters per rank; ZeRO over DP;
 *   activations of one local microbatch ⌈B/(DP·GA)⌉ on ⌈L/PP⌉ layers, not divided by TP;
 *   buffers 5% of gradients plus a 2·b·s·h pipeline send/receive pair.
 * - default (physically correct):
 *   · expert parallelism shards only the experts: (P − P_exp)/(TP·PP) + P_exp/(TP·PP·EP);
 *     expert ranks hold different tokens (N = TP·PP·EP·DP), so dense state is replicated and
 *     ZeRO-sharded over DP·EP ranks and expert state over DP;
 *   · activations with tensor + sequence parallelism (Korthikanti Table 2): every stored
 *     tensor of a layer is split over TP, (34·s·b·h + 5·a·s²·b)/TP; full recomputation
 *     keeps the 2·s·b·h layer inputs whole, as the table lists it;
 *   · a 1F1B pipeline stage holds the activations of min(PP, M) microbatches in flight
 *     (Korthikanti §4.2.3; Narayanan et al. 2021 §2.2);
 *   · pipeline send/receive buffers carry the sequence-parallel shard, 2·b·s·h/TP.
 */
import type { Expr, GraphBuilder, Operand } from '../expr/graph-builder.js'
import { activationMemory } from '../physics/activation-memory.js'

export interface TrainingStateArgs {
  /** true → mlsysim 0.1.2's model; absent → the default model only (no branches in the graph). */
  original?: Expr
  parameters: Expr
  /** Parameters of the routed experts (0 for dense models). */
  expertParameters: Expr
  bytesPerElement: Expr
  optimizerBytesPerParam: Expr
  trainableFraction: Expr
  tp: Expr
  pp: Expr
  dp: Expr
  ep: Expr
  zeroStage: Expr
  /** Samples of one microbatch on one data-parallel rank. */
  microbatch: Expr
  /** Microbatches whose activations a stage holds at once (default model only). */
  inFlight: Expr
  stageLayers: Expr
  seqLen: Expr
  hidden: Expr
  heads: Expr
  activationLinear: Expr
  activationQuadratic: Expr
  /** 1 when the activations are split over TP (none/selective with sequence parallelism). */
  activationsSplitByTp: Expr
  bufferFraction: Expr
  capacity: Expr
}

export function trainingState(b: GraphBuilder, x: TrainingStateArgs) {
  const one = b.constant(1)
  const original = x.original
  /** The original's term under its flag, else the default's (without a flag, just the default's). */
  const either = (ifOriginal: Operand, otherwise: Operand): Expr =>
    original ? b.select(original, ifOriginal, otherwise) : b.lift(otherwise)
  const modelShards = x.tp.mul(x.pp)
  const denseParams = either(
    x.parameters.div(modelShards.mul(x.ep)),
    x.parameters.sub(x.expertParameters).div(modelShards),
  )
  const expertParams = either(b.constant(0), x.expertParameters.div(modelShards.mul(x.ep)))
  const denseGroup = either(x.dp, x.dp.mul(x.ep))
  const shard = (stage: number, group: Expr) => b.select(x.zeroStage.ge(stage), group, one)
  const stateBytes = (stage: number, perParam: Expr, fraction: Expr) =>
    denseParams
      .mul(fraction)
      .div(shard(stage, denseGroup))
      .add(expertParams.mul(fraction).div(shard(stage, x.dp)))
      .mul(perParam)
  const weights = b.let('weightsBytes', stateBytes(3, x.bytesPerElement, one), { symbol: 'M_W' })
  const gradients = b.let('gradientsBytes', stateBytes(2, x.bytesPerElement, x.trainableFraction), {
    symbol: 'M_G',
  })
  const optimizer = b.let('optimizerBytes', stateBytes(1, x.optimizerBytesPerParam, x.trainableFraction), {
    symbol: 'M_O',
  })
  const perMicrobatch = activationMemory.fragment(b, {
    layers: x.stageLayers,
    seqLen: x.seqLen,
    batch: x.microbatch,
    hidden: x.hidden,
    heads: x.heads,
    bytesPerElement: x.bytesPerElement,
    linear: x.activationLinear,
    quadratic: x.activationQuadratic,
  })
  const splitByTp = x.activationsSplitByTp.le(0)
  const tpSplit = b.select(original ? original.or(splitByTp) : splitByTp, one, x.tp)
  const activations = b.let(
    'activationsBytes',
    either(perMicrobatch, perMicrobatch.mul(x.inFlight).div(tpSplit)),
    { symbol: 'M_A' },
  )
  const sendReceive = x.microbatch
    .mul(x.seqLen)
    .mul(x.hidden)
    .mul(x.bytesPerElement)
    .mul(2)
    .div(either(one, x.tp))
  const buffers = b.let(
    'buffersBytes',
    x.bufferFraction.mul(gradients).add(b.select(x.pp.gt(1), sendReceive, b.constant(0, 'bytes'))),
    { symbol: 'M_B' },
  )
  const total = b.let('totalBytes', weights.add(gradients).add(optimizer).add(activations).add(buffers), {
    symbol: 'M',
  })
  return {
    weightsBytes: weights,
    gradientsBytes: gradients,
    optimizerBytes: optimizer,
    activationsBytes: activations,
    buffersBytes: buffers,
    totalBytes: total,
    parametersPerRank: denseParams.add(expertParams),
    utilization: total.div(x.capacity),
    feasible: total.le(x.capacity),
  }
}
