/**
 * Synthesis (wall 22): the original's SynthesisSolver — the roofline run backwards. To finish
 * one pass of a workload (batch 1, every weight read once) within T, a device needs
 *
 *   BW ≥ W/T,   R ≥ OPs/(T·η),   capacity ≥ W,
 *
 * and R/BW is the balance (ridge point) a matching part should sit near.
 */
import { bytesPerElement, type Precision } from '@mlsysim/units'
import { lower } from '@mlsysim/workloads'
import { z } from 'zod'
import { defineModel } from '../expr/model.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { efficiencyField, precisionField, quantityField, workloadField } from '../solver/fields.js'
import { bandwidthText, bytesText, flopsText, secondsText } from './trace-format.js'

export const synthesisInput = z.strictObject({
  workload: workloadField(),
  /** The latency target ("10 ms"). */
  targetLatency: quantityField('seconds', { positive: true }),
  precision: precisionField().default('fp16'),
  efficiency: efficiencyField().default(0.5),
})
export type SynthesisInput = z.output<typeof synthesisInput>

const model = defineModel('synthesis', (b) => {
  const target = b.input('targetLatency', 'seconds', { symbol: 'T' })
  const efficiency = b.input('efficiency', 'count', { symbol: '\\eta' })
  const weights = b.input('weightBytes', 'bytes', { symbol: 'W' })
  const ops = b.input('operations', 'flop', { symbol: '\\text{OPs}' })
  const bandwidth = b.let('requiredBandwidth', weights.div(target), { symbol: 'BW_{req}' })
  const flops = b.let('requiredFlops', ops.div(target.mul(efficiency)), { symbol: 'R_{req}' })
  return {
    requiredBandwidth: bandwidth,
    requiredFlops: flops,
    requiredMemory: weights,
    computeMemoryRatio: flops.div(bandwidth),
    totalOps: ops,
  }
})

export interface SynthesisResult extends SolverResultBase {
  /** W/T, B/s. */
  readonly requiredBandwidth: number
  /** OPs/(T·η), FLOP/s. */
  readonly requiredFlops: number
  /** W, bytes. */
  readonly requiredMemory: number
  /** FLOP per byte the matching device balances at. */
  readonly computeMemoryRatio: number
  readonly targetLatency: number
  readonly modelSize: number
  readonly totalOps: number
  readonly precision: Precision
}

export const synthesis = defineGraphSolver({
  id: 'synthesis',
  title: 'Synthesis (inverse roofline)',
  walls: [22],
  description:
    'Minimum bandwidth, compute and memory a device needs to run one pass of a workload within a latency target.',
  input: synthesisInput,
  resultKeys: [
    'requiredBandwidth',
    'requiredFlops',
    'requiredMemory',
    'computeMemoryRatio',
    'targetLatency',
    'modelSize',
    'totalOps',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['targetLatency', 'efficiency'],
  bind(input) {
    const lowered = lower(input.workload, bytesPerElement(input.precision))
    return { weightBytes: lowered.weightBytes, operations: lowered.totalOps }
  },
  finish(input, o): SynthesisResult {
    return {
      requiredBandwidth: o.requiredBandwidth,
      requiredFlops: o.requiredFlops,
      requiredMemory: o.requiredMemory,
      computeMemoryRatio: o.computeMemoryRatio,
      targetLatency: input.targetLatency,
      modelSize: o.requiredMemory,
      totalOps: o.totalOps,
      precision: input.precision,
      feasible: true,
      bindingConstraint: 'latency target',
      constraintTrace: [
        `Synthesis: ${input.workload.name} in ${secondsText(input.targetLatency)} needs ≥ ${bandwidthText(o.requiredBandwidth)}, ≥ ${flopsText(o.requiredFlops)} at η = ${input.efficiency} and ≥ ${bytesText(o.requiredMemory)} (balance ${o.computeMemoryRatio.toPrecision(4)} FLOP/B).`,
      ],
    }
  },
})
