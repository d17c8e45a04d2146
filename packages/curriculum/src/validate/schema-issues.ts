/**
 * Turns zod's issues into course issues that name the entity (`lab 'v1_02_…'`), the field and
 * the value found there.
 */
import { allowedKeysAt, describeValue, describeZodIssue, unknownKeysMessage, valueAt } from '@mlsysim/units'
import type { z } from 'zod'
import { COLLECTION_NAMES, type CollectionName, courseDataSchema, ENTITY_NOUNS } from '../schema/index.js'
import { type Locate, makeIssue } from './check.js'
import type { CourseIssue } from './issue.js'

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
    return unknownKeysMessage(issue.keys, allowedKeysAt(courseDataSchema, issue.path))
  const text = describeZodIssue(issue, found)
  // The course's own rules ("lab title must not be empty") do not quote the value: add it.
  const primitive = found !== undefined && (found === null || typeof found !== 'object')
  return text === issue.message && primitive ? `${text} (got ${describeValue(found)})` : text
}

export function schemaIssues(error: z.ZodError, root: unknown, locate?: Locate): CourseIssue[] {
  return error.issues.map((issue) => {
    // One unknown key points at its own line: the issue is about that key, not the whole entity.
    const at =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1
        ? [...issue.path, issue.keys[0]!]
        : issue.path
    const path = at.map((p) => (typeof p === 'symbol' ? String(p) : p))
    const found = valueAt(root, at)
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
