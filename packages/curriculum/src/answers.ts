/**
 * Correct answers of numeric predictions, computed rather than typed: a prediction's `compute`
 * names solver runs; this evaluates them with a `solve` function (pass @mlsysim/core's) and
 * converts the result, in base SI units, to the prediction's unit.
 */
import { parse } from '@mlsysim/units'
import type { NumericPrediction, SolverRun } from './schema/index.js'

/** The shape of @mlsysim/core's `solve`. */
export type SolveFunction = (id: string, input: unknown) => unknown

export class AnswerError extends Error {
  override readonly name = 'AnswerError'
}

function runOutput(solve: SolveFunction, run: SolverRun): number {
  const result = solve(run.solver, run.input) as Record<string, unknown>
  const value = result?.[run.output]
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new AnswerError(
      `solver '${run.solver}' returned ${JSON.stringify(value)} for output '${run.output}', not a finite number`,
    )
  return value
}

/** Base-unit size of one `unit` ("GB" → 1e9, "ms" → 1e-3); ratios and display units count as 1. */
function unitScale(unit: string): number {
  if (unit === '×') return 1
  try {
    return parse(`1 ${unit}`).value
  } catch {
    throw new AnswerError(`cannot convert a solver result to '${unit}'`)
  }
}

/** The correct value of a numeric prediction in its own unit. */
export function computeNumericAnswer(prediction: NumericPrediction, solve: SolveFunction): number {
  if (prediction.compute === undefined) {
    if (prediction.value === undefined) throw new AnswerError('the prediction has neither value nor compute')
    return prediction.value
  }
  const { run, divideBy } = prediction.compute
  const value = runOutput(solve, run)
  if (divideBy) {
    const ratio = value / runOutput(solve, divideBy)
    return prediction.unit === '%' ? ratio * 100 : ratio
  }
  return value / unitScale(prediction.unit)
}

/** Whether `answer` is accepted for a prediction whose correct value is `correct`. */
export function withinTolerance(prediction: NumericPrediction, correct: number, answer: number): boolean {
  return Math.abs(answer - correct) <= (prediction.tolerancePct / 100) * Math.abs(correct)
}
