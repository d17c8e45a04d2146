/**
 * Catalog selections on sweep axes: `hardware: { catalog: { tier: cloud } }`,
 * `workload: { catalog: { family: transformer, paramsMax: 80e9 } }`, `hardware: { ids: [H100, A100] }`.
 * An axis named after a catalog-backed solver input (hardware, workload, fleet, grid,
 * datacenter) selects entries of that catalog; each has its own filter fields. Entries are
 * listed in catalog order and passed to the solver by their canonical id.
 *
 * Hardware is the chips and, with `kind: board` (or `[chip, board]`), the boards and kits
 * built on them (a board is its chip's compute with the board's memory, power and price), as
 * the solvers' `hardware` input resolves them.
 */
import { boards, chips, datacenters, fleets, getHardware, grids, TIERS } from '@mlsysim/hardware'
import { parse as parseQuantity } from '@mlsysim/units'
import { FAMILIES, matchesFilter, type Workload, workloads } from '@mlsysim/workloads'
import { z } from 'zod'

/** Where a catalog's entries come from: a `Registry` from @mlsysim/units, or anything shaped like one. */
export interface SweepCatalogSource<T> {
  /** An entry by id or alias; a miss throws a RegistryError with suggestions. */
  get(idOrAlias: string): T
  /** Entries in catalog order, optionally filtered. */
  list(filter?: (entry: T) => boolean): T[]
  ids(): string[]
}

/** A catalog that sweep axes can select from. */
export interface SweepCatalog<T = unknown> {
  /** What an entry is called in messages ("hardware", "workload"). */
  readonly kind: string
  readonly registry: SweepCatalogSource<T>
  /** The filter fields (validated; unknown keys rejected). */
  readonly filter: z.ZodType<Record<string, unknown>>
  /** Whether an entry passes a parsed filter. */
  matches(entry: T, filter: Record<string, unknown>): boolean
  idOf(entry: T): string
}

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)])
const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T]

/** A size bound written as a number of bytes or a string with units ("80 GB"). */
function bytesBound() {
  return z.union([z.number(), z.string()]).transform((value, ctx) => {
    try {
      return typeof value === 'number' ? value : parseQuantity(value, 'bytes')
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: error instanceof Error ? error.message : String(error),
        input: value,
      })
      return z.NEVER
    }
  })
}

const HARDWARE_KINDS = ['chip', 'board'] as const

const hardwareFilter = z.strictObject({
  /** Chips (default), boards and kits, or both. */
  kind: oneOrMany(z.enum(HARDWARE_KINDS)).optional(),
  tier: oneOrMany(z.enum(TIERS)).optional(),
  /** Vendor, case-insensitive. */
  vendor: oneOrMany(z.string()).optional(),
  yearFrom: z.int().optional(),
  yearTo: z.int().optional(),
  /** Main-memory capacity bounds (bytes or "80 GB"). */
  memoryMin: bytesBound().optional(),
  memoryMax: bytesBound().optional(),
})

/** A chip, or a board as the solver sees it (its chip with the board's memory, power and price). */
interface HardwareEntry {
  readonly kind: (typeof HARDWARE_KINDS)[number]
  readonly id: string
  readonly tier: string
  readonly vendor: string
  readonly releaseYear: number
  readonly memory: { readonly capacity: number }
}

const hardwareEntry = (idOrAlias: string): HardwareEntry => {
  const chip = getHardware(idOrAlias)
  return { ...chip, kind: chips.has(idOrAlias) ? 'chip' : 'board' }
}

/** Chips, then boards, in catalog order. */
const hardwareSource: SweepCatalogSource<HardwareEntry> = {
  get: hardwareEntry,
  list: (filter) => {
    const all = [...chips.ids(), ...boards.ids()].map(hardwareEntry)
    return filter ? all.filter(filter) : all
  },
  ids: () => [...chips.ids(), ...boards.ids()],
}

const hardwareCatalog: SweepCatalog<HardwareEntry> = {
  kind: 'hardware',
  registry: hardwareSource,
  filter: hardwareFilter as unknown as z.ZodType<Record<string, unknown>>,
  idOf: (chip) => chip.id,
  matches(chip, raw) {
    const f = raw as z.output<typeof hardwareFilter>
    const kinds = asList(f.kind) ?? ['chip']
    const tiers = asList(f.tier)
    const vendors = asList(f.vendor)?.map((v) => v.toLowerCase())
    return (
      kinds.includes(chip.kind) &&
      (tiers === undefined || tiers.includes(chip.tier as (typeof TIERS)[number])) &&
      (vendors === undefined || vendors.includes(chip.vendor.toLowerCase())) &&
      (f.yearFrom === undefined || chip.releaseYear >= f.yearFrom) &&
      (f.yearTo === undefined || chip.releaseYear <= f.yearTo) &&
      (f.memoryMin === undefined || chip.memory.capacity >= f.memoryMin) &&
      (f.memoryMax === undefined || chip.memory.capacity <= f.memoryMax)
    )
  },
}

const workloadFilter = z.strictObject({
  family: oneOrMany(z.enum(FAMILIES)).optional(),
  /** Organization, a case-insensitive substring ("meta"). */
  org: z.string().optional(),
  architecture: z.string().optional(),
  year: z.int().optional(),
  yearFrom: z.int().optional(),
  yearTo: z.int().optional(),
  /** Parameter-count bounds (inclusive). */
  paramsMin: z.number().optional(),
  paramsMax: z.number().optional(),
})

const workloadCatalog: SweepCatalog<Workload> = {
  kind: 'workload',
  registry: workloads,
  filter: workloadFilter as unknown as z.ZodType<Record<string, unknown>>,
  idOf: (w) => w.id,
  matches(w, raw) {
    const f = raw as z.output<typeof workloadFilter>
    return matchesFilter(w, {
      ...(f.family !== undefined ? { family: f.family } : {}),
      ...(f.org !== undefined ? { org: f.org } : {}),
      ...(f.architecture !== undefined ? { architecture: f.architecture } : {}),
      ...(f.year !== undefined ? { year: f.year } : {}),
      ...(f.yearFrom !== undefined ? { yearFrom: f.yearFrom } : {}),
      ...(f.yearTo !== undefined ? { yearTo: f.yearTo } : {}),
      ...(f.paramsMin !== undefined ? { minParameters: f.paramsMin } : {}),
      ...(f.paramsMax !== undefined ? { maxParameters: f.paramsMax } : {}),
    })
  },
}

/** A catalog with no filter fields: `{ catalog: {} }` (or `all`) selects every entry; `exclude` removes some. */
function plainCatalog<T extends { id: string }>(
  kind: string,
  registry: SweepCatalogSource<T>,
): SweepCatalog<T> {
  return {
    kind,
    registry,
    filter: z.strictObject({}) as unknown as z.ZodType<Record<string, unknown>>,
    idOf: (entry) => entry.id,
    matches: () => true,
  }
}

/** The catalogs sweep axes select from, by solver input key. */
export type SweepCatalogs = Readonly<Record<string, SweepCatalog<never>>>

/** hardware → chips, workload → workloads, fleet → fleets, grid → grids, datacenter → datacenters. */
export function defaultSweepCatalogs(): SweepCatalogs {
  return {
    hardware: hardwareCatalog as unknown as SweepCatalog<never>,
    workload: workloadCatalog as unknown as SweepCatalog<never>,
    fleet: plainCatalog('fleet', fleets) as unknown as SweepCatalog<never>,
    grid: plainCatalog('grid', grids) as unknown as SweepCatalog<never>,
    datacenter: plainCatalog('datacenter', datacenters) as unknown as SweepCatalog<never>,
  }
}
