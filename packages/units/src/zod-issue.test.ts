import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeValue, describeZodIssue, valueAt } from './zod-issue.js'

/** Every issue of a failed parse, in words (zod reports the inputs). */
function words(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) throw new Error('expected a failure')
  return result.error.issues.map((issue) => describeZodIssue(issue))
}

describe('describeZodIssue', () => {
  it('says what is allowed and what was given, for bounds on numbers, lists and strings', () => {
    expect(words(z.number().min(1), 0)).toEqual(['must be ≥ 1 (got 0)'])
    expect(words(z.number().gt(1), 1)).toEqual(['must be > 1 (got 1)'])
    expect(words(z.number().max(100), 101)).toEqual(['must be ≤ 100 (got 101)'])
    expect(words(z.array(z.string()).min(2), ['a'])).toEqual(['must list at least 2 items (got a list of 1)'])
    expect(words(z.array(z.string()).max(1), ['a', 'b'])).toEqual([
      'must list at most 1 item (got a list of 2)',
    ])
    expect(words(z.string().min(3), 'ab')).toEqual(["must be at least 3 characters long (got 'ab')"])
  })

  it('types, whole numbers and options, and missing fields', () => {
    expect(words(z.number(), 'ten')).toEqual(["must be a number (got 'ten')"])
    expect(words(z.int(), 1.5)).toEqual(['must be a whole number (got 1.5)'])
    expect(words(z.strictObject({ limits: z.object({}) }), { limits: 3 })).toEqual([
      'must be an object (got 3)',
    ])
    expect(words(z.enum(['default', 'mlsysim-0.1.2']), 'orig')).toEqual([
      `must be one of "default", "mlsysim-0.1.2" (got 'orig')`,
    ])
    expect(words(z.strictObject({ id: z.string(), kind: z.enum(['a', 'b']) }), {})).toEqual([
      'is required (a string)',
      'is required (one of "a", "b")',
    ])
  })

  it('keeps a message the schema words itself, and takes the value from the caller when given', () => {
    expect(words(z.array(z.number()).min(1, 'an axis needs at least one value'), [])).toEqual([
      'an axis needs at least one value',
    ])
    const issue = z.number().min(1).safeParse(0).error!.issues[0]!
    expect(describeZodIssue(issue)).toBe('must be ≥ 1')
    expect(describeZodIssue(issue, 0)).toBe('must be ≥ 1 (got 0)')
    // A caller that prints the value itself asks for the rule alone.
    expect(describeZodIssue(issue, 0, { withValue: false })).toBe('must be ≥ 1')
  })

  it('a union reports its first alternative’s own problem', () => {
    expect(words(z.union([z.enum(['x', 'y']), z.array(z.enum(['x', 'y']))]), 'z')).toEqual([
      `must be one of "x", "y" (got 'z')`,
    ])
    expect(
      words(z.union([z.strictObject({ a: z.number() }), z.strictObject({ b: z.number() })]), { c: 1 }),
    ).toEqual(['has none of the allowed forms'])
  })

  it('describes values briefly', () => {
    expect([describeValue('x'), describeValue([1, 2]), describeValue({}), describeValue(null)]).toEqual([
      "'x'",
      'a list of 2',
      'an object',
      'null',
    ])
  })

  it('finds the value at an issue’s path, undefined past a leaf', () => {
    const doc = { labs: [{ id: 'v1_02', parts: [{ minutes: 12 }] }] }
    expect(valueAt(doc, ['labs', 0, 'parts', 0, 'minutes'])).toBe(12)
    expect(valueAt(doc, ['labs', 0, 'id', 'x'])).toBeUndefined()
    expect(valueAt(doc, ['labs', 3])).toBeUndefined()
    expect(valueAt(doc, [])).toBe(doc)
  })
})
