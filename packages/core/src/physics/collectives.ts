/**
 * Collective communication in the α–β (Hockney) model: a message of n bytes between two
 * ranks takes α + n/β, where α is the per-message latency and β the per-direction link
 * bandwidth (NVLink and ICI are quoted as the sum of both directions; β is half of that).
 * The reduction arithmetic (γ term) is left out, as in the original. A collective over one
 * rank, or of zero bytes, takes no time.
 *
 * Ring all-reduce (Patarasuk & Mueller 2009): a reduce-scatter then an all-gather, each of
 * N−1 steps moving M/N bytes:      T = 2(N−1)/N · M/β + 2(N−1)·α
 * Binary-tree all-reduce (reduce up, broadcast down, unpipelined):
 *                                  T = 2⌈log₂N⌉ · M/β + 2⌈log₂N⌉ · α
 * All-to-all (each rank keeps 1/N of its M-byte buffer and sends the rest):
 *                                  T = (N−1)/N · M/β + (N−1)·α
 * Hierarchical all-reduce over n nodes of g ranks, one NIC per rank: reduce-scatter inside
 * the node, g parallel rings of M/g bytes across nodes, all-gather inside the node:
 *                                  T = 2·[(g−1)/g · M/β_intra + (g−1)·α_intra] + Ring(M/g, n, β_inter, α_inter)
 */

import { sourced } from '@mlsysim/units'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineFormula, sourcedConstant } from './formula.js'

const COMMUNICATION_URL =
  'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/physics/communication.py'

/**
 * Double binary tree factors: the original's "pedagogical constants" for NCCL's two
 * pipelined trees (Sanders, Speck & Träff 2009): latency 1.2 × 2·log₂N·α, bandwidth
 * 1.05 × the ring's 2(N−1)/N · M/β.
 */
export const DOUBLE_BINARY_TREE_LATENCY_FACTOR = sourced(1.2, {
  kind: 'convention',
  ref: 'MLSys·im communication.py calc_double_binary_tree_time (pedagogical constant 1.2 on the latency term)',
  url: COMMUNICATION_URL,
  verified: '2026-06-10',
})
export const DOUBLE_BINARY_TREE_BANDWIDTH_FACTOR = sourced(1.05, {
  kind: 'convention',
  ref: 'MLSys·im communication.py calc_double_binary_tree_time (pedagogical constant 1.05 on the bandwidth term)',
  url: COMMUNICATION_URL,
  verified: '2026-06-10',
})

/**
 * ⌈log₂ n⌉ for n ≥ 1, exact for every integer: log(n)/log(2) is off by one ulp for some
 * powers of two (2²⁹ gives 29.000000000000004), so the estimate is corrected by one test.
 */
export function ceilLog2(b: GraphBuilder, n: Expr): Expr {
  const estimate = n.log().div(b.constant(2).log()).ceil()
  const below = estimate.sub(1)
  return b.select(b.constant(2).pow(below).ge(n), below, estimate).max(0)
}

/** 0 s when the collective moves nothing (one rank or an empty message), else `time`. */
function unlessTrivial(b: GraphBuilder, ranks: Expr, bytes: Expr, time: Expr): Expr {
  return b.select(ranks.le(1).or(bytes.le(b.constant(0, 'bytes'))), b.constant(0, 'seconds'), time)
}

function ringFragment(
  b: GraphBuilder,
  x: { messageBytes: Expr; ranks: Expr; bandwidth: Expr; latency: Expr },
): Expr {
  const steps = x.ranks.sub(1)
  const volume = steps.mul(2).div(x.ranks).mul(x.messageBytes).div(x.bandwidth)
  return unlessTrivial(b, x.ranks, x.messageBytes, volume.add(steps.mul(2).mul(x.latency)))
}

const collectiveInputs = {
  messageBytes: 'bytes',
  ranks: 'count',
  bandwidth: 'bytesPerSecond',
  latency: 'seconds',
} as const

/** Ring all-reduce: 2(N−1)/N · M/β + 2(N−1)·α. */
export const ringAllReduce = defineFormula('ring-all-reduce', collectiveInputs, ringFragment)

/** Binary-tree all-reduce: 2⌈log₂N⌉ · (M/β + α). */
export const treeAllReduce = defineFormula('tree-all-reduce', collectiveInputs, (b, x) => {
  const depth = ceilLog2(b, x.ranks).mul(2)
  return unlessTrivial(b, x.ranks, x.messageBytes, depth.mul(x.messageBytes.div(x.bandwidth).add(x.latency)))
})

/** Double binary tree (NCCL): 1.2 · 2·log₂N · α + 1.05 · 2(N−1)/N · M/β. */
export const doubleBinaryTreeAllReduce = defineFormula(
  'double-binary-tree-all-reduce',
  collectiveInputs,
  (b, x) => {
    const log2 = x.ranks.log().div(b.constant(2).log())
    const latencyFactor = sourcedConstant(
      b,
      'DOUBLE_BINARY_TREE_LATENCY_FACTOR',
      DOUBLE_BINARY_TREE_LATENCY_FACTOR,
      'count',
      'k_\\alpha',
    )
    const bandwidthFactor = sourcedConstant(
      b,
      'DOUBLE_BINARY_TREE_BANDWIDTH_FACTOR',
      DOUBLE_BINARY_TREE_BANDWIDTH_FACTOR,
      'count',
      'k_\\beta',
    )
    const latencyTerm = latencyFactor.mul(log2.mul(2)).mul(x.latency)
    const bandwidthTerm = bandwidthFactor
      .mul(x.ranks.sub(1).mul(2).div(x.ranks))
      .mul(x.messageBytes)
      .div(x.bandwidth)
    return unlessTrivial(b, x.ranks, x.messageBytes, latencyTerm.add(bandwidthTerm))
  },
)

/** All-to-all with an M-byte buffer per rank: (N−1)/N · M/β + (N−1)·α. */
export const allToAll = defineFormula('all-to-all', collectiveInputs, (b, x) => {
  const steps = x.ranks.sub(1)
  const time = steps.div(x.ranks).mul(x.messageBytes).div(x.bandwidth).add(steps.mul(x.latency))
  return unlessTrivial(b, x.ranks, x.messageBytes, time)
})

export interface HierarchicalArgs {
  messageBytes: Expr
  /** Ranks of the group inside one node (g). */
  ranksPerNode: Expr
  /** Nodes the group spans (n). */
  nodes: Expr
  intraBandwidth: Expr
  intraLatency: Expr
  interBandwidth: Expr
  interLatency: Expr
}

function hierarchicalFragment(b: GraphBuilder, x: HierarchicalArgs): Expr {
  const g = x.ranksPerNode
  const intraSteps = g.sub(1)
  const intraPhase = intraSteps
    .div(g)
    .mul(x.messageBytes)
    .div(x.intraBandwidth)
    .add(intraSteps.mul(x.intraLatency))
  const interRing = ringFragment(b, {
    messageBytes: x.messageBytes.div(g),
    ranks: x.nodes,
    bandwidth: x.interBandwidth,
    latency: x.interLatency,
  })
  return unlessTrivial(b, g.mul(x.nodes), x.messageBytes, intraPhase.mul(2).add(interRing))
}

/**
 * Hierarchical all-reduce (reduce-scatter in the node, ring across nodes, all-gather in the
 * node): 2·[(g−1)/g · M/β_intra + (g−1)·α_intra] + Ring(M/g, n, β_inter, α_inter). This is the
 * form after the original's 2026-06-06 fix (no second, double-counted intra-node term), which
 * is also what mlsysim 0.1.2 computes (its oracle values match it).
 */
export const hierarchicalAllReduce = defineFormula(
  'hierarchical-all-reduce',
  {
    messageBytes: 'bytes',
    ranksPerNode: 'count',
    nodes: 'count',
    intraBandwidth: 'bytesPerSecond',
    intraLatency: 'seconds',
    interBandwidth: 'bytesPerSecond',
    interLatency: 'seconds',
  },
  hierarchicalFragment,
)

// ── α–β helpers ────────────────────────────────────────────────────────────

/** Fraction of the message each rank sends in a ring all-reduce: 2(N−1)/N. */
export const ringAllReduceDataFactor = defineFormula(
  'ring-all-reduce-data-factor',
  { ranks: 'count' },
  (_b, x) => x.ranks.sub(1).mul(2).div(x.ranks),
)

/** Fraction of the message each rank sends in a ring reduce-scatter or all-gather: (N−1)/N. */
export const ringCollectiveDataFactor = defineFormula(
  'ring-collective-data-factor',
  { ranks: 'count' },
  (_b, x) => x.ranks.sub(1).div(x.ranks),
)

/** Latency steps of a ring all-reduce: 2(N−1). */
export const ringAllReduceLatencySteps = defineFormula(
  'ring-all-reduce-latency-steps',
  { ranks: 'count' },
  (_b, x) => x.ranks.sub(1).mul(2),
)

/** Message size at which the latency and bandwidth terms are equal: n* = α·β. */
export const alphaBetaCrossover = defineFormula(
  'alpha-beta-crossover',
  { latency: 'seconds', bandwidth: 'bytesPerSecond' },
  (_b, x) => x.latency.mul(x.bandwidth).as('bytes'),
)

/** One message between two ranks: α + n/β. */
export const pointToPointTime = defineFormula(
  'point-to-point-time',
  { messageBytes: 'bytes', bandwidth: 'bytesPerSecond', latency: 'seconds' },
  (_b, x) => x.latency.add(x.messageBytes.div(x.bandwidth)),
)

function relativeThroughput(b: GraphBuilder, x: { crossFraction: Expr; oversubscription: Expr }): Expr {
  return b.constant(1).div(b.constant(1).sub(x.crossFraction).add(x.crossFraction.mul(x.oversubscription)))
}

const oversubscriptionInputs = { crossFraction: 'count', oversubscription: 'count' } as const

/**
 * Throughput relative to a non-blocking fabric when a fraction f of the traffic crosses an
 * r:1 oversubscribed tier (that part runs r times slower): 1/((1−f) + f·r).
 */
export const oversubscriptionThroughput = defineFormula(
  'oversubscription-throughput',
  oversubscriptionInputs,
  relativeThroughput,
)

/** Throughput lost to oversubscription: 1 − 1/((1−f) + f·r). */
export const oversubscriptionLoss = defineFormula('oversubscription-loss', oversubscriptionInputs, (b, x) =>
  b.constant(1).sub(relativeThroughput(b, x)),
)

/** Both figures of the oversubscription effect. */
export function oversubscriptionEffect(values: { crossFraction: number; oversubscription: number }): {
  relativeThroughput: number
  loss: number
} {
  return { relativeThroughput: oversubscriptionThroughput(values), loss: oversubscriptionLoss(values) }
}

/** Bisection bandwidth: ports crossing the cut × link bandwidth ÷ oversubscription. */
export const bisectionBandwidth = defineFormula(
  'bisection-bandwidth',
  { ports: 'count', linkBandwidth: 'bytesPerSecond', oversubscription: 'count' },
  (_b, x) => x.ports.mul(x.linkBandwidth).div(x.oversubscription),
)

/** Latency of a path of `hops` switch hops: hops × per-hop latency. */
export const hopLatency = defineFormula('hop-latency', { hops: 'count', perHop: 'seconds' }, (_b, x) =>
  x.hops.mul(x.perHop),
)

/**
 * Message size below which a tree all-reduce beats a ring. The tree wins while
 * 2·log₂N·(α + M/β) < 2(N−1)·α + 2(N−1)/N·M/β, i.e. M < α·β·(N−1−log₂N)/(log₂N−1+1/N),
 * whose large-N form (the original's) is N·α·β/log₂N.
 */
export const ringTreeCrossoverSize = defineFormula(
  'ring-tree-crossover-size',
  { ranks: 'count', latency: 'seconds', bandwidth: 'bytesPerSecond' },
  (b, x) =>
    x.ranks
      .mul(x.latency)
      .mul(x.bandwidth)
      .div(x.ranks.log().div(b.constant(2).log()))
      .as('bytes'),
)
