/**
 * Inference-time compute scaling (wall 12, Reasoning): the original's InferenceScalingModel.
 * A reasoning model writes K intermediate steps of 50 tokens each before answering, each
 * token one decode step of the serving model at batch 1:
 *
 *   T = TTFT + K · 50 · ITL,   tokens = 50·K
 *   E = TDP · (0.30 + 0.70 · u) · T,   u = (F_prefill/R + K·50·F_token/R) / T
 *
 * TTFT and ITL are the serving solver's (prefill and decode rooflines in the default model,
 * compute-only prefill and memory-only decode under fidelity 'mlsysim-0.1.2'). Energy uses
 * the power model of single-node and sustainability: idle power plus a dynamic share that
 * follows the FLOP executed (u, the query's hardware FLOP utilization: prefill FLOP plus one
 * batch-1 decode step per token, over the peak and the whole time). The original charges the
 * full TDP for the whole time, E = TDP·T, which fidelity 'mlsysim-0.1.2' keeps.
 */
import type { Precision } from '@mlsysim/units'
import { z } from 'zod'
import { ENERGY_DYNAMIC_FRACTION, ENERGY_IDLE_FRACTION, TOKENS_PER_REASONING_STEP } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { efficiencyField, hardwareField, integerField, precisionField } from '../solver/fields.js'
import { attentionWorkloadField, bindServing, servingBindingInputs, servingFragment } from './serving.js'
import { secondsText } from './trace-format.js'

export const inferenceScalingInput = z.strictObject({
  workload: attentionWorkloadField('inference scaling'),
  hardware: hardwareField(),
  /** Reasoning steps K before the answer. */
  reasoningSteps: integerField({ min: 0 }).default(8),
  /** Prompt context in tokens. */
  contextLength: integerField({ min: 1 }).default(2048),
  precision: precisionField().default('fp16'),
  efficiency: efficiencyField().default(0.5),
})
export type InferenceScalingInput = z.output<typeof inferenceScalingInput>

const model = defineModel('inference-scaling', (b) => {
  const bound = servingBindingInputs(b)
  const steps = b.input('reasoningSteps', 'count', { symbol: 'K' })
  const tdp = b.input('tdp', 'watts', { symbol: 'P_{TDP}' })
  const serving = servingFragment(b, {
    ...bound,
    seqLen: b.input('contextLength', 'count', { symbol: 'S' }),
    batchSize: b.constant(1),
    efficiency: b.input('efficiency', 'count', { symbol: '\\eta' }),
    cachedPrefixLen: b.constant(0),
    chunkTokens: b.constant(0),
    draftAcceptanceRate: b.constant(0),
    networkBandwidth: b.constant(1, 'bytesPerSecond'),
  })
  const perStep = sourcedConstant(
    b,
    'TOKENS_PER_REASONING_STEP',
    TOKENS_PER_REASONING_STEP,
    'count',
    'n_{step}',
  )
  const timePerStep = b.let('timePerStep', perStep.mul(serving.itl), { symbol: 'T_{step}' })
  const total = b.let('totalReasoningTime', serving.ttft.add(steps.mul(timePerStep)), {
    symbol: 'T_{reason}',
  })
  // Busy time at peak: the prompt's prefill FLOP and one batch-1 decode step per generated token.
  const tokens = steps.mul(perStep)
  const busy = serving.prefillFlops.div(bound.peak).add(tokens.mul(serving.decodeFlops).div(bound.decodePeak))
  const utilization = b.let('queryUtilization', busy.div(total).clamp(0, 1), { symbol: 'u' })
  const idle = sourcedConstant(b, 'ENERGY_IDLE_FRACTION', ENERGY_IDLE_FRACTION, 'count', 'p_{idle}')
  const dynamic = sourcedConstant(b, 'ENERGY_DYNAMIC_FRACTION', ENERGY_DYNAMIC_FRACTION, 'count', 'p_{dyn}')
  const energy = b.let(
    'energyPerQuery',
    b.select(bound.original.gt(0), tdp.mul(total), tdp.mul(idle.add(dynamic.mul(utilization))).mul(total)),
    { symbol: 'E_{query}' },
  )
  return {
    totalReasoningTime: total,
    ttft: serving.ttft,
    itl: serving.itl,
    timePerStep,
    tokensGenerated: tokens,
    energyPerQuery: energy,
    feasible: serving.feasible,
  }
})

export interface InferenceScalingResult extends SolverResultBase {
  /** TTFT + K·50·ITL, s. */
  readonly totalReasoningTime: number
  readonly ttft: number
  readonly itl: number
  readonly timePerStep: number
  readonly tokensGenerated: number
  readonly reasoningSteps: number
  /**
   * J per query: TDP·(0.30 + 0.70·u)·T, u the FLOP executed over peak × T (the power model of
   * single-node); TDP·T, full power throughout, under fidelity 'mlsysim-0.1.2'. 0 without a TDP.
   */
  readonly energyPerQuery: number
  readonly precision: Precision
}

export const inferenceScaling = defineGraphSolver({
  id: 'inference-scaling',
  title: 'Inference-time compute scaling (reasoning)',
  walls: [12],
  description: 'Latency, tokens and energy of K chain-of-thought steps of 50 tokens on top of one prompt.',
  input: inferenceScalingInput,
  resultKeys: [
    'totalReasoningTime',
    'ttft',
    'itl',
    'timePerStep',
    'tokensGenerated',
    'reasoningSteps',
    'energyPerQuery',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['reasoningSteps', 'contextLength', 'efficiency'],
  bind(input, context) {
    const values = bindServing(input, context)
    values.tdp = input.hardware.tdp ?? 0
    return values
  },
  finish(input, o): InferenceScalingResult {
    const feasible = o.feasible === 1
    return {
      totalReasoningTime: o.totalReasoningTime,
      ttft: o.ttft,
      itl: o.itl,
      timePerStep: o.timePerStep,
      tokensGenerated: o.tokensGenerated,
      reasoningSteps: input.reasoningSteps,
      energyPerQuery: o.energyPerQuery,
      precision: input.precision,
      feasible,
      // The larger share of the time: the K·50 decode steps, or the prompt's prefill.
      bindingConstraint: !feasible
        ? 'memory capacity'
        : o.totalReasoningTime - o.ttft >= o.ttft
          ? 'decode latency'
          : 'prefill latency',
      constraintTrace: [
        `${feasible ? 'Memory Wall: Passed' : 'Memory Wall: FAILED'} — ${input.workload.name} on ${input.hardware.name}.`,
        `Reasoning Wall: ${input.reasoningSteps} steps × ${TOKENS_PER_REASONING_STEP.value} tokens × ${secondsText(o.itl)} after a ${secondsText(o.ttft)} prefill = ${secondsText(o.totalReasoningTime)}.`,
      ],
    }
  },
})
