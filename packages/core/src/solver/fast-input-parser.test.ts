import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { compileFastInputParser } from './fast-input-parser.js'
import { solvers } from './solve.js'

const oracle = JSON.parse(
  readFileSync(new URL('../../test/fixtures/oracle-cases.json', import.meta.url), 'utf8'),
) as { cases: Array<{ id: string; solver: string; input: Record<string, unknown> }> }

/** Zod's own answer, or undefined where zod rejects the input. */
function zodParse(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}

/** The fast parser agrees with zod: the same record, keys in the same order — or it defers. */
function expectSameAsZod(schema: z.ZodType, raw: unknown): unknown {
  const fast = compileFastInputParser(schema)!(raw)
  const reference = zodParse(schema, raw)
  if (fast !== undefined) {
    expect(fast).toStrictEqual(reference)
    expect(Object.keys(fast)).toEqual(Object.keys(reference as object))
  }
  return fast
}

describe('the fast solver-input parser', () => {
  it('gives zod’s exact record for every oracle input (214 inputs of 10 solvers), first call and memoized', () => {
    const parsers = new Map<string, ReturnType<typeof compileFastInputParser>>()
    let fastCount = 0
    for (const c of oracle.cases) {
      const schema = solvers.get(c.solver).input
      if (!parsers.has(c.solver)) parsers.set(c.solver, compileFastInputParser(schema))
      const parse = parsers.get(c.solver)!
      for (let round = 0; round < 2; round++) {
        const fast = parse!(c.input)
        const reference = zodParse(schema, c.input)
        expect(reference, c.id).toBeDefined()
        expect(fast, c.id).toStrictEqual(reference)
        expect(Object.keys(fast!), c.id).toEqual(Object.keys(reference as object))
        fastCount++
      }
    }
    // Every oracle input is a plain record of ids and numbers: none needs zod's slow road.
    expect(fastCount).toBe(2 * 214)
  })

  it('has a fast road for every solver schema (all are strict objects)', () => {
    const without = solvers.list().filter((s) => compileFastInputParser(s.input) === undefined)
    expect(without.map((s) => s.id)).toEqual([])
  })

  const schema = z
    .strictObject({
      id: z.enum(['a', 'b', 'c']).default('a'),
      count: z
        .number()
        .refine((v) => Number.isInteger(v) && v >= 1, 'whole ≥ 1')
        .default(1),
      ratio: z.number().min(0).max(1).optional(),
      label: z
        .string()
        .transform((s) => ({ text: s.trim() }))
        .optional(),
      flag: z.boolean().default(false),
      limit: z.number().default(10),
    })
    .superRefine((v, ctx) => {
      if (v.count > v.limit) ctx.addIssue({ code: 'custom', message: 'count ≤ limit', path: ['count'] })
    })

  const value = fc.oneof(
    fc.constantFrom('a', 'b', 'c', 'd', ' x ', ''),
    fc.double({ noNaN: false }),
    fc.integer({ min: -3, max: 20 }),
    fc.constantFrom(0, -0, 0.5, 1, 1.5),
    fc.boolean(),
    fc.constant(undefined),
    fc.constant(null),
    fc.constant({}),
  )
  const key = fc.constantFrom('id', 'count', 'ratio', 'label', 'flag', 'limit', 'other')

  it('agrees with zod or defers to it on random records (defaults, optionals, refinements, transforms, cross-field checks)', () => {
    let fast = 0
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (raw) => {
        if (expectSameAsZod(schema, raw) !== undefined) fast++
        // The same input again (memo hits) gives the same answer.
        expectSameAsZod(schema, raw)
      }),
      { numRuns: 2000 },
    )
    expect(fast).toBeGreaterThan(100)
  })

  it('defers to zod for unknown keys, explicit undefined, failing fields and failing cross-field checks', () => {
    const parse = compileFastInputParser(schema)!
    expect(parse({ other: 1 })).toBeUndefined()
    expect(parse({ count: undefined })).toBeUndefined()
    expect(parse({ count: 0 })).toBeUndefined()
    expect(parse({ count: 11 })).toBeUndefined()
    expect(parse({ count: 11, limit: 12 })).toEqual({ id: 'a', count: 11, flag: false, limit: 12 })
    expect(parse(Object.create({ inherited: 1 }))).toBeUndefined()
    expect(parse(null)).toBeUndefined()
  })

  it('keeps −0 apart from 0 and never shares a mutable transformed value', () => {
    const parse = compileFastInputParser(schema)!
    expect(Object.is(parse({ ratio: 0 })?.ratio, 0)).toBe(true)
    expect(Object.is(parse({ count: 1, ratio: -0 })?.ratio, -0)).toBe(true)
    const first = parse({ label: ' hi ' })!
    const second = parse({ label: ' hi ' })!
    expect(first.label).toEqual({ text: 'hi' })
    expect(second.label).not.toBe(first.label)
  })

  it('does not apply to schemas that are not strict objects', () => {
    expect(compileFastInputParser(z.object({ a: z.number() }))).toBeUndefined()
    expect(compileFastInputParser(z.string())).toBeUndefined()
  })
})
