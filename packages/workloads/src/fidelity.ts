/**
 * The original's view of a corrected entry. Solvers in fidelity mode (reproducing the Python
 * original's conformance values) evaluate `asOriginal(workload)`: every correction is undone,
 * a field the original lacked (original: null) is removed.
 */
import type { Workload } from './schema.js'

export function asOriginal(workload: Workload): Workload {
  const corrections = workload.corrections ?? []
  if (corrections.length === 0) return workload
  const copy: Record<string, unknown> = { ...workload }
  for (const { path, original } of corrections) {
    if (original === null) delete copy[path]
    else copy[path] = original
  }
  return Object.freeze(copy) as Workload
}
