/**
 * Bad input to a solver: names the field, the value given and what is allowed. Infeasible
 * designs are never errors — they are results with `feasible: false`.
 */
import type { z } from 'zod'

export interface InputIssue {
  /** Dotted path of the field, e.g. "batchSize" or "fleet.node". */
  readonly field: string
  /** What was wrong and what is allowed. */
  readonly message: string
  /** The value given, when there was one. */
  readonly value?: unknown
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

export class SolverInputError extends Error {
  override readonly name = 'SolverInputError'
  constructor(
    /** The solver whose input was rejected. */
    readonly solver: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(
      `invalid input to solver '${solver}': ${issues
        .map((i) => `${i.field || '(input)'}: ${i.message}${'value' in i ? ` (got ${show(i.value)})` : ''}`)
        .join('; ')}`,
    )
  }

  /** The first issue's field, for callers that report one thing. */
  get field(): string {
    return this.issues[0]?.field ?? ''
  }

  /** The same issues with `field` prefixed (for a field parsed on its own). */
  withPrefix(field: string): SolverInputError {
    return new SolverInputError(
      this.solver,
      this.issues.map((i) => ({ ...i, field: i.field ? `${field}.${i.field}` : field })),
    )
  }

  static fromZod(solver: string, error: z.ZodError): SolverInputError {
    return new SolverInputError(
      solver,
      error.issues.map((issue) => {
        const field = issue.path.map(String).join('.')
        const base = { field, message: issue.message }
        return 'input' in issue && issue.code !== 'unrecognized_keys' ? { ...base, value: issue.input } : base
      }),
    )
  }
}
