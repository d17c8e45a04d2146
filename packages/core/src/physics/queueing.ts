/**
 * Queueing physics of a replicated inference service (wall 7, Tail Latency): the M/M/c queue
 * and Kingman's correction for service times that are not exponential.
 *
 * With arrival rate λ, service rate μ per server and c servers, the offered load is a = λ/μ
 * and the utilization ρ = a/c. The queue is stable iff ρ < 1. The probability that an
 * arriving request waits (Erlang C) is computed from the Erlang B recursion
 *
 *   B₀ = 1,   B_k = a·B_{k−1} / (k + a·B_{k−1}),   C = B_c / (1 − ρ·(1 − B_c)),
 *
 * which stays in [0, 1] for every a and c (no factorials, no overflow) and is equal to the
 * original's log-domain evaluation of Σ aⁱ/i! to rounding. A waiting request's wait is
 * exponential with rate cμ − λ, so P(W > t) = C·e^{−(cμ−λ)t} and the wait exceeded with
 * probability ε is ln(C/ε)/(cμ − λ) (0 when C ≤ ε).
 */
import type { DimensionLike, Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineFormula } from './formula.js'

/**
 * Largest server count the Erlang recursion runs for: a static loop bound, so that the
 * fold compiles to a fixed-size GPU loop. Solvers reject more replicas than this.
 */
export const MAX_QUEUE_SERVERS = 65_536

/** +∞ in a dimension (1/0 at run time; graph constants must be finite). */
export function infinity(b: GraphBuilder, dim: DimensionLike): Expr {
  return b.constant(1, dim).div(b.constant(0))
}

/** Erlang C: probability that an arrival waits in an M/M/c queue; 1 when the queue is unstable (ρ ≥ 1). */
export const erlangC = defineFormula(
  'erlang-c',
  { arrivalRate: 'hertz', serviceRate: 'hertz', servers: 'count' },
  (b, x): Expr => {
    const offered = x.arrivalRate.div(x.serviceRate)
    const utilization = offered.div(x.servers)
    const erlangB = b.fold({
      init: 1,
      count: x.servers,
      maxSteps: MAX_QUEUE_SERVERS,
      body: (previous, k) => offered.mul(previous).div(k.add(offered.mul(previous))),
    })
    const waitProbability = erlangB.div(b.constant(1).sub(utilization.mul(b.constant(1).sub(erlangB))))
    return b.select(utilization.lt(1), waitProbability, 1)
  },
)

/**
 * The queueing wait exceeded with probability `exceedance` (0.5 → median, 0.01 → p99) in an
 * M/M/c queue whose arrivals wait with probability `waitProbability`: ln(C/ε)/(cμ − λ), 0
 * when C ≤ ε, +∞ when the queue is unstable.
 */
export const mmcWaitQuantile = defineFormula(
  'mmc-wait-quantile',
  {
    waitProbability: 'count',
    arrivalRate: 'hertz',
    serviceRate: 'hertz',
    servers: 'count',
    exceedance: 'count',
  },
  (b, x): Expr => {
    const drainRate = x.servers.mul(x.serviceRate).sub(x.arrivalRate)
    const wait = x.waitProbability.div(x.exceedance).log().div(drainRate)
    const finite = b.select(x.waitProbability.gt(x.exceedance), wait, b.constant(0, 'seconds'))
    return b.select(drainRate.gt(b.constant(0, 'hertz')), finite, infinity(b, 'seconds'))
  },
)

/**
 * P(W > t): probability that the queueing wait exceeds t in an M/M/c queue, with waits
 * stretched by `waitScale` (the Kingman factor; 1 for exponential service): C·e^{−(cμ−λ)t/k}.
 * 1 for t < 0 or an unstable queue.
 */
export const mmcWaitExceedance = defineFormula(
  'mmc-wait-exceedance',
  {
    waitProbability: 'count',
    arrivalRate: 'hertz',
    serviceRate: 'hertz',
    servers: 'count',
    waitScale: 'count',
    wait: 'seconds',
  },
  (b, x): Expr => {
    const drainRate = x.servers.mul(x.serviceRate).sub(x.arrivalRate)
    const tail = x.waitProbability.mul(drainRate.mul(x.wait).div(x.waitScale).neg().exp())
    const stable = drainRate.gt(b.constant(0, 'hertz'))
    return b.select(stable.and(x.wait.ge(b.constant(0, 'seconds'))), tail, 1)
  },
)

/**
 * Kingman's factor (c_s² + 1)/2: how much longer queueing waits are when service times have
 * coefficient of variation c_s instead of 1 (exponential). Kingman (1961), "The single server
 * queue in heavy traffic"; applied to M/M/c waits as the original does (an M/G/c approximation).
 */
export const kingmanFactor = defineFormula(
  'kingman-factor',
  { serviceTimeCv: 'count' },
  (_b, x): Expr => x.serviceTimeCv.mul(x.serviceTimeCv).add(1).div(2),
)
