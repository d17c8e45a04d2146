/**
 * Parses a solver's raw input with its schema, turning zod's issues into one
 * SolverInputError that names every bad field, its value and what is allowed.
 */
import type { z } from 'zod'
import { SolverInputError } from './errors.js'

export function parseSolverInput<S extends z.ZodType>(solver: string, schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw ?? {}, { reportInput: true })
  if (!parsed.success) throw SolverInputError.fromZod(solver, parsed.error)
  return parsed.data
}
