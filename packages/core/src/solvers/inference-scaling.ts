/**
 * Inference-time compute scaling (wall 12, Reasoning): the original's InferenceScalingModel.
 * A reasoning model writes K intermediate steps of 50 tokens each before answering, each
 * token one decode step of the serving model at batch 1:
 *
 *   T = TTFT + K · 50 · ITL,   tokens = 50·K,   energy ≤ TDP · T
 *
 * TTFT and ITL are the serving solver's (prefill and decode rooflines in the default model,
 * compute-only prefill and memory-only decode under fidelity 'mlsysim-0.1.2').
 */
import type { Precision } from '@mlsysim/units'
import { z } from 'zod'
import { TOKENS_PER_REASONING_STEP } from '../constants.js'
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
  return {
    totalReasoningTime: total,
    ttft: serving.ttft,
    itl: serving.itl,
    timePerStep,
    tokensGenerated: steps.mul(perStep),
    energyPerQuery: tdp.mul(total),
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
  /** TDP × total time, J (an upper bound: the device at full power throughout); 0 without a TDP. */
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
