/**
 * Where a number comes from. Every catalog value carries a Provenance; the rules make a
 * citation checkable: datasheets, papers and industry reports need a URL, and estimates
 * and derived values need notes that say how they were obtained.
 */
import { z } from 'zod'

export const PROVENANCE_KINDS = [
  'datasheet',
  'literature',
  'industry_report',
  'estimate',
  'derived',
  'convention',
  'illustrative',
] as const

export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number]

const NEEDS_URL: ReadonlySet<ProvenanceKind> = new Set(['datasheet', 'literature', 'industry_report'])
const NEEDS_NOTES: ReadonlySet<ProvenanceKind> = new Set(['estimate', 'derived'])

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 is rejected). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
  }, 'is not a real calendar date')

/** Today as YYYY-MM-DD (UTC): the `verified` date of a record made now, e.g. for a user's inline definition. */
export function todayIsoDate(): string {
  return new Date().toISOString().slice(0, 10)
}

export const provenanceSchema = z
  .strictObject({
    kind: z.enum(PROVENANCE_KINDS),
    /** Human-readable citation: document, table, page. */
    ref: z.string().trim().min(1, 'ref must name the source'),
    url: z.url().optional(),
    /** When someone last checked the value against the source. */
    verified: isoDateSchema,
    notes: z.string().trim().min(1).optional(),
    /** Stable id of a shared record, e.g. "prov:nvidia-h100-datasheet". */
    id: z
      .string()
      .regex(/^prov:[a-z0-9][a-z0-9._-]*$/, 'id must look like prov:vendor-part-document')
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (NEEDS_URL.has(p.kind) && !p.url) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: `a ${p.kind} source needs a url` })
    }
    if (NEEDS_NOTES.has(p.kind) && !p.notes) {
      ctx.addIssue({
        code: 'custom',
        path: ['notes'],
        message: `${p.kind === 'estimate' ? 'an estimate' : 'a derived value'} needs notes saying how it was obtained`,
      })
    }
  })

export type Provenance = z.infer<typeof provenanceSchema>

/** A value with the source it came from. Arithmetic on `.value` drops the provenance, on purpose. */
export interface Sourced<T = number> {
  readonly value: T
  readonly provenance: Provenance
}

/** Builds a Sourced value, validating the provenance (throws a ZodError naming the bad field). */
export function sourced<T>(value: T, provenance: Provenance): Sourced<T> {
  return Object.freeze({ value, provenance: provenanceSchema.parse(provenance) })
}

/** Schema of `{ value, provenance }` around any value schema. */
export function sourcedSchema<S extends z.ZodType>(value: S) {
  return z.strictObject({ value, provenance: provenanceSchema })
}
