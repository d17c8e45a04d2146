/**
 * Turns zod's issues into course issues that name the entity (`lab 'v1_02_…'`), the field and
 * the value found there.
 */
import type { z } from 'zod'
import { COLLECTION_NAMES, type CollectionName, ENTITY_NOUNS } from '../schema/index.js'
import { type Locate, makeIssue } from './check.js'
import { type CourseIssue, show } from './issue.js'

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** "lab 'v1_02_physics_of_deployment'" for labs[2], "assessment" for assessment.rubrics[0]… */
export function entityAt(root: unknown, path: ReadonlyArray<PropertyKey>): string {
  const [head, index] = path
  if (
    typeof head === 'string' &&
    (COLLECTION_NAMES as string[]).includes(head) &&
    typeof index === 'number'
  ) {
    const entry = valueAt(root, [head, index]) as { id?: unknown; number?: unknown } | undefined
    const noun = ENTITY_NOUNS[head as CollectionName]
    const name =
      typeof entry?.id === 'string'
        ? `'${entry.id}'`
        : entry?.number !== undefined
          ? String(entry.number)
          : `#${index}`
    return `${noun} ${name}`
  }
  return typeof head === 'string' ? head : 'course'
}

function describe(issue: z.core.$ZodIssue, found: unknown): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => show(k)).join(', ')}`
  if (issue.code === 'invalid_type' && found === undefined) return `missing required field (${issue.message})`
  const got =
    found === undefined || (found !== null && typeof found === 'object') ? '' : ` (got ${show(found)})`
  return `${issue.message}${got}`
}

export function schemaIssues(error: z.ZodError, root: unknown, locate?: Locate): CourseIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
    const found = valueAt(root, issue.path)
    return makeIssue(
      'schema',
      'error',
      entityAt(root, issue.path),
      path,
      describe(issue, found),
      found,
      locate,
    )
  })
}
