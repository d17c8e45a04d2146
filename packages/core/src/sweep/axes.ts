/**
 * Expands each axis of a space into its list of values: explicit lists as written, ranges
 * into numbers, catalog selections into entry ids (catalog order).
 *
 * Range values are computed from their index (from + k·step, from·factorᵏ, or evenly spaced
 * on the chosen scale with exact endpoints), never accumulated, and rounded to 15 significant
 * digits so that 0.1-steps give 0.3 rather than 0.30000000000000004 and log ranges over
 * powers of two give whole numbers.
 */
import { closestMatches, describeZodIssue, parse as parseQuantity, RegistryError } from '@mlsysim/units'
import type { SweepCatalogs } from './catalogs.js'
import type { AxisSpec, SweepSpaceIssue } from './space.js'

/** At most this many values per axis (a numeric axis is a Float64Array of this length). */
export const MAX_AXIS_VALUES = 10_000_000

export interface ExpandedAxis {
  readonly key: string
  /** What the solver receives for each value. */
  readonly values: readonly unknown[]
  /** A short, unique label per value (catalog id, the number or string as text). */
  readonly labels: readonly string[]
  /** The catalog the values came from, for catalog selections. */
  readonly catalog?: string
  /** Whether the values came from a range (messages suggest `integer: true`). */
  readonly range: boolean
}

const snap = (x: number) => Number(x.toPrecision(15))

function quantityValue(value: number | string, path: string, issues: SweepSpaceIssue[]): number | undefined {
  if (typeof value === 'number') return value
  try {
    return parseQuantity(value).value
  } catch (error) {
    issues.push({ path, message: error instanceof Error ? error.message : String(error) })
    return undefined
  }
}

interface RangeSpec {
  from: number | string
  to: number | string
  step?: number | undefined
  count?: number | undefined
  factor?: number | undefined
  scale: 'linear' | 'log'
  integer: boolean
}

function expandRange(spec: RangeSpec, path: string, issues: SweepSpaceIssue[]): number[] | undefined {
  const from = quantityValue(spec.from, `${path}.from`, issues)
  const to = quantityValue(spec.to, `${path}.to`, issues)
  if (from === undefined || to === undefined) return undefined
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    issues.push({ path, message: 'from and to must be finite numbers' })
    return undefined
  }
  if (to < from) {
    issues.push({ path, message: `to (${to}) is below from (${from}); a range runs upward` })
    return undefined
  }
  if (spec.scale === 'log' && from <= 0) {
    issues.push({ path: `${path}.from`, message: `a log range needs from > 0 (got ${from})` })
    return undefined
  }
  const tooMany = (n: number) => {
    if (n <= MAX_AXIS_VALUES) return false
    issues.push({ path, message: `this range has ${n} values; an axis may have at most ${MAX_AXIS_VALUES}` })
    return true
  }
  let values: number[]
  if (spec.step !== undefined) {
    // Tolerate rounding in (to − from)/step so that 0 → 1 by 0.1 includes 1.
    const n = Math.floor((to - from) / spec.step + 1e-9) + 1
    if (tooMany(n)) return undefined
    values = Array.from({ length: n }, (_, k) => snap(from + k * spec.step!))
  } else if (spec.factor !== undefined) {
    const n = Math.floor(Math.log(to / from) / Math.log(spec.factor) + 1e-9) + 1
    if (tooMany(n)) return undefined
    values = Array.from({ length: n }, (_, k) => snap(from * spec.factor! ** k))
  } else {
    const n = spec.count!
    if (tooMany(n)) return undefined
    if (n === 1) values = [from]
    else if (spec.scale === 'log') {
      const a = Math.log(from)
      const b = Math.log(to)
      values = Array.from({ length: n }, (_, k) =>
        k === 0 ? from : k === n - 1 ? to : snap(Math.exp(a + ((b - a) * k) / (n - 1))),
      )
    } else {
      values = Array.from({ length: n }, (_, k) =>
        k === 0 ? from : k === n - 1 ? to : snap(from + ((to - from) * k) / (n - 1)),
      )
    }
  }
  if (spec.integer) values = [...new Set(values.map((v) => Math.round(v)))]
  return values
}

function labelOf(value: unknown, position: number): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value !== null && typeof value === 'object') {
    const named = value as { id?: unknown; name?: unknown }
    if (typeof named.id === 'string') return named.id
    if (typeof named.name === 'string') return named.name
  }
  return `#${position}`
}

/** Expands one axis; problems go to `issues` (with paths) and the result is then undefined. */
export function expandAxis(
  key: string,
  spec: AxisSpec,
  catalogs: SweepCatalogs,
  issues: SweepSpaceIssue[],
): ExpandedAxis | undefined {
  const path = `axes.${key}`
  if (Array.isArray(spec) || 'values' in spec) {
    const values = Array.isArray(spec) ? spec : spec.values
    const labels = values.map(labelOf)
    const seen = new Map<string, number>()
    let ok = true
    labels.forEach((label, i) => {
      const first = seen.get(label)
      if (first !== undefined) {
        issues.push({
          path: `${path}${Array.isArray(spec) ? '' : '.values'}[${i}]`,
          message: `'${label}' repeats value [${first}]`,
        })
        ok = false
      } else seen.set(label, i)
    })
    return ok ? { key, values, labels, range: false } : undefined
  }
  if ('from' in spec) {
    const values = expandRange(spec, path, issues)
    return values ? { key, values, labels: values.map(String), range: true } : undefined
  }
  const catalog = catalogs[key]
  if (!catalog) {
    const known = Object.keys(catalogs)
    issues.push({
      path: `${path}.${'ids' in spec ? 'ids' : 'catalog'}`,
      message: `'${key}' is not a catalog input; catalog selections work on ${known.join(', ')}`,
    })
    return undefined
  }
  const registry = catalog.registry
  const resolve = (name: string, where: string): string | undefined => {
    try {
      return catalog.idOf(registry.get(name))
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error
      issues.push({ path: where, message: error.message })
      return undefined
    }
  }
  if ('ids' in spec) {
    const ids = spec.ids.map((name, i) => resolve(name, `${path}.ids[${i}]`))
    if (ids.some((id) => id === undefined)) return undefined
    const unique = new Set(ids)
    if (unique.size !== ids.length) {
      issues.push({
        path: `${path}.ids`,
        message: 'names the same entry more than once (aliases count as their entry)',
      })
      return undefined
    }
    return { key, values: ids as string[], labels: ids as string[], catalog: catalog.kind, range: false }
  }
  let filter: Record<string, unknown> = {}
  if (spec.catalog !== 'all') {
    const parsed = catalog.filter.safeParse(spec.catalog, { reportInput: true })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.')
        const unknownKeys =
          issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys : undefined
        const allowed = Object.keys((catalog.filter as unknown as { shape?: object }).shape ?? {})
        issues.push({
          path: `${path}.catalog${field ? `.${field}` : ''}`,
          message:
            unknownKeys !== undefined
              ? `unknown filter field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `'${k}'`).join(', ')}; ${catalog.kind} filters are ${allowed.length > 0 ? allowed.join(', ') : 'none (use all, ids or exclude)'}`
              : describeZodIssue(issue),
        })
      }
      return undefined
    }
    filter = parsed.data
  }
  const excluded = new Set<string>()
  for (const [i, name] of (spec.exclude ?? []).entries()) {
    const id = resolve(name, `${path}.exclude[${i}]`)
    if (id === undefined) return undefined
    excluded.add(id)
  }
  const ids = registry
    .list((entry) => catalog.matches(entry as never, filter))
    .map((entry) => catalog.idOf(entry as never))
    .filter((id) => !excluded.has(id))
  if (ids.length === 0) {
    const known = registry.ids()
    issues.push({
      path: `${path}.catalog`,
      message: `no ${catalog.kind} entry matches ${JSON.stringify(spec.catalog)}${excluded.size > 0 ? ' after exclude' : ''} (the catalog has ${known.length} entries)`,
    })
    return undefined
  }
  return { key, values: ids, labels: ids, catalog: catalog.kind, range: false }
}

/** "did you mean …?" for a name among candidates, or ''. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const close = closestMatches(name, candidates, 3)
  return close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''
}
