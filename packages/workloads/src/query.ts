/**
 * Listing, filtering and sorting the catalog: by family, year, organization, parameter range
 * and any numeric field.
 */
import { closestMatches, type Registry, type SortDirection } from '@mlsysim/units'
import { FAMILIES, type Family } from './family.js'
import { NUMERIC_FIELDS, type NumericField, type Workload } from './schema.js'

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

function familiesOf(filter: WorkloadFilter): readonly Family[] | undefined {
  if (filter.family === undefined) return undefined
  const families: readonly Family[] = typeof filter.family === 'string' ? [filter.family] : filter.family
  // A misspelt family would otherwise match nothing, without a word.
  for (const family of families) {
    if (!(FAMILIES as readonly string[]).includes(family)) {
      const near = closestMatches(family, FAMILIES, 2)
      throw new RangeError(
        `unknown workload family '${family}'${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (families: ${FAMILIES.join(', ')})`,
      )
    }
  }
  return families
}

/** A predicate for `WorkloadFilter`; an unknown family is a RangeError. */
export function matchesFilter(w: Workload, filter: WorkloadFilter): boolean {
  const families = familiesOf(filter)
  if (families !== undefined && !families.includes(w.family)) return false
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
  familiesOf(filter)
  return catalog.list((w) => matchesFilter(w, filter))
}

/** Entries sorted by a numeric field (entries without it last), optionally filtered. */
export function sortWorkloads(
  catalog: Registry<Workload>,
  field: NumericField,
  direction: SortDirection = 'asc',
  filter: WorkloadFilter = {},
): Workload[] {
  if (!NUMERIC_FIELDS.includes(field)) {
    const near = closestMatches(field, NUMERIC_FIELDS, 3)
    throw new RangeError(
      `cannot sort workloads by '${field}': not a numeric field${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (NUMERIC_FIELDS lists them)`,
    )
  }
  if (direction !== 'asc' && direction !== 'desc') {
    throw new RangeError(`direction must be 'asc' or 'desc', got '${String(direction)}'`)
  }
  familiesOf(filter)
  return catalog.sortBy(
    (w) => (w as Partial<Record<NumericField, number>>)[field],
    direction,
    (w) => matchesFilter(w, filter),
  )
}
