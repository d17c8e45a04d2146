/**
 * Checkpoint writes (wall 19, Checkpoint): how long saving the training state blocks the job.
 *
 *   size     = P · bytes per parameter        (mixed-precision Adam 14 B: fp16 weights +
 *                                              fp32 master + two fp32 moments; SGD 4 B)
 *   BW       = min(storage BW · writers, filesystem limit)
 *   t_write  = size / BW                       MFU penalty = t_write / interval
 *
 * Gradients are not saved. A chip without local storage writes at 1 GB/s (the original's
 * fallback). The original compares the optimizer name with "adam" exactly, so "adamw" is
 * priced as SGD (4 B) under `fidelity: 'mlsysim-0.1.2'`; the default prices AdamW as Adam.
 */
import { format, sourced } from '@mlsysim/units'
import { z } from 'zod'
import { CHECKPOINT_BYTES_PER_PARAM, FALLBACK_STORAGE_BANDWIDTH } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import { hardwareField, integerField, numberField, workloadField } from '../solver/fields.js'
import { SECONDS_PER_HOUR } from './reliability.js'

export const CHECKPOINT_OPTIMIZERS = ['adam', 'adamw', 'sgd'] as const
export type CheckpointOptimizer = (typeof CHECKPOINT_OPTIMIZERS)[number]

/** A write longer than a minute is flagged as a storage bottleneck (the original's threshold). */
export const STORAGE_BOTTLENECK_THRESHOLD = sourced(60, {
  kind: 'convention',
  ref: 'MLSys·im CheckpointModel: storage_bottleneck = t_write > 60 s',
  url: 'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/solvers/training.py',
  verified: '2026-06-10',
})

export const checkpointInput = z.strictObject({
  workload: workloadField(),
  hardware: hardwareField(),
  optimizer: z
    .string({ error: `must be one of ${CHECKPOINT_OPTIMIZERS.join(', ')}` })
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(CHECKPOINT_OPTIMIZERS, { error: `must be one of ${CHECKPOINT_OPTIMIZERS.join(', ')}` }))
    .default('adam'),
  checkpointIntervalHours: numberField({ min: 0, unit: 'hours' }).default(4),
  nWriters: integerField({ min: 1 }).default(1),
  /** Aggregate filesystem write bandwidth limit, GB/s (the original's unit). */
  filesystemLimitGbs: numberField({ min: 0, exclusiveMin: true, unit: 'GB/s' }).default(500),
})
export type CheckpointInput = z.output<typeof checkpointInput>

const model = defineModel('checkpoint', (b) => {
  const size = b.let(
    'checkpointBytes',
    b
      .input('parameters', 'count', { symbol: 'P' })
      .mul(b.input('bytesPerParam', 'bytes', { symbol: 'b_{ckpt}' })),
    { symbol: 'S_{ckpt}' },
  )
  const storage = b.input('storageBandwidth', 'bytesPerSecond', { symbol: 'BW_{disk}' })
  const writers = b.input('nWriters', 'count', { symbol: 'n_w' })
  const limit = b
    .input('filesystemLimitGbs', 'count', { symbol: 'BW_{fs}' })
    .mul(b.constant(1e9, 'bytesPerSecond'))
  const bandwidth = b.let('writeBandwidth', storage.mul(writers).min(limit), { symbol: 'BW' })
  const writeTime = b.let('writeTime', size.div(bandwidth), { symbol: 't_{write}' })
  const hour = sourcedConstant(b, 'SECONDS_PER_HOUR', SECONDS_PER_HOUR, 'seconds', 't_h')
  const interval = b.let(
    'interval',
    b.input('checkpointIntervalHours', 'count', { symbol: 'T_h' }).mul(hour),
    {
      symbol: 'T_{ckpt}',
    },
  )
  const threshold = sourcedConstant(
    b,
    'STORAGE_BOTTLENECK_THRESHOLD',
    STORAGE_BOTTLENECK_THRESHOLD,
    'seconds',
    't_{max}',
  )
  return {
    checkpointBytes: size,
    writeBandwidth: bandwidth,
    writeTime,
    interval,
    mfuPenalty: b.select(interval.gt(b.constant(0, 'seconds')), writeTime.div(interval), b.constant(1)),
    storageBottleneck: writeTime.gt(threshold),
    filesystemBound: limit.lt(storage.mul(writers)),
  }
})

export interface CheckpointResult extends SolverResultBase {
  readonly checkpointBytes: number
  /** s. */
  readonly writeTime: number
  /** B/s. */
  readonly writeBandwidth: number
  /** Share of the checkpoint interval spent writing. */
  readonly mfuPenalty: number
  readonly storageBottleneck: boolean
}

function bytesPerParam(optimizer: CheckpointOptimizer, context: SolveContext): number {
  const adam = optimizer === 'adam' || (optimizer === 'adamw' && context.fidelity !== 'mlsysim-0.1.2')
  return (adam ? CHECKPOINT_BYTES_PER_PARAM.adam : CHECKPOINT_BYTES_PER_PARAM.sgd).value
}

export const checkpoint = defineGraphSolver({
  id: 'checkpoint',
  title: 'Checkpoint write time',
  walls: [19],
  description: 'Checkpoint size, write time, storage bottleneck and the MFU lost to writing at an interval.',
  input: checkpointInput,
  resultKeys: [
    'checkpointBytes',
    'writeTime',
    'writeBandwidth',
    'mfuPenalty',
    'storageBottleneck',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['checkpointIntervalHours', 'nWriters', 'filesystemLimitGbs'],
  bind(input, context) {
    const storage = input.hardware.storage?.bandwidth
    return {
      parameters: input.workload.parameters ?? 0,
      bytesPerParam: bytesPerParam(input.optimizer, context),
      storageBandwidth: storage !== undefined && storage > 0 ? storage : FALLBACK_STORAGE_BANDWIDTH.value,
    }
  },
  finish(input, o): CheckpointResult {
    const feasible = o.writeTime <= o.interval
    const trace = [
      `Checkpoint: ${format(o.checkpointBytes, 'bytes')} (${input.optimizer}) written at ${format(
        o.writeBandwidth,
        'bytesPerSecond',
      )} in ${format(o.writeTime, 'seconds')}; ${(100 * o.mfuPenalty).toFixed(2)}% of a ${input.checkpointIntervalHours} h interval.`,
    ]
    if (input.hardware.storage === undefined)
      trace.push(`${input.hardware.name} lists no storage: writing at the 1 GB/s fallback.`)
    if (!feasible) trace.push('The write takes longer than the interval: checkpoints would never finish.')
    return {
      checkpointBytes: o.checkpointBytes,
      writeTime: o.writeTime,
      writeBandwidth: o.writeBandwidth,
      mfuPenalty: o.mfuPenalty,
      storageBottleneck: o.storageBottleneck === 1,
      feasible,
      bindingConstraint: o.filesystemBound === 1 ? 'filesystem bandwidth' : 'storage bandwidth',
      constraintTrace: trace,
    }
  },
})
