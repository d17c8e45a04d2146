/**
 * Distributed training step (wall 14, Communication): 4D parallelism — tensor (TP), pipeline
 * (PP), expert (EP) and data (DP = N/(TP·PP·EP)) — on a fleet.
 *
 *   step = (T_node + T_dp·(1 − overlap) + T_tp + T_ep + T_pp + T_bubble) · straggler
 *
 * with every communication term from the α–β collectives (`physics/collectives.ts`) and the
 * node time from the single-node roofline fragment.
 *
 * Default model (physically correct) — one accelerator's share of the step:
 * - samples: the global batch splits over DP·EP data ranks, b_r = ⌈B/(DP·EP)⌉, in
 *   M' = min(M, b_r) microbatches of ⌈b_r/M'⌉ samples;
 * - compute: b_r samples × training FLOP per sample (3 × forward, forward = 2·P_active·s +
 *   4·L·h·s² attention for per-token transformers; selective recomputation adds the
 *   attention core once more), spread over the TP·PP accelerators of the replica;
 * - memory: the sharded training state of `training-state.ts` (TP·PP, EP, ZeRO, activations
 *   of min(PP, M') microbatches on ⌈L/PP⌉ layers ÷ TP); the weights read per step are the
 *   rank's own P/(TP·PP) share;
 * - ranks are laid out TP fastest, then EP, DP, PP (Megatron-LM's order): the gradient
 *   all-reduce of dense weights runs over the DP·EP ranks with ⌊g/TP⌋ of them per node
 *   (hierarchical: NVLink inside, fabric across), that of expert weights over DP; ZeRO-3
 *   adds the parameter all-gathers, 1.5× the all-reduce volume (Rajbhandari et al. 2020 §7);
 *   each GPU's fabric share is min(1, NICs/GPUs) of a port;
 * - TP: 4 all-reduces (or reduce-scatter/all-gather pairs) of b·s·h per layer of the stage
 *   per microbatch (Shoeybi et al. 2019); EP: 4 all-to-alls (dispatch and combine, forward
 *   and backward) of b·s·h·k per MoE layer per microbatch, over NVLink when TP·EP fits a node;
 *   PP: a send and a receive of b·s·h/TP per microbatch;
 * - bubble: (PP−1)/(v·M') of the ideal step (Narayanan et al. 2021);
 * - throughput: B samples per step.
 *
 * `fidelity: 'mlsysim-0.1.2'` reproduces the original's DistributedModel: the node is solved as
 * one accelerator running the whole model on the local batch ⌊B/DP⌋ with unsharded training
 * memory (so large models take the 64 GB/s offload path), the DP message is the whole
 * model's gradients ÷ TP on NVLink unless DP exceeds a node, TP moves the local batch's
 * activations 4·L times, EP one all-to-all over the fabric, the bubble is f × node time,
 * and throughput is N × node throughput × scaling efficiency.
 */
import { format, sourced } from '@mlsysim/units'
import { lower } from '@mlsysim/workloads'
import { z } from 'zod'
import { DEFAULT_OVERLAP_EFFICIENCY, FALLBACK_INTRA_NODE_LATENCY } from '../constants.js'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { ACTIVATION_COEFFICIENTS } from '../physics/activation-memory.js'
import { allToAll, hierarchicalAllReduce, pointToPointTime, ringAllReduce } from '../physics/collectives.js'
import { sourcedConstant } from '../physics/formula.js'
import { pipelineBubbleFraction, pipelineBubbleOverhead } from '../physics/pipeline.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import {
  batchSizeField,
  engineEfficiencyField,
  fleetField,
  integerField,
  numberField,
  precisionField,
  workloadField,
} from '../solver/fields.js'
import {
  bindNode,
  ironLaw,
  nodeRoofline,
  offloadText,
  originalHfu,
  type SingleNodeResult,
  trainingLayerTaxFactor,
  wholeModelTrainingFootprint,
} from './single-node.js'
import { trainingFlopPerSample } from './training-flops.js'
import {
  COMMUNICATION_BUFFER_FRACTION,
  expertParametersOf,
  optimizerBytesPerParam,
  zeroStageField,
} from './training-memory.js'
import { trainingState } from './training-state.js'

const DISTRIBUTED_URL =
  'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/solvers/distributed.py'

/** Megatron-LM: 2 all-reduces per layer forward (after attention, after the MLP) and 2 backward. */
export const TP_COLLECTIVES_PER_LAYER = sourced(4, {
  kind: 'literature',
  ref: 'Shoeybi et al. 2019, Megatron-LM, §3 (two all-reduces forward, two backward per layer)',
  url: 'https://arxiv.org/abs/1909.08053',
  verified: '2026-06-10',
})

/** MoE: dispatch and combine all-to-alls per MoE layer, forward and backward. */
export const EP_ALL_TO_ALLS_PER_LAYER = sourced(4, {
  kind: 'literature',
  ref: 'Lepikhin et al. 2020, GShard §2.2 (dispatch and combine all-to-all per MoE layer), forward and backward',
  url: 'https://arxiv.org/abs/2006.16668',
  verified: '2026-06-10',
})

/** ZeRO-3 moves 1.5× the all-reduce volume (parameter all-gathers in forward and backward). */
export const ZERO3_COMMUNICATION_FACTOR = sourced(1.5, {
  kind: 'literature',
  ref: 'Rajbhandari et al. 2020, ZeRO, §7.2.2 (stage 3: 3Ψ vs 2Ψ of data-parallel all-reduce)',
  url: 'https://arxiv.org/abs/1910.02054',
  verified: '2026-06-10',
})

/** The original's LoRA gradient message: 1% of the full gradients. */
export const LORA_GRADIENT_SHARE = sourced(0.01, {
  kind: 'convention',
  ref: 'MLSys·im DistributedModel: gradient_size × 0.01 with is_lora',
  url: DISTRIBUTED_URL,
  verified: '2026-06-10',
})

export const distributedInput = z
  .strictObject({
    workload: workloadField(),
    fleet: fleetField(),
    batchSize: batchSizeField().default(1),
    precision: precisionField().default('fp16'),
    efficiency: engineEfficiencyField().default(0.5),
    tpSize: integerField({ min: 1 }).default(1),
    ppSize: integerField({ min: 1 }).default(1),
    epSize: integerField({ min: 1 }).default(1),
    vStages: integerField({ min: 1 }).default(1),
    microbatchCount: integerField({ min: 1 }).default(1),
    zeroStage: zeroStageField().default(0),
    isLora: z.boolean().default(false),
    activationRecomputation: z.boolean().default(false),
    overlapComm: z.boolean().default(false),
    overlapEfficiency: numberField({ min: 0, max: 1 }).default(DEFAULT_OVERLAP_EFFICIENCY.value),
    congestionFactor: numberField({ min: 1 }).default(1),
    stragglerFactor: numberField({ min: 1 }).default(1),
    moeRoutingImbalanceFactor: numberField({ min: 1 }).default(1),
    gradientAccumulationSteps: integerField({ min: 1 }).default(1),
    seqLen: integerField({ min: 1 }).default(2048),
  })
  .superRefine((input, ctx) => {
    const n = input.fleet.totalAccelerators
    const group = input.tpSize * input.ppSize * input.epSize
    if (n % group === 0) return
    const divisors = Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0)
    const field = input.tpSize > 1 ? 'tpSize' : input.ppSize > 1 ? 'ppSize' : 'epSize'
    ctx.addIssue({
      code: 'custom',
      path: [field],
      input: input[field],
      message: `tpSize × ppSize × epSize = ${input.tpSize} × ${input.ppSize} × ${input.epSize} = ${group} must divide the ${n} accelerators of fleet '${input.fleet.id}' (data parallelism takes the rest); allowed products are the divisors of ${n}: ${divisors.join(', ')}`,
    })
  })
export type DistributedInput = z.output<typeof distributedInput>

const model = defineModel('distributed', (b) => {
  const n = (name: string, dim: Parameters<GraphBuilder['input']>[1], symbol?: string) =>
    b.input(name, dim, symbol ? { symbol } : {})
  const x: Record<string, Expr> = {
    batchSize: n('batchSize', 'count', 'B'),
    efficiency: n('efficiency', 'count', '\\eta'),
    tpSize: n('tpSize', 'count', 't'),
    ppSize: n('ppSize', 'count', 'p'),
    epSize: n('epSize', 'count', 'e'),
    vStages: n('vStages', 'count', 'v'),
    microbatchCount: n('microbatchCount', 'count', 'm'),
    zeroStage: n('zeroStage', 'count', 'z'),
    overlapEfficiency: n('overlapEfficiency', 'count', '\\eta_{ov}'),
    congestionFactor: n('congestionFactor', 'count', 'k_{cong}'),
    stragglerFactor: n('stragglerFactor', 'count', 'k_{strag}'),
    imbalance: n('moeRoutingImbalanceFactor', 'count', 'k_{imb}'),
    accumulation: n('gradientAccumulationSteps', 'count', 'g'),
    seqLen: n('seqLen', 'count', 's'),
    original: n('original', 'count', '\\text{orig}'),
    accelerators: n('totalAccelerators', 'count', 'N'),
    perNode: n('acceleratorsPerNode', 'count', 'g_{node}'),
    nics: n('nicsPerNode', 'count', 'n_{nic}'),
    intraBandwidth: n('intraNodeBandwidth', 'bytesPerSecond', '\\beta_{intra}'),
    intraLatency: n('intraNodeLatency', 'seconds', '\\alpha_{intra}'),
    fabricBandwidth: n('fabricBandwidth', 'bytesPerSecond', '\\beta_{fabric}'),
    fabricLatency: n('fabricLatency', 'seconds', '\\alpha_{fabric}'),
    oversubscription: n('oversubscription', 'count', 'r'),
    opsPerSample: n('opsPerSample', 'flop', '\\text{OPs}_1'),
    forwardOps: n('forwardOps', 'flop', '\\text{OPs}_{fwd}'),
    perToken: n('perToken', 'count', '\\text{tok}'),
    recompute: n('recompute', 'count', '\\text{rc}'),
    parameters: n('parameters', 'count', 'P'),
    expertParameters: n('expertParameters', 'count', 'P_{exp}'),
    moeLayers: n('moeLayers', 'count', 'L_{moe}'),
    topK: n('topK', 'count', 'k'),
    modelBytes: n('modelBytes', 'bytes', 'W_{model}'),
    isLora: n('isLora', 'count', '\\text{lora}'),
    overlapComm: n('overlapComm', 'count', '\\text{ov}'),
    bytesPerElement: n('bytesPerElement', 'bytes', 'b_e'),
    weightBytes: n('weightBytes', 'bytes', 'W'),
    trainableFraction: n('trainableFraction', 'count', 'f_{train}'),
    optimizerBytesPerParam: n('optimizerBytesPerParam', 'bytes', 'b_{opt}'),
    defaultOptimizerBytesPerParam: n('defaultOptimizerBytesPerParam', 'bytes', "b'_{opt}"),
    isTransformer: n('isTransformer', 'count', '\\text{tf}'),
    layers: n('layers', 'count', 'L'),
    hidden: n('hidden', 'count', 'h'),
    heads: n('heads', 'count', 'a'),
    activationLinear: n('activationLinear', 'count', 'c_1'),
    activationQuadratic: n('activationQuadratic', 'count', 'c_2'),
    defaultActivationLinear: n('defaultActivationLinear', 'count', "c'_1"),
    defaultActivationQuadratic: n('defaultActivationQuadratic', 'count', "c'_2"),
    capacity: n('capacity', 'bytes', 'C'),
    peak: n('peak', 'flopPerSecond', 'R'),
    memoryBandwidth: n('memoryBandwidth', 'bytesPerSecond', 'BW_{mem}'),
    hostBandwidth: n('hostBandwidth', 'bytesPerSecond', 'BW_{host}'),
    sramCapacity: n('sramCapacity', 'bytes', 'C_{sram}'),
    sramBandwidth: n('sramBandwidth', 'bytesPerSecond', 'BW_{sram}'),
    flashBandwidth: n('flashBandwidth', 'bytesPerSecond', 'BW_{flash}'),
    dispatchTax: n('dispatchTax', 'seconds', 't_{dispatch}'),
    tdp: n('tdp', 'watts', 'P_{TDP}'),
  }
  const original = x.original!.gt(0)
  const zeroTime = b.constant(0, 'seconds')
  const one = b.constant(1)
  const tp = x.tpSize!
  const pp = x.ppSize!
  const ep = x.epSize!
  const S = x.seqLen!
  const h = x.hidden!
  const bpe = x.bytesPerElement!
  const dp = b.let('dataParallel', x.accelerators!.div(tp.mul(pp).mul(ep)), { symbol: 'd' })

  // ── samples, microbatches, layers ────────────────────────────────────────
  const localBatchOriginal = x.batchSize!.div(dp).floor().max(1)
  const dataRanks = dp.mul(ep)
  const localBatchDefault = x.batchSize!.div(dataRanks).ceil().max(1)
  const localBatch = b.let('localBatch', b.select(original, localBatchOriginal, localBatchDefault), {
    symbol: 'b_r',
  })
  const microbatches = b.let(
    'microbatches',
    b.select(original, x.microbatchCount!, x.microbatchCount!.min(localBatchDefault)),
    {
      symbol: "m'",
    },
  )
  const microbatch = b.let('microbatchSize', localBatchDefault.div(microbatches).ceil(), { symbol: 'b_{mb}' })
  const stageLayers = b.let('layersPerStage', x.layers!.div(pp).ceil().max(1), { symbol: 'L_s' })

  // ── node: memory and compute of one accelerator ─────────────────────────
  const state = trainingState(b, {
    parameters: x.parameters!,
    expertParameters: x.expertParameters!,
    bytesPerElement: bpe,
    optimizerBytesPerParam: x.defaultOptimizerBytesPerParam!,
    trainableFraction: x.trainableFraction!,
    tp,
    pp,
    dp,
    ep,
    zeroStage: x.zeroStage!,
    microbatch,
    inFlight: pp.min(microbatches),
    stageLayers,
    seqLen: S,
    hidden: h,
    heads: x.heads!,
    activationLinear: x.defaultActivationLinear!,
    activationQuadratic: x.defaultActivationQuadratic!,
    activationsSplitByTp: one,
    bufferFraction: sourcedConstant(
      b,
      'COMMUNICATION_BUFFER_FRACTION',
      COMMUNICATION_BUFFER_FRACTION,
      'count',
      'f_{buf}',
    ),
    capacity: x.capacity!,
  })
  const footprint = b.select(
    original,
    wholeModelTrainingFootprint(b, {
      weightBytes: x.weightBytes!,
      parameters: x.parameters!,
      trainableFraction: x.trainableFraction!,
      optimizerBytesPerParam: x.optimizerBytesPerParam!,
      zeroStage: x.zeroStage!,
      dpSize: dp,
      layers: x.layers!,
      seqLen: x.seqLen!,
      batch: localBatchOriginal,
      hidden: x.hidden!,
      heads: x.heads!,
      bytesPerElement: x.bytesPerElement!,
      activationLinear: x.activationLinear!,
      activationQuadratic: x.activationQuadratic!,
      isTransformer: x.isTransformer!,
    }),
    state.totalBytes,
  )

  const flop = trainingFlopPerSample(b, {
    forwardOps: x.forwardOps!,
    perToken: x.perToken!,
    isTransformer: x.isTransformer!,
    recompute: x.recompute!,
    layers: x.layers!,
    hidden: h,
    seqLen: S,
  })
  const shard = tp.mul(pp)

  const node = nodeRoofline(b, {
    opsPerSample: b.select(original, x.opsPerSample!, flop.hardware.div(shard)),
    modelOpsPerSample: b.select(original, x.opsPerSample!, flop.model.div(shard)),
    batchSize: localBatch,
    weightBytes: b.select(original, x.weightBytes!, state.parametersPerRank.mul(bpe)),
    footprint,
    capacity: x.capacity!,
    peak: x.peak!,
    efficiency: x.efficiency!,
    memoryBandwidth: x.memoryBandwidth!,
    hostBandwidth: x.hostBandwidth!,
    sramCapacity: x.sramCapacity!,
    sramBandwidth: x.sramBandwidth!,
    flashBandwidth: x.flashBandwidth!,
    dispatchTax: x.dispatchTax!,
    layers: b.select(original, x.layers!, stageLayers.mul(microbatches)),
    layerTaxFactor: trainingLayerTaxFactor(b),
    tdp: x.tdp!,
    original,
  })

  // ── links ──────────────────────────────────────────────────────────────
  const fabric = x.fabricBandwidth!.div(x.oversubscription!)
  // Every GPU of a node communicates at once; they share the node's NICs.
  const nicShare = x.nics!.div(x.perNode!).min(1)
  const fabricPerGpu = b.select(original, fabric, fabric.mul(nicShare))
  const link = (inNode: Expr) => ({
    bandwidth: b.select(inNode, x.intraBandwidth!, fabricPerGpu),
    latency: b.select(inNode, x.intraLatency!, x.fabricLatency!),
  })

  // ── data parallelism: gradient all-reduce ──────────────────────────────
  const messageOriginal = x
    .modelBytes!.div(tp)
    .mul(
      b.select(
        x.isLora!.gt(0),
        sourcedConstant(b, 'LORA_GRADIENT_SHARE', LORA_GRADIENT_SHARE, 'count', 'f_{lora}'),
        one,
      ),
    )
  const hierarchicalOriginal = x.perNode!.gt(1).and(dp.gt(x.perNode!))
  const dpOriginal = b.select(
    hierarchicalOriginal,
    hierarchicalAllReduce.fragment(b, {
      messageBytes: messageOriginal,
      ranksPerNode: x.perNode!,
      nodes: dp.div(x.perNode!).ceil(),
      intraBandwidth: x.intraBandwidth!,
      intraLatency: x.intraLatency!,
      interBandwidth: fabric,
      interLatency: x.fabricLatency!,
    }),
    ringAllReduce.fragment(b, {
      messageBytes: messageOriginal,
      ranks: dp,
      bandwidth: x.intraBandwidth!,
      latency: x.intraLatency!,
    }),
  )
  const gradientGroup = (message: Expr, ranks: Expr, stride: Expr) => {
    const perNode = x.perNode!.div(stride).floor().max(1).min(ranks)
    return hierarchicalAllReduce.fragment(b, {
      messageBytes: message,
      ranksPerNode: perNode,
      nodes: ranks.div(perNode).ceil(),
      intraBandwidth: x.intraBandwidth!,
      intraLatency: x.intraLatency!,
      interBandwidth: fabricPerGpu,
      interLatency: x.fabricLatency!,
    })
  }
  const trainableBytes = x.trainableFraction!.mul(bpe)
  const denseMessage = x.parameters!.sub(x.expertParameters!).div(tp.mul(pp)).mul(trainableBytes)
  const expertMessage = x.expertParameters!.div(tp.mul(pp).mul(ep)).mul(trainableBytes)
  const zeroFactor = b.select(
    x.zeroStage!.ge(3),
    sourcedConstant(b, 'ZERO3_COMMUNICATION_FACTOR', ZERO3_COMMUNICATION_FACTOR, 'count', 'k_{z3}'),
    one,
  )
  const dpDefault = zeroFactor.mul(
    gradientGroup(denseMessage, dataRanks, tp).add(gradientGroup(expertMessage, dp, tp.mul(ep))),
  )
  const congestion = x.congestionFactor!
  const dpTime = b.let(
    'dpCommunicationTime',
    b.select(original, dpOriginal, dpDefault).mul(congestion).div(x.accumulation!),
    { symbol: 'T_{dp}' },
  )

  // ── tensor parallelism: activation all-reduces ─────────────────────────
  const tpLink = link(tp.le(x.perNode!))
  const tpPerLayer = sourcedConstant(
    b,
    'TP_COLLECTIVES_PER_LAYER',
    TP_COLLECTIVES_PER_LAYER,
    'count',
    'k_{tp}',
  )
  const tpRing = (samples: Expr) =>
    ringAllReduce.fragment(b, {
      messageBytes: samples.mul(S).mul(h).mul(bpe),
      ranks: tp,
      bandwidth: tpLink.bandwidth,
      latency: tpLink.latency,
    })
  const tpOriginal = tpRing(localBatchOriginal).mul(tpPerLayer).mul(x.layers!)
  const tpDefault = tpRing(microbatch).mul(tpPerLayer).mul(stageLayers).mul(microbatches)
  const tpTime = b.let('tpCommunicationTime', b.select(original, tpOriginal, tpDefault).mul(congestion), {
    symbol: 'T_{tp}',
  })

  // ── expert parallelism: token all-to-alls ──────────────────────────────
  const routed = (samples: Expr) => samples.mul(S).mul(h).mul(bpe).mul(x.topK!).mul(x.imbalance!)
  const epOriginal = allToAll.fragment(b, {
    messageBytes: routed(localBatchOriginal),
    ranks: ep,
    bandwidth: fabric,
    latency: x.fabricLatency!,
  })
  const epLink = link(tp.mul(ep).le(x.perNode!))
  const epPerLayer = sourcedConstant(
    b,
    'EP_ALL_TO_ALLS_PER_LAYER',
    EP_ALL_TO_ALLS_PER_LAYER,
    'count',
    'k_{ep}',
  )
  const epDefault = allToAll
    .fragment(b, {
      messageBytes: routed(microbatch),
      ranks: ep,
      bandwidth: epLink.bandwidth,
      latency: epLink.latency,
    })
    .mul(epPerLayer)
    .mul(x.moeLayers!.div(pp).ceil())
    .mul(microbatches)
  const epTime = b.let('epCommunicationTime', b.select(original, epOriginal, epDefault).mul(congestion), {
    symbol: 'T_{ep}',
  })

  // ── pipeline parallelism: stage-to-stage sends (default model only) ────
  const ppLink = link(x.accelerators!.le(x.perNode!))
  const ppSend = pointToPointTime.fragment(b, {
    messageBytes: microbatch.mul(S).mul(h).mul(bpe).div(tp),
    bandwidth: ppLink.bandwidth,
    latency: ppLink.latency,
  })
  const ppDefault = b.select(pp.gt(1), ppSend.mul(2).mul(microbatches), zeroTime)
  const ppTime = b.let('ppCommunicationTime', b.select(original, zeroTime, ppDefault).mul(congestion), {
    symbol: 'T_{pp}',
  })

  // ── bubble, step, efficiency ───────────────────────────────────────────
  const bubbleFraction = b.let(
    'bubbleFraction',
    pipelineBubbleFraction.fragment(b, { stages: pp, microbatches, virtualStages: x.vStages! }),
    { symbol: 'f_{bubble}' },
  )
  const bubbleOverhead = pipelineBubbleOverhead.fragment(b, {
    stages: pp,
    microbatches,
    virtualStages: x.vStages!,
  })
  const bubbleTime = b.let(
    'bubbleTime',
    b.select(pp.gt(1), node.latency.mul(b.select(original, bubbleFraction, bubbleOverhead)), zeroTime),
    { symbol: 'T_{bubble}' },
  )
  const communication = b.let('communicationTime', dpTime.add(tpTime).add(epTime).add(ppTime), {
    symbol: 'T_{comm}',
  })
  const exposedDp = b.select(x.overlapComm!.gt(0), dpTime.mul(one.sub(x.overlapEfficiency!)), dpTime)
  const step = b.let(
    'stepTime',
    node.latency
      .add(exposedDp)
      .add(tpTime)
      .add(epTime)
      .add(ppTime)
      .add(bubbleTime)
      .mul(x.stragglerFactor!.max(1)),
    { symbol: 'T_{step}' },
  )
  const scaling = b.let('scalingEfficiency', node.latency.div(step), { symbol: '\\eta_{scale}' })
  const throughput = b.select(
    original,
    x.accelerators!.mul(node.throughput).mul(scaling),
    x.batchSize!.div(step),
  )
  const mfu = b.select(
    original,
    node.mfu.mul(scaling),
    x.batchSize!.mul(flop.model).div(step.mul(x.accelerators!).mul(x.peak!)),
  )
  return {
    dataParallel: dp,
    localBatch,
    microbatches,
    microbatchSize: microbatch,
    layersPerStage: stageLayers,
    trainingFlopPerSample: flop.hardware,
    stepTime: step,
    communicationTime: communication,
    dpCommunicationTime: dpTime,
    tpCommunicationTime: tpTime,
    epCommunicationTime: epTime,
    ppCommunicationTime: ppTime,
    exposedCommunicationTime: exposedDp.add(tpTime).add(epTime).add(ppTime),
    bubbleTime,
    bubbleFraction,
    throughput,
    scalingEfficiency: scaling,
    mfu,
    weightsBytes: state.weightsBytes,
    gradientsBytes: state.gradientsBytes,
    optimizerBytes: state.optimizerBytes,
    activationsBytes: state.activationsBytes,
    nodeLatency: node.latency,
    nodeLatencyCompute: node.latencyCompute,
    nodeLatencyMemory: node.latencyMemory,
    nodeLatencyOverhead: node.latencyOverhead,
    nodeThroughput: node.throughput,
    nodeMemoryBound: node.memoryBound,
    nodeArithmeticIntensity: node.arithmeticIntensity,
    nodeMfu: node.mfu,
    nodeHfu: node.hfu,
    nodeEnergy: node.energy,
    nodeMemoryFootprint: node.memoryFootprint,
    nodeFeasible: node.feasible,
    nodeEffectiveBandwidth: node.effectiveBandwidth,
    nodeTraffic: node.traffic,
    nodeBatchOps: node.batchOps,
    nodePeakFlopsActual: node.peakFlopsActual,
    nodeOffloadSpillBytes: node.offloadSpillBytes,
    nodeOverheadDominated: node.overheadDominated,
  }
})

type Outputs = Readonly<Record<string, number>>

/**
 * The node-level result: one accelerator's share of the step (the original's node_profile),
 * with the same fields as a single-node result.
 */
export type DistributedNodeResult = SingleNodeResult

export interface DistributedResult extends SolverResultBase {
  readonly parallelism: { readonly dp: number; readonly tp: number; readonly pp: number; readonly ep: number }
  readonly stepTime: number
  readonly communicationTime: number
  /** Communication left on the critical path (the DP share after overlap, TP, EP, PP). */
  readonly exposedCommunicationTime: number
  readonly dpCommunicationTime: number
  readonly tpCommunicationTime: number
  readonly epCommunicationTime: number
  readonly ppCommunicationTime: number
  readonly bubbleTime: number
  readonly bubbleFraction: number
  /** Samples per second. */
  readonly throughput: number
  readonly scalingEfficiency: number
  readonly mfu: number
  readonly localBatch: number
  readonly microbatches: number
  readonly trainingFlopPerSample: number
  readonly node: DistributedNodeResult
}

function nodeResult(
  input: DistributedInput,
  o: Outputs,
  bound: Readonly<Record<string, number>>,
  original: boolean,
): DistributedNodeResult {
  const chip = input.fleet.node.accelerator
  const feasible = o.nodeFeasible === 1
  const memoryBound = o.nodeMemoryBound === 1
  const law = ironLaw(
    {
      traffic: o.nodeTraffic!,
      effectiveBandwidth: o.nodeEffectiveBandwidth!,
      batchOps: o.nodeBatchOps!,
      latencyOverhead: o.nodeLatencyOverhead!,
      latencyCompute: o.nodeLatencyCompute!,
      latencyMemory: o.nodeLatencyMemory!,
    },
    bound.peak!,
    input.efficiency,
  )
  return {
    latency: o.nodeLatency!,
    latencyCompute: o.nodeLatencyCompute!,
    latencyMemory: o.nodeLatencyMemory!,
    latencyOverhead: o.nodeLatencyOverhead!,
    throughput: o.nodeThroughput!,
    bottleneck: memoryBound ? 'memory' : 'compute',
    arithmeticIntensity: o.nodeArithmeticIntensity!,
    mfu: o.nodeMfu!,
    hfu: original ? originalHfu(o.nodeMfu!, input.activationRecomputation) : o.nodeHfu!,
    energy: o.nodeEnergy!,
    memoryFootprint: o.nodeMemoryFootprint!,
    memoryCapacity: chip.memory.capacity,
    memoryUtilization: o.nodeMemoryFootprint! / chip.memory.capacity,
    peakFlopsActual: o.nodePeakFlopsActual!,
    effectiveBandwidth: o.nodeEffectiveBandwidth!,
    offloadSpillBytes: o.nodeOffloadSpillBytes!,
    overheadDominated: o.nodeOverheadDominated === 1,
    precision: input.precision,
    ironLaw: law,
    feasible,
    bindingConstraint: !feasible ? 'memory capacity' : memoryBound ? 'memory bandwidth' : 'compute',
    constraintTrace: [
      `Memory Wall: ${feasible ? 'Passed' : 'FAILED'} — ${format(o.nodeMemoryFootprint!, 'bytes')} of ${format(
        chip.memory.capacity,
        'bytes',
      )} per ${chip.name}.`,
      ...(feasible
        ? []
        : [
            offloadText(
              {
                spill: o.nodeOffloadSpillBytes!,
                effectiveBandwidth: o.nodeEffectiveBandwidth!,
                hostBandwidth: bound.hostBandwidth!,
              },
              original,
            ),
          ]),
      `${memoryBound ? 'Memory' : 'Compute'}-bound: compute ${format(o.nodeLatencyCompute!, 'seconds')}, memory ${format(
        o.nodeLatencyMemory!,
        'seconds',
      )}, overhead ${format(o.nodeLatencyOverhead!, 'seconds')}.`,
    ],
  }
}

/** Which term dominates the step. */
function bindingTerm(o: Outputs, nodeFeasible: boolean): string {
  if (!nodeFeasible) return 'memory capacity'
  const terms: [string, number][] = [
    ['compute', o.nodeLatency!],
    [
      'data-parallel communication',
      o.exposedCommunicationTime! - o.tpCommunicationTime! - o.epCommunicationTime! - o.ppCommunicationTime!,
    ],
    ['tensor-parallel communication', o.tpCommunicationTime!],
    ['expert-parallel communication', o.epCommunicationTime!],
    ['pipeline communication', o.ppCommunicationTime!],
    ['pipeline bubble', o.bubbleTime!],
  ]
  return terms.reduce((best, term) => (term[1] > best[1] ? term : best))[0]
}

function trace(input: DistributedInput, o: Outputs, original: boolean): string[] {
  const s = (v: number) => format(v, 'seconds')
  const lines = [
    `Distributed Wall: dp=${o.dataParallel}, tp=${input.tpSize}, pp=${input.ppSize}, ep=${input.epSize}; step ${s(o.stepTime!)} (node ${s(
      o.nodeLatency!,
    )}, communication ${s(o.communicationTime!)}, bubble ${s(o.bubbleTime!)}).`,
    `Scaling efficiency ${(100 * o.scalingEfficiency!).toFixed(1)}%; ${o.throughput!.toPrecision(4)} samples/s.`,
  ]
  if (input.batchSize < o.dataParallel! * (original ? 1 : input.epSize)) {
    lines.push(
      `Batch ${input.batchSize} is smaller than the ${o.dataParallel} data-parallel ranks: some ranks idle.`,
    )
  }
  if (o.nodeFeasible !== 1) {
    lines.push(
      original
        ? 'Node memory: the original sizes one accelerator with the whole model’s training state (unsharded) and runs it on the offload path.'
        : 'Node memory: the sharded training state does not fit; the spill crosses the host link each step.',
    )
  }
  if (!original && input.microbatchCount > o.localBatch!) {
    lines.push(
      `Only ${o.localBatch} samples per data rank: ${o.microbatches} microbatches instead of ${input.microbatchCount}.`,
    )
  }
  if (input.epSize > 1 && input.moeRoutingImbalanceFactor > 1) {
    lines.push(
      `MoE Routing: expert-parallel traffic inflated ${input.moeRoutingImbalanceFactor}× for hot-expert imbalance.`,
    )
  }
  if (input.epSize > 1 && input.workload.family !== 'moe') {
    lines.push(
      `Expert parallelism ${input.epSize} on a dense workload: there are no experts to exchange tokens with.`,
    )
  }
  return lines
}

/** The catalog-derived model inputs. */
export function bindDistributed(input: DistributedInput, context: SolveContext): Record<string, number> {
  const { workload, fleet } = input
  const chip = fleet.node.accelerator
  const { values } = bindNode(
    {
      workload,
      hardware: chip,
      batchSize: 1,
      precision: input.precision,
      efficiency: input.efficiency,
      isTraining: true,
      seqLen: input.seqLen,
      zeroStage: input.zeroStage,
      dpSize: 1,
      isLora: input.isLora,
      activationRecomputation: input.activationRecomputation,
    },
    context,
  )
  const bpe = values.bytesPerElement!
  const lowered = lower(workload, bpe)
  const isTransformer = workload.family === 'transformer' || workload.family === 'moe'
  const strategy = input.activationRecomputation ? 'selective' : 'none'
  const coefficients = isTransformer ? ACTIVATION_COEFFICIENTS[strategy] : { linear: 0, quadratic: 0 }
  return Object.assign(values, {
    totalAccelerators: fleet.totalAccelerators,
    acceleratorsPerNode: fleet.node.acceleratorsPerNode,
    nicsPerNode: fleet.node.nicsPerNode,
    intraNodeBandwidth: fleet.node.intraNodeBandwidth,
    intraNodeLatency: chip.nvlink?.latency ?? FALLBACK_INTRA_NODE_LATENCY.value,
    fabricBandwidth: fleet.fabric.bandwidth,
    fabricLatency: fleet.fabric.latency,
    oversubscription: fleet.fabric.oversubscription,
    expertParameters: expertParametersOf(workload),
    moeLayers: workload.family === 'moe' ? Math.max(0, workload.layers - (workload.denseLayers ?? 0)) : 0,
    topK: workload.family === 'moe' ? Math.max(1, workload.activeExpertsPerToken) : 1,
    modelBytes: workload.modelSize ?? lowered.weightBytes,
    isLora: input.isLora ? 1 : 0,
    overlapComm: input.overlapComm ? 1 : 0,
    defaultOptimizerBytesPerParam: optimizerBytesPerParam('adam', input.precision, false),
    defaultActivationLinear: coefficients.linear,
    defaultActivationQuadratic: coefficients.quadratic,
  })
}

export const distributed = defineGraphSolver({
  id: 'distributed',
  title: 'Distributed training step',
  walls: [14, 1, 2],
  description:
    'Step time, communication (DP, TP, EP, PP), pipeline bubble, scaling efficiency and throughput of 4D-parallel training on a fleet.',
  input: distributedInput,
  resultKeys: [
    'parallelism',
    'stepTime',
    'communicationTime',
    'exposedCommunicationTime',
    'dpCommunicationTime',
    'tpCommunicationTime',
    'epCommunicationTime',
    'ppCommunicationTime',
    'bubbleTime',
    'bubbleFraction',
    'throughput',
    'scalingEfficiency',
    'mfu',
    'localBatch',
    'microbatches',
    'trainingFlopPerSample',
    'node',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: [
    'batchSize',
    'efficiency',
    'tpSize',
    'ppSize',
    'epSize',
    'vStages',
    'microbatchCount',
    'zeroStage',
    'overlapEfficiency',
    'congestionFactor',
    'stragglerFactor',
    'moeRoutingImbalanceFactor',
    'gradientAccumulationSteps',
    'seqLen',
  ],
  bind: bindDistributed,
  finish(input, o, context, bound): DistributedResult {
    const original = context.fidelity === 'mlsysim-0.1.2'
    const node = nodeResult(input, o, bound, original)
    return {
      parallelism: { dp: o.dataParallel, tp: input.tpSize, pp: input.ppSize, ep: input.epSize },
      stepTime: o.stepTime,
      communicationTime: o.communicationTime,
      exposedCommunicationTime: o.exposedCommunicationTime,
      dpCommunicationTime: o.dpCommunicationTime,
      tpCommunicationTime: o.tpCommunicationTime,
      epCommunicationTime: o.epCommunicationTime,
      ppCommunicationTime: o.ppCommunicationTime,
      bubbleTime: o.bubbleTime,
      bubbleFraction: o.bubbleFraction,
      throughput: o.throughput,
      scalingEfficiency: o.scalingEfficiency,
      mfu: o.mfu,
      localBatch: o.localBatch,
      microbatches: o.microbatches,
      trainingFlopPerSample: o.trainingFlopPerSample,
      node,
      feasible: node.feasible,
      bindingConstraint: bindingTerm(o, node.feasible),
      constraintTrace: [...trace(input, o, original), ...node.constraintTrace],
    }
  },
})
