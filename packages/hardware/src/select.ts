/**
 * Catalog queries for pickers, tables and sweeps: filter chips by tier, vendor and release
 * year, and sort by any numeric field named by its dotted path ("memory.bandwidth",
 * "compute.precisions.fp8") or by a function such as `ridgePoint`.
 */
import { closestMatches } from '@mlsysim/units'
import { chips } from './catalog.js'
import type { Chip } from './schema/chip.js'
import { numericPaths, valueAtPath } from './schema/entry-meta.js'
import { PRECISION_KEYS } from './schema/precision-keys.js'
import { TIERS, type Tier } from './schema/tier.js'

export interface ChipQuery {
  tier?: Tier | readonly Tier[]
  /** Vendor name, case-insensitive ("nvidia", "AMD"). */
  vendor?: string | readonly string[]
  /** Inclusive release-year bounds. */
  yearFrom?: number
  yearTo?: number
  /** Any other condition. */
  where?: (chip: Chip) => boolean
  /** Dotted path of a numeric field, or a function of the chip. Entries without it sort last. */
  sortBy?: string | ((chip: Chip) => number | undefined)
  order?: 'asc' | 'desc'
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T]

/** A numeric field of a chip by dotted path, or undefined when absent or not a number. */
export function numericField(chip: Chip, path: string): number | undefined {
  const value = valueAtPath(chip, path)
  return typeof value === 'number' ? value : undefined
}

/**
 * Dotted paths of the numeric fields a chip can have: those of the chips in the catalog (user
 * entries included) and every precision key. Lists and records of corrections are left out.
 */
export function chipNumericFields(): string[] {
  const paths = new Set<string>(PRECISION_KEYS.map((key) => `compute.precisions.${key}`))
  for (const chip of chips.list()) {
    for (const path of numericPaths(chip)) if (!/(^|\.)\d+(\.|$)/.test(path)) paths.add(path)
  }
  return [...paths].sort()
}

/** A typo in a query would otherwise return nothing, or an unsorted list, without a word. */
function checkQuery(query: ChipQuery, tiers: readonly string[] | undefined): void {
  for (const tier of tiers ?? []) {
    if (!(TIERS as readonly string[]).includes(tier)) {
      throw new RangeError(`unknown tier '${tier}'; tiers are ${TIERS.join(', ')}`)
    }
  }
  if (typeof query.sortBy === 'string') {
    const fields = chipNumericFields()
    if (!fields.includes(query.sortBy)) {
      const near = closestMatches(query.sortBy, fields, 3)
      throw new RangeError(
        `cannot sort by '${query.sortBy}': no chip has a numeric field there${
          near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''
        }; chipNumericFields() lists them`,
      )
    }
  }
  if (query.order !== undefined && query.order !== 'asc' && query.order !== 'desc') {
    throw new RangeError(`order must be 'asc' or 'desc', got '${String(query.order)}'`)
  }
}

/** Chips matching a query, in catalog order unless `sortBy` is given. */
export function selectChips(query: ChipQuery = {}): Chip[] {
  const tiers = asList(query.tier)
  checkQuery(query, tiers)
  const vendors = asList(query.vendor)?.map((v) => v.toLowerCase())
  const filter = (chip: Chip) =>
    (tiers === undefined || tiers.includes(chip.tier)) &&
    (vendors === undefined || vendors.includes(chip.vendor.toLowerCase())) &&
    (query.yearFrom === undefined || chip.releaseYear >= query.yearFrom) &&
    (query.yearTo === undefined || chip.releaseYear <= query.yearTo) &&
    (query.where === undefined || query.where(chip))
  if (query.sortBy === undefined) return chips.list(filter)
  const key = query.sortBy
  const value = typeof key === 'function' ? key : (chip: Chip) => numericField(chip, key)
  return chips.sortBy(value, query.order ?? 'asc', filter)
}
