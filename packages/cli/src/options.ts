/** Option values shared by several commands: precision, efficiency, fidelity. */
import { FIDELITIES, type Fidelity } from '@mlsysim/core'
import { PRECISIONS, type Precision, resolvePrecision } from '@mlsysim/units'
import { choiceOption, numberOption, oneOf } from './args.js'

/** A precision name or alias ("bf16", "half", "nvfp4"); anything else lists the allowed names. */
export function precisionOption(raw: string | undefined): Precision | undefined {
  if (raw === undefined) return undefined
  try {
    return resolvePrecision(raw)
  } catch {
    return oneOf('--precision', raw, PRECISIONS)
  }
}

/** η ∈ (0, 1]: the fraction of peak a kernel sustains. */
export function efficiencyOption(raw: string | undefined): number | undefined {
  return numberOption('efficiency', raw, {
    test: (v) => v > 0 && v <= 1,
    words: 'a number > 0 and ≤ 1 (the fraction of peak sustained)',
  })
}

/** The original warns above 0.60: sustained fractions beyond that are rare outside large GEMMs. */
export const HIGH_EFFICIENCY = 0.6

export function fidelityOption(raw: string | undefined): Fidelity | undefined {
  return choiceOption('fidelity', raw, FIDELITIES)
}
