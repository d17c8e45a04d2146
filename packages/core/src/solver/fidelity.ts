/**
 * Fidelity: which model a solve follows. The default is the physically correct model. The
 * option 'mlsysim-0.1.2' reproduces the Python original exactly, quirks included, so that
 * its golden values can be checked to 1e-9: catalog entries are read with their recorded
 * corrections undone, and solvers branch where the original's equations differ.
 */
export const FIDELITIES = ['default', 'mlsysim-0.1.2'] as const
export type Fidelity = (typeof FIDELITIES)[number]

export const ORIGINAL: Fidelity = 'mlsysim-0.1.2'

interface Correction {
  readonly path: string
  readonly original: unknown
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    const child = node[key]
    if (!isPlainObject(child)) return
    node[key] = { ...child }
    node = node[key] as Record<string, unknown>
  }
  const last = keys[keys.length - 1]!
  if (value === null) delete node[last]
  else node[last] = value
}

/**
 * The original's view of a resolved catalog entry (or any structure holding entries, such as
 * a fleet holding a node holding a chip): every recorded correction is undone; a field the
 * original lacked (original: null) is removed. Returns the input itself when nothing changes.
 */
export function asOriginal<T>(value: T): T {
  if (Array.isArray(value)) {
    const mapped = value.map(asOriginal)
    return (mapped.some((m, i) => m !== value[i]) ? mapped : value) as T
  }
  if (!isPlainObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const [key, child] of Object.entries(value)) {
    if (key === 'corrections') continue
    const mapped = asOriginal(child)
    if (mapped !== child) {
      copy ??= { ...value }
      copy[key] = mapped
    }
  }
  const corrections = value.corrections as readonly Correction[] | undefined
  if (Array.isArray(corrections) && corrections.length > 0) {
    copy ??= { ...value }
    for (const { path, original } of corrections) setPath(copy, path, original)
  }
  return (copy ?? value) as T
}
