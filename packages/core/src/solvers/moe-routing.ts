/**
 * MoE routing imbalance and expert-parallel traffic (wall 14, Communication).
 *
 * A router that overloads hot experts acts as if each token used k·imbalance experts (at
 * most E): multiplier m = min(E, k·imb)/k. Each token sends h·bytes to each of its experts;
 * a batch of B sequences of s tokens routes B·s·h·b·k·m bytes, of which (EP−1)/EP leaves
 * the rank (a uniformly placed expert is local with probability 1/EP).
 *
 * Default model: routing inflates only the routed experts' share of the active parameters
 * (attention and shared experts run once per token whatever the router does):
 * P_active' = P_active + (m − 1)·k·p_e with p_e = (P − P_active)/(E − k); the batch is
 * split over the EP ranks, so each rank's all-to-all buffer is the payload ÷ EP, over NVLink
 * when the EP group fits in a node. mlsysim 0.1.2 multiplies every active parameter by m and
 * gives each rank the whole batch's payload over the fabric.
 */
import { bytesPerElement, format } from '@mlsysim/units'
import type { MoeWorkload } from '@mlsysim/workloads'
import { z } from 'zod'
import { FALLBACK_INTRA_NODE_LATENCY } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { allToAll } from '../physics/collectives.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { SolverInputError } from '../solver/errors.js'
import {
  batchSizeField,
  fleetField,
  integerField,
  numberField,
  precisionField,
  workloadField,
} from '../solver/fields.js'
import { DEFAULT_HIDDEN_DIM } from './node-constants.js'
import { expertParametersOf } from './training-memory.js'

export const moeRoutingInput = z.strictObject({
  workload: workloadField(),
  batchSize: batchSizeField(),
  seqLen: integerField({ min: 1 }),
  precision: precisionField().default('fp16'),
  epSize: integerField({ min: 1 }).default(1),
  routingImbalanceFactor: numberField({ min: 1 }).default(1),
  fleet: fleetField().optional(),
})
export type MoeRoutingInput = z.output<typeof moeRoutingInput>

const model = defineModel('moe-routing', (b) => {
  const original = b.input('original', 'count').gt(0)
  const experts = b.input('experts', 'count', { symbol: 'E' })
  const topK = b.input('topK', 'count', { symbol: 'k' })
  const imbalance = b.input('routingImbalanceFactor', 'count', { symbol: 'k_{imb}' })
  const active = b.input('activeParameters', 'count', { symbol: 'P_{act}' })
  const perExpert = b.input('parametersPerExpert', 'count', { symbol: 'p_e' })
  const ep = b.input('epSize', 'count', { symbol: 'e' })
  const effectiveExperts = b.let('effectiveActiveExperts', experts.min(topK.mul(imbalance)), { symbol: "k'" })
  const multiplier = b.let('activeParameterMultiplier', effectiveExperts.div(topK), { symbol: 'm' })
  const effectiveActive = b.select(
    original,
    active.mul(multiplier),
    active.add(multiplier.sub(1).mul(topK).mul(perExpert)),
  )
  const payload = b.let(
    'routingPayloadBytes',
    b
      .input('batchSize', 'count', { symbol: 'B' })
      .mul(b.input('seqLen', 'count', { symbol: 's' }))
      .mul(b.input('hidden', 'count', { symbol: 'h' }))
      .mul(b.input('bytesPerElement', 'bytes', { symbol: 'b_e' }))
      .mul(topK)
      .mul(multiplier),
    { symbol: 'V' },
  )
  const routedFraction = b.select(ep.gt(1), ep.sub(1).div(ep), b.constant(0))
  const perNode = b.input('acceleratorsPerNode', 'count', { symbol: 'g' })
  const inNode = original.not().and(ep.le(perNode))
  const fabric = b.input('fabricBandwidth', 'bytesPerSecond', { symbol: '\\beta_{fabric}' })
  const allToAllTime = allToAll.fragment(b, {
    messageBytes: b.select(original, payload, payload.div(ep)),
    ranks: ep,
    bandwidth: b.select(
      inNode,
      b.input('intraNodeBandwidth', 'bytesPerSecond', { symbol: '\\beta_{intra}' }),
      fabric,
    ),
    latency: b.select(
      inNode,
      b.input('intraNodeLatency', 'seconds', { symbol: '\\alpha_{intra}' }),
      b.input('fabricLatency', 'seconds', { symbol: '\\alpha_{fabric}' }),
    ),
  })
  return {
    effectiveActiveExperts: effectiveExperts,
    activeParameterMultiplier: multiplier,
    effectiveActiveParameters: effectiveActive,
    routingPayloadBytes: payload,
    tokenDispatchBytes: payload.mul(routedFraction),
    allToAllTime,
  }
})

export interface MoeRoutingResult extends SolverResultBase {
  readonly effectiveActiveExperts: number
  readonly activeParameterMultiplier: number
  readonly effectiveActiveParameters: number
  readonly routingPayloadBytes: number
  /** Bytes that leave their rank. */
  readonly tokenDispatchBytes: number
  /** s of one all-to-all over the fleet; null without a fleet or with EP = 1. */
  readonly allToAllTime: number | null
  readonly epSize: number
}

function moeOf(input: MoeRoutingInput): MoeWorkload {
  if (input.workload.family !== 'moe') {
    throw new SolverInputError('moe-routing', [
      {
        field: 'workload',
        message: `is a ${input.workload.family} workload; routing needs a moe workload (experts, active experts per token)`,
        value: input.workload.id,
      },
    ])
  }
  return input.workload
}

export const moeRouting = defineGraphSolver({
  id: 'moe-routing',
  title: 'MoE routing imbalance and all-to-all',
  walls: [14],
  description:
    'Effective active experts and parameters under routing imbalance, routed bytes and the expert-parallel all-to-all time.',
  input: moeRoutingInput,
  resultKeys: [
    'effectiveActiveExperts',
    'activeParameterMultiplier',
    'effectiveActiveParameters',
    'routingPayloadBytes',
    'tokenDispatchBytes',
    'allToAllTime',
    'epSize',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['batchSize', 'seqLen', 'epSize', 'routingImbalanceFactor'],
  bind(input, context) {
    const moe = moeOf(input)
    const k = Math.max(1, moe.activeExpertsPerToken)
    const fleet = input.fleet
    const chip = fleet?.node.accelerator
    return {
      original: context.fidelity === 'mlsysim-0.1.2' ? 1 : 0,
      experts: moe.experts,
      topK: k,
      activeParameters: moe.activeParameters,
      parametersPerExpert: expertParametersOf(moe) / moe.experts,
      hidden: moe.hiddenDim ?? DEFAULT_HIDDEN_DIM.value,
      bytesPerElement: bytesPerElement(input.precision),
      acceleratorsPerNode: fleet?.node.acceleratorsPerNode ?? 1,
      intraNodeBandwidth: fleet?.node.intraNodeBandwidth ?? 1,
      intraNodeLatency: chip?.nvlink?.latency ?? FALLBACK_INTRA_NODE_LATENCY.value,
      fabricBandwidth: fleet ? fleet.fabric.bandwidth / fleet.fabric.oversubscription : 1,
      fabricLatency: fleet?.fabric.latency ?? 0,
    }
  },
  finish(input, o): MoeRoutingResult {
    const priced = input.fleet !== undefined && input.epSize > 1
    const trace = [
      `MoE Routing: top-${Math.max(1, (input.workload as MoeWorkload).activeExpertsPerToken)} routing with imbalance ${input.routingImbalanceFactor.toFixed(
        2,
      )} acts like ${o.effectiveActiveExperts.toPrecision(3)} active experts per token; ${format(o.tokenDispatchBytes, 'bytes')} leave their rank.`,
    ]
    if (priced)
      trace.push(
        `Expert Parallelism: all-to-all over ${input.epSize} ranks takes ${format(o.allToAllTime, 'seconds')}.`,
      )
    return {
      effectiveActiveExperts: o.effectiveActiveExperts,
      activeParameterMultiplier: o.activeParameterMultiplier,
      effectiveActiveParameters: o.effectiveActiveParameters,
      routingPayloadBytes: o.routingPayloadBytes,
      tokenDispatchBytes: o.tokenDispatchBytes,
      allToAllTime: priced ? o.allToAllTime : null,
      epSize: input.epSize,
      feasible: true,
      bindingConstraint:
        input.routingImbalanceFactor > 1 ? 'routing imbalance' : 'expert-parallel communication',
      constraintTrace: trace,
    }
  },
})
