/**
 * Compute-optimal scaling (wall 11, Complexity): Chinchilla's C = 6·P·D with D ≈ 20·P.
 *
 *   P* = √(C / 120),  D* = 20·P*;   with a target size P: D = C / (6·P)
 *
 * A budget in time (GPU-days) is H100-days: C = t · 989 TFLOP/s · 0.40 sustained MFU.
 */
import { quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { CHINCHILLA, REFERENCE_HARDWARE_FLOPS, REFERENCE_MFU_SUSTAINED } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { computeOptimalParameters, computeOptimalTokens } from '../physics/chinchilla.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'

const budgetField = () =>
  z.union(
    [
      quantitySchema('flop', { positive: true }).transform((flop) => ({ flop, gpuTime: 0 })),
      quantitySchema('seconds', { positive: true }).transform((gpuTime) => ({ flop: 0, gpuTime })),
    ],
    {
      error:
        'must be an amount of computation ("2e24 flop", or a number of FLOP) or accelerator time in H100-days ("1000 days")',
    },
  )

export const scalingInput = z.strictObject({
  computeBudget: budgetField(),
  targetModelSize: quantitySchema('count', { positive: true }).optional(),
})
export type ScalingInput = z.output<typeof scalingInput>

const model = defineModel('scaling', (b) => {
  const reference = sourcedConstant(
    b,
    'REFERENCE_HARDWARE_FLOPS',
    REFERENCE_HARDWARE_FLOPS,
    'flopPerSecond',
    'R_{ref}',
  )
  const mfu = sourcedConstant(b, 'REFERENCE_MFU_SUSTAINED', REFERENCE_MFU_SUSTAINED, 'count', '\\eta_{ref}')
  const compute = b.let(
    'computeFlops',
    b
      .input('budgetFlop', 'flop', { symbol: 'C_0' })
      .add(b.input('budgetGpuTime', 'seconds', { symbol: 't_{gpu}' }).mul(reference).mul(mfu)),
    { symbol: 'C' },
  )
  const target = b.input('targetParameters', 'count', { symbol: 'P_t' })
  const six = sourcedConstant(b, 'CHINCHILLA_COMPUTE_CONSTANT', CHINCHILLA.computeConstant, 'count', 'k_C')
  const hasTarget = target.gt(0)
  const params = b.let(
    'optimalParams',
    b.select(hasTarget, target, computeOptimalParameters.fragment(b, { compute })),
    {
      symbol: 'P^*',
    },
  )
  const tokens = b.let(
    'optimalTokens',
    b.select(
      hasTarget,
      compute.div(b.constant(1, 'flop')).div(six.mul(target)),
      computeOptimalTokens.fragment(b, { compute }),
    ),
    { symbol: 'D^*' },
  )
  return {
    computeFlops: compute,
    optimalParams: params,
    optimalTokens: tokens,
    tokensPerParameter: tokens.div(params),
  }
})

export interface ScalingResult extends SolverResultBase {
  /** FLOP. */
  readonly computeFlops: number
  readonly optimalParams: number
  readonly optimalTokens: number
  readonly tokensPerParameter: number
}

export const scaling = defineGraphSolver({
  id: 'scaling',
  title: 'Compute-optimal scaling (Chinchilla)',
  walls: [11],
  description:
    'Compute-optimal parameters and tokens for a training budget, or the tokens a target size can afford.',
  input: scalingInput,
  resultKeys: [
    'computeFlops',
    'optimalParams',
    'optimalTokens',
    'tokensPerParameter',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: [],
  bind: (input) => ({
    budgetFlop: input.computeBudget.flop,
    budgetGpuTime: input.computeBudget.gpuTime,
    targetParameters: input.targetModelSize ?? 0,
  }),
  finish(input, o): ScalingResult {
    const p = o.optimalParams.toPrecision(4)
    const d = o.optimalTokens.toPrecision(4)
    return {
      computeFlops: o.computeFlops,
      optimalParams: o.optimalParams,
      optimalTokens: o.optimalTokens,
      tokensPerParameter: o.tokensPerParameter,
      feasible: true,
      bindingConstraint:
        input.targetModelSize === undefined
          ? 'compute budget (compute-optimal)'
          : 'compute budget at the target size',
      constraintTrace: [
        `Complexity: C = ${o.computeFlops.toPrecision(4)} FLOP${input.computeBudget.gpuTime > 0 ? ' (H100-time × 989 TFLOP/s × 0.40)' : ''}; ${
          input.targetModelSize === undefined
            ? `compute-optimal P* = ${p}, D* = 20·P* = ${d} tokens`
            : `P = ${p} trains on D = C/(6P) = ${d} tokens`
        }.`,
      ],
    }
  },
})
