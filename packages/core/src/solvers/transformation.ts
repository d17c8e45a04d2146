/**
 * CPU preprocessing (wall 9, Transformation): the original's TransformationModel. Decoding,
 * tokenizing and augmenting a batch takes T_x = B·sample / throughput on the host; the
 * accelerator idles whenever that exceeds its step time:
 *
 *   utilization = T_accel / max(T_x, T_accel),   slowdown = max(T_x, T_accel) / T_accel
 */
import { z } from 'zod'
import { defineModel } from '../expr/model.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { batchSizeField, quantityField } from '../solver/fields.js'
import { secondsText } from './trace-format.js'

export const transformationInput = z.strictObject({
  batchSize: batchSizeField(),
  /** Bytes of one raw sample ("500 KB"). */
  sampleSizeBytes: quantityField('bytes', { positive: true }),
  /** Host preprocessing throughput ("2 GB/s"). */
  cpuThroughput: quantityField('bytesPerSecond', { positive: true }),
  /** One accelerator step ("50 ms"). */
  acceleratorStepTime: quantityField('seconds', { positive: true }),
})
export type TransformationInput = z.output<typeof transformationInput>

const model = defineModel('transformation', (b) => {
  const batch = b.input('batchSize', 'count', { symbol: 'B' })
  const sample = b.input('sampleSizeBytes', 'bytes', { symbol: 's' })
  const throughput = b.input('cpuThroughput', 'bytesPerSecond', { symbol: 'C_{cpu}' })
  const accelerator = b.input('acceleratorStepTime', 'seconds', { symbol: 'T_{accel}' })
  const transform = b.let('transformTime', batch.mul(sample).div(throughput), { symbol: 'T_x' })
  const step = b.let('stepTime', transform.max(accelerator), { symbol: 'T_{step}' })
  return {
    transformTime: transform,
    acceleratorStepTime: accelerator,
    stepTime: step,
    isBottleneck: transform.gt(accelerator),
    acceleratorUtilization: accelerator.div(step),
    slowdownFactor: step.div(accelerator),
  }
})

export interface TransformationResult extends SolverResultBase {
  readonly transformTime: number
  readonly acceleratorStepTime: number
  /** max(transform, accelerator), s. */
  readonly stepTime: number
  readonly isBottleneck: boolean
  readonly acceleratorUtilization: number
  readonly slowdownFactor: number
}

export const transformation = defineGraphSolver({
  id: 'transformation',
  title: 'CPU preprocessing (transformation)',
  walls: [9],
  description:
    'Whether host preprocessing keeps the accelerator fed: transform time per batch, utilization and slowdown.',
  input: transformationInput,
  resultKeys: [
    'transformTime',
    'acceleratorStepTime',
    'stepTime',
    'isBottleneck',
    'acceleratorUtilization',
    'slowdownFactor',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['batchSize', 'sampleSizeBytes', 'cpuThroughput', 'acceleratorStepTime'],
  bind: () => ({}),
  finish(_input, o): TransformationResult {
    const bottleneck = o.isBottleneck === 1
    return {
      transformTime: o.transformTime,
      acceleratorStepTime: o.acceleratorStepTime,
      stepTime: o.stepTime,
      isBottleneck: bottleneck,
      acceleratorUtilization: o.acceleratorUtilization,
      slowdownFactor: o.slowdownFactor,
      feasible: true,
      bindingConstraint: bottleneck ? 'CPU preprocessing' : 'accelerator compute',
      constraintTrace: [
        `Transformation Wall: ${bottleneck ? 'BOTTLENECK' : 'Passed'} — preprocessing ${secondsText(o.transformTime)} vs accelerator step ${secondsText(o.acceleratorStepTime)}; accelerator busy ${(o.acceleratorUtilization * 100).toFixed(1)}% of the time.`,
      ],
    }
  },
})
