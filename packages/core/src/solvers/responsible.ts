/**
 * The cost of responsible engineering (wall 20, Safety): the original's
 * ResponsibleEngineeringModel. Two first-order taxes:
 *
 * - privacy: DP-SGD (Abadi et al. 2016) adds noise and per-sample clipping, so training slows
 *   as the budget tightens, slowdown = 1 + 2/max(ε, 0.01);
 * - fairness: to see enough of a subgroup present at prevalence p, collect 1/max(p, 10⁻⁶)
 *   times the data.
 */
import { z } from 'zod'
import { DP_SGD_SLOWDOWN_COEFFICIENT } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { numberField, quantityField } from '../solver/fields.js'
import { DP_EPSILON_FLOOR, SUBGROUP_PREVALENCE_FLOOR } from './node-constants.js'
import { secondsText } from './trace-format.js'

export const responsibleInput = z.strictObject({
  /** Training time without privacy guarantees ("30 days"). */
  baseTrainingTime: quantityField('seconds', { positive: true }),
  /** Differential-privacy budget ε > 0 (smaller is stricter). */
  epsilon: numberField({ min: 0, exclusiveMin: true }).default(1),
  /** DP failure probability δ (reported, not used by the slowdown). */
  delta: numberField({ min: 0, max: 1 }).default(1e-5),
  /** Prevalence of the rarest subgroup that must be represented, in (0, 1]. */
  minSubgroupPrevalence: numberField({ min: 0, max: 1, exclusiveMin: true }).default(0.01),
})
export type ResponsibleInput = z.output<typeof responsibleInput>

const model = defineModel('responsible', (b) => {
  const base = b.input('baseTrainingTime', 'seconds', { symbol: 'T_0' })
  const epsilon = b.input('epsilon', 'count', { symbol: '\\varepsilon' })
  const prevalence = b.input('minSubgroupPrevalence', 'count', { symbol: 'p_{min}' })
  const coefficient = sourcedConstant(
    b,
    'DP_SGD_SLOWDOWN_COEFFICIENT',
    DP_SGD_SLOWDOWN_COEFFICIENT,
    'count',
    'k_{DP}',
  )
  const epsilonFloor = sourcedConstant(b, 'DP_EPSILON_FLOOR', DP_EPSILON_FLOOR, 'count', '\\varepsilon_{min}')
  const prevalenceFloor = sourcedConstant(
    b,
    'SUBGROUP_PREVALENCE_FLOOR',
    SUBGROUP_PREVALENCE_FLOOR,
    'count',
    'p_{floor}',
  )
  const slowdown = b.let('dpSlowdownFactor', b.constant(1).add(coefficient.div(epsilon.max(epsilonFloor))), {
    symbol: 's_{DP}',
  })
  return {
    dpSlowdownFactor: slowdown,
    effectiveTrainingTime: base.mul(slowdown),
    additionalDataRequirement: b.constant(1).div(prevalence.max(prevalenceFloor)),
  }
})

export interface ResponsibleResult extends SolverResultBase {
  readonly dpSlowdownFactor: number
  /** Base time × DP slowdown, s. */
  readonly effectiveTrainingTime: number
  /** Data multiplier for the rarest subgroup, 1/p. */
  readonly additionalDataRequirement: number
  readonly privacyCostRatio: number
  readonly fairnessDataRatio: number
  readonly epsilon: number
  readonly delta: number
  readonly minSubgroupPrevalence: number
}

export const responsible = defineGraphSolver({
  id: 'responsible',
  title: 'Responsible engineering (privacy and fairness)',
  walls: [20],
  description:
    'Training slowdown of differential privacy and the data multiplier of covering a rare subgroup.',
  input: responsibleInput,
  resultKeys: [
    'dpSlowdownFactor',
    'effectiveTrainingTime',
    'additionalDataRequirement',
    'privacyCostRatio',
    'fairnessDataRatio',
    'epsilon',
    'delta',
    'minSubgroupPrevalence',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['baseTrainingTime', 'epsilon', 'minSubgroupPrevalence'],
  bind: () => ({}),
  finish(input, o): ResponsibleResult {
    return {
      dpSlowdownFactor: o.dpSlowdownFactor,
      effectiveTrainingTime: o.effectiveTrainingTime,
      additionalDataRequirement: o.additionalDataRequirement,
      privacyCostRatio: o.dpSlowdownFactor,
      fairnessDataRatio: o.additionalDataRequirement,
      epsilon: input.epsilon,
      delta: input.delta,
      minSubgroupPrevalence: input.minSubgroupPrevalence,
      feasible: true,
      bindingConstraint:
        o.dpSlowdownFactor >= o.additionalDataRequirement ? 'privacy budget' : 'subgroup coverage',
      constraintTrace: [
        `Safety Wall: DP-SGD at ε = ${input.epsilon} slows training ${o.dpSlowdownFactor.toPrecision(3)}× (${secondsText(input.baseTrainingTime)} → ${secondsText(o.effectiveTrainingTime)}); covering a ${(input.minSubgroupPrevalence * 100).toPrecision(3)}% subgroup needs ${o.additionalDataRequirement.toPrecision(3)}× the data.`,
      ],
    }
  },
})
