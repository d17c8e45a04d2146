/**
 * The uniform entry point: `solve(id, input, { fidelity })`. The input is validated by the
 * solver's schema (a SolverInputError names what is wrong); catalog ids or inline
 * definitions are resolved; in fidelity 'mlsysim-0.1.2' catalog corrections are undone.
 */
import { Registry } from '@mlsysim/units'
import type { z } from 'zod'
import { SOLVERS } from '../solvers/index.js'
import { bindGraph, runGraph, type SolveContext, type SolverDefinition } from './define.js'
import { SolverInputError } from './errors.js'
import { asOriginal, FIDELITIES, type Fidelity } from './fidelity.js'
import { parseSolverInput } from './parse-input.js'

export type SolverId = keyof typeof SOLVERS
type SolverOf<Id extends SolverId> = (typeof SOLVERS)[Id]
export type SolverInput<Id extends SolverId> = z.input<SolverOf<Id>['input']>
export type SolverResult<Id extends SolverId> =
  SolverOf<Id> extends { finish: (...args: never[]) => infer R }
    ? R
    : SolverOf<Id> extends { run: (...args: never[]) => infer R }
      ? R
      : never

export interface SolveOptions {
  /** 'default' (physically correct) or 'mlsysim-0.1.2' (reproduces the Python original exactly). */
  fidelity?: Fidelity
}

export const solvers = new Registry<SolverDefinition>(
  { kind: 'solver', idOf: (s) => s.id },
  Object.values(SOLVERS) as SolverDefinition[],
)

function contextFor(id: string, options: SolveOptions): SolveContext {
  const fidelity = options.fidelity ?? 'default'
  if (!FIDELITIES.includes(fidelity)) {
    throw new SolverInputError(id, [
      { field: 'fidelity', message: `must be one of ${FIDELITIES.join(', ')}`, value: fidelity },
    ])
  }
  return { fidelity }
}

/** Validates `input` against a solver's schema and, in the original's fidelity, undoes catalog corrections. */
export function prepareInput(solver: SolverDefinition, input: unknown, context: SolveContext): unknown {
  const parsed = parseSolverInput(solver.id, solver.input, input)
  return context.fidelity === 'mlsysim-0.1.2' ? asOriginal(parsed) : parsed
}

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never
/** One literal solver id (not `string`, not a union of ids). */
type KnownId<Id extends string> = [Id] extends [SolverId] ? (IsUnion<Id> extends false ? true : false) : false
/** A solver's input type for one known id; `unknown` for an id known only at run time. */
export type InputFor<Id extends string> = KnownId<Id> extends true ? SolverInput<Id & SolverId> : unknown
/** A solver's result type for one known id; `unknown` for an id known only at run time. */
export type ResultFor<Id extends string> = KnownId<Id> extends true ? SolverResult<Id & SolverId> : unknown

/**
 * Runs a solver by id; infeasible designs are results (`feasible: false`), bad input throws
 * SolverInputError. One generic signature (not overloads) so that an input held in a
 * variable still types the result.
 */
export function solve<Id extends string>(
  id: Id,
  input: NoInfer<InputFor<Id>>,
  options?: SolveOptions,
): ResultFor<Id>
export function solve(id: string, input: unknown, options: SolveOptions = {}): unknown {
  const solver = solvers.get(id)
  const context = contextFor(solver.id, options)
  const parsed = prepareInput(solver, input, context)
  return solver.kind === 'graph' ? runGraph(solver, parsed, context) : solver.run(parsed, context)
}

export interface SolverInfo {
  readonly id: string
  readonly title: string
  readonly walls: readonly number[]
  readonly description: string
  readonly inputKeys: readonly string[]
  readonly outputKeys: readonly string[]
  readonly kind: 'graph' | 'procedure'
}

function objectKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

/** Every solver with its input keys and result keys. */
export function listSolvers(): SolverInfo[] {
  return solvers.list().map((s) => ({
    id: s.id,
    title: s.title,
    walls: s.walls,
    description: s.description,
    inputKeys: objectKeys(s.input),
    outputKeys: s.resultKeys,
    kind: s.kind,
  }))
}

/** A solve whose input is validated and bound once; numeric inputs can then change cheaply. */
export interface PreparedSolve<Id extends SolverId = SolverId> {
  readonly id: Id
  /** The validated input. */
  readonly input: Readonly<Record<string, unknown>>
  /** Input keys that `overrides` may change (the solver's numeric model inputs). */
  readonly numericInputs: readonly string[]
  /**
   * The model's outputs (numbers; booleans as 1/0) with some numeric inputs changed — what a
   * lab slider calls: no schema walk, no catalog lookup, one compiled function call.
   */
  outputs(overrides?: Readonly<Record<string, number>>): Record<string, number>
  /** The full result object, with some numeric inputs changed. */
  result(overrides?: Readonly<Record<string, number>>): SolverResult<Id>
}

/**
 * Validates and binds `input` once, for repeated evaluation with different numeric inputs
 * (each override is still checked by that field's schema). Graph solvers only.
 */
export function prepare<Id extends string>(
  id: Id,
  input: NoInfer<InputFor<Id>>,
  options?: SolveOptions,
): KnownId<Id> extends true ? PreparedSolve<Id & SolverId> : PreparedSolve
export function prepare(id: string, input: unknown, options: SolveOptions = {}): PreparedSolve {
  const solver = solvers.get(id)
  if (solver.kind !== 'graph') {
    throw new SolverInputError(solver.id, [
      {
        field: '(solver)',
        message: `'${solver.id}' is a search, not an equation graph; call solve() instead`,
      },
    ])
  }
  const context = contextFor(solver.id, options)
  const parsed = prepareInput(solver, input, context) as Record<string, unknown>
  const values = bindGraph(solver, parsed, context)
  const fields = (solver.input as unknown as { shape: Record<string, z.ZodType> }).shape
  const numeric = new Set(solver.numericInputs)

  // One scratch record reused by every call: overrides are written in, evaluated, restored.
  const scratch = { ...values }
  const withOverrides = <T>(
    overrides: Readonly<Record<string, number>>,
    use: (bound: Record<string, number>) => T,
  ): T => {
    const keys = Object.keys(overrides)
    for (const key of keys) {
      const value = overrides[key]!
      if (!numeric.has(key)) {
        throw new SolverInputError(solver.id, [
          {
            field: key,
            message: `cannot be overridden; numeric inputs are ${solver.numericInputs.join(', ')}`,
            value,
          },
        ])
      }
      if (!fields[key]!.safeParse(value).success) {
        const reported = fields[key]!.safeParse(value, { reportInput: true })
        if (!reported.success) throw SolverInputError.fromZod(solver.id, reported.error).withPrefix(key)
      }
      scratch[key] = value
    }
    try {
      return use(scratch)
    } finally {
      for (const key of keys) scratch[key] = values[key]!
    }
  }

  return {
    id: solver.id,
    input: parsed,
    numericInputs: solver.numericInputs,
    outputs: (overrides) =>
      overrides
        ? withOverrides(overrides, (bound) => solver.model.evaluate(bound))
        : solver.model.evaluate(values),
    result: (overrides) =>
      overrides
        ? withOverrides(overrides, (bound) => {
            // Copy, then overwrite: `{ ...parsed, ...overrides }` would build a slow
            // dictionary-mode object in V8, and finish reads every field of it.
            const input: Record<string, unknown> = { ...parsed }
            for (const key in overrides) input[key] = overrides[key]
            return solver.finish(input, solver.model.evaluate(bound), context, { ...bound })
          })
        : solver.finish(parsed, solver.model.evaluate(values), context, values),
  } as PreparedSolve
}
