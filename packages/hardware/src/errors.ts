/**
 * The error a bad catalog entry or inline definition raises. It lists every problem with
 * its path ("memory.bandwidth: \"80 GiB\" is a size in bytes, not a bandwidth"), so a person
 * can fix a YAML file or a solver input without reading a zod dump.
 */
import { allowedKeysAt, describeZodIssue, unknownKeysMessage, valueAt } from '@mlsysim/units'
import type { z } from 'zod'

export interface CatalogIssue {
  path: string
  message: string
}

export class CatalogError extends Error {
  override readonly name = 'CatalogError'
  constructor(
    message: string,
    /** What was being read: "hardware", "fleet", "grid"… */
    readonly kind: string,
    readonly issues: readonly CatalogIssue[],
  ) {
    super(message)
  }
}

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(entry)' : path.map(String).join('.')
}

/**
 * An issue with what the entry holds there: a missing field says so, a wrong value is
 * quoted with what is allowed, an unknown key gets the nearest allowed key ("bandwith" →
 * bandwidth).
 */
export function describeIssue(schema: z.ZodType, input: unknown, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return unknownKeysMessage(issue.keys, allowedKeysAt(schema, issue.path))
  }
  return describeZodIssue(issue, valueAt(input, issue.path))
}

/** Parses with a schema or throws a CatalogError naming each bad field. */
export function parseEntry<S extends z.ZodType>(schema: S, input: unknown, kind: string): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    path: describePath(issue.path),
    message: describeIssue(schema, input, issue),
  }))
  const id =
    input !== null && typeof input === 'object' && typeof (input as { id?: unknown }).id === 'string'
      ? ` '${(input as { id: string }).id}'`
      : ''
  const list = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')
  throw new CatalogError(`invalid ${kind}${id}:\n${list}`, kind, issues)
}
