/**
 * Listing, filtering and sorting the catalog: by family, year, organization, parameter range
 * and any numeric field.
 */
import type { Registry, SortDirection } from '@mlsysim/units'
import type { Family } from './family.js'
import type { NumericField, Workload } from './schema.js'

export interface WorkloadFilter {
  family?: Family | readonly Family[]
  /** Exact year, or use yearFrom/yearTo for a range (inclusive). */
  year?: number
  yearFrom?: number
  yearTo?: number
  /** Organization, matched case-insensitively as a substring ("meta" finds "Meta"). */
  org?: string
  architecture?: string
  /**
   * Parameter range (inclusive). An entry matches when its parameter count lies in the range;
   * an entry described by a range (DLRM: 100B–10T) matches when the ranges overlap. Entries with
   * no parameter information never match a parameter filter.
   */
  minParameters?: number
  maxParameters?: number
}

function parameterSpan(w: Workload): [number, number] | undefined {
  if (w.parameters !== undefined) return [w.parameters, w.parameters]
  if (w.parameterRangeMin !== undefined || w.parameterRangeMax !== undefined) {
    return [w.parameterRangeMin ?? 0, w.parameterRangeMax ?? Number.POSITIVE_INFINITY]
  }
  return undefined
}

/** A predicate for `WorkloadFilter`. */
export function matchesFilter(w: Workload, filter: WorkloadFilter): boolean {
  if (filter.family !== undefined) {
    const families: readonly Family[] = typeof filter.family === 'string' ? [filter.family] : filter.family
    if (!families.includes(w.family)) return false
  }
  if (filter.year !== undefined && w.year !== filter.year) return false
  if (filter.yearFrom !== undefined && (w.year === undefined || w.year < filter.yearFrom)) return false
  if (filter.yearTo !== undefined && (w.year === undefined || w.year > filter.yearTo)) return false
  if (filter.org !== undefined && !(w.org ?? '').toLowerCase().includes(filter.org.toLowerCase()))
    return false
  if (
    filter.architecture !== undefined &&
    w.architecture.toLowerCase() !== filter.architecture.toLowerCase()
  ) {
    return false
  }
  if (filter.minParameters !== undefined || filter.maxParameters !== undefined) {
    const span = parameterSpan(w)
    if (span === undefined) return false
    if (filter.minParameters !== undefined && span[1] < filter.minParameters) return false
    if (filter.maxParameters !== undefined && span[0] > filter.maxParameters) return false
  }
  return true
}

/** Catalog entries matching `filter`, in catalog order. */
export function listWorkloads(catalog: Registry<Workload>, filter: WorkloadFilter = {}): Workload[] {
  return catalog.list((w) => matchesFilter(w, filter))
}

/** Entries sorted by a numeric field (entries without it last), optionally filtered. */
export function sortWorkloads(
  catalog: Registry<Workload>,
  field: NumericField,
  direction: SortDirection = 'asc',
  filter: WorkloadFilter = {},
): Workload[] {
  return catalog.sortBy(
    (w) => (w as Partial<Record<NumericField, number>>)[field],
    direction,
    (w) => matchesFilter(w, filter),
  )
}
