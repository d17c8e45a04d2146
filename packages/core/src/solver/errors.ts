/**
 * Bad input to a solver: names the field, the value given and what is allowed. Infeasible
 * designs are never errors — they are results with `feasible: false`.
 */
import { allowedKeysAt, describeZodIssue, unknownKeysMessage } from '@mlsysim/units'
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

  /**
   * One issue per zod issue; with the schema, an unknown key becomes an issue of its own
   * field saying which key was meant ("unknown field 'batch_size'; did you mean batchSize?").
   */
  static fromZod(solver: string, error: z.ZodError, schema?: z.ZodType): SolverInputError {
    return new SolverInputError(
      solver,
      error.issues.flatMap((issue): InputIssue[] => {
        const field = issue.path.map(String).join('.')
        if (issue.code === 'unrecognized_keys') {
          const allowed = schema ? allowedKeysAt(schema, issue.path) : undefined
          if (!allowed) return [{ field, message: issue.message }]
          return issue.keys.map((key) => ({
            field: field ? `${field}.${key}` : key,
            message: unknownKeyMessage(key, allowed),
          }))
        }
        // The value is shown by the error itself (" (got …)"), so the rule comes alone.
        const found = 'input' in issue ? issue.input : undefined
        const base = { field, message: describeZodIssue(issue, found, { withValue: false }) }
        return 'input' in issue ? [{ ...base, value: issue.input }] : [base]
      }),
    )
  }
}

/** snake_case → camelCase, the spelling of the original's keyword arguments here. */
const camelCase = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/**
 * What an unknown input key was probably meant to be: the camelCase spelling of an original
 * keyword argument, the original's `model` (here `workload`), else the nearest keys.
 */
function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const head = `unknown field '${key}'`
  const camel = camelCase(key)
  if (camel !== key && allowed.includes(camel)) return `${head}; did you mean ${camel}? (keys are camelCase)`
  if (key === 'model' && allowed.includes('workload')) {
    return `${head}; did you mean workload? (the original's model is called workload)`
  }
  return unknownKeysMessage([key], allowed)
}
