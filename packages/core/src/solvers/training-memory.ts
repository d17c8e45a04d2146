/**
 * Training memory per accelerator (wall 2, Memory): weights + gradients + optimizer state +
 * activations + communication buffers, with tensor, pipeline, expert and ZeRO data
 * parallelism — the original's TrainingMemoryModel (Megatron-LM, ZeRO and Korthikanti
 * accounting). The equations and the two fidelities are in `training-state.ts`.
 */
import type { Chip } from '@mlsysim/hardware'
import { bytesPerElement, format, type Precision, sourced } from '@mlsysim/units'
import type { Workload } from '@mlsysim/workloads'
import { z } from 'zod'
import { OPTIMIZER_BYTES_PER_PARAM } from '../constants.js'
import { defineModel } from '../expr/model.js'
import {
  ACTIVATION_COEFFICIENTS,
  ACTIVATION_STRATEGIES,
  type ActivationStrategy,
} from '../physics/activation-memory.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import { SolverInputError } from '../solver/errors.js'
import {
  batchSizeField,
  hardwareField,
  integerField,
  numberField,
  precisionField,
  workloadField,
} from '../solver/fields.js'
import { DEFAULT_ATTENTION_HEADS, DEFAULT_HIDDEN_DIM } from './node-constants.js'
import { trainingState } from './training-state.js'

export const OPTIMIZERS = ['adam', 'adamw', 'sgd', 'none'] as const
export type Optimizer = (typeof OPTIMIZERS)[number]

export const optimizerField = () =>
  z
    .string({ error: `must be one of ${OPTIMIZERS.join(', ')}` })
    .transform((v) => v.trim().toLowerCase())
    .pipe(
      z.enum(OPTIMIZERS, {
        error: `must be one of ${OPTIMIZERS.join(', ')} (the optimizer whose state is kept)`,
      }),
    )

export const activationStrategyField = () =>
  z.enum(ACTIVATION_STRATEGIES, {
    error: `must be one of ${ACTIVATION_STRATEGIES.join(', ')} (Korthikanti et al. 2023 activation recomputation)`,
  })

export const zeroStageField = () => integerField({ min: 0, max: 3 })

/** Gradient buckets and other communication buffers: 5% of the gradient bytes (the original's default). */
export const COMMUNICATION_BUFFER_FRACTION = sourced(0.05, {
  kind: 'convention',
  ref: 'MLSys·im TrainingMemoryModel: communication_buffer_fraction = 0.05',
  url: 'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/solvers/training.py',
  verified: '2026-06-10',
})

export const trainingMemoryInput = z.strictObject({
  workload: workloadField(),
  hardware: hardwareField(),
  batchSize: batchSizeField(),
  seqLen: integerField({ min: 1 }).default(2048),
  precision: precisionField().default('fp16'),
  optimizer: optimizerField().default('adam'),
  activationCheckpointing: activationStrategyField().default('selective'),
  tpSize: integerField({ min: 1 }).default(1),
  ppSize: integerField({ min: 1 }).default(1),
  dpSize: integerField({ min: 1 }).default(1),
  epSize: integerField({ min: 1 }).default(1),
  zeroStage: zeroStageField().default(0),
  gradientAccumulationSteps: integerField({ min: 1 }).default(1),
  trainableFraction: numberField({ min: 0, max: 1 }).default(1),
  communicationBufferFraction: numberField({ min: 0, max: 1 }).default(COMMUNICATION_BUFFER_FRACTION.value),
})
export type TrainingMemoryInput = z.output<typeof trainingMemoryInput>

/**
 * Parameters of the routed experts of a MoE workload: with E experts of p_e parameters,
 * k active per token, P = shared + E·p_e and P_active = shared + k·p_e, so
 * p_e = (P − P_active)/(E − k). Dense workloads (and E ≤ k) have none.
 */
export function expertParametersOf(workload: Workload): number {
  if (workload.family !== 'moe') return 0
  const { experts, activeExpertsPerToken: k, parameters, activeParameters } = workload
  if (experts <= k) return 0
  const total = (experts * (parameters - activeParameters)) / (experts - k)
  return Math.min(Math.max(total, 0), parameters)
}

/**
 * Optimizer state per trainable parameter. Mixed precision keeps an fp32 master copy of the
 * weights (4 B) besides Adam's two fp32 moments (8 B): 12 B, or 4 B for SGD (the master copy
 * only), as the original counts always. Training in fp32/tf32 (4-byte weights) needs no
 * separate master copy (Micikevicius et al. 2018), so the default model drops those 4 B.
 */
export function optimizerBytesPerParam(
  optimizer: Optimizer,
  precision: Precision,
  original: boolean,
): number {
  const mixed = OPTIMIZER_BYTES_PER_PARAM[optimizer].value
  if (original || optimizer === 'none' || bytesPerElement(precision) < 4) return mixed
  return mixed - 4
}

/** Rejects workloads the layer-wise accounting cannot describe. */
export function requireTransformer(solver: string, workload: Workload, needsHeads: boolean): void {
  if (workload.family !== 'transformer' && workload.family !== 'moe') {
    throw new SolverInputError(solver, [
      {
        field: 'workload',
        message: `is a ${workload.family} workload; training memory is modeled for transformer and moe workloads (layers, hidden size, heads)`,
        value: workload.id,
      },
    ])
  }
  if (needsHeads && workload.heads === undefined) {
    throw new SolverInputError(solver, [
      {
        field: 'workload',
        message:
          "has no attention heads, which activationCheckpointing 'none' needs for the 5·a·s²·b attention-score term",
        value: workload.id,
      },
    ])
  }
}

const model = defineModel('training-memory', (b) => {
  const batchSize = b.input('batchSize', 'count', { symbol: 'B', description: 'global batch, samples' })
  const seqLen = b.input('seqLen', 'count', { symbol: 's' })
  const tp = b.input('tpSize', 'count', { symbol: 't' })
  const pp = b.input('ppSize', 'count', { symbol: 'p' })
  const dp = b.input('dpSize', 'count', { symbol: 'd' })
  const ep = b.input('epSize', 'count', { symbol: 'e' })
  const zeroStage = b.input('zeroStage', 'count', { symbol: 'z' })
  const accumulation = b.input('gradientAccumulationSteps', 'count', { symbol: 'g' })
  const trainableFraction = b.input('trainableFraction', 'count', { symbol: 'f_{train}' })
  const bufferFraction = b.input('communicationBufferFraction', 'count', { symbol: 'f_{buf}' })
  const original = b.input('original', 'count', { symbol: '\\text{orig}' }).gt(0)
  const layers = b.input('layers', 'count', { symbol: 'L' })
  // Samples per data-parallel rank per accumulation step (expert ranks hold different tokens
  // in the default model), and the layers of one pipeline stage.
  const dataRanks = b.select(original, dp, dp.mul(ep))
  const microbatch = b.let('microbatch', batchSize.div(dataRanks.mul(accumulation)).ceil().max(1), {
    symbol: 'b',
  })
  const stageLayers = b.let('layersPerStage', layers.div(pp).ceil().max(1), { symbol: 'L_s' })
  const state = trainingState(b, {
    original,
    parameters: b.input('parameters', 'count', { symbol: 'P' }),
    expertParameters: b.input('expertParameters', 'count', { symbol: 'P_{exp}' }),
    bytesPerElement: b.input('bytesPerElement', 'bytes', { symbol: 'b_e' }),
    optimizerBytesPerParam: b.input('optimizerBytesPerParam', 'bytes', { symbol: 'b_{opt}' }),
    trainableFraction,
    tp,
    pp,
    dp,
    ep,
    zeroStage,
    microbatch,
    inFlight: pp.min(accumulation),
    stageLayers,
    seqLen,
    hidden: b.input('hidden', 'count', { symbol: 'h' }),
    heads: b.input('heads', 'count', { symbol: 'a' }),
    activationLinear: b.input('activationLinear', 'count', { symbol: 'c_1' }),
    activationQuadratic: b.input('activationQuadratic', 'count', { symbol: 'c_2' }),
    activationsSplitByTp: b.input('activationsSplitByTp', 'count'),
    bufferFraction,
    capacity: b.input('capacity', 'bytes', { symbol: 'C' }),
  })
  return { ...state, microbatch, layersPerStage: stageLayers }
})

export interface TrainingMemoryResult extends SolverResultBase {
  readonly weightsBytes: number
  readonly gradientsBytes: number
  readonly optimizerBytes: number
  readonly activationsBytes: number
  readonly buffersBytes: number
  readonly totalBytes: number
  readonly capacityBytes: number
  readonly utilization: number
  /** Samples of one microbatch on one data-parallel rank. */
  readonly microbatch: number
  readonly layersPerStage: number
  readonly parametersPerRank: number
  readonly precision: Precision
  readonly optimizer: Optimizer
  readonly activationCheckpointing: ActivationStrategy
  readonly parallelism: { readonly dp: number; readonly tp: number; readonly pp: number; readonly ep: number }
}

/** The catalog-derived model inputs shared with `distributed`. */
export function bindTrainingState(
  workload: Workload,
  chip: Chip,
  precision: Precision,
  optimizer: Optimizer,
  strategy: ActivationStrategy,
  original: boolean,
): Record<string, number> {
  const coefficients = ACTIVATION_COEFFICIENTS[strategy]
  return {
    original: original ? 1 : 0,
    parameters: workload.parameters ?? 0,
    expertParameters: expertParametersOf(workload),
    bytesPerElement: bytesPerElement(precision),
    optimizerBytesPerParam: optimizerBytesPerParam(optimizer, precision, original),
    layers: workload.layers ?? 1,
    hidden: workload.hiddenDim ?? DEFAULT_HIDDEN_DIM.value,
    heads: workload.heads ?? DEFAULT_ATTENTION_HEADS.value,
    activationLinear: coefficients.linear,
    activationQuadratic: coefficients.quadratic,
    activationsSplitByTp: strategy === 'full' ? 0 : 1,
    capacity: chip.memory.capacity,
  }
}

function trace(input: TrainingMemoryInput, o: Readonly<Record<string, number>>, original: boolean): string[] {
  const gb = (v: number) => format(v, 'bytes')
  const lines = [
    `Training Memory: weights ${gb(o.weightsBytes!)}, gradients ${gb(o.gradientsBytes!)}, optimizer ${gb(
      o.optimizerBytes!,
    )}, activations ${gb(o.activationsBytes!)}, buffers ${gb(o.buffersBytes!)}.`,
    `Memory Wall: ${o.feasible === 1 ? 'Passed' : 'FAILED'} — ${gb(o.totalBytes!)} of ${gb(
      input.hardware.memory.capacity,
    )} on ${input.hardware.name} (${(100 * o.utilization!).toFixed(1)}%).`,
  ]
  if (input.zeroStage > 0) {
    lines.push(
      `ZeRO-${input.zeroStage}: ${['', 'optimizer state', 'optimizer state and gradients', 'optimizer state, gradients and weights'][input.zeroStage]} sharded across ${original ? input.dpSize : input.dpSize * input.epSize} data-parallel ranks.`,
    )
  }
  if (input.workload.family === 'moe' && input.epSize > 1) {
    lines.push(
      original
        ? 'MoE: every parameter is divided by expert parallelism (the original’s approximation).'
        : 'MoE: expert parallelism shards the routed experts only; attention and shared weights are replicated across expert ranks.',
    )
  } else if (input.epSize > 1) {
    lines.push(`Expert parallelism ${input.epSize} on a dense workload: there are no experts to shard.`)
  }
  if (!original && input.ppSize > 1) {
    lines.push(
      `Pipeline: a 1F1B stage holds ${Math.min(input.ppSize, input.gradientAccumulationSteps)} microbatch(es) of activations in flight.`,
    )
  }
  return lines
}

export const trainingMemory = defineGraphSolver({
  id: 'training-memory',
  title: 'Training memory per accelerator',
  walls: [2],
  description:
    'Weights, gradients, optimizer state, activations and buffers per accelerator under TP/PP/DP/EP and ZeRO; does it fit?',
  input: trainingMemoryInput,
  resultKeys: [
    'weightsBytes',
    'gradientsBytes',
    'optimizerBytes',
    'activationsBytes',
    'buffersBytes',
    'totalBytes',
    'capacityBytes',
    'utilization',
    'microbatch',
    'layersPerStage',
    'parametersPerRank',
    'precision',
    'optimizer',
    'activationCheckpointing',
    'parallelism',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: [
    'batchSize',
    'seqLen',
    'tpSize',
    'ppSize',
    'dpSize',
    'epSize',
    'zeroStage',
    'gradientAccumulationSteps',
    'trainableFraction',
    'communicationBufferFraction',
  ],
  bind(input, context: SolveContext) {
    requireTransformer('training-memory', input.workload, input.activationCheckpointing === 'none')
    return bindTrainingState(
      input.workload,
      input.hardware,
      input.precision,
      input.optimizer,
      input.activationCheckpointing,
      context.fidelity === 'mlsysim-0.1.2',
    )
  },
  finish(input, o, context): TrainingMemoryResult {
    const feasible = o.feasible === 1
    return {
      weightsBytes: o.weightsBytes,
      gradientsBytes: o.gradientsBytes,
      optimizerBytes: o.optimizerBytes,
      activationsBytes: o.activationsBytes,
      buffersBytes: o.buffersBytes,
      totalBytes: o.totalBytes,
      capacityBytes: input.hardware.memory.capacity,
      utilization: o.utilization,
      microbatch: o.microbatch,
      layersPerStage: o.layersPerStage,
      parametersPerRank: o.parametersPerRank,
      precision: input.precision,
      optimizer: input.optimizer,
      activationCheckpointing: input.activationCheckpointing,
      parallelism: { dp: input.dpSize, tp: input.tpSize, pp: input.ppSize, ep: input.epSize },
      feasible,
      bindingConstraint: feasible ? 'none' : 'memory capacity',
      constraintTrace: trace(input, o, context.fidelity === 'mlsysim-0.1.2'),
    }
  },
})
