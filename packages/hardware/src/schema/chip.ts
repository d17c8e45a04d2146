/**
 * A chip or accelerator (also a rack-scale system sold as one unit, like GB200 NVL72, and
 * a reference device class such as "Edge Server"). Numbers resolve to SI base units; data
 * may write them with units ("80 GiB", "3.35 TB/s", "989 TFLOP/s").
 */
import { type Provenance, provenanceSchema, quantity, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import {
  aliasesSchema,
  type Correction,
  checkMetaPaths,
  correctionsSchema,
  idSchema,
  nameSchema,
  notesSchema,
  type Sources,
  sourcesSchema,
} from './entry-meta.js'
import { type Link, linkSchema } from './link.js'
import { precisionKeySchema } from './precision-keys.js'
import { type Tier, tierSchema } from './tier.js'

/** The original's default dispatch overhead (kernel launch + framework), 0.01 ms. */
export const DEFAULT_DISPATCH_TAX = 1e-5

export interface Compute {
  /** Dense FP16/BF16 FLOP/s (TOPS for integer-only NPUs): the original's `peak_flops`. */
  peak: number
  /** FLOP/s (or OP/s) per precision key; a missing key falls back to `peak`, as in the original. */
  precisions: Partial<Record<string, number>>
  smCount?: number
  /** Hz. */
  clockRate?: number
}

export interface Memory {
  /** Main memory (HBM/DRAM, or on-wafer SRAM for SRAM-only parts), bytes. */
  capacity: number
  /** B/s. */
  bandwidth: number
  /** What the main memory is ("HBM3", "LPDDR5X"), for people. */
  technology?: string
  sramCapacity?: number
  sramBandwidth?: number
  flashCapacity?: number
  flashBandwidth?: number
  l2Cache?: number
  registerFilePerSm?: number
  sharedMemoryPerSm?: number
}

export interface Storage {
  capacity: number
  bandwidth: number
  latency?: number
}

export interface MigProfile {
  name: string
  smCount: number
  memory: number
  typicalWorkload?: string
}

export interface Chip {
  kind: 'chip'
  id: string
  name: string
  aliases: string[]
  vendor: string
  tier: Tier
  releaseYear: number
  compute: Compute
  memory: Memory
  storage?: Storage
  /** Host I/O (PCIe): the original's `interconnect`. */
  interconnect?: Link
  /** Scale-up GPU–GPU link (NVLink, ICI, on-die RoCE): the original's `nvlink`. */
  nvlink?: Link
  /** W. */
  tdp?: number
  tdpMin?: number
  tdpMax?: number
  /** J. */
  batteryCapacity?: number
  /** USD. */
  unitCost?: number
  unitCostMax?: number
  /** Accelerators inside one unit (72 for GB200 NVL72). */
  acceleratorCount?: number
  /** kg CO2e of manufacturing. */
  embodiedCarbon?: number
  /** s of fixed overhead per dispatch. */
  dispatchTax: number
  migProfiles?: MigProfile[]
  provenance: Provenance
  sources?: Sources
  notes?: string
  corrections?: Correction[]
}

const flops = () => quantitySchema('flopPerSecond', { positive: true })
const bytes = () => quantitySchema('bytes', { positive: true })
const bandwidth = () => quantitySchema('bytesPerSecond', { positive: true })
const watts = () => quantitySchema('watts', { positive: true })
const dollars = () => quantitySchema('dollars', { positive: true })

const computeSchema = z.strictObject({
  peak: flops(),
  precisions: z.partialRecord(precisionKeySchema, flops()).default({}),
  smCount: z.int().positive().optional(),
  clockRate: quantitySchema('hertz', { positive: true }).optional(),
})

const memorySchema = z.strictObject({
  capacity: bytes(),
  bandwidth: bandwidth(),
  technology: z.string().trim().min(1).optional(),
  sramCapacity: bytes().optional(),
  sramBandwidth: bandwidth().optional(),
  flashCapacity: bytes().optional(),
  flashBandwidth: bandwidth().optional(),
  l2Cache: bytes().optional(),
  registerFilePerSm: bytes().optional(),
  sharedMemoryPerSm: bytes().optional(),
})

const storageSchema = z.strictObject({
  capacity: bytes(),
  bandwidth: bandwidth(),
  latency: quantitySchema('seconds', { positive: true }).optional(),
})

const migProfileSchema = z.strictObject({
  name: z.string().min(1),
  smCount: z.int().positive(),
  memory: bytes(),
  typicalWorkload: z.string().min(1).optional(),
})

/** Drops keys whose value is undefined, so resolved entries have no `key: undefined` noise. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

export const chipSchema = z
  .strictObject({
    kind: z.literal('chip').default('chip'),
    id: idSchema,
    name: nameSchema,
    aliases: aliasesSchema,
    vendor: z.string().trim().min(1),
    tier: tierSchema,
    releaseYear: z.int().min(1970).max(2100),
    compute: computeSchema,
    memory: memorySchema,
    storage: storageSchema.optional(),
    interconnect: linkSchema.optional(),
    nvlink: linkSchema.optional(),
    tdp: watts().optional(),
    tdpMin: watts().optional(),
    tdpMax: watts().optional(),
    batteryCapacity: quantitySchema('joules', { positive: true }).optional(),
    unitCost: dollars().optional(),
    unitCostMax: dollars().optional(),
    acceleratorCount: z.int().positive().optional(),
    embodiedCarbon: quantitySchema('co2e', { positive: true }).optional(),
    dispatchTax: quantitySchema('seconds', { nonNegative: true }).default(
      quantity(DEFAULT_DISPATCH_TAX, 'seconds'),
    ),
    migProfiles: z.array(migProfileSchema).optional(),
    provenance: provenanceSchema,
    sources: sourcesSchema,
    notes: notesSchema,
    corrections: correctionsSchema,
  })
  .transform(
    (c): Chip =>
      compact({
        ...c,
        compute: compact(c.compute),
        memory: compact(c.memory),
        storage: c.storage && compact(c.storage),
        migProfiles: c.migProfiles?.map((p) => compact(p)),
      }) as Chip,
  )
  .superRefine((chip, ctx) => {
    const { tdp, tdpMin, tdpMax } = chip
    if (tdpMin !== undefined && tdpMax !== undefined && tdpMin > tdpMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['tdpMin'],
        message: `tdpMin ${tdpMin} W is above tdpMax ${tdpMax} W`,
      })
    }
    if (tdp !== undefined && tdpMin !== undefined && tdp < tdpMin) {
      ctx.addIssue({ code: 'custom', path: ['tdp'], message: `tdp ${tdp} W is below tdpMin ${tdpMin} W` })
    }
    if (tdp !== undefined && tdpMax !== undefined && tdp > tdpMax) {
      ctx.addIssue({ code: 'custom', path: ['tdp'], message: `tdp ${tdp} W is above tdpMax ${tdpMax} W` })
    }
    if (chip.unitCost !== undefined && chip.unitCostMax !== undefined && chip.unitCost > chip.unitCostMax) {
      ctx.addIssue({ code: 'custom', path: ['unitCostMax'], message: 'unitCostMax is below unitCost' })
    }
    const m = chip.memory
    if (m.sramBandwidth !== undefined && m.sramCapacity === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['memory', 'sramBandwidth'],
        message: 'sramBandwidth needs sramCapacity',
      })
    }
    if (m.flashBandwidth !== undefined && m.flashCapacity === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['memory', 'flashBandwidth'],
        message: 'flashBandwidth needs flashCapacity',
      })
    }
    checkMetaPaths(chip, ctx)
  })

/** What a data file or a user writes: numbers in SI units or strings with units. */
export type ChipInput = z.input<typeof chipSchema>
