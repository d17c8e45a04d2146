import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { allowedKeysAt, unknownKeysMessage } from './schema-keys.js'

const entry = z
  .strictObject({
    id: z.string(),
    memory: z.strictObject({ capacity: z.number(), bandwidth: z.number() }).optional(),
    precisions: z.partialRecord(z.enum(['fp16', 'fp8']), z.number()).default({}),
    links: z.array(z.strictObject({ name: z.string(), direction: z.string() })),
    family: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('a'), alpha: z.number() }),
      z.strictObject({ kind: z.literal('b'), beta: z.number() }),
    ]),
  })
  .transform((e) => e)
  .superRefine(() => undefined)

describe('allowedKeysAt', () => {
  it('looks through pipes, refinements, optionals and defaults', () => {
    expect(allowedKeysAt(entry, [])).toEqual(['id', 'memory', 'precisions', 'links', 'family'])
    expect(allowedKeysAt(entry, ['memory'])).toEqual(['capacity', 'bandwidth'])
  })

  it('follows array indices, lists enum record keys and merges union members', () => {
    expect(allowedKeysAt(entry, ['links', 3])).toEqual(['name', 'direction'])
    expect(allowedKeysAt(entry, ['precisions'])).toEqual(['fp16', 'fp8'])
    expect(allowedKeysAt(entry, ['family'])).toEqual(['kind', 'alpha', 'beta'])
  })

  it('is undefined where the path leads to no object', () => {
    expect(allowedKeysAt(entry, ['id'])).toBeUndefined()
    expect(allowedKeysAt(entry, ['nowhere'])).toBeUndefined()
  })
})

describe('unknownKeysMessage', () => {
  it('suggests the nearest allowed key, or lists the allowed ones', () => {
    expect(unknownKeysMessage(['bandwith'], ['capacity', 'bandwidth'])).toBe(
      "unknown field 'bandwith'; did you mean bandwidth?",
    )
    expect(unknownKeysMessage(['zzz'], ['fp16', 'fp8'])).toBe("unknown field 'zzz'; allowed: fp16, fp8")
    // "evidense" contains "id", but a two-letter key is no suggestion.
    expect(unknownKeysMessage(['evidense'], ['id', 'evidence'])).toBe(
      "unknown field 'evidense'; did you mean evidence?",
    )
    expect(unknownKeysMessage(['a', 'b'], undefined)).toBe("unknown field 'a'; unknown field 'b'")
  })
})
