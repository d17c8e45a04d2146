/**
 * The uniform entry point: `solve(id, input, { fidelity })`. The input is validated by the
 * solver's schema (a SolverInputError names what is wrong); catalog ids or inline
 * definitions are resolved; in fidelity 'mlsysim-0.1.2' catalog corrections are undone.
 */
import { Registry } from '@mlsysim/units'
import type { z } from 'zod'
import { SOLVERS } from '../solvers/index.js'
import { runGraph, type SolveContext, type SolverDefinition } from './define.js'
import { asOriginal, FIDELITIES, type Fidelity } from './fidelity.js'
import { SolverInputError } from './errors.js'
import { parseSolverInput } from './parse-input.js'

export type SolverId = keyof typeof SOLVERS
type SolverOf<Id extends SolverId> = (typeof SOLVERS)[Id]
export type SolverInput<Id extends SolverId> = z.input<SolverOf<Id>['input']>
export type SolverResult<Id extends SolverId> = SolverOf<Id> extends { finish: (...args: never[]) => infer R }
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

/** Runs a solver by id; infeasible designs are results (`feasible: false`), bad input throws SolverInputError. */
export function solve<Id extends SolverId>(id: Id, input: SolverInput<Id>, options?: SolveOptions): SolverResult<Id>
export function solve(id: string, input: unknown, options?: SolveOptions): unknown
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
