/**
 * A faster road to exactly zod's answer for a solver input, so that `solve()` costs
 * microseconds (a lab redraws on every slider step; procedure solvers call `solve()` in loops).
 *
 * Zod's object parse spends most of a solve's time on machinery: issue lists, the unknown-key
 * walk, a union and a transform per catalog reference. Inputs are nearly always a plain
 * record of known keys whose values are ids, numbers, strings and booleans that repeat from
 * call to call. So each field keeps a small memo of primitive value → parsed value, filled by
 * that field's own zod schema; defaults are parsed once; object-level checks (cross-field
 * refinements) still run through zod. Anything else — an unknown key, an explicit
 * `undefined`, an inline object definition that fails, any failing field — returns
 * `undefined`, and the caller runs zod's full parse, which also writes the error message.
 *
 * Memoizing is sound because a field's parse is a pure function of its value: catalog
 * registries only grow (an id never changes meaning), and only primitives or frozen objects
 * (catalog entries) are memoized, never an object a caller could mutate.
 */
import { z } from 'zod'

/** Entries per field before its memo starts over (a slider sweeping a range fills it). */
const MEMO_LIMIT = 512

type Parser = (raw: unknown) => Record<string, unknown> | undefined

/**
 * What a field gives when its key is absent: its default, parsed once (`value`); nothing,
 * as zod reports the missing key (`required`); a fresh default each time, as the default is
 * an object a caller could change (`fresh`); or no key at all, an optional field (`omit`).
 */
type Missing =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'required' | 'fresh' | 'omit' }

interface Field {
  readonly key: string
  readonly schema: z.ZodType
  readonly memo: Map<unknown, unknown>
  readonly missing: Missing
}

/** What `parseField` returns for a value its schema rejects. */
const REJECTED = Symbol('rejected')

/**
 * Values a memo may key: primitives, except −0 (a Map keys it as +0, which zod would not
 * return for it).
 */
const isMemoKey = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Object.is(v, -0))

/** Values that can be handed to many callers: nothing a caller could mutate. */
const isShareable = (v: unknown): boolean => typeof v !== 'object' || v === null || Object.isFrozen(v)

function missingOf(schema: z.ZodType): Missing {
  const parsed = schema.safeParse(undefined)
  if (!parsed.success) return { kind: 'required' }
  if (parsed.data === undefined) return { kind: 'omit' }
  return isShareable(parsed.data) ? { kind: 'value', value: parsed.data } : { kind: 'fresh' }
}

function parseField(field: Field, value: unknown): unknown {
  const memoizable = isMemoKey(value)
  if (memoizable && field.memo.has(value)) return field.memo.get(value)
  const parsed = field.schema.safeParse(value)
  if (!parsed.success) return REJECTED
  if (memoizable && isShareable(parsed.data)) {
    if (field.memo.size >= MEMO_LIMIT) field.memo.clear()
    field.memo.set(value, parsed.data)
  }
  return parsed.data
}

/** The plain record a parser starts from, or undefined for anything else (zod decides). */
function plainRecord(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const prototype = Object.getPrototypeOf(raw)
  return prototype === Object.prototype || prototype === null ? (raw as Record<string, unknown>) : undefined
}

/**
 * Builds the output field by field in the schema's order (zod's key order): the general road,
 * for optional keys given, fresh defaults, and schemas with either.
 */
function orderedParser(fields: readonly Field[], byKey: ReadonlyMap<string, Field>) {
  return (record: Record<string, unknown>): Record<string, unknown> | undefined => {
    for (const key in record) {
      if (!byKey.has(key) || record[key] === undefined) return undefined
    }
    const out: Record<string, unknown> = {}
    for (const field of fields) {
      if (Object.hasOwn(record, field.key)) {
        const value = parseField(field, record[field.key])
        if (value === REJECTED) return undefined
        out[field.key] = value
      } else if (field.missing.kind === 'value') {
        out[field.key] = field.missing.value
      } else if (field.missing.kind === 'fresh') {
        const parsed = field.schema.safeParse(undefined)
        if (!parsed.success) return undefined
        out[field.key] = parsed.data
      } else if (field.missing.kind === 'required') {
        return undefined
      }
    }
    return out
  }
}

/**
 * The common road, several times faster: copy a template that holds every default (and a
 * slot per required key) in the schema's order, then overwrite the keys given. It applies
 * when no optional key is given and no default must be fresh; otherwise `ordered` runs.
 */
function templateParser(
  fields: readonly Field[],
  byKey: ReadonlyMap<string, Field>,
  ordered: (record: Record<string, unknown>) => Record<string, unknown> | undefined,
) {
  if (fields.some((f) => f.missing.kind === 'fresh')) return ordered
  const template: Record<string, unknown> = {}
  for (const field of fields) {
    if (field.missing.kind === 'value') template[field.key] = field.missing.value
    else if (field.missing.kind === 'required') template[field.key] = undefined
  }
  const requiredCount = fields.filter((f) => f.missing.kind === 'required').length
  return (record: Record<string, unknown>): Record<string, unknown> | undefined => {
    const out = { ...template }
    let required = 0
    for (const key in record) {
      const field = byKey.get(key)
      if (field === undefined) return undefined
      if (field.missing.kind === 'omit') return ordered(record)
      const raw = record[key]
      if (raw === undefined) return undefined
      const value = parseField(field, raw)
      if (value === REJECTED) return undefined
      out[key] = value
      if (field.missing.kind === 'required') required++
    }
    return required === requiredCount ? out : undefined
  }
}

/** The fast parser of a strict object schema; `undefined` when the schema is not one. */
export function compileFastInputParser(schema: z.ZodType): Parser | undefined {
  if (!(schema instanceof z.ZodObject)) return undefined
  if (!(schema.def.catchall instanceof z.ZodNever)) return undefined
  const fields: Field[] = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => ({
    key,
    schema: field,
    memo: new Map(),
    missing: missingOf(field),
  }))
  const byKey = new Map(fields.map((f) => [f.key, f]))
  const parse = templateParser(fields, byKey, orderedParser(fields, byKey))
  // Cross-field refinements (`.superRefine` on the object) run on the assembled record.
  const checks = schema.def.checks ?? []
  const objectChecks =
    checks.length > 0 ? z.unknown().check(...(checks as z.core.$ZodCheck<unknown>[])) : undefined
  return (raw) => {
    const record = plainRecord(raw)
    const out = record && parse(record)
    if (out === undefined || (objectChecks && !objectChecks.safeParse(out).success)) return undefined
    return out
  }
}
