/**
 * Constant tables (technology, pricing, reliability…) are groups of related numbers that
 * share one source. A group is a strict object of quantities plus its `provenance`, optional
 * per-field `sources` overrides and `notes` — the same provenance rule as catalog entries.
 */
import { provenanceSchema } from '@mlsysim/units'
import { z } from 'zod'
import { notesSchema, sourcesSchema } from '../schema/entry-meta.js'

export function sourcedGroup<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({
    ...shape,
    provenance: provenanceSchema,
    sources: sourcesSchema,
    notes: notesSchema,
  })
}
