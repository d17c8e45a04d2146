/**
 * A zod issue in the words every MLSys·im error uses: what is allowed and what was given
 * ("must be ≥ 1 (got 0)", "must be one of \"default\", \"mlsysim-0.1.2\" (got 'orig')",
 * "is required (a string)"). Zod's generic messages ("Too small: expected number to be >=1")
 * name neither the value nor, for a person, the rule; a message a schema words itself
 * ("an axis needs at least one value") stands as written. Catalogs, solver inputs, sweep
 * spaces and the course data all report through this.
 */
import type { z } from 'zod'

/** Zod's own messages, as opposed to those a schema words itself. */
const GENERIC_MESSAGE = /^(Too small|Too big|Invalid input|Invalid option)\b/

/** The value at a path of keys and indices in a parsed document (an issue's path), or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** A given value as it reads in a message: strings quoted, lists and objects described. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (value !== null && typeof value === 'object') return 'an object'
  return String(value)
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small'
  const limit = Number(small ? issue.minimum : issue.maximum)
  const inclusive = issue.inclusive !== false
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `must list ${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`
    case 'string':
      return `must be ${small ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'} long`
    default:
      return `must be ${small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'} ${limit}`
  }
}

export interface DescribeIssueOptions {
  /** Add " (got …)" after the rule (default true); false where the caller shows the value itself. */
  readonly withValue?: boolean
}

/**
 * The issue in words. `found` is the value at the issue's path when the caller knows it
 * (else zod's `issue.input`, present when parsing with `reportInput: true`); `undefined`
 * there means the field is missing.
 */
export function describeZodIssue(
  issue: z.core.$ZodIssue,
  found: unknown = 'input' in issue ? issue.input : undefined,
  options: DescribeIssueOptions = {},
): string {
  if (!GENERIC_MESSAGE.test(issue.message)) return issue.message
  if (issue.code === 'invalid_union') {
    // "One value or a list": the first alternative's own problem names what is allowed.
    const first = issue.errors[0]?.[0]
    return first && first.path.length === 0
      ? describeZodIssue(first, found, options)
      : 'has none of the allowed forms'
  }
  const got = found === undefined || options.withValue === false ? '' : ` (got ${describeValue(found)})`
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return `${bound(issue)}${got}`
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected
      const article = /^[aeiou]/.test(expected) ? 'an' : 'a'
      return found === undefined
        ? `is required (${article} ${expected})`
        : `must be ${article} ${expected}${got}`
    }
    case 'invalid_value': {
      const allowed = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
      return found === undefined ? `is required (${allowed})` : `must be ${allowed}${got}`
    }
    default:
      return `${issue.message}${got}`
  }
}
