/**
 * User entries from text: JSON or YAML holding one workload, a list, or a map of id → entry
 * (the original's YAML layout, where the key is the id). Every entry is validated by the same
 * schemas as the built-in catalog.
 */
import { parse as parseYaml } from 'yaml'
import type { Workload } from './schema.js'
import { parseWorkload } from './validate.js'

export class WorkloadTextError extends Error {
  override readonly name = 'WorkloadTextError'
}

function entriesOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document
  if (document !== null && typeof document === 'object') {
    const record = document as Record<string, unknown>
    if ('family' in record) return [record]
    // A map of id → entry: the key supplies the id unless the entry writes its own.
    return Object.entries(record).map(([id, entry]) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        throw new WorkloadTextError(`entry '${id}' must be an object of workload fields`)
      }
      return { id, ...(entry as Record<string, unknown>) }
    })
  }
  throw new WorkloadTextError('workload text must hold an object, a list of objects, or a map of id → object')
}

/** Parses JSON or YAML text (YAML is a superset of JSON) into validated workloads. */
export function parseWorkloadText(text: string): Workload[] {
  let document: unknown
  try {
    document = parseYaml(text, { uniqueKeys: true })
  } catch (error) {
    throw new WorkloadTextError(`workload text is neither valid JSON nor YAML: ${(error as Error).message}`)
  }
  return entriesOf(document).map(parseWorkload)
}

/** Parses workload text and adds every entry to `catalog`; returns the added entries. */
export function addWorkloadsFromText(catalog: { add(entry: unknown): Workload }, text: string): Workload[] {
  return parseWorkloadText(text).map((w) => catalog.add(w))
}
