/**
 * An electricity grid region: carbon intensity, the typical facility PUE and WUE there,
 * renewable share. Data writes "429 g/kWh" and "1.8 L/kWh"; resolved values are per joule
 * (kg CO2e/J, L/J) so that energy in joules multiplies straight through.
 */
import { type Provenance, provenanceSchema, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { compact } from './chip.js'
import {
  aliasesSchema,
  checkMetaPaths,
  idSchema,
  nameSchema,
  notesSchema,
  type Sources,
  sourcesSchema,
} from './entry-meta.js'

export interface Grid {
  kind: 'grid'
  id: string
  name: string
  aliases: string[]
  /** kg CO2e per joule (429 g/kWh → 429e-3/3.6e6). */
  carbonIntensity: number
  pue: number
  /** L per joule of facility energy (1.8 L/kWh → 5e-7). */
  wue: number
  /** 0..1. */
  renewableShare?: number
  /** Dominant generation source: "hydro", "coal", "mixed"… */
  source: string
  lat?: number
  lon?: number
  provenance: Provenance
  sources?: Sources
  notes?: string
}

export const pueSchema = z.number().min(1, 'PUE is total facility energy / IT energy, so ≥ 1').max(3)

export const gridSchema = z
  .strictObject({
    kind: z.literal('grid').default('grid'),
    id: idSchema,
    name: nameSchema,
    aliases: aliasesSchema,
    carbonIntensity: quantitySchema('carbonIntensity', { nonNegative: true }),
    pue: pueSchema,
    wue: quantitySchema('waterIntensity', { nonNegative: true }),
    renewableShare: quantitySchema('count', { min: 0, max: 1 }).optional(),
    source: z.string().trim().min(1),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    provenance: provenanceSchema,
    sources: sourcesSchema,
    notes: notesSchema,
  })
  .transform((g): Grid => compact(g) as Grid)
  .superRefine((g, ctx) => checkMetaPaths(g, ctx))

export type GridInput = z.input<typeof gridSchema>
