/**
 * What the validator reports: one issue per problem, naming the check, the entity, the field
 * (a path into the course document) and the bad value, in a sentence a course author can act on.
 */

export type Severity = 'error' | 'warning'

export interface CourseIssue {
  /** Check that found it: `schema`, `c01`…`c17` (§3.8 numbering) or an extra check id. */
  readonly check: string
  readonly severity: Severity
  /** The entity, as people name it: `lab 'v1_02_physics_of_deployment'`, `offering 'scale' week 6`. */
  readonly entity: string
  /** Path of the offending field in the course document: `labs[2].parts[0].controls[1].paramRef.input`. */
  readonly path: string
  /** The bad value or reference, when there is one. */
  readonly value?: unknown
  /** The whole sentence: entity, field, bad value and what is expected. */
  readonly message: string
  /** File the entity came from, when the course was loaded from files. */
  readonly file?: string
  /** 1-based line in `file`, when known. */
  readonly line?: number
}

/** `file:line: message`, or the message alone when the course did not come from files. */
export function formatIssue(issue: CourseIssue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}` : ''}: ` : ''
  const tag = issue.severity === 'warning' ? 'warning' : 'error'
  return `${where}${tag} [${issue.check}] ${issue.message}`
}

/** Renders a value for a message: strings quoted, objects as compact JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (value === undefined) return 'nothing'
  return JSON.stringify(value)
}

/** Joins path segments the way people read them: `labs[3].parts[0].id`. */
export function joinPath(segments: ReadonlyArray<string | number>): string {
  let out = ''
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out ? `.${segment}` : segment
  }
  return out
}
