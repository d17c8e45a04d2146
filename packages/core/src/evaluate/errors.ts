/**
 * A plan that cannot be read: every issue names its dotted path in the plan
 * ("hardware.nodes", "constraints.assert.0.metric"), what was wrong and what is allowed.
 * An infeasible design is never a PlanError: it is an evaluation with a FAIL level.
 */
import { describeZodIssue } from '@mlsysim/units'
import type { z } from 'zod'

export interface PlanIssue {
  /** Dotted path in the plan as written ("workload.batch_size"); "" for the whole plan. */
  readonly path: string
  readonly message: string
}

export class PlanError extends Error {
  override readonly name = 'PlanError'
  constructor(readonly issues: readonly PlanIssue[]) {
    super(`invalid plan: ${issues.map((i) => `${i.path || '(plan)'}: ${i.message}`).join('; ')}`)
  }

  /** The first issue's path, for callers that report one thing. */
  get path(): string {
    return this.issues[0]?.path ?? ''
  }

  static fromZod(error: z.ZodError): PlanError {
    return new PlanError(
      error.issues.flatMap((issue): PlanIssue[] => {
        const path = issue.path.map(String)
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: issue.message }))
        }
        return [{ path: path.join('.'), message: describeZodIssue(issue) }]
      }),
    )
  }
}
