import { deepFreeze, describeZodIssue } from '@mlsysim/units'
/**
 * Validation entry points: turn unknown input into a frozen Workload, or throw an error that
 * names the entry, each offending field, the value and what is allowed.
 */
import type { z } from 'zod'
import { type Workload, workloadSchema } from './schema.js'

export class WorkloadValidationError extends Error {
  override readonly name = 'WorkloadValidationError'
  constructor(
    message: string,
    /** The entry's id when it had one. */
    readonly id: string | undefined,
    /** One line per problem: "kvHeads: kvHeads 5 must divide heads 32 …". */
    readonly problems: readonly string[],
  ) {
    super(message)
  }
}

/** "path: message" lines for a zod error (parsed with `reportInput`, so values are named). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')
    const message = describeZodIssue(issue)
    return path ? `${path}: ${message}` : message
  })
}

/** Validates a workload definition (numbers or strings with units) into a frozen Workload. */
export function parseWorkload(input: unknown): Workload {
  const result = workloadSchema.safeParse(input, { reportInput: true })
  if (result.success) return deepFreeze(result.data as Workload)
  const rawId = (input as { id?: unknown } | null)?.id
  const id = typeof rawId === 'string' ? rawId : undefined
  const problems = describeIssues(result.error)
  throw new WorkloadValidationError(
    `invalid workload${id ? ` '${id}'` : ''}: ${problems.join('; ')}`,
    id,
    problems,
  )
}
