/**
 * `validateCourse(data)`: the schema first (with messages that name entity, field and value),
 * then every cross-reference check of §3.8 and the extra checks. References into the catalogs
 * and the core are resolved through a ReferenceResolver — the real packages unless told
 * otherwise; with `resolver: false` those rules are skipped and the summary says so.
 */
import { type CourseData, courseDataSchema } from '../schema/index.js'
import { createContext, type Locate } from './check.js'
import { CHECKS } from './checks/index.js'
import { CourseIndex } from './course-index.js'
import type { CourseIssue } from './issue.js'
import { packageResolver } from './package-resolver.js'
import type { ReferenceResolver } from './resolver.js'
import { schemaIssues } from './schema-issues.js'

export interface ValidateOptions {
  /**
   * Catalog and solver lookups: by default the real packages (`packageResolver()`); pass your
   * own (e.g. `resolverFromLists`), or `false` to skip references into other packages.
   */
  resolver?: ReferenceResolver | false
  /** Run only these checks (ids such as `c02`, `structure`). */
  only?: readonly string[]
  /** Maps document paths back to source files (set by the loaders). */
  locate?: Locate
}

export type CheckStatus = 'passed' | 'failed' | 'partial' | 'skipped'

export interface CheckSummary {
  readonly id: string
  readonly number?: number
  readonly title: string
  /** `partial`: passed, but the rules needing a resolver were skipped. */
  readonly status: CheckStatus
  readonly errors: number
  readonly warnings: number
}

export interface ValidationResult {
  /** No errors (warnings allowed). */
  readonly ok: boolean
  /** The course, when it passed the schema. */
  readonly course?: CourseData
  readonly issues: readonly CourseIssue[]
  readonly checks: readonly CheckSummary[]
}

export function validateCourse(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = courseDataSchema.safeParse(data)
  if (!parsed.success) {
    const issues = schemaIssues(parsed.error, data, options.locate)
    return {
      ok: false,
      issues,
      checks: [
        {
          id: 'schema',
          title: 'Course document matches the schema',
          status: 'failed',
          errors: issues.length,
          warnings: 0,
        },
        ...CHECKS.map((c) => ({
          id: c.id,
          ...(c.number ? { number: c.number } : {}),
          title: c.title,
          status: 'skipped' as const,
          errors: 0,
          warnings: 0,
        })),
      ],
    }
  }
  const course = parsed.data
  const resolver = options.resolver === false ? undefined : (options.resolver ?? packageResolver())
  const index = new CourseIndex(course)
  const issues: CourseIssue[] = []
  const checks: CheckSummary[] = [
    { id: 'schema', title: 'Course document matches the schema', status: 'passed', errors: 0, warnings: 0 },
  ]
  for (const check of CHECKS) {
    const summary = { id: check.id, ...(check.number ? { number: check.number } : {}), title: check.title }
    if ((options.only && !options.only.includes(check.id)) || (check.usesResolver === 'only' && !resolver)) {
      checks.push({ ...summary, status: 'skipped', errors: 0, warnings: 0 })
      continue
    }
    const found: CourseIssue[] = []
    check.run(createContext(course, index, resolver, check.id, found, options.locate))
    const errors = found.filter((i) => i.severity === 'error').length
    const warnings = found.length - errors
    const status: CheckStatus =
      errors > 0 ? 'failed' : check.usesResolver === 'partly' && !resolver ? 'partial' : 'passed'
    checks.push({ ...summary, status, errors, warnings })
    issues.push(...found)
  }
  return { ok: !issues.some((i) => i.severity === 'error'), course, issues, checks }
}
