/**
 * An accelerator pod envelope (the original's PodEnvelope): how many chips, how much memory
 * and power one pod has, for cloud-scale examples.
 */
import { type Provenance, provenanceSchema, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { type Chip, chipSchema, compact } from './chip.js'
import {
  aliasesSchema,
  checkMetaPaths,
  idSchema,
  nameSchema,
  notesSchema,
  type Sources,
  sourcesSchema,
} from './entry-meta.js'
import { reference } from './reference.js'

export interface Pod {
  kind: 'pod'
  id: string
  name: string
  aliases: string[]
  /** The chip the pod is built from, where the catalog has it. */
  chip?: Chip
  chips: number
  /** Total memory, bytes. */
  memory: number
  /** Total power, W. */
  power: number
  provenance: Provenance
  sources?: Sources
  notes?: string
}

export function createPodSchema(lookups: { chip: (id: string) => Chip }) {
  return z
    .strictObject({
      kind: z.literal('pod').default('pod'),
      id: idSchema,
      name: nameSchema,
      aliases: aliasesSchema,
      chip: reference('hardware', chipSchema, lookups.chip).optional(),
      chips: z.int().positive(),
      memory: quantitySchema('bytes', { positive: true }),
      power: quantitySchema('watts', { positive: true }),
      provenance: provenanceSchema,
      sources: sourcesSchema,
      notes: notesSchema,
    })
    .transform((p): Pod => compact(p) as Pod)
    .superRefine((p, ctx) => checkMetaPaths(p, ctx))
}
