/**
 * Facility classes: cooling tiers (PUE/WUE anchors) and rack power classes.
 */
import { type Provenance, provenanceSchema, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { compact } from './chip.js'
import { aliasesSchema, idSchema, nameSchema, notesSchema } from './entry-meta.js'
import { pueSchema } from './grid.js'

export interface CoolingClass {
  kind: 'cooling'
  id: string
  name: string
  aliases: string[]
  pue: number
  /** L/J. */
  wue: number
  provenance: Provenance
  notes?: string
}

export const coolingClassSchema = z
  .strictObject({
    kind: z.literal('cooling').default('cooling'),
    id: idSchema,
    name: nameSchema,
    aliases: aliasesSchema,
    pue: pueSchema,
    wue: quantitySchema('waterIntensity', { nonNegative: true }),
    provenance: provenanceSchema,
    notes: notesSchema,
  })
  .transform((c): CoolingClass => compact(c) as CoolingClass)

export const RACK_COOLING = ['air', 'liquid'] as const

export interface Rack {
  kind: 'rack'
  id: string
  name: string
  aliases: string[]
  /** W per rack. */
  power: number
  cooling: (typeof RACK_COOLING)[number]
  provenance: Provenance
  notes?: string
}

export const rackSchema = z
  .strictObject({
    kind: z.literal('rack').default('rack'),
    id: idSchema,
    name: nameSchema,
    aliases: aliasesSchema,
    power: quantitySchema('watts', { positive: true }),
    cooling: z.enum(RACK_COOLING),
    provenance: provenanceSchema,
    notes: notesSchema,
  })
  .transform((r): Rack => compact(r) as Rack)
