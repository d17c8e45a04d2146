/**
 * Failures and goodput of a long training job on a fleet (wall 15, Fragility).
 *
 *   MTBF_node    = 1 / (n_gpu/MTTF_gpu + n_nic/MTTF_nic + n_psu/MTTF_psu)
 *   MTBF_cluster = MTBF_node / nodes
 *   P(failure)   = 1 − e^(−T/MTBF)            expected failures T/MTBF
 *   τ*           = √(2·δ·MTBF)                 Young's checkpoint interval
 *   goodput      = 1 − δ/τ − τ/(2·MTBF) − R/MTBF
 *
 * Time is lost to writing checkpoints (δ per τ), to redoing the work since the last
 * checkpoint after each failure (τ/2 on average) and to recovering (R per failure). Young's
 * τ* is exactly the interval that balances the first two. The original leaves out the
 * rework term, overstating goodput; `fidelity: 'mlsysim-0.1.2'` does the same. A fleet with a
 * measured MTBF (`mtbfHours`) uses it in the default model; the original always derives it.
 */
import { type Fleet, reliability as reliabilityTable } from '@mlsysim/hardware'
import { format, sourced } from '@mlsysim/units'
import { z } from 'zod'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { clusterMtbf, failureProbability, nodeMtbf, youngDalyInterval } from '../physics/reliability.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import { fleetField, numberField } from '../solver/fields.js'

export const SECONDS_PER_HOUR = sourced(3600, {
  kind: 'convention',
  ref: 'SI: 1 h = 3600 s',
  url: 'https://www.bipm.org/en/publications/si-brochure',
  verified: '2026-06-10',
})

export const reliabilityInput = z.strictObject({
  fleet: fleetField(),
  jobDurationHours: numberField({ min: 0, unit: 'hours' }),
  checkpointTimeS: numberField({ min: 0, unit: 'seconds' }).default(60),
  avgRecoveryTimeS: numberField({ min: 0, unit: 'seconds' }).default(300),
})
export type ReliabilityInput = z.output<typeof reliabilityInput>

const model = defineModel('reliability', (b) => {
  const original = b.input('original', 'count').gt(0)
  const hour = sourcedConstant(b, 'SECONDS_PER_HOUR', SECONDS_PER_HOUR, 'seconds', 't_h')
  const duration = b.let('jobDuration', b.input('jobDurationHours', 'count', { symbol: 'T_h' }).mul(hour), {
    symbol: 'T',
  })
  const checkpoint = b
    .input('checkpointTimeS', 'count', { symbol: '\\delta_s' })
    .mul(b.constant(1, 'seconds'))
  const recovery = b.input('avgRecoveryTimeS', 'count', { symbol: 'R_s' }).mul(b.constant(1, 'seconds'))
  const node = b.let(
    'nodeMtbf',
    nodeMtbf.fragment(b, {
      gpus: b.input('gpusPerNode', 'count', { symbol: 'n_{gpu}' }),
      gpuMttf: b.input('gpuMttf', 'seconds', { symbol: 'M_{gpu}' }),
      nics: b.input('nicsPerNode', 'count', { symbol: 'n_{nic}' }),
      nicMttf: b.input('nicMttf', 'seconds', { symbol: 'M_{nic}' }),
      psus: b.input('psusPerNode', 'count', { symbol: 'n_{psu}' }),
      psuMttf: b.input('psuMttf', 'seconds', { symbol: 'M_{psu}' }),
      others: b.constant(0),
      otherMttf: b.constant(1, 'seconds'),
    }),
    { symbol: 'M_{node}' },
  )
  const derived = clusterMtbf.fragment(b, {
    nodeMtbf: node,
    nodes: b.input('nodes', 'count', { symbol: 'n' }),
    correlation: b.constant(1),
  })
  const measured = b.input('measuredMtbf', 'seconds', { symbol: 'M_{meas}' })
  const useMeasured = original.not().and(measured.gt(b.constant(0, 'seconds')))
  const cluster = b.let('clusterMtbf', b.select(useMeasured, measured, derived), { symbol: 'M' })
  const interval = b.let(
    'checkpointInterval',
    youngDalyInterval.fragment(b, { checkpointTime: checkpoint, mtbf: cluster }),
    {
      symbol: '\\tau',
    },
  )
  const zero = b.constant(0)
  const hasInterval = interval.gt(b.constant(0, 'seconds'))
  const checkpointWaste = b.let('checkpointOverhead', b.select(hasInterval, checkpoint.div(interval), zero), {
    symbol: 'w_\\delta',
  })
  const reworkWaste = b.let('reworkOverhead', b.select(original, zero, interval.div(cluster.mul(2))), {
    symbol: 'w_\\tau',
  })
  const recoveryWaste = b.let('recoveryOverhead', recovery.div(cluster), { symbol: 'w_R' })
  const steady = b.constant(1).sub(checkpointWaste).sub(reworkWaste).sub(recoveryWaste).max(zero)
  // The original reports no goodput when the interval is 0 (a free checkpoint, δ = 0).
  const goodput = b.let('goodput', b.select(original.and(hasInterval.not()), zero, steady), { symbol: 'G' })
  return {
    nodeMtbf: node,
    clusterMtbf: cluster,
    jobDuration: duration,
    failureProbability: failureProbability.fragment(b, { mtbf: cluster, duration }),
    checkpointInterval: interval,
    checkpointOverhead: checkpointWaste,
    reworkOverhead: reworkWaste,
    recoveryOverhead: recoveryWaste,
    goodput,
    expectedFailures: duration.div(cluster),
  }
})

export interface ReliabilityResult extends SolverResultBase {
  /** s. */
  readonly nodeMtbf: number
  readonly clusterMtbf: number
  readonly failureProbability: number
  /** Young's optimal checkpoint interval, s. */
  readonly checkpointInterval: number
  /** Fraction of time that makes training progress. */
  readonly goodput: number
  readonly expectedFailures: number
  readonly checkpointOverhead: number
  readonly reworkOverhead: number
  readonly recoveryOverhead: number
}

function bindReliability(input: ReliabilityInput, context: SolveContext): Record<string, number> {
  const fleet: Fleet = input.fleet
  return {
    original: context.fidelity === 'mlsysim-0.1.2' ? 1 : 0,
    gpusPerNode: fleet.node.acceleratorsPerNode,
    gpuMttf: reliabilityTable.mttf.gpu,
    nicsPerNode: fleet.node.nicsPerNode,
    nicMttf: reliabilityTable.mttf.nic,
    psusPerNode: fleet.node.psusPerNode,
    psuMttf: reliabilityTable.mttf.psu,
    nodes: fleet.count,
    measuredMtbf: fleet.mtbfHours === undefined ? 0 : fleet.mtbfHours * SECONDS_PER_HOUR.value,
  }
}

export const reliability = defineGraphSolver({
  id: 'reliability',
  title: 'Fleet reliability and goodput',
  walls: [15],
  description:
    'Node and cluster MTBF, failure probability, Young checkpoint interval and goodput of a job on a fleet.',
  input: reliabilityInput,
  resultKeys: [
    'nodeMtbf',
    'clusterMtbf',
    'failureProbability',
    'checkpointInterval',
    'goodput',
    'expectedFailures',
    'checkpointOverhead',
    'reworkOverhead',
    'recoveryOverhead',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['jobDurationHours', 'checkpointTimeS', 'avgRecoveryTimeS'],
  bind: bindReliability,
  finish(input, o): ReliabilityResult {
    const s = (v: number) => format(v, 'seconds')
    const overheads: [string, number][] = [
      ['checkpoint writes', o.checkpointOverhead],
      ['rework after failures', o.reworkOverhead],
      ['failure recovery', o.recoveryOverhead],
    ]
    const feasible = o.goodput > 0
    return {
      nodeMtbf: o.nodeMtbf,
      clusterMtbf: o.clusterMtbf,
      failureProbability: o.failureProbability,
      checkpointInterval: o.checkpointInterval,
      goodput: o.goodput,
      expectedFailures: o.expectedFailures,
      checkpointOverhead: o.checkpointOverhead,
      reworkOverhead: o.reworkOverhead,
      recoveryOverhead: o.recoveryOverhead,
      feasible,
      bindingConstraint: overheads.reduce((a, c) => (c[1] > a[1] ? c : a))[0],
      constraintTrace: [
        `Fragility: node MTBF ${s(o.nodeMtbf)}, cluster MTBF ${s(o.clusterMtbf)} over ${input.fleet.count} nodes; ${o.expectedFailures.toPrecision(
          3,
        )} expected failures in ${s(o.jobDuration)} (P ≥ 1 failure = ${(100 * o.failureProbability).toFixed(1)}%).`,
        `Checkpoint every ${s(o.checkpointInterval)} (Young); goodput ${(100 * o.goodput).toFixed(2)}%.`,
        ...(feasible ? [] : ['Goodput is 0: the fleet fails faster than it can checkpoint and recover.']),
      ],
    }
  },
})
