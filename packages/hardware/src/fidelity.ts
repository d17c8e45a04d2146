/**
 * The original's values back: an entry with each recorded Correction undone, for a solver
 * running with `fidelity: 'mlsysim-0.1.2'`. A correction whose original is null removes the
 * field (the original did not have it).
 */
import type { Correction } from './schema/entry-meta.js'

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  const [head, ...rest] = keys as [string, ...string[]]
  if (rest.length === 0) {
    if (value === null) delete target[head]
    else target[head] = value
    return
  }
  const child = target[head]
  const copy: Record<string, unknown> =
    child !== null && typeof child === 'object' ? { ...(child as Record<string, unknown>) } : {}
  target[head] = copy
  setPath(copy, rest, value)
}

function hasCorrections(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  if (Array.isArray(record.corrections) && record.corrections.length > 0) return true
  return Object.values(record).some(hasCorrections)
}

/**
 * A copy of `entry` as the Python original had it, nested entries included (a fleet's
 * node's accelerator). Entries without corrections are returned as they are.
 */
export function withOriginalValues<T extends object>(entry: T): T {
  if (!hasCorrections(entry)) return entry
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(entry)) {
    copy[key] = hasCorrections(value) ? withOriginalValues(value as object) : value
  }
  const corrections = (entry as { corrections?: Correction[] }).corrections ?? []
  for (const correction of corrections) setPath(copy, correction.path.split('.'), correction.original)
  delete copy.corrections
  return copy as T
}
