/**
 * Speedup laws.
 *
 * Amdahl (1967): a fraction p of the work sped up s times gives 1/((1−p) + p/s).
 * Strong scaling with a serial (non-parallelizable) fraction f on N workers:
 * N/(1 + (N−1)·f) — Amdahl's law written per worker count.
 */
import { defineFormula } from './formula.js'

/** Amdahl's law: 1/((1−p) + p/s). */
export const amdahlSpeedup = defineFormula(
  'amdahl-speedup',
  { parallelFraction: 'count', speedup: 'count' },
  (b, x) => b.constant(1).div(b.constant(1).sub(x.parallelFraction).add(x.parallelFraction.div(x.speedup))),
)

/** Strong-scaling speedup on N workers with serial fraction f: N/(1 + (N−1)·f). */
export const strongScalingSpeedup = defineFormula(
  'strong-scaling-speedup',
  { workers: 'count', serialFraction: 'count' },
  (_b, x) => x.workers.div(x.workers.sub(1).mul(x.serialFraction).add(1)),
)
