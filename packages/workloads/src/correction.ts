/**
 * A deliberate difference from the Python original. The catalog stores the value we believe
 * is right; the correction keeps the original's value so a "fidelity" mode can reproduce the
 * original's numbers exactly (the conformance cases were computed with them).
 *
 * Example: the original's Mixtral-8x7B has no `kv_heads`, so its KV cache is sized as
 * multi-head attention over 32 heads; the real model has 8 KV heads (GQA). The catalog stores
 * `kvHeads: 8` with `{ path: 'kvHeads', original: null, reason }`.
 */
import { z } from 'zod'

export const correctionSchema = z.strictObject({
  /** The corrected field, e.g. "kvHeads". */
  path: z.string().trim().min(1, 'path must name the corrected field'),
  /** The original's value in SI base units, or null when the original lacked the field. */
  original: z.union([z.number(), z.string(), z.boolean(), z.null()], {
    error: 'original must be the original value (number, string, boolean) or null when it was absent',
  }),
  /** Why the value was changed, with the evidence. */
  reason: z.string().trim().min(1, 'reason must say why the value differs from the original'),
})

export type Correction = z.infer<typeof correctionSchema>
