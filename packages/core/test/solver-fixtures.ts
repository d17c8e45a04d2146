/**
 * Helpers for testing graph solvers: the model inputs a real solve binds (so that backend
 * agreement runs around realistic catalog values), and input-error assertions.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import { bindGraph, type GraphSolver } from '../src/solver/define.js'
import { SolverInputError } from '../src/solver/errors.js'
import type { Fidelity } from '../src/solver/fidelity.js'
import { prepareInput, solve } from '../src/solver/solve.js'
import type { InputArbitraries } from './model-backends.js'

/** Every model input of a solve: what `bind` derives plus the numeric inputs. */
export function boundInputs(
  solver: GraphSolver,
  input: unknown,
  fidelity: Fidelity = 'default',
): Record<string, number> {
  const context = { fidelity }
  return bindGraph(solver, prepareInput(solver, input, context) as never, context)
}

/** Arbitraries that keep every input at `base` except those given. */
export function around(base: Record<string, number>, vary: InputArbitraries): InputArbitraries {
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, vary[k] ?? fc.constant(v)]))
}

/** The solve throws a SolverInputError whose first issue names `field` and whose message matches. */
export function expectInputError(
  id: string,
  input: unknown,
  field: string,
  message: RegExp,
  fidelity?: Fidelity,
): SolverInputError {
  let caught: unknown
  try {
    solve(id, input, fidelity ? { fidelity } : {})
  } catch (error) {
    caught = error
  }
  expect(caught, `${id} should reject ${JSON.stringify(input)}`).toBeInstanceOf(SolverInputError)
  const error = caught as SolverInputError
  expect(error.issues.map((i) => i.field)).toContain(field)
  expect(error.message).toMatch(message)
  return error
}
