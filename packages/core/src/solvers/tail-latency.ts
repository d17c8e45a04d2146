/**
 * Tail latency of a replicated inference service (wall 7): the original's TailLatencyModel.
 *
 * Requests arrive at λ per second and take `serviceLatencyMs` each on one of c replicas: an
 * M/M/c queue (Erlang C), with queueing waits stretched by Kingman's factor (c_s² + 1)/2 when
 * service times are not exponential (an M/G/c approximation). The service time is added to
 * the wait quantiles as a constant: p50 = W₅₀ + S, p99 = W₉₉ + S.
 *
 * `sloHeadroomRatio` is the original's SLA-risk number, W₉₉/(5·S) (1 when unstable): a ratio,
 * not a probability. The original also reported it as `slo_violation_probability`; the
 * default model reports a real probability there instead, P(T > SLO) = P(W > SLO − S) from
 * the M/M/c waiting-time distribution, with the SLO `sloLatencyMs` (default S + 5·S, the
 * original's budget). Fidelity 'mlsysim-0.1.2' keeps the alias, and reports an unstable
 * queue's utilization as 1 (the original's convention) instead of the offered λ/(cμ).
 */
import { z } from 'zod'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import {
  erlangC,
  kingmanFactor,
  MAX_QUEUE_SERVERS,
  mmcWaitExceedance,
  mmcWaitQuantile,
} from '../physics/queueing.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import { integerField, numberField } from '../solver/fields.js'
import { SLO_WAIT_BUDGET } from './node-constants.js'
import { percentText, secondsText } from './trace-format.js'

export const tailLatencyInput = z.strictObject({
  /** Requests per second arriving at the whole service. */
  arrivalRateQps: numberField({ min: 0, unit: 'requests per second' }),
  /** Mean service time of one request on one replica, in milliseconds (the original's unit). */
  serviceLatencyMs: numberField({ min: 0, exclusiveMin: true, unit: 'milliseconds' }),
  numReplicas: integerField({ min: 1, max: MAX_QUEUE_SERVERS }).default(1),
  /** Coefficient of variation of the service time (1 = exponential). */
  serviceTimeCv: numberField({ min: 0 }).default(1),
  /** Latency objective in milliseconds for `sloViolationProbability` (default: service + 5 × service). */
  sloLatencyMs: numberField({ min: 0, exclusiveMin: true, unit: 'milliseconds' }).optional(),
})
export type TailLatencyInput = z.output<typeof tailLatencyInput>

export interface QueueArgs {
  arrivalRate: Expr
  serviceTime: Expr
  servers: Expr
  serviceTimeCv: Expr
  /** ≤ 0 for the default objective S + 5·S. */
  sloLatency: Expr
  original: Expr
}

/** The M/M/c tail-latency equations as a graph fragment (also used inside the capacity planner). */
export function tailLatencyFragment(b: GraphBuilder, x: QueueArgs) {
  const serviceRate = b.let('serviceRate', b.constant(1).div(x.serviceTime), { symbol: '\\mu' })
  const queue = { arrivalRate: x.arrivalRate, serviceRate, servers: x.servers }
  const utilization = b.let('utilization', x.arrivalRate.div(serviceRate.mul(x.servers)), { symbol: '\\rho' })
  const stable = utilization.lt(1)
  const waitProbability = b.let('waitProbability', erlangC.fragment(b, queue), { symbol: 'C(c, a)' })
  const kingman = b.let('kingmanFactor', kingmanFactor.fragment(b, { serviceTimeCv: x.serviceTimeCv }), {
    symbol: 'k_{G}',
  })
  const quantile = (exceedance: number) =>
    kingman.mul(
      mmcWaitQuantile.fragment(b, { waitProbability, ...queue, exceedance: b.constant(exceedance) }),
    )
  const waitP50 = b.let('waitP50', quantile(0.5), { symbol: 'W_{50}' })
  const waitP99 = b.let('waitP99', quantile(0.01), { symbol: 'W_{99}' })
  const budget = sourcedConstant(b, 'SLO_WAIT_BUDGET', SLO_WAIT_BUDGET, 'count', 'k_{SLO}')
  const headroom = b.select(stable, waitP99.div(budget.mul(x.serviceTime)).max(0), 1)
  const slo = b.select(
    x.sloLatency.gt(b.constant(0, 'seconds')),
    x.sloLatency,
    x.serviceTime.mul(budget.add(1)),
  )
  const violation = mmcWaitExceedance.fragment(b, {
    waitProbability,
    ...queue,
    waitScale: kingman,
    wait: slo.sub(x.serviceTime),
  })
  const original = x.original.gt(0)
  return {
    utilization: b.select(original.and(stable.not()), 1, utilization),
    offeredUtilization: utilization,
    waitProbability,
    p50: waitP50.add(x.serviceTime),
    p99: waitP99.add(x.serviceTime),
    waitP50,
    waitP99,
    stable,
    kingmanFactor: kingman,
    serviceTime: x.serviceTime,
    sloLatency: slo,
    sloHeadroomRatio: headroom,
    sloViolationProbability: b.select(original, headroom, violation),
  }
}

const model = defineModel('tail-latency', (b) => {
  const millisecond = b.constant(1e-3, 'seconds', { name: 'MILLISECOND', symbol: '\\text{ms}' })
  return tailLatencyFragment(b, {
    arrivalRate: b.input('arrivalRateQps', 'hertz', {
      symbol: '\\lambda',
      description: 'requests per second',
    }),
    serviceTime: b.input('serviceLatencyMs', 'count', { symbol: 'S_{ms}' }).mul(millisecond),
    servers: b.input('numReplicas', 'count', { symbol: 'c' }),
    serviceTimeCv: b.input('serviceTimeCv', 'count', { symbol: 'c_s' }),
    sloLatency: b.input('sloLatencyMs', 'count', { symbol: 'T_{SLO,ms}' }).mul(millisecond),
    original: b.input('original', 'count', {
      symbol: '\\text{orig}',
      description: '1 under fidelity mlsysim-0.1.2',
    }),
  })
})

export interface TailLatencyResult extends SolverResultBase {
  /** λ/(cμ); under fidelity mlsysim-0.1.2 an unstable queue reports 1. */
  readonly utilization: number
  /** Erlang C: probability an arrival waits (1 when unstable). */
  readonly waitProbability: number
  /** Median and 99th-percentile latency (wait + service), s; ∞ when unstable. */
  readonly p50: number
  readonly p99: number
  readonly waitP50: number
  readonly waitP99: number
  readonly stable: boolean
  readonly serviceTime: number
  readonly kingmanFactor: number
  /** The objective `sloViolationProbability` refers to, s. */
  readonly sloLatency: number
  /** W₉₉/(5·S), the original's SLA-risk ratio (> 1: at risk); 1 when unstable. */
  readonly sloHeadroomRatio: number
  /** P(latency > sloLatency); under fidelity mlsysim-0.1.2 the original's alias of sloHeadroomRatio. */
  readonly sloViolationProbability: number
}

type QueueOutputs = Readonly<Record<string, number>>

/** Result object and trace from the fragment's outputs (shared with the capacity planner and optimizer). */
export function tailLatencyResult(o: QueueOutputs, replicas: number, arrivalRate: number): TailLatencyResult {
  const stable = o.stable === 1
  const describe = (): string[] => {
    if (!stable) {
      return [
        `Queue: UNSTABLE — ${arrivalRate} requests/s offered ${percentText(o.offeredUtilization!)} of ${replicas} replica(s)' capacity; waits grow without bound.`,
      ]
    }
    const variability =
      o.kingmanFactor === 1 ? '' : `, waits ×${o.kingmanFactor!.toPrecision(3)} for service-time variability`
    return [
      `Queue: stable at ${percentText(o.offeredUtilization!)} utilization over ${replicas} replica(s); ${percentText(o.waitProbability!)} of requests wait.`,
      `Tail Latency: p50 ${secondsText(o.p50!)}, p99 ${secondsText(o.p99!)} (service ${secondsText(o.serviceTime!)}${variability}).`,
    ]
  }
  return {
    utilization: o.utilization!,
    waitProbability: o.waitProbability!,
    p50: o.p50!,
    p99: o.p99!,
    waitP50: o.waitP50!,
    waitP99: o.waitP99!,
    stable,
    serviceTime: o.serviceTime!,
    kingmanFactor: o.kingmanFactor!,
    sloLatency: o.sloLatency!,
    sloHeadroomRatio: o.sloHeadroomRatio!,
    sloViolationProbability: o.sloViolationProbability!,
    feasible: stable,
    bindingConstraint: !stable
      ? 'queue stability'
      : o.waitP99! > o.serviceTime!
        ? 'queueing delay'
        : 'service time',
    constraintTrace: describe(),
  }
}

export const tailLatency = defineGraphSolver({
  id: 'tail-latency',
  title: 'Tail latency (M/M/c)',
  walls: [7],
  description:
    'p50/p99 latency, utilization and SLO risk of a replicated service: Erlang C with Kingman’s correction for service-time variability.',
  input: tailLatencyInput,
  resultKeys: [
    'utilization',
    'waitProbability',
    'p50',
    'p99',
    'waitP50',
    'waitP99',
    'stable',
    'serviceTime',
    'kingmanFactor',
    'sloLatency',
    'sloHeadroomRatio',
    'sloViolationProbability',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['arrivalRateQps', 'serviceLatencyMs', 'numReplicas', 'serviceTimeCv'],
  bind: (input, context) => ({
    sloLatencyMs: input.sloLatencyMs ?? 0,
    original: context.fidelity === ORIGINAL ? 1 : 0,
  }),
  finish: (input, o): TailLatencyResult => tailLatencyResult(o, input.numReplicas, input.arrivalRateQps),
})
