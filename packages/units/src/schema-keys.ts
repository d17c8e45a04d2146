/**
 * Which keys a zod schema allows at a path, so that an "unknown field" error can say what was
 * meant ("unknown field 'bandwith'; did you mean bandwidth?") and what is allowed. Catalog and
 * course loaders use it on their own schemas; it looks through optional/default/pipe/transform
 * wrappers, arrays, records with enum keys, unions and lazy schemas.
 */
import type { z } from 'zod'
import { closestMatches } from './suggest.js'

interface Def {
  type: string
  shape?: Record<string, unknown>
  innerType?: ZodLike
  in?: ZodLike
  element?: ZodLike
  keyType?: ZodLike
  valueType?: ZodLike
  options?: ZodLike[]
  entries?: Record<string, string | number>
  getter?: () => ZodLike
}

interface ZodLike {
  _zod: { def: Def }
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'])

/** Unwraps to the schemas that can stand at this point (several for a union). */
function candidates(schema: ZodLike, seen = new Set<ZodLike>()): ZodLike[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = schema._zod.def
  if (WRAPPERS.has(def.type) && def.innerType) return candidates(def.innerType, seen)
  if (def.type === 'pipe' && def.in) return candidates(def.in, seen)
  if (def.type === 'lazy' && def.getter) return candidates(def.getter(), seen)
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => candidates(o, seen))
  return [schema]
}

/** The schemas found by following `path` (object keys, array indices, record keys). */
function schemasAt(schema: ZodLike, path: readonly PropertyKey[]): ZodLike[] {
  let current = candidates(schema)
  for (const key of path) {
    const next: ZodLike[] = []
    for (const s of current) {
      const def = s._zod.def
      if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) {
        next.push(...candidates(def.shape[key] as ZodLike))
      } else if (def.type === 'array' && def.element && typeof key === 'number') {
        next.push(...candidates(def.element))
      } else if (def.type === 'record' && def.valueType) {
        next.push(...candidates(def.valueType))
      }
    }
    current = next
  }
  return current
}

/**
 * The keys allowed at `path` of `schema`: an object's fields, or the values of a record's enum
 * key. `undefined` when the path does not lead to an object or an enum-keyed record.
 */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  const keys = new Set<string>()
  let found = false
  for (const s of schemasAt(schema as unknown as ZodLike, path)) {
    const def = s._zod.def
    if (def.type === 'object' && def.shape) {
      found = true
      for (const key of Object.keys(def.shape)) keys.add(key)
    } else if (def.type === 'record' && def.keyType?._zod.def.type === 'enum') {
      found = true
      for (const value of Object.values(def.keyType._zod.def.entries ?? {})) keys.add(String(value))
    }
  }
  return found ? [...keys] : undefined
}

/**
 * "unknown field 'bandwith'; did you mean bandwidth?" for each key, or the allowed keys when
 * none is close.
 */
export function unknownKeysMessage(keys: readonly string[], allowed: readonly string[] | undefined): string {
  return keys
    .map((key) => {
      const head = `unknown field '${key}'`
      if (allowed === undefined || allowed.length === 0) return head
      // Two-letter keys ("id") sit inside almost any typo, so they are never suggested.
      const near = closestMatches(
        key,
        allowed.filter((name) => name.length > 2),
        3,
      )
      if (near.length > 0) return `${head}; did you mean ${near.join(', ')}?`
      return `${head}; allowed: ${allowed.join(', ')}`
    })
    .join('; ')
}
