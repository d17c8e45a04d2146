/**
 * Bisection bandwidth of a network topology (wall 10, Locality).
 *
 * β is the bisection bandwidth relative to a non-blocking fat tree of the same N nodes
 * (N/2 links across the cut); the effective per-node bandwidth is link·β/oversubscription.
 *
 * | topology  | links across the bisection | β (default)          | β (mlsysim 0.1.2) | average hops |
 * | fat-tree  | N/2                        | 1                    | 1                 | 4 (2 up, 2 down) |
 * | dragonfly | 0.85·N/2 (global links)    | 0.85                 | 0.85              | 3 (local, global, local) |
 * | torus-3d  | 2·N^(2/3) (k×k×k with wraparound: 2k²) | min(1, 4·N^(−1/3)) | 2·N^(−1/3) | 0.75·N^(1/3) |
 * | ring      | 2 (a cut meets a ring twice) | min(1, 4/N)        | 2/N               | N/4 |
 *
 * The original counts one cut point of a ring and no wraparound of a torus, halving both
 * (Dally & Towles 2003, §3.3). An unknown topology name is an input error in the default
 * model; the original silently treats it as a fat tree.
 */
import { FABRIC_TOPOLOGIES } from '@mlsysim/hardware'
import { format, sourced } from '@mlsysim/units'
import { z } from 'zod'
import type { Expr } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { bisectionBandwidth } from '../physics/collectives.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import { SolverInputError } from '../solver/errors.js'
import { fabricField, integerField } from '../solver/fields.js'

/** Dragonfly bisection relative to a fat tree (Kim et al. 2008, as the original uses it). */
export const DRAGONFLY_BISECTION_FRACTION = sourced(0.85, {
  kind: 'literature',
  ref: 'Kim, Dally, Scott & Abts 2008, Technology-Driven, Highly-Scalable Dragonfly Topology (MLSys·im TopologyModel β = 0.85)',
  url: 'https://doi.org/10.1109/ISCA.2008.19',
  verified: '2026-06-10',
})

const TOPOLOGY_MODEL_URL =
  'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/solvers/distributed.py'

const DALLY_TOWLES =
  'Dally & Towles 2003, Principles and Practices of Interconnection Networks (Morgan Kaufmann), §3.3 bisection, §5 tori'

/**
 * β numerator of a ring and of a 3D torus in the default model, from the links a bisection
 * cuts over a fat tree's N/2:
 *   ring:  a cut meets a ring twice → 2 links, β = 2/(N/2) = 4/N;
 *   torus: k×k×k (k = N^(1/3)) with wraparound; a plane cut meets each of the k² rings along
 *          the cut dimension twice → 2k² = 2·N^(2/3) links, β = 2·N^(2/3)/(N/2) = 4·N^(−1/3).
 */
export const RING_TORUS_BISECTION_COEFFICIENT = sourced(4, {
  kind: 'derived',
  ref: DALLY_TOWLES,
  verified: '2026-11-27',
  notes:
    'links cut ÷ N/2: a ring is cut at 2 links (4/N); a k-ary 3-cube with wraparound at 2k² = 2·N^(2/3) links (4·N^(−1/3))',
})

/** The original's ring β = 2/N and torus β = 2·N^(−1/3): one cut point, no wraparound (half the links). */
export const ORIGINAL_RING_TORUS_BISECTION_COEFFICIENT = sourced(2, {
  kind: 'convention',
  ref: 'MLSys·im distributed.py TopologyModel (β: ring 2/N, torus_3d 2·N^(−1/3))',
  url: TOPOLOGY_MODEL_URL,
  verified: '2026-11-27',
})

/** Average hops of a fat tree: host → leaf → spine → leaf → host (2 up, 2 down). */
export const FAT_TREE_AVERAGE_HOPS = sourced(4, {
  kind: 'convention',
  ref: 'MLSys·im distributed.py TopologyModel (average hops: fat_tree 4, a two-level leaf–spine path)',
  url: TOPOLOGY_MODEL_URL,
  verified: '2026-11-27',
})

/** Average hops of a dragonfly under minimal routing: local, global, local. */
export const DRAGONFLY_AVERAGE_HOPS = sourced(3, {
  kind: 'literature',
  ref: 'Kim, Dally, Scott & Abts 2008, Technology-Driven, Highly-Scalable Dragonfly Topology: a minimal route is at most one local, one global and one local hop (MLSys·im TopologyModel: 3)',
  url: 'https://doi.org/10.1109/ISCA.2008.19',
  verified: '2026-11-27',
})

/**
 * Mean shortest distance on a bidirectional ring of k nodes, in units of k: the distances to
 * the k nodes (itself included) are min(d, k − d), d = 0 … k−1, which sum to k²/4 for even k,
 * so the mean is k/4. A ring of N has N/4 hops on average; a k×k×k torus (k = N^(1/3)) adds
 * three independent rings, 3·k/4 = 0.75·N^(1/3) — the original's figures, exact geometry.
 */
export const RING_MEAN_DISTANCE_FRACTION = sourced(0.25, {
  kind: 'derived',
  ref: DALLY_TOWLES,
  verified: '2026-11-27',
  notes:
    'Σ_{d=0}^{k−1} min(d, k−d) = k²/4 for even k; ring N/4 hops, 3D torus 3 dimensions × N^(1/3)/4 = 0.75·N^(1/3) (MLSys·im TopologyModel)',
})

export const topologyInput = z.strictObject({
  fabric: fabricField(),
  topology: z.string({ error: `must be one of ${FABRIC_TOPOLOGIES.join(', ')}` }).default('fat_tree'),
  numNodes: integerField({ min: 1 }).default(64),
})
export type TopologyInput = z.output<typeof topologyInput>

type Topology = (typeof FABRIC_TOPOLOGIES)[number] | 'unknown'

/** "fat_tree", "Fat-Tree" → "fat-tree"; names outside the list → undefined. */
export function normalizeTopology(name: string): (typeof FABRIC_TOPOLOGIES)[number] | undefined {
  const key = name.trim().toLowerCase().replace(/[_\s]/g, '-')
  return (FABRIC_TOPOLOGIES as readonly string[]).includes(key)
    ? (key as (typeof FABRIC_TOPOLOGIES)[number])
    : undefined
}

const CODE: Record<Topology, number> = { 'fat-tree': 0, dragonfly: 1, 'torus-3d': 2, ring: 3, unknown: 0 }

const model = defineModel('topology', (b) => {
  const nodes = b.input('numNodes', 'count', { symbol: 'N' })
  const code = b.input('topologyCode', 'count')
  const original = b.input('original', 'count').gt(0)
  const link = b.input('linkBandwidth', 'bytesPerSecond', { symbol: '\\beta_{link}' })
  const oversubscription = b.input('oversubscription', 'count', { symbol: 'r' })
  const one = b.constant(1)
  // A non-blocking fat tree has N/2 links across its bisection: β is measured against it.
  const half = nodes.div(2)
  const cubeRoot = nodes.pow(1 / 3)
  const dragonfly = sourcedConstant(
    b,
    'DRAGONFLY_BISECTION_FRACTION',
    DRAGONFLY_BISECTION_FRACTION,
    'count',
    '\\beta_{df}',
  )
  const cut = sourcedConstant(
    b,
    'RING_TORUS_BISECTION_COEFFICIENT',
    RING_TORUS_BISECTION_COEFFICIENT,
    'count',
    'c_{cut}',
  )
  const cutOriginal = sourcedConstant(
    b,
    'ORIGINAL_RING_TORUS_BISECTION_COEFFICIENT',
    ORIGINAL_RING_TORUS_BISECTION_COEFFICIENT,
    'count',
    'c_{cut,0}',
  )
  const pick = (fatTree: Expr, dfly: Expr, torus: Expr, ring: Expr) =>
    b.select(code.eq(1), dfly, b.select(code.eq(2), torus, b.select(code.eq(3), ring, fatTree)))
  const fraction = b.let(
    'bisectionFraction',
    pick(
      one,
      dragonfly,
      b.select(original, cubeRoot.pow(-1).mul(cutOriginal), cubeRoot.pow(-1).mul(cut).min(one)),
      b.select(original, cutOriginal.div(nodes.max(1)), cut.div(nodes).min(one)),
    ),
    { symbol: '\\beta' },
  )
  // Mean ring distance k/4 per dimension: N/4 on a ring, 3 dimensions × N^(1/3)/4 on a 3D torus.
  const ringDistance = sourcedConstant(
    b,
    'RING_MEAN_DISTANCE_FRACTION',
    RING_MEAN_DISTANCE_FRACTION,
    'count',
    'f_{ring}',
  )
  const torusDimensions = 3
  return {
    bisectionFraction: fraction,
    effectiveBandwidth: link.mul(fraction).div(oversubscription),
    bisectionBandwidth: bisectionBandwidth.fragment(b, {
      ports: fraction.mul(half),
      linkBandwidth: link,
      oversubscription,
    }),
    averageHops: pick(
      sourcedConstant(b, 'FAT_TREE_AVERAGE_HOPS', FAT_TREE_AVERAGE_HOPS, 'count', 'h_{ft}'),
      sourcedConstant(b, 'DRAGONFLY_AVERAGE_HOPS', DRAGONFLY_AVERAGE_HOPS, 'count', 'h_{df}'),
      cubeRoot.mul(ringDistance.mul(torusDimensions)),
      nodes.mul(ringDistance),
    ),
  }
})

export interface TopologyResult extends SolverResultBase {
  /** B/s per node: link·β/oversubscription. */
  readonly effectiveBandwidth: number
  /** B/s across the bisection: β·N/2 links. */
  readonly bisectionBandwidth: number
  readonly bisectionFraction: number
  readonly averageHops: number
  readonly topology: string
  readonly numNodes: number
}

function topologyOf(input: TopologyInput, context: SolveContext): Topology {
  const known = normalizeTopology(input.topology)
  if (known) return known
  if (context.fidelity === 'mlsysim-0.1.2') return 'unknown'
  throw new SolverInputError('topology', [
    {
      field: 'topology',
      message: `is not a known topology; must be one of ${FABRIC_TOPOLOGIES.join(', ')} (underscores allowed: fat_tree, torus_3d)`,
      value: input.topology,
    },
  ])
}

export const topology = defineGraphSolver({
  id: 'topology',
  title: 'Network topology and bisection bandwidth',
  walls: [10],
  description:
    'Bisection bandwidth, effective per-node bandwidth and average hop count of a fabric in a topology.',
  input: topologyInput,
  resultKeys: [
    'effectiveBandwidth',
    'bisectionBandwidth',
    'bisectionFraction',
    'averageHops',
    'topology',
    'numNodes',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['numNodes'],
  bind(input, context) {
    return {
      topologyCode: CODE[topologyOf(input, context)],
      original: context.fidelity === 'mlsysim-0.1.2' ? 1 : 0,
      linkBandwidth: input.fabric.bandwidth,
      oversubscription: input.fabric.oversubscription,
    }
  },
  finish(input, o, context): TopologyResult {
    const name = topologyOf(input, context)
    const trace = [
      `Locality: ${name === 'unknown' ? `unknown topology '${input.topology}' treated as a fat tree` : name} of ${input.numNodes} nodes on ${input.fabric.name}: β = ${o.bisectionFraction.toPrecision(
        3,
      )}, ${format(o.effectiveBandwidth, 'bytesPerSecond')} per node, bisection ${format(o.bisectionBandwidth, 'bytesPerSecond')}, ${o.averageHops.toPrecision(3)} hops on average.`,
    ]
    return {
      effectiveBandwidth: o.effectiveBandwidth,
      bisectionBandwidth: o.bisectionBandwidth,
      bisectionFraction: o.bisectionFraction,
      averageHops: o.averageHops,
      topology: name === 'unknown' ? input.topology : name,
      numNodes: input.numNodes,
      feasible: true,
      bindingConstraint:
        input.fabric.oversubscription > 1 && o.bisectionFraction >= 1
          ? 'oversubscription'
          : 'bisection bandwidth',
      constraintTrace: trace,
    }
  },
})
