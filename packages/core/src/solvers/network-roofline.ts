/**
 * The network roofline (walls 1 and 14 at fleet scale): the original's NetworkRooflineModel.
 * One data-parallel training step of n tokens over the whole fleet has two independent
 * ceilings, and the slower binds:
 *
 *   compute  T_c = 6P·n / (N·R·η)          (forward + backward, Chinchilla's 6 FLOP/param/token)
 *   network  T_n = 2·P·b / (BW / oversub)  (ring all-reduce moves ≈ 2× the gradient bytes)
 *
 * Communication intensity CI = 6P·n/(2·P·b) FLOP per byte synchronized; the fleet is
 * network-bound when CI is below the network ridge N·R/(BW/oversub). The original's step is
 * one token (n = 1, CI = 3/b), so every fleet comes out network-bound; `tokensPerStep` (this
 * project's extension, default 1) sizes a real step: global batch × sequence length.
 */
import type { Fleet } from '@mlsysim/hardware'
import { bytesPerElement, type Precision } from '@mlsysim/units'
import { z } from 'zod'
import { CHINCHILLA } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import {
  engineEfficiencyField,
  fleetField,
  numberField,
  precisionField,
  workloadField,
} from '../solver/fields.js'
import { RING_SYNC_FACTOR } from './node-constants.js'
import { peakForPrecision } from './peak-for-precision.js'

export const networkRooflineInput = z.strictObject({
  workload: workloadField().superRefine((w, ctx) => {
    if (w.parameters === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must have a parameter count (the gradient size); '${w.id}' is described by its size only`,
        input: w.id,
      })
    }
  }),
  fleet: fleetField(),
  precision: precisionField().default('fp16'),
  efficiency: engineEfficiencyField().default(0.5),
  /** Tokens one step trains over the whole fleet (global batch × sequence length); the original's 1. */
  tokensPerStep: numberField({ min: 1 }).default(1),
})
export type NetworkRooflineInput = z.output<typeof networkRooflineInput>

const model = defineModel('network-roofline', (b) => {
  const params = b.input('parameters', 'count', { symbol: 'P' })
  const bpe = b.input('bytesPerElement', 'bytes', { symbol: 'b' })
  const accelerators = b.input('accelerators', 'count', { symbol: 'N' })
  const peak = b.input('peak', 'flopPerSecond', { symbol: 'R' })
  const efficiency = b.input('efficiency', 'count', { symbol: '\\eta' })
  const fabric = b.input('fabricBandwidth', 'bytesPerSecond', { symbol: 'BW_{fabric}' })
  const oversubscription = b.input('oversubscription', 'count', { symbol: 'o' })
  const six = sourcedConstant(
    b,
    'TRAINING_FLOPS_PER_PARAMETER',
    CHINCHILLA.computeConstant,
    'flop',
    'c_{train}',
  )
  const ring = sourcedConstant(b, 'RING_SYNC_FACTOR', RING_SYNC_FACTOR, 'count', 'c_{ring}')
  const tokens = b.input('tokensPerStep', 'count', { symbol: 'n', description: 'tokens per step' })
  const ops = b.let('trainingOps', six.mul(params).mul(tokens), { symbol: '\\text{OPs}' })
  const sync = b.let('syncBytes', ring.mul(params).mul(bpe), { symbol: 'D_{sync}' })
  const bisection = b.let('bisectionBandwidth', fabric.div(oversubscription), { symbol: 'BW_{bis}' })
  const fleetPeak = peak.mul(accelerators)
  const latencyCompute = b.let('latencyCompute', ops.div(fleetPeak.mul(efficiency)), { symbol: 'T_c' })
  const latencyNetwork = b.let('latencyNetwork', sync.div(bisection), { symbol: 'T_n' })
  const latency = b.let('latency', latencyCompute.max(latencyNetwork), { symbol: 'T' })
  return {
    latency,
    latencyCompute,
    latencyNetwork,
    networkBound: latencyNetwork.gt(latencyCompute),
    communicationIntensity: ops.div(sync),
    networkRidge: fleetPeak.div(bisection),
    throughput: b.constant(1).div(latency),
    mfu: ops.div(latency).div(fleetPeak).min(1),
    syncBytes: sync,
    trainingOps: ops,
    bisectionBandwidth: bisection,
    peakFlopsActual: fleetPeak.mul(efficiency),
  }
})

export interface NetworkRooflineResult extends SolverResultBase {
  readonly latency: number
  readonly latencyCompute: number
  readonly latencyNetwork: number
  readonly bottleneck: 'compute' | 'network'
  /** FLOPs per byte synchronized, 6P·n/(2·P·b). */
  readonly communicationIntensity: number
  /** N·R/(BW/oversub): the CI above which the fleet is compute-bound. */
  readonly networkRidge: number
  /** Steps per second. */
  readonly throughput: number
  readonly mfu: number
  /** HFU = MFU (no recomputation in this model). */
  readonly hfu: number
  readonly syncBytes: number
  readonly trainingOps: number
  readonly bisectionBandwidth: number
  readonly peakFlopsActual: number
  readonly accelerators: number
  readonly precision: Precision
}

export const networkRoofline = defineGraphSolver({
  id: 'network-roofline',
  title: 'Network roofline (data-parallel step)',
  walls: [1, 14],
  description:
    'Compute vs gradient-synchronization ceiling of one data-parallel training step over a fleet, with communication intensity and the network ridge.',
  input: networkRooflineInput,
  resultKeys: [
    'latency',
    'latencyCompute',
    'latencyNetwork',
    'bottleneck',
    'communicationIntensity',
    'networkRidge',
    'throughput',
    'mfu',
    'hfu',
    'syncBytes',
    'trainingOps',
    'bisectionBandwidth',
    'peakFlopsActual',
    'accelerators',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['efficiency', 'tokensPerStep'],
  bind(input, context) {
    const fleet: Fleet = input.fleet
    return {
      parameters: input.workload.parameters ?? 0,
      bytesPerElement: bytesPerElement(input.precision),
      accelerators: fleet.totalAccelerators,
      peak: peakForPrecision(fleet.node.accelerator, input.precision, context.fidelity).peak,
      fabricBandwidth: fleet.fabric.bandwidth,
      oversubscription: fleet.fabric.oversubscription,
    }
  },
  finish(input, o, _context, bound): NetworkRooflineResult {
    const networkBound = o.networkBound === 1
    const word = networkBound ? 'network' : 'compute'
    return {
      latency: o.latency,
      latencyCompute: o.latencyCompute,
      latencyNetwork: o.latencyNetwork,
      bottleneck: word,
      communicationIntensity: o.communicationIntensity,
      networkRidge: o.networkRidge,
      throughput: o.throughput,
      mfu: o.mfu,
      hfu: o.mfu,
      syncBytes: o.syncBytes,
      trainingOps: o.trainingOps,
      bisectionBandwidth: o.bisectionBandwidth,
      peakFlopsActual: o.peakFlopsActual,
      accelerators: bound.accelerators!,
      precision: input.precision,
      feasible: true,
      bindingConstraint: networkBound ? 'network bandwidth' : 'compute',
      constraintTrace: [
        `Network Roofline: CI ${o.communicationIntensity.toPrecision(4)} FLOP/B vs ridge ${o.networkRidge.toPrecision(4)} FLOP/B over ${bound.accelerators} accelerators; binding ceiling is ${word}.`,
      ],
    }
  },
})
