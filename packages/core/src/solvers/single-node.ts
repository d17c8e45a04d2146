/**
 * Single-node roofline (walls 1 Compute and 2 Memory): the original's Engine.solve.
 *
 *   T = max(OPs·B/(R·η), (W + 0.1·W·B)/BW) + dispatch + L·0.01 ms·(3 if training)
 *
 * (0.1: ACTIVATION_TRAFFIC_FRACTION, 0.01 ms: FRAMEWORK_LAYER_TAX, 3: TRAINING_LAYER_TAX_FACTOR.)
 *
 * Compute and memory time combine with max (they overlap); only overheads add. The
 * bandwidth is the memory level the weights stream from: on-chip SRAM when the weights fit
 * there, flash on MCUs, else HBM/DRAM. When the footprint does not fit (offload), the spill
 * crosses the host link each pass while memory serves the traffic, T_memory =
 * max(D/BW_mem, spill/BW_host); the original streams the whole traffic at min(BW_mem, BW_host).
 *
 * Training (default model): a sample is a sequence of S tokens, OPs = 3 × forward FLOP per
 * sequence (`training-flops.ts`), matching the activation memory the footprint counts. The
 * original multiplies its per-token FLOP by 3 (× 4 with recomputation) and ignores S.
 */
import type { Chip } from '@mlsysim/hardware'
import { bytesPerElement, type Precision } from '@mlsysim/units'
import { lower, type Workload } from '@mlsysim/workloads'
import { z } from 'zod'
import {
  ACTIVATION_TRAFFIC_FRACTION,
  ENERGY_DYNAMIC_FRACTION,
  ENERGY_IDLE_FRACTION,
  FALLBACK_PCIE_BANDWIDTH,
  FRAMEWORK_LAYER_TAX,
  MOBILE_STORAGE_BANDWIDTH,
  OPTIMIZER_BYTES_PER_PARAM,
  TRAINING_LAYER_TAX_FACTOR,
} from '../constants.js'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { ACTIVATION_COEFFICIENTS, activationMemory } from '../physics/activation-memory.js'
import { sourcedConstant } from '../physics/formula.js'
import { arithmeticIntensity, memoryBound } from '../physics/roofline.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import { type Fidelity, ORIGINAL } from '../solver/fidelity.js'
import {
  batchSizeField,
  engineEfficiencyField,
  hardwareField,
  integerField,
  precisionField,
  workloadField,
} from '../solver/fields.js'
import { DEFAULT_ATTENTION_HEADS, DEFAULT_HIDDEN_DIM } from './node-constants.js'
import { headlinePeakNote, peakForPrecision } from './peak-for-precision.js'
import { bandwidthText, bytesText, secondsText } from './trace-format.js'
import { trainingFlopPerSample } from './training-flops.js'

export const singleNodeInput = z.strictObject({
  workload: workloadField(),
  hardware: hardwareField(),
  batchSize: batchSizeField().default(1),
  precision: precisionField().default('fp16'),
  efficiency: engineEfficiencyField().default(0.5),
  isTraining: z.boolean().default(false),
  seqLen: integerField({ min: 1 }).default(2048),
  zeroStage: integerField({ min: 0, max: 3 }).default(0),
  dpSize: integerField({ min: 1 }).default(1),
  isLora: z.boolean().default(false),
  activationRecomputation: z.boolean().default(false),
})
export type SingleNodeInput = z.output<typeof singleNodeInput>

/** LoRA trains a rank-16 adapter on the four attention projections of every layer. */
const LORA_RANK = 16

/** Numeric inputs of the roofline fragment, shared with solvers that solve a node inside a fleet. */
export interface NodeRooflineArgs {
  /** FLOP the hardware executes per sample (recomputation included). */
  opsPerSample: Expr
  /** FLOP of the model per sample, what MFU counts (default: `opsPerSample`). */
  modelOpsPerSample?: Expr
  batchSize: Expr
  weightBytes: Expr
  footprint: Expr
  capacity: Expr
  peak: Expr
  efficiency: Expr
  memoryBandwidth: Expr
  hostBandwidth: Expr
  sramCapacity: Expr
  sramBandwidth: Expr
  flashBandwidth: Expr
  dispatchTax: Expr
  layers: Expr
  layerTaxFactor: Expr
  tdp: Expr
  /** True under fidelity mlsysim-0.1.2 (the whole traffic at the host link when offloading). */
  original: Expr
}

/** The roofline with its bandwidth selection, as a graph fragment. */
export function nodeRoofline(b: GraphBuilder, x: NodeRooflineArgs) {
  const feasible = b.let('feasible', x.footprint.le(x.capacity), { symbol: '\\text{fits}' })
  const sramHolds = x.sramCapacity
    .gt(b.constant(0, 'bytes'))
    .and(x.sramBandwidth.gt(b.constant(0, 'bytesPerSecond')))
  const onChip = sramHolds.and(x.weightBytes.le(x.sramCapacity))
  const hasFlash = x.flashBandwidth.gt(b.constant(0, 'bytesPerSecond'))
  const onDevice = b.select(onChip, x.sramBandwidth, b.select(hasFlash, x.flashBandwidth, x.memoryBandwidth))
  const hostPath = x.memoryBandwidth.min(x.hostBandwidth)
  const spill = b.let('offloadSpillBytes', x.footprint.sub(x.capacity).max(b.constant(0, 'bytes')), {
    symbol: 'M_{spill}',
  })
  const batchOps = b.let('batchOps', x.opsPerSample.mul(x.batchSize), { symbol: '\\text{OPs}' })
  const activationShare = sourcedConstant(
    b,
    'ACTIVATION_TRAFFIC_FRACTION',
    ACTIVATION_TRAFFIC_FRACTION,
    'count',
    'f_{act}',
  )
  const traffic = b.let('traffic', x.weightBytes.add(activationShare.mul(x.weightBytes).mul(x.batchSize)), {
    symbol: 'D',
  })
  const achievable = b.let('peakFlopsActual', x.peak.mul(x.efficiency), { symbol: 'R\\eta' })
  const latencyCompute = b.let('latencyCompute', batchOps.div(achievable), { symbol: 'T_{compute}' })
  // Offload: the spilled bytes cross the host link while memory serves the whole traffic (the
  // resident weights never leave the device); the original streams everything at the host link.
  const offloadTime = b.select(
    x.original,
    traffic.div(hostPath),
    traffic.div(x.memoryBandwidth).max(spill.div(x.hostBandwidth)),
  )
  const latencyMemory = b.let('latencyMemory', b.select(feasible, traffic.div(onDevice), offloadTime), {
    symbol: 'T_{memory}',
  })
  // The bandwidth the traffic sees: the memory level it streams from, or D/T when offloading.
  const bandwidth = b.let(
    'effectiveBandwidth',
    b.select(feasible, onDevice, b.select(x.original, hostPath, traffic.div(latencyMemory))),
    { symbol: 'BW' },
  )
  const layerTax = sourcedConstant(b, 'FRAMEWORK_LAYER_TAX', FRAMEWORK_LAYER_TAX, 'seconds', 't_{layer}')
  const latencyOverhead = b.let(
    'latencyOverhead',
    x.dispatchTax.add(x.layers.mul(layerTax).mul(x.layerTaxFactor)),
    {
      symbol: 'T_{overhead}',
    },
  )
  const latency = b.let('latency', latencyCompute.max(latencyMemory).add(latencyOverhead), { symbol: 'T' })
  const modelOps = x.modelOpsPerSample ? x.modelOpsPerSample.mul(x.batchSize) : batchOps
  const mfu = b.let('mfu', modelOps.div(latency).div(x.peak).clamp(0, 1), { symbol: '\\text{MFU}' })
  const hfu = x.modelOpsPerSample
    ? b.let('hfu', batchOps.div(latency).div(x.peak).clamp(0, 1), { symbol: '\\text{HFU}' })
    : mfu
  const idle = sourcedConstant(b, 'ENERGY_IDLE_FRACTION', ENERGY_IDLE_FRACTION, 'count', 'p_{idle}')
  const dynamic = sourcedConstant(b, 'ENERGY_DYNAMIC_FRACTION', ENERGY_DYNAMIC_FRACTION, 'count', 'p_{dyn}')
  return {
    latency,
    latencyCompute,
    latencyMemory,
    latencyOverhead,
    throughput: x.batchSize.div(latency),
    memoryBound: memoryBound.fragment(b, { ops: batchOps, bytes: traffic, peak: achievable, bandwidth }),
    arithmeticIntensity: arithmeticIntensity.fragment(b, { ops: batchOps, bytes: traffic }),
    mfu,
    hfu,
    // Power follows the FLOP the hardware executes (HFU), not the model's share of them.
    energy: x.tdp.mul(idle.add(dynamic.mul(hfu))).mul(latency),
    memoryFootprint: x.footprint,
    // A model output (not only a result key) so that sweep spaces can constrain it directly.
    memoryUtilization: x.footprint.div(x.capacity),
    feasible,
    effectiveBandwidth: bandwidth,
    traffic,
    batchOps,
    peakFlopsActual: achievable,
    offloadSpillBytes: spill,
    overheadDominated: latencyOverhead.gt(latencyCompute.max(latencyMemory)),
  }
}

/** The framework layer tax of a training step, in forward passes (× 3: forward + backward). */
export function trainingLayerTaxFactor(b: GraphBuilder): Expr {
  return sourcedConstant(b, 'TRAINING_LAYER_TAX_FACTOR', TRAINING_LAYER_TAX_FACTOR, 'count', 'k_{tax}')
}

/** Inputs of the whole-model training footprint (the original's `training_memory` on one device). */
export interface TrainingFootprintArgs {
  weightBytes: Expr
  parameters: Expr
  trainableFraction: Expr
  optimizerBytesPerParam: Expr
  zeroStage: Expr
  dpSize: Expr
  layers: Expr
  seqLen: Expr
  batch: Expr
  hidden: Expr
  heads: Expr
  bytesPerElement: Expr
  activationLinear: Expr
  activationQuadratic: Expr
  isTransformer: Expr
}

/**
 * Training footprint of the whole model on one device. Transformer: weights + gradients +
 * optimizer state (ZeRO-sharded over data parallelism by stage) + Korthikanti activations.
 * Other workloads: weights + gradients + 12 B/param of Adam state (16 B/param at fp16).
 */
export function wholeModelTrainingFootprint(b: GraphBuilder, x: TrainingFootprintArgs): Expr {
  const one = b.constant(1)
  const grads = x.weightBytes.mul(x.trainableFraction)
  const optimizer = x.parameters.mul(x.trainableFraction).mul(x.optimizerBytesPerParam)
  const shard = (stage: number) => b.select(x.zeroStage.ge(stage), x.dpSize, one)
  const activations = activationMemory.fragment(b, {
    layers: x.layers,
    seqLen: x.seqLen,
    batch: x.batch,
    hidden: x.hidden,
    heads: x.heads,
    bytesPerElement: x.bytesPerElement,
    linear: x.activationLinear,
    quadratic: x.activationQuadratic,
  })
  const transformer = x.weightBytes
    .div(shard(3))
    .add(grads.div(shard(2)))
    .add(optimizer.div(shard(1)))
    .add(activations)
  const adam = sourcedConstant(
    b,
    'OPTIMIZER_BYTES_PER_PARAM_ADAM',
    OPTIMIZER_BYTES_PER_PARAM.adam,
    'bytes',
    'b_{adam}',
  )
  const other = x.weightBytes.add(x.weightBytes).add(x.parameters.mul(adam))
  return b.select(x.isTransformer.gt(0), transformer, other)
}

const model = defineModel('single-node', (b) => {
  const batchSize = b.input('batchSize', 'count', { symbol: 'B', description: 'samples per batch' })
  const efficiency = b.input('efficiency', 'count', {
    symbol: '\\eta',
    description: 'fraction of peak sustained',
  })
  const seqLen = b.input('seqLen', 'count', { symbol: 'S' })
  const zeroStage = b.input('zeroStage', 'count', { symbol: 'z' })
  const dpSize = b.input('dpSize', 'count', { symbol: 'N_{dp}' })
  const ops = b.input('opsPerSample', 'flop', {
    symbol: '\\text{OPs}_1',
    description:
      'FLOPs per sample (×3, or ×4 with recomputation, when training under fidelity mlsysim-0.1.2)',
  })
  const original = b.input('original', 'count', {
    symbol: '\\text{orig}',
    description: '1 under fidelity mlsysim-0.1.2',
  })
  const params = b.input('parameters', 'count', { symbol: 'P' })
  const bytesPerParam = b.input('bytesPerElement', 'bytes', { symbol: 'b' })
  const weightBytes = b.input('weightBytes', 'bytes', { symbol: 'W' })
  const training = b.input('isTraining', 'count', { symbol: '\\text{train}' })
  const transformer = b.input('isTransformer', 'count', { symbol: '\\text{tf}' })
  const trainableFraction = b.input('trainableFraction', 'count', { symbol: 'f_{train}' })
  const optimizerBytes = b.input('optimizerBytesPerParam', 'bytes', { symbol: 'b_{opt}' })
  const layers = b.input('layers', 'count', { symbol: 'L' })
  const hidden = b.input('hidden', 'count', { symbol: 'h' })
  const heads = b.input('heads', 'count', { symbol: 'a' })
  const linear = b.input('activationLinear', 'count', { symbol: 'c_1' })
  const quadratic = b.input('activationQuadratic', 'count', { symbol: 'c_2' })

  const training_ = wholeModelTrainingFootprint(b, {
    weightBytes,
    parameters: params,
    trainableFraction,
    optimizerBytesPerParam: optimizerBytes,
    zeroStage,
    dpSize,
    layers,
    seqLen,
    batch: batchSize,
    hidden,
    heads,
    bytesPerElement: bytesPerParam,
    activationLinear: linear,
    activationQuadratic: quadratic,
    isTransformer: transformer,
  })
  const flop = trainingFlopPerSample(b, {
    forwardOps: b.input('forwardOps', 'flop', {
      symbol: '\\text{OPs}_{fwd}',
      description: 'forward FLOP per unit of the workload (per token for transformers)',
    }),
    perToken: b.input('perToken', 'count', { symbol: '\\text{tok}' }),
    isTransformer: transformer,
    recompute: b.input('recompute', 'count', { symbol: '\\text{rc}' }),
    layers,
    hidden,
    seqLen,
  })
  // Default training: B sequences of S tokens (as the activation memory counts them); the
  // original times B units of its per-token FLOP × 3 (× 4 with recomputation).
  const sequenceTraining = training.gt(0).and(original.gt(0).not())
  const one = b.constant(1)
  const footprint = b.let('memoryFootprint', b.select(training.gt(0), training_, weightBytes), {
    symbol: 'M',
  })
  const roofline = nodeRoofline(b, {
    opsPerSample: b.select(sequenceTraining, flop.hardware, ops),
    modelOpsPerSample: b.select(sequenceTraining, flop.model, ops),
    batchSize,
    weightBytes,
    footprint,
    capacity: b.input('capacity', 'bytes', { symbol: 'C' }),
    peak: b.input('peak', 'flopPerSecond', { symbol: 'R' }),
    efficiency,
    memoryBandwidth: b.input('memoryBandwidth', 'bytesPerSecond', { symbol: 'BW_{mem}' }),
    hostBandwidth: b.input('hostBandwidth', 'bytesPerSecond', { symbol: 'BW_{host}' }),
    sramCapacity: b.input('sramCapacity', 'bytes', { symbol: 'C_{sram}' }),
    sramBandwidth: b.input('sramBandwidth', 'bytesPerSecond', { symbol: 'BW_{sram}' }),
    flashBandwidth: b.input('flashBandwidth', 'bytesPerSecond', { symbol: 'BW_{flash}' }),
    dispatchTax: b.input('dispatchTax', 'seconds', { symbol: 't_{dispatch}' }),
    layers,
    layerTaxFactor: b.select(training.gt(0), trainingLayerTaxFactor(b), one),
    tdp: b.input('tdp', 'watts', { symbol: 'P_{TDP}' }),
    original: original.gt(0),
  })
  return roofline
})

/** Per-parameter fraction trained with LoRA: 2·r·h·4L / P (rank-r adapters on Q, K, V, O), at most 1. */
function loraFraction(workload: Workload): number {
  const hidden = workload.hiddenDim ?? DEFAULT_HIDDEN_DIM.value
  const layers = workload.layers ?? 1
  const params = workload.parameters ?? 1
  return Math.min((2 * LORA_RANK * hidden * 4 * layers) / params, 1)
}

/**
 * Where weights that do not fit stream from. A chip's host link when it lists one. Otherwise
 * the original assumes a PCIe Gen5 x16 host (64 GB/s) for every chip; by default a chip with
 * no host link spills to its own storage — its listed storage, its flash, or, on phones, a
 * UFS 4.0 device — never to a faster path than its own memory.
 */
export function spillBandwidth(chip: Chip, fidelity: Fidelity): number {
  if (chip.interconnect) return chip.interconnect.bandwidth
  if (fidelity === ORIGINAL) return FALLBACK_PCIE_BANDWIDTH.value
  const local =
    chip.storage?.bandwidth ??
    chip.memory.flashBandwidth ??
    (chip.tier === 'mobile' ? MOBILE_STORAGE_BANDWIDTH.value : FALLBACK_PCIE_BANDWIDTH.value)
  return Math.min(local, chip.memory.bandwidth)
}

export interface NodeBinding {
  values: Record<string, number>
  precision: Precision
  peakSource: string
}

/** The catalog-derived model inputs of a workload on a chip. */
export function bindNode(input: SingleNodeInput, context: SolveContext): NodeBinding {
  const original = context.fidelity === ORIGINAL
  const { workload, hardware: chip, precision, isTraining } = input
  const bpe = bytesPerElement(precision)
  const lowered = lower(workload, bpe)
  const { peak, source } = peakForPrecision(chip, precision, context.fidelity)
  const isTransformer = workload.family === 'transformer' || workload.family === 'moe'
  const strategy = input.activationRecomputation ? 'selective' : 'none'
  const coefficients = ACTIVATION_COEFFICIENTS[strategy]
  const trainableFraction = isTraining && input.isLora ? loraFraction(workload) : 1
  return {
    precision,
    peakSource: source,
    values: {
      opsPerSample: lowered.totalOps * (isTraining ? (input.activationRecomputation ? 4 : 3) : 1),
      forwardOps: lowered.totalOps,
      perToken: workload.flopConvention === 'per_token' ? 1 : 0,
      recompute: input.activationRecomputation ? 1 : 0,
      original: original ? 1 : 0,
      parameters: lowered.parameterCount,
      bytesPerElement: bpe,
      weightBytes: lowered.weightBytes,
      isTraining: isTraining ? 1 : 0,
      isTransformer: isTransformer ? 1 : 0,
      trainableFraction,
      optimizerBytesPerParam: OPTIMIZER_BYTES_PER_PARAM.adam.value,
      layers: lowered.layers ?? 1,
      hidden: workload.hiddenDim ?? DEFAULT_HIDDEN_DIM.value,
      heads: workload.heads ?? DEFAULT_ATTENTION_HEADS.value,
      activationLinear: coefficients.linear,
      activationQuadratic: coefficients.quadratic,
      capacity: chip.memory.capacity,
      peak,
      memoryBandwidth: chip.memory.bandwidth,
      hostBandwidth: spillBandwidth(chip, context.fidelity),
      sramCapacity: chip.memory.sramCapacity ?? 0,
      sramBandwidth: chip.memory.sramBandwidth ?? 0,
      flashBandwidth: chip.memory.flashBandwidth ?? 0,
      dispatchTax: chip.dispatchTax,
      tdp: chip.tdp ?? 0,
    },
  }
}

/**
 * The original's HFU: its MFU already counts the ×4 recomputation FLOP, and HFU is 4/3 of that
 * (capped at 1); without recomputation HFU = MFU.
 */
export function originalHfu(mfu: number, activationRecomputation: boolean): number {
  return activationRecomputation ? Math.min(1, (mfu * 4) / 3) : mfu
}

export interface IronLawTerm {
  readonly term: 'compute' | 'memory' | 'overhead' | 'network'
  readonly time: number
  readonly equation: string
}

/** The Iron Law of one node: which quantities made the time, and how much each term took. */
export interface IronLaw {
  readonly dataVolume: number
  readonly bandwidth: number
  readonly operations: number
  readonly peak: number
  readonly efficiency: number
  readonly overhead: number
  readonly terms: readonly IronLawTerm[]
  /** "max(compute, memory) + overhead" — how the terms combine. */
  readonly combination: string
}

export interface SingleNodeResult extends SolverResultBase {
  readonly latency: number
  readonly latencyCompute: number
  readonly latencyMemory: number
  readonly latencyOverhead: number
  readonly throughput: number
  readonly bottleneck: 'compute' | 'memory'
  readonly arithmeticIntensity: number
  readonly mfu: number
  readonly hfu: number
  readonly energy: number
  readonly memoryFootprint: number
  readonly memoryCapacity: number
  readonly memoryUtilization: number
  readonly peakFlopsActual: number
  readonly effectiveBandwidth: number
  readonly offloadSpillBytes: number
  readonly overheadDominated: boolean
  readonly precision: Precision
  readonly ironLaw: IronLaw
}

export function ironLaw(
  outputs: Readonly<Record<string, number>>,
  peak: number,
  efficiency: number,
): IronLaw {
  return {
    dataVolume: outputs.traffic!,
    bandwidth: outputs.effectiveBandwidth!,
    operations: outputs.batchOps!,
    peak,
    efficiency,
    overhead: outputs.latencyOverhead!,
    terms: [
      { term: 'compute', time: outputs.latencyCompute!, equation: 'OPs / (R · η)' },
      { term: 'memory', time: outputs.latencyMemory!, equation: 'D / BW' },
      { term: 'overhead', time: outputs.latencyOverhead!, equation: 'dispatch + L · t_layer' },
    ],
    combination: 'max(compute, memory) + overhead',
  }
}

/** The offload sentence of a node that does not fit (shared with the distributed node). */
export function offloadText(
  o: { spill: number; effectiveBandwidth: number; hostBandwidth: number },
  original: boolean,
): string {
  return original
    ? `Offload: ${bytesText(o.spill)} spill; weights stream over the host link at ${bandwidthText(o.effectiveBandwidth)}.`
    : `Offload: ${bytesText(o.spill)} spill crosses the host link at ${bandwidthText(o.hostBandwidth)} each pass; effective ${bandwidthText(o.effectiveBandwidth)}.`
}

function trace(
  input: SingleNodeInput,
  o: Readonly<Record<string, number>>,
  chip: Chip,
  bound: Readonly<Record<string, number>>,
): string[] {
  const lines: string[] = []
  const fits = o.feasible === 1
  lines.push(
    `Memory Wall: ${fits ? 'Passed' : 'FAILED'} — needs ${bytesText(o.memoryFootprint!)} of ${bytesText(chip.memory.capacity)} on ${chip.name}${input.isTraining ? ' (training: weights, gradients, optimizer state, activations)' : ''}.`,
  )
  if (!fits) {
    lines.push(
      offloadText(
        {
          spill: o.offloadSpillBytes!,
          effectiveBandwidth: o.effectiveBandwidth!,
          hostBandwidth: bound.hostBandwidth!,
        },
        bound.original === 1,
      ),
    )
  }
  const peakNote = headlinePeakNote(chip, input.precision, bound.headlinePeak === 1)
  if (peakNote) lines.push(peakNote)
  lines.push(
    `${o.memoryBound === 1 ? 'Memory' : 'Compute'}-bound: compute ${secondsText(o.latencyCompute!)}, memory ${secondsText(o.latencyMemory!)}, overhead ${secondsText(o.latencyOverhead!)}.`,
  )
  return lines
}

export const singleNode = defineGraphSolver({
  id: 'single-node',
  title: 'Single-node roofline',
  walls: [1, 2],
  description:
    'Latency, throughput, MFU, energy and memory fit of one batch of a workload on one accelerator.',
  input: singleNodeInput,
  resultKeys: [
    'latency',
    'latencyCompute',
    'latencyMemory',
    'latencyOverhead',
    'throughput',
    'bottleneck',
    'arithmeticIntensity',
    'mfu',
    'hfu',
    'energy',
    'memoryFootprint',
    'memoryCapacity',
    'memoryUtilization',
    'peakFlopsActual',
    'effectiveBandwidth',
    'offloadSpillBytes',
    'overheadDominated',
    'precision',
    'ironLaw',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['batchSize', 'efficiency', 'seqLen', 'zeroStage', 'dpSize'],
  bind(input, context) {
    const { values, peakSource } = bindNode(input, context)
    // Not a model input: tells the trace (without another catalog lookup) that the headline peak stood in.
    values.headlinePeak = peakSource === 'peak' ? 1 : 0
    return values
  },
  finish(input, o, context, bound): SingleNodeResult {
    const memoryBound = o.memoryBound === 1
    const feasible = o.feasible === 1
    const hfu = context.fidelity === ORIGINAL ? originalHfu(o.mfu, input.activationRecomputation) : o.hfu
    return {
      latency: o.latency,
      latencyCompute: o.latencyCompute,
      latencyMemory: o.latencyMemory,
      latencyOverhead: o.latencyOverhead,
      throughput: o.throughput,
      bottleneck: memoryBound ? 'memory' : 'compute',
      arithmeticIntensity: o.arithmeticIntensity,
      mfu: o.mfu,
      hfu,
      energy: o.energy,
      memoryFootprint: o.memoryFootprint,
      memoryCapacity: input.hardware.memory.capacity,
      memoryUtilization: o.memoryUtilization,
      peakFlopsActual: o.peakFlopsActual,
      effectiveBandwidth: o.effectiveBandwidth,
      offloadSpillBytes: o.offloadSpillBytes,
      overheadDominated: o.overheadDominated === 1,
      precision: input.precision,
      ironLaw: ironLaw(o, bound.peak!, input.efficiency),
      feasible,
      bindingConstraint: !feasible ? 'memory capacity' : memoryBound ? 'memory bandwidth' : 'compute',
      constraintTrace: trace(input, o, input.hardware, bound),
    }
  },
})
