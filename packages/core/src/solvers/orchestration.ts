/**
 * Waiting for a shared cluster (wall 16, Multi-tenant): jobs arrive at λ per day and each
 * holds the whole cluster for a fixed d days — an M/D/1 queue (Poisson arrivals,
 * deterministic service). By Pollaczek–Khinchine with service-time variance 0:
 *
 *   ρ = λ·d,   W_q = ρ / (2μ(1 − ρ)) with μ = 1/d,   L_q = ρ² / (2(1 − ρ))
 *
 * and both grow without bound once ρ ≥ 1 (jobs arrive faster than the cluster runs them).
 * (Kleinrock 1975, Queueing Systems I, §5.7.)
 */
import { z } from 'zod'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { fleetField, numberField } from '../solver/fields.js'
import { SECONDS_PER_DAY } from './sustainability.js'

export const orchestrationInput = z.strictObject({
  /** The shared cluster (named in the trace; the queue depends only on the rates). */
  fleet: fleetField().optional(),
  arrivalRateJobsPerDay: numberField({ min: 0, unit: 'jobs per day' }),
  avgJobDurationDays: numberField({ min: 0, exclusiveMin: true, unit: 'days' }),
})
export type OrchestrationInput = z.output<typeof orchestrationInput>

const model = defineModel('orchestration', (b) => {
  const day = sourcedConstant(b, 'SECONDS_PER_DAY', SECONDS_PER_DAY, 'seconds', 't_{day}')
  const arrivals = b.input('arrivalRateJobsPerDay', 'count', { symbol: '\\lambda' })
  const duration = b.input('avgJobDurationDays', 'count', { symbol: 'd' })
  const two = b.constant(2)
  const rho = b.let('utilization', arrivals.mul(duration), { symbol: '\\rho' })
  const stable = rho.lt(1)
  const unbounded = b.constant(1).div(b.constant(0))
  const slack = b.constant(1).sub(rho)
  // W_q = ρ/(2μ(1−ρ)) = ρ·d/(2(1−ρ)) days.
  const waitDays = rho.mul(duration).div(two.mul(slack))
  return {
    utilization: rho,
    waitTime: b.let('waitTime', b.select(stable, waitDays, unbounded).mul(day), { symbol: 'W_q' }),
    queueLength: b.select(stable, rho.mul(rho).div(two.mul(slack)), unbounded),
    stable,
  }
})

export interface OrchestrationResult extends SolverResultBase {
  /** ρ = λ·d (fraction of time the cluster is busy). */
  readonly utilization: number
  /** Mean wait before a job starts, s (∞ when unstable). */
  readonly waitTime: number
  /** Mean jobs waiting (∞ when unstable). */
  readonly queueLength: number
  readonly stable: boolean
}

export const orchestration = defineGraphSolver({
  id: 'orchestration',
  title: 'Cluster queueing (M/D/1)',
  walls: [16],
  description: 'Utilization, mean wait and queue length of jobs sharing one cluster.',
  input: orchestrationInput,
  resultKeys: [
    'utilization',
    'waitTime',
    'queueLength',
    'stable',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['arrivalRateJobsPerDay', 'avgJobDurationDays'],
  bind: () => ({}),
  finish(input, o): OrchestrationResult {
    const stable = o.stable === 1
    const where = input.fleet ? ` on ${input.fleet.name}` : ''
    return {
      utilization: o.utilization,
      waitTime: o.waitTime,
      queueLength: o.queueLength,
      stable,
      feasible: stable,
      bindingConstraint: 'queue stability',
      constraintTrace: [
        stable
          ? `Multi-tenant: utilization ${(100 * o.utilization).toFixed(1)}%${where}; a job waits ${(o.waitTime / 86_400).toPrecision(3)} days on average, ${o.queueLength.toPrecision(3)} jobs queued.`
          : `Multi-tenant: utilization ${(100 * o.utilization).toFixed(1)}% ≥ 100%${where}: jobs arrive faster than the cluster finishes them; the queue grows without bound.`,
      ],
    }
  },
})
