/**
 * Fields every catalog entry shares: a canonical id, readable aliases, a provenance that
 * covers every number of the entry, per-field provenance overrides, and machine-readable
 * corrections wherever this catalog deliberately differs from the Python original.
 */
import { type Provenance, provenanceSchema, valueAt } from '@mlsysim/units'
import { z } from 'zod'

/** Canonical ids keep the original's registry keys (`H100`, `JetsonOrinNX`, `ESP32_S3`, `US_Avg`). */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.+-]*$/, 'an id starts with a letter and uses letters, digits, _ . + -')

export const nameSchema = z.string().trim().min(1, 'name must not be empty')

export const aliasesSchema = z.array(z.string().trim().min(1)).default([])

export const notesSchema = z.string().trim().min(1).optional()

/**
 * Per-field provenance by dotted path in the resolved entry (`tdp`, `compute.precisions.int8`,
 * `nvlink.bandwidth`); fields without an override carry the entry's `provenance`.
 */
export const sourcesSchema = z.record(z.string().min(1), provenanceSchema).optional()

/**
 * Where this catalog deliberately differs from mlsysim 0.1.2, so that a solver running with
 * `fidelity: 'mlsysim-0.1.2'` can put the original's value back. `original` is the value in
 * resolved (SI) form, or null when the original lacked the field.
 */
export interface Correction {
  path: string
  original: unknown
  reason: string
}

export const correctionSchema = z.strictObject({
  path: z.string().min(1),
  original: z
    .unknown()
    .refine((v) => v !== undefined, 'original is required (null when the original lacked the field)'),
  reason: z.string().trim().min(1),
})

export const correctionsSchema = z.array(correctionSchema).optional()

export type Sources = Record<string, Provenance>

/** The value at a dotted path, or undefined. */
export function valueAtPath(entry: unknown, path: string): unknown {
  return valueAt(entry, path.split('.'))
}

/** Dotted paths of every number in an object (arrays included by index). */
export function numericPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'number') return [prefix]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) =>
    numericPaths(child, prefix === '' ? key : `${prefix}.${key}`),
  )
}

/**
 * Checks that `sources` and `corrections` point at real fields of the resolved entry, so a
 * provenance override cannot silently cite a field that does not exist.
 */
export function checkMetaPaths(
  entry: { sources?: Sources; corrections?: Correction[] },
  ctx: z.RefinementCtx,
): void {
  for (const path of Object.keys(entry.sources ?? {})) {
    if (valueAtPath(entry, path) === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources', path],
        message: `sources names '${path}', which this entry does not have`,
      })
    }
  }
  for (const [i, correction] of (entry.corrections ?? []).entries()) {
    if (valueAtPath(entry, correction.path) === undefined && correction.original === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', i, 'path'],
        message: `correction names '${correction.path}', which is neither in this entry nor in the original`,
      })
    }
  }
}

/**
 * Provenance of one field of an entry: the override in `sources` for that path or the nearest
 * enclosing path (`compute.precisions` covers `compute.precisions.int8`), else the entry's.
 */
export function provenanceOf(entry: { provenance: Provenance; sources?: Sources }, path: string): Provenance {
  const keys = path.split('.')
  for (let n = keys.length; n > 0; n--) {
    const found = entry.sources?.[keys.slice(0, n).join('.')]
    if (found) return found
  }
  return entry.provenance
}
