/**
 * Parses a solver's raw input with its schema, turning zod's issues into one
 * SolverInputError that names every bad field, its value and what is allowed.
 */
import { allowedKeysAt } from '@mlsysim/units'
import type { z } from 'zod'
import { SolverInputError } from './errors.js'
import { compileFastInputParser } from './fast-input-parser.js'

/** Each schema's fast parser (or null where the schema is not a strict object), built on first use. */
const fastParsers = new WeakMap<z.ZodType, ReturnType<typeof compileFastInputParser> | null>()

function fastParserOf(schema: z.ZodType) {
  let parser = fastParsers.get(schema)
  if (parser === undefined) {
    parser = compileFastInputParser(schema) ?? null
    fastParsers.set(schema, parser)
  }
  return parser
}

export function parseSolverInput<S extends z.ZodType>(solver: string, schema: S, raw: unknown): z.output<S> {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    const keys = allowedKeysAt(schema, []) ?? []
    throw new SolverInputError(solver, [
      { field: '', message: `must be an object of named inputs (${keys.join(', ')})`, value: raw },
    ])
  }
  const fast = fastParserOf(schema)?.(raw ?? {})
  if (fast !== undefined) return fast as z.output<S>
  const parsed = schema.safeParse(raw ?? {})
  if (parsed.success) return parsed.data
  // Only a failure pays for `reportInput` (an order of magnitude slower): the values go into the message.
  const reported = schema.safeParse(raw ?? {}, { reportInput: true })
  throw SolverInputError.fromZod(solver, reported.success ? parsed.error : reported.error, schema)
}
