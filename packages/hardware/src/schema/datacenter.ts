/**
 * A datacenter: a site on a grid, with an optional PUE of its own. Its effective PUE is
 * `pueOverride ?? grid.pue`, as in the original.
 */
import { type Provenance, provenanceSchema } from '@mlsysim/units'
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
import { type Grid, gridSchema, pueSchema } from './grid.js'
import { reference } from './reference.js'

export interface Datacenter {
  kind: 'datacenter'
  id: string
  name: string
  aliases: string[]
  grid: Grid
  pueOverride?: number
  /** Effective PUE: pueOverride ?? grid.pue. */
  pue: number
  provenance: Provenance
  sources?: Sources
  notes?: string
}

export interface DatacenterLookups {
  grid: (id: string) => Grid
}

export function createDatacenterSchema(lookups: DatacenterLookups) {
  return z
    .strictObject({
      kind: z.literal('datacenter').default('datacenter'),
      id: idSchema,
      name: nameSchema,
      aliases: aliasesSchema,
      grid: reference('grid', gridSchema, lookups.grid),
      pueOverride: pueSchema.optional(),
      /** Accepted so a resolved datacenter reads back; must equal pueOverride ?? grid.pue. */
      pue: pueSchema.optional(),
      provenance: provenanceSchema,
      sources: sourcesSchema,
      notes: notesSchema,
    })
    .transform((d, ctx): Datacenter => {
      const pue = d.pueOverride ?? d.grid.pue
      if (d.pue !== undefined && d.pue !== pue) {
        ctx.addIssue({
          code: 'custom',
          path: ['pue'],
          message: `pue ${d.pue} disagrees with pueOverride ?? grid.pue = ${pue}; set pueOverride instead`,
        })
        return z.NEVER
      }
      return compact({ ...d, pue }) as Datacenter
    })
    .superRefine((d, ctx) => checkMetaPaths(d, ctx))
}

export type DatacenterSchema = ReturnType<typeof createDatacenterSchema>
