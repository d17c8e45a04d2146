/**
 * Parallelism search (wall 14): the TP × PP split (DP takes the rest, EP = 1) that trains
 * fastest on a fleet, each candidate priced by the `distributed` model.
 *
 * TP and PP range over powers of two up to `maxTp` (default: accelerators per node, where
 * NVLink carries TP) and `maxPp` (default: the whole fleet), with TP·PP dividing N.
 *
 * Default model: a candidate must fit its full per-accelerator training state (weights,
 * gradients, optimizer and activations of the microbatches in flight), the microbatch count
 * is searched too (powers of two up to the samples per data rank), and candidates are ranked
 * by the fleet's model-FLOP utilization — equivalently by throughput, since B and N are fixed.
 *
 * `fidelity: 'mlsysim-0.1.2'` reproduces the ParallelismOptimizer: a memory gate of
 * (weights + gradients at fp16 + 12 B/param Adam) / (TP·PP) ≤ 90% of HBM without
 * activations, one microbatch, and ranking by scaling efficiency × η.
 */
import { sourced } from '@mlsysim/units'
import { z } from 'zod'
import { OPTIMIZER_BYTES_PER_PARAM } from '../constants.js'
import {
  defineProcedureSolver,
  runGraph,
  type SolveContext,
  type SolverResultBase,
} from '../solver/define.js'
import {
  batchSizeField,
  engineEfficiencyField,
  fleetField,
  integerField,
  precisionField,
  workloadField,
} from '../solver/fields.js'
import { type DistributedInput, type DistributedResult, distributed } from './distributed.js'

/** The original's memory headroom: training state within 90% of HBM. */
export const OPTIMIZER_MEMORY_HEADROOM = sourced(0.9, {
  kind: 'convention',
  ref: 'MLSys·im ParallelismOptimizer: per_gpu_mem > gpu_capacity × 0.9 is skipped',
  url: 'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/solvers/distributed.py',
  verified: '2026-06-10',
})

const MAX_POWER = 10

export const parallelismInput = z.strictObject({
  workload: workloadField(),
  fleet: fleetField(),
  batchSize: batchSizeField(),
  precision: precisionField().default('fp16'),
  efficiency: engineEfficiencyField().default(0.5),
  maxTp: integerField({ min: 1 }).optional(),
  maxPp: integerField({ min: 1 }).optional(),
  overlapComm: z.boolean().default(true),
})
export type ParallelismInput = z.output<typeof parallelismInput>

export interface ParallelismCandidate {
  readonly tp: number
  readonly pp: number
  readonly dp: number
  readonly microbatchCount: number
  /** The ranking objective (see the solver's description). */
  readonly mfu: number
  /** Samples per second. */
  readonly throughput: number
  readonly stepTime: number
}

export interface ParallelismResult extends SolverResultBase {
  /** The best split; null when nothing fits. */
  readonly best: ParallelismCandidate | null
  readonly objectiveValue: number
  readonly totalSearched: number
  /** The five best candidates, best first. */
  readonly topCandidates: readonly ParallelismCandidate[]
  /** The distributed result of the best split. */
  readonly bestResult: DistributedResult | null
}

const powersOfTwo = (limit: number) =>
  Array.from({ length: MAX_POWER }, (_, i) => 2 ** i).filter((v) => v <= limit)

function candidateInput(
  input: ParallelismInput,
  tp: number,
  pp: number,
  microbatchCount: number,
): DistributedInput {
  return {
    workload: input.workload,
    fleet: input.fleet,
    batchSize: input.batchSize,
    precision: input.precision,
    efficiency: input.efficiency,
    tpSize: tp,
    ppSize: pp,
    epSize: 1,
    vStages: 1,
    microbatchCount,
    zeroStage: 0,
    isLora: false,
    activationRecomputation: false,
    overlapComm: input.overlapComm,
    overlapEfficiency: 0.85,
    congestionFactor: 1,
    stragglerFactor: 1,
    moeRoutingImbalanceFactor: 1,
    gradientAccumulationSteps: 1,
    seqLen: 2048,
  }
}

/** The original's gate: fp16 weights + gradients + 12 B/param, sharded by TP·PP, within 90% of HBM. */
function fitsOriginalGate(input: ParallelismInput, tp: number, pp: number): boolean {
  const { workload, fleet } = input
  const weights = workload.modelSize ?? (workload.parameters ?? 0) * 2
  const optimizer = (workload.parameters ?? 0) * OPTIMIZER_BYTES_PER_PARAM.adam.value
  return (
    (2 * weights + optimizer) / (tp * pp) <=
    fleet.node.accelerator.memory.capacity * OPTIMIZER_MEMORY_HEADROOM.value
  )
}

function search(input: ParallelismInput, context: SolveContext) {
  const original = context.fidelity === 'mlsysim-0.1.2'
  const n = input.fleet.totalAccelerators
  const tps = powersOfTwo(input.maxTp ?? input.fleet.node.acceleratorsPerNode)
  const pps = powersOfTwo(input.maxPp ?? n)
  const found: { candidate: ParallelismCandidate; result: DistributedResult }[] = []
  let searched = 0
  for (const tp of tps) {
    for (const pp of pps) {
      if (n % (tp * pp) !== 0) continue
      const dp = n / (tp * pp)
      if (original && !fitsOriginalGate(input, tp, pp)) continue
      const samples = Math.max(1, Math.ceil(input.batchSize / dp))
      for (const microbatchCount of original ? [1] : powersOfTwo(samples)) {
        searched++
        const result = runGraph(
          distributed,
          candidateInput(input, tp, pp, microbatchCount),
          context,
        ) as DistributedResult
        if (!original && !result.feasible) continue
        const mfu = original ? result.scalingEfficiency * input.efficiency : result.mfu
        found.push({
          candidate: {
            tp,
            pp,
            dp,
            microbatchCount,
            mfu,
            throughput: result.throughput,
            stepTime: result.stepTime,
          },
          result,
        })
      }
    }
  }
  found.sort((a, b) => b.candidate.mfu - a.candidate.mfu)
  return { found, searched }
}

export const parallelism = defineProcedureSolver({
  id: 'parallelism',
  title: 'Parallelism search',
  walls: [14],
  description:
    'The tensor × pipeline × data-parallel split (and microbatch count) that trains fastest on a fleet.',
  input: parallelismInput,
  resultKeys: [
    'best',
    'objectiveValue',
    'totalSearched',
    'topCandidates',
    'bestResult',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  run(input, context): ParallelismResult {
    const { found, searched } = search(input, context)
    const winner = found[0]
    if (!winner) {
      return {
        best: null,
        objectiveValue: 0,
        totalSearched: searched,
        topCandidates: [],
        bestResult: null,
        feasible: false,
        bindingConstraint: 'memory capacity',
        constraintTrace: [
          `No TP × PP split of ${input.fleet.totalAccelerators} accelerators fits ${input.workload.name}'s training state in ${input.fleet.node.accelerator.name} memory.`,
        ],
      }
    }
    const { tp, pp, dp, microbatchCount, mfu, stepTime } = winner.candidate
    return {
      best: winner.candidate,
      objectiveValue: mfu,
      totalSearched: searched,
      topCandidates: found.slice(0, 5).map((f) => f.candidate),
      bestResult: winner.result,
      feasible: true,
      bindingConstraint: winner.result.bindingConstraint,
      constraintTrace: [
        `Searched ${searched} splits of ${input.fleet.totalAccelerators} accelerators (${found.length} feasible): best TP ${tp} × PP ${pp} × DP ${dp}${
          context.fidelity === 'mlsysim-0.1.2' ? '' : `, ${microbatchCount} microbatches`
        }, MFU ${(100 * mfu).toFixed(1)}%, step ${stepTime.toPrecision(4)} s.`,
        ...winner.result.constraintTrace,
      ],
    }
  },
})
