/**
 * A board or kit (Raspberry Pi 5, Arduino Nicla Vision, Coral USB Accelerator…): a product
 * built around one catalog chip that adds memory, flash, power draw and a price. `boardAsChip`
 * turns it into a Chip for the solver: the chip's compute, with the board's memory, power and
 * price, and each number keeping the provenance of whichever source supplied it.
 *
 * `boardMemory` and `flash` replace the chip's main memory and flash as mounted (a Raspberry
 * Pi's LPDDR4, a XIAO's 8 MB flash); `externalMemory` only records memories a model does not
 * run from by default (an MCU board's SDRAM), so that figures of unknown speed do not silently
 * change what the solver predicts.
 */
import { type Provenance, provenanceSchema, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { type Chip, compact } from './chip.js'
import {
  aliasesSchema,
  checkMetaPaths,
  idSchema,
  nameSchema,
  notesSchema,
  numericPaths,
  provenanceOf,
  type Sources,
  sourcesSchema,
  valueAtPath,
} from './entry-meta.js'
import { type Tier, tierSchema } from './tier.js'

export interface BoardMemory {
  /** Bytes of board DRAM/PSRAM (or the chip's own SRAM when the board adds none). */
  capacity: number
  /** B/s, where known. */
  bandwidth?: number
  technology?: string
}

export interface BoardPower {
  /** W drawn in typical inference use. */
  typical: number
  min?: number
  max?: number
}

export interface Board {
  kind: 'board'
  id: string
  name: string
  aliases: string[]
  vendor: string
  tier: Tier
  releaseYear: number
  /** Canonical id of the chip that runs the models. */
  chip: string
  /** The application processor, when it is not `chip` (Coral Dev Board: NXP i.MX 8M). */
  hostProcessor?: string
  boardMemory?: BoardMemory
  flash?: { capacity: number; bandwidth?: number }
  power?: BoardPower
  /**
   * Memories on the board that the model does not run from by default (an MCU board's SDRAM or
   * Quad-SPI flash): recorded for people and custom models, not mounted by `boardAsChip`.
   */
  externalMemory?: { kind: string; capacity: number; bandwidth?: number }[]
  /** USD list price. */
  price?: number
  interfaces?: string[]
  provenance: Provenance
  sources?: Sources
  notes?: string
}

const bytes = () => quantitySchema('bytes', { positive: true })
const bandwidth = () => quantitySchema('bytesPerSecond', { positive: true })
const watts = () => quantitySchema('watts', { positive: true })

export function createBoardSchema(lookups: { chipId: (idOrAlias: string) => string }) {
  return z
    .strictObject({
      kind: z.literal('board').default('board'),
      id: idSchema,
      name: nameSchema,
      aliases: aliasesSchema,
      vendor: z.string().trim().min(1),
      tier: tierSchema,
      releaseYear: z.int().min(1970).max(2100),
      chip: z.string().transform((name, ctx) => {
        try {
          return lookups.chipId(name)
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) })
          return z.NEVER
        }
      }),
      hostProcessor: z.string().trim().min(1).optional(),
      boardMemory: z
        .strictObject({
          capacity: bytes(),
          bandwidth: bandwidth().optional(),
          technology: z.string().min(1).optional(),
        })
        .optional(),
      flash: z.strictObject({ capacity: bytes(), bandwidth: bandwidth().optional() }).optional(),
      power: z
        .strictObject({ typical: watts(), min: watts().optional(), max: watts().optional() })
        .optional(),
      externalMemory: z
        .array(
          z.strictObject({ kind: z.string().min(1), capacity: bytes(), bandwidth: bandwidth().optional() }),
        )
        .optional(),
      price: quantitySchema('dollars', { positive: true }).optional(),
      interfaces: z.array(z.string().min(1)).optional(),
      provenance: provenanceSchema,
      sources: sourcesSchema,
      notes: notesSchema,
    })
    .transform(
      (b): Board =>
        compact({
          ...b,
          boardMemory: b.boardMemory && compact(b.boardMemory),
          flash: b.flash && compact(b.flash),
          power: b.power && compact(b.power),
          externalMemory: b.externalMemory?.map((m) => compact(m)),
        }) as Board,
    )
    .superRefine((b, ctx) => {
      const p = b.power
      if (p?.min !== undefined && p.min > p.typical) {
        ctx.addIssue({ code: 'custom', path: ['power', 'min'], message: 'power.min is above power.typical' })
      }
      if (p?.max !== undefined && p.max < p.typical) {
        ctx.addIssue({ code: 'custom', path: ['power', 'max'], message: 'power.max is below power.typical' })
      }
      checkMetaPaths(b, ctx)
    })
}

/**
 * The chip as it sits on this board: the board's id, name, tier and price; its memory, flash
 * and power where it states them; the chip's figures otherwise. `sources` records, for every
 * number, whether it came from the board's or the chip's source.
 */
export function boardAsChip(board: Board, chip: Chip): Chip {
  const fromBoard = new Map<string, Provenance>()
  const memory = { ...chip.memory }
  if (board.boardMemory) {
    memory.capacity = board.boardMemory.capacity
    fromBoard.set('memory.capacity', provenanceOf(board, 'boardMemory.capacity'))
    if (board.boardMemory.bandwidth !== undefined) {
      memory.bandwidth = board.boardMemory.bandwidth
      fromBoard.set('memory.bandwidth', provenanceOf(board, 'boardMemory.bandwidth'))
    }
    if (board.boardMemory.technology) memory.technology = board.boardMemory.technology
  }
  if (board.flash) {
    memory.flashCapacity = board.flash.capacity
    fromBoard.set('memory.flashCapacity', provenanceOf(board, 'flash.capacity'))
    if (board.flash.bandwidth !== undefined) {
      memory.flashBandwidth = board.flash.bandwidth
      fromBoard.set('memory.flashBandwidth', provenanceOf(board, 'flash.bandwidth'))
    }
  }
  const power: Partial<Pick<Chip, 'tdp' | 'tdpMin' | 'tdpMax'>> = {}
  if (board.power) {
    power.tdp = board.power.typical
    fromBoard.set('tdp', provenanceOf(board, 'power.typical'))
    for (const [field, key] of [
      ['tdpMin', 'min'],
      ['tdpMax', 'max'],
    ] as const) {
      const value = board.power[key]
      power[field] = value
      if (value !== undefined) fromBoard.set(field, provenanceOf(board, `power.${key}`))
    }
  }
  const result: Chip = compact({
    ...chip,
    id: board.id,
    name: board.name,
    aliases: board.aliases,
    vendor: board.vendor,
    tier: board.tier,
    releaseYear: board.releaseYear,
    memory,
    ...power,
    unitCost: board.price,
    unitCostMax: undefined,
    provenance: board.provenance,
    notes: [board.notes, `Runs on ${chip.name} (${chip.id}); compute figures are the chip's.`]
      .filter(Boolean)
      .join(' '),
    corrections: undefined,
  })
  if (board.price !== undefined) fromBoard.set('unitCost', provenanceOf(board, 'price'))
  const sources: Sources = {}
  for (const path of numericPaths(result)) {
    if (path === 'releaseYear') continue
    const own = fromBoard.get(path)
    if (own) {
      if (own !== board.provenance) sources[path] = own
    } else if (valueAtPath(chip, path) !== undefined) {
      sources[path] = provenanceOf(chip, path)
    }
  }
  if (Object.keys(sources).length > 0) result.sources = sources
  else delete result.sources
  return result
}

/** What a data file or a user writes for a board: the chip by id or alias, numbers with units. */
export type BoardInput = z.input<ReturnType<typeof createBoardSchema>>
