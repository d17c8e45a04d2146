/**
 * Catalog queries for pickers, tables and sweeps: filter chips by tier, vendor and release
 * year, and sort by any numeric field named by its dotted path ("memory.bandwidth",
 * "compute.precisions.fp8") or by a function such as `ridgePoint`.
 */
import { chips } from './catalog.js'
import type { Chip } from './schema/chip.js'
import { valueAtPath } from './schema/entry-meta.js'
import type { Tier } from './schema/tier.js'

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

/** Chips matching a query, in catalog order unless `sortBy` is given. */
export function selectChips(query: ChipQuery = {}): Chip[] {
  const tiers = asList(query.tier)
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
