/**
 * Reliability of large fleets under independent, exponentially distributed failures.
 *
 * - A node fails when any component fails, so failure rates add:
 *   MTBF_node = 1 / Σ (nᵢ / MTTFᵢ).
 * - A job on N nodes stops at the first node failure: MTBF_cluster = MTBF_node/N (the original
 *   scales this by a correlation factor c ≤ 1 for correlated failures: MTBF_node/N · c).
 * - P(at least one failure in T) = 1 − e^(−T/MTBF).
 * - Young (1974): the checkpoint interval that minimises the time lost to writing
 *   checkpoints (δ/τ) plus the work redone after a failure (τ/2 per failure, τ/(2·MTBF)) is
 *   τ* = √(2·δ·MTBF).
 * - k redundant replicas of availability A: 1 − (1 − A)^k.
 */
import { defineFormula } from './formula.js'

/** Young's optimal checkpoint interval √(2·δ·MTBF). */
export const youngDalyInterval = defineFormula(
  'young-daly-interval',
  { checkpointTime: 'seconds', mtbf: 'seconds' },
  (_b, x) => x.checkpointTime.mul(x.mtbf).mul(2).sqrt(),
)

/** MTBF of a node from its components' MTTFs: 1/(n_gpu/M_gpu + n_nic/M_nic + n_psu/M_psu + n_other/M_other). */
export const nodeMtbf = defineFormula(
  'node-mtbf',
  {
    gpus: 'count',
    gpuMttf: 'seconds',
    nics: 'count',
    nicMttf: 'seconds',
    psus: 'count',
    psuMttf: 'seconds',
    others: 'count',
    otherMttf: 'seconds',
  },
  (b, x) => {
    const rate = x.gpus
      .div(x.gpuMttf)
      .add(x.nics.div(x.nicMttf))
      .add(x.psus.div(x.psuMttf))
      .add(x.others.div(x.otherMttf))
    return b.constant(1).div(rate)
  },
)

/** MTBF of a cluster of N nodes: MTBF_node / N × correlation (1 = independent failures). */
export const clusterMtbf = defineFormula(
  'cluster-mtbf',
  { nodeMtbf: 'seconds', nodes: 'count', correlation: 'count' },
  (_b, x) => x.nodeMtbf.div(x.nodes).mul(x.correlation),
)

/** Probability of at least one failure during T: 1 − e^(−T/MTBF). */
export const failureProbability = defineFormula(
  'failure-probability',
  { mtbf: 'seconds', duration: 'seconds' },
  (b, x) => b.constant(1).sub(x.duration.div(x.mtbf).neg().exp()),
)

/** Availability of k redundant replicas of availability A: 1 − (1 − A)^k. */
export const stackedAvailability = defineFormula(
  'stacked-availability',
  { availability: 'count', replicas: 'count' },
  (b, x) => b.constant(1).sub(b.constant(1).sub(x.availability).pow(x.replicas)),
)
