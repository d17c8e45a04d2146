/**
 * Sensitivity (wall 21): the original's SensitivitySolver. The single-node roofline at batch
 * 1 is re-solved with each hardware resource upgraded by `perturbationPct` — peak FLOP/s (at
 * every precision), memory bandwidth, memory capacity — and each response is the relative
 * latency change (T' − T)/T (negative: the upgrade helps). The binding constraint is the
 * resource with the largest |response|.
 *
 * The graph also gives exact elasticities ∂ln T/∂ln x by forward-mode differentiation
 * (capacity is a step, elasticity 0). An infeasible baseline (the model does not fit) is
 * bound by memory capacity in the default model, as the original's CHANGELOG (Unreleased)
 * fixed; MLSys·im 0.1.2 (fidelity 'mlsysim-0.1.2') still ranks the latency responses.
 */
import type { Precision } from '@mlsysim/units'
import { z } from 'zod'
import { defineProcedureSolver, type SolverResultBase } from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import {
  engineEfficiencyField,
  hardwareField,
  numberField,
  precisionField,
  workloadField,
} from '../solver/fields.js'
import { bindNode, type SingleNodeInput, singleNode } from './single-node.js'

export const sensitivityInput = z.strictObject({
  workload: workloadField(),
  hardware: hardwareField(),
  precision: precisionField().default('fp16'),
  /** Size of each upgrade in percent (10 = ×1.1); > −100. */
  perturbationPct: numberField({ min: -100, exclusiveMin: true }).default(10),
  efficiency: engineEfficiencyField().default(0.5),
})
export type SensitivityInput = z.output<typeof sensitivityInput>

export const SENSITIVITY_PARAMETERS = ['peakFlops', 'memoryBandwidth', 'memoryCapacity'] as const
export type SensitivityParameter = (typeof SENSITIVITY_PARAMETERS)[number]

/** Which single-node model input each resource is. */
const MODEL_INPUT: Readonly<Record<SensitivityParameter, string>> = {
  peakFlops: 'peak',
  memoryBandwidth: 'memoryBandwidth',
  memoryCapacity: 'capacity',
}

const WORDS: Readonly<Record<SensitivityParameter, string>> = {
  peakFlops: 'compute (peak FLOP/s)',
  memoryBandwidth: 'memory bandwidth',
  memoryCapacity: 'memory capacity',
}

export interface SensitivityResult extends SolverResultBase {
  /** (T' − T)/T for each resource upgraded by perturbationPct. */
  readonly sensitivities: Readonly<Record<SensitivityParameter, number>>
  /** ∂ln T/∂ln x at the baseline (exact, from the graph's derivative). */
  readonly elasticities: Readonly<Record<SensitivityParameter, number>>
  readonly binding: SensitivityParameter
  readonly baselineLatency: number
  readonly perturbationPct: number
  readonly precision: Precision
}

export const sensitivity = defineProcedureSolver({
  id: 'sensitivity',
  title: 'Sensitivity (binding resource)',
  walls: [21],
  description:
    'Relative latency response of the single-node roofline to upgrading peak FLOP/s, memory bandwidth and memory capacity; the binding resource.',
  input: sensitivityInput,
  resultKeys: [
    'sensitivities',
    'elasticities',
    'binding',
    'baselineLatency',
    'perturbationPct',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  run(input, context): SensitivityResult {
    const node: SingleNodeInput = {
      workload: input.workload,
      hardware: input.hardware,
      batchSize: 1,
      precision: input.precision,
      efficiency: input.efficiency,
      isTraining: false,
      seqLen: 2048,
      zeroStage: 0,
      dpSize: 1,
      isLora: false,
      activationRecomputation: false,
    }
    const values = bindNode(node, context).values
    Object.assign(values, {
      batchSize: 1,
      efficiency: input.efficiency,
      seqLen: 2048,
      zeroStage: 0,
      dpSize: 1,
    })
    const model = singleNode.model
    const base = model.evaluate(values)
    const t = base.latency
    const factor = 1 + input.perturbationPct / 100
    const sensitivities = {} as Record<SensitivityParameter, number>
    const elasticities = {} as Record<SensitivityParameter, number>
    for (const parameter of SENSITIVITY_PARAMETERS) {
      const key = MODEL_INPUT[parameter]
      const x = values[key]!
      values[key] = x * factor
      const perturbed = model.evaluate(values).latency
      values[key] = x
      sensitivities[parameter] = t > 0 ? (perturbed - t) / t : 0
      elasticities[parameter] =
        parameter === 'memoryCapacity' || t <= 0
          ? 0
          : (model.derivative(values, key).derivatives.latency * x) / t
    }
    // The first largest |response| wins ties, as Python's max() does.
    let binding: SensitivityParameter = 'peakFlops'
    for (const parameter of SENSITIVITY_PARAMETERS) {
      if (Math.abs(sensitivities[parameter]) > Math.abs(sensitivities[binding])) binding = parameter
    }
    const feasible = base.feasible === 1
    if (!feasible && context.fidelity !== ORIGINAL) binding = 'memoryCapacity'
    const pct = (v: number) => `${(v * 100).toFixed(2)}%`
    return {
      sensitivities,
      elasticities,
      binding,
      baselineLatency: t,
      perturbationPct: input.perturbationPct,
      precision: input.precision,
      feasible,
      bindingConstraint: WORDS[binding],
      constraintTrace: [
        ...(feasible
          ? []
          : [
              `Memory Wall: FAILED — ${input.workload.name} does not fit on ${input.hardware.name}; capacity binds first.`,
            ]),
        `Sensitivity: +${input.perturbationPct}% peak FLOP/s → ${pct(sensitivities.peakFlops)}, memory bandwidth → ${pct(sensitivities.memoryBandwidth)}, capacity → ${pct(sensitivities.memoryCapacity)} latency; binding: ${WORDS[binding]}.`,
      ],
    }
  },
})
