/** The shape every cross-reference check has, and the context it reports into. */
import type { CourseData, Lab } from '../schema/index.js'
import type { CourseIndex } from './course-index.js'
import { type CourseIssue, joinPath, type Severity } from './issue.js'
import type { ReferenceResolver } from './resolver.js'

export type PathSegments = ReadonlyArray<string | number>

export interface CheckContext {
  readonly data: CourseData
  readonly index: CourseIndex
  /** Catalog and solver lookups; absent when the caller validates without them. */
  readonly resolver: ReferenceResolver | undefined
  error(entity: string, path: PathSegments, message: string, value?: unknown): void
  warn(entity: string, path: PathSegments, message: string, value?: unknown): void
}

export interface CourseCheck {
  /** `c01`…`c17` for the §3.8 checks, a word for the extra ones. */
  readonly id: string
  /** Number in §3.8's list, when the check is one of them. */
  readonly number?: number
  readonly title: string
  /** `partly`: some rules need catalog/solver lookups and are skipped without a resolver. */
  readonly usesResolver: 'no' | 'partly' | 'only'
  run(ctx: CheckContext): void
}

/** Where a document path came from, when the course was assembled from files. */
export interface SourceLocation {
  readonly file: string
  /** The path inside that file. */
  readonly path: PathSegments
  readonly line?: number
}

export type Locate = (path: PathSegments) => SourceLocation | undefined

/** Builds an issue; with a locator, the path and message are relative to the source file. */
export function makeIssue(
  check: string,
  severity: Severity,
  entity: string,
  path: PathSegments,
  message: string,
  value: unknown,
  locate: Locate | undefined,
): CourseIssue {
  const source = locate?.(path)
  const where = joinPath(source ? source.path : path)
  return {
    check,
    severity,
    entity,
    path: where,
    ...(value !== undefined ? { value } : {}),
    message: `${entity} › ${where || '(root)'}: ${message}`,
    ...(source ? { file: source.file, ...(source.line ? { line: source.line } : {}) } : {}),
  }
}

export function createContext(
  data: CourseData,
  index: CourseIndex,
  resolver: ReferenceResolver | undefined,
  check: string,
  sink: CourseIssue[],
  locate?: Locate,
): CheckContext {
  const push =
    (severity: Severity) => (entity: string, path: PathSegments, message: string, value?: unknown) => {
      sink.push(makeIssue(check, severity, entity, path, message, value, locate))
    }
  return { data, index, resolver, error: push('error'), warn: push('warning') }
}

export const labName = (lab: Lab) => `lab '${lab.id}'`

/** Path of a lab in the document. */
export const labPath = (ctx: CheckContext, lab: Lab): Array<string | number> => [
  'labs',
  ctx.index.labIndex(lab),
]
