/**
 * How a solver is declared. A solver has a stable kebab-case id, the walls it models, a zod
 * schema of its input (the original's keyword arguments in camelCase, with the original's
 * defaults) and either
 *
 * - a **graph**: an expression-graph model plus `bind`, which turns the categorical inputs
 *   (catalog entries, precision, flags) into the model's derived numeric inputs, and `finish`,
 *   which turns the model's outputs into the result object. Numeric input keys listed in
 *   `numericInputs` flow into the model under the same name, so a sweep can vary them as
 *   columns without calling `bind` per point; or
 * - a **procedure** (`run`): ordinary TypeScript on top of other solvers and models, for
 *   searches, bisections and optimizers.
 */
import type { z } from 'zod'
import type { Model } from '../expr/model.js'
import type { Fidelity } from './fidelity.js'

export interface SolveContext {
  readonly fidelity: Fidelity
}

/** Fields every result has. */
export interface SolverResultBase {
  /** False when the design breaks a hard constraint (memory, stability, power…). */
  readonly feasible: boolean
  /** The constraint or wall that decides the result, in words ("memory bandwidth", "queue stability"). */
  readonly bindingConstraint: string
  /** What was checked, one readable sentence per check. */
  readonly constraintTrace: readonly string[]
}

interface Common<S extends z.ZodType> {
  /** Stable kebab-case id: "single-node", "serving", … */
  readonly id: string
  readonly title: string
  /** Numbers of the walls it models (1–22), primary first. */
  readonly walls: readonly number[]
  readonly description: string
  readonly input: S
  /** Keys of the result object (documented, listed by `listSolvers`, checked by tests). */
  readonly resultKeys: readonly string[]
}

export interface GraphSolver<S extends z.ZodType = z.ZodType, O extends string = string, R = unknown>
  extends Common<S> {
  readonly kind: 'graph'
  readonly model: Model<O>
  /** Input keys whose (numeric) value is the model input of the same name. */
  readonly numericInputs: readonly string[]
  /** Values of the model inputs that are not numeric inputs, from the parsed input. */
  bind(input: z.output<S>, context: SolveContext): Record<string, number>
  /** The result object from the model's outputs (`bound` holds every model input used). */
  finish(
    input: z.output<S>,
    outputs: Readonly<Record<O, number>>,
    context: SolveContext,
    bound: Readonly<Record<string, number>>,
  ): R
}

export interface ProcedureSolver<S extends z.ZodType = z.ZodType, R = unknown> extends Common<S> {
  readonly kind: 'procedure'
  run(input: z.output<S>, context: SolveContext): R
}

export type SolverDefinition = GraphSolver<z.ZodType, string, unknown> | ProcedureSolver<z.ZodType, unknown>

export function defineGraphSolver<S extends z.ZodType, O extends string, R>(
  definition: Omit<GraphSolver<S, O, R>, 'kind'>,
): GraphSolver<S, O, R> {
  return Object.freeze({ kind: 'graph', ...definition })
}

export function defineProcedureSolver<S extends z.ZodType, R>(
  definition: Omit<ProcedureSolver<S, R>, 'kind'>,
): ProcedureSolver<S, R> {
  return Object.freeze({ kind: 'procedure', ...definition })
}

/** Every model input of a graph solver for already-parsed input: what `bind` derives plus the numeric inputs. */
export function bindGraph<S extends z.ZodType, O extends string, R>(
  solver: GraphSolver<S, O, R>,
  input: z.output<S>,
  context: SolveContext,
): Record<string, number> {
  const values: Record<string, number> = solver.bind(input, context)
  const record = input as Record<string, unknown>
  for (const key of solver.numericInputs) values[key] = Number(record[key])
  return values
}

/** Runs a graph solver on already-parsed input. */
export function runGraph<S extends z.ZodType, O extends string, R>(
  solver: GraphSolver<S, O, R>,
  input: z.output<S>,
  context: SolveContext,
): R {
  const values = bindGraph(solver, input, context)
  return solver.finish(input, solver.model.evaluate(values), context, values)
}
