/**
 * A field that names another catalog entry: an id/alias resolved against a catalog, or an
 * inline definition validated by that entry's schema. Issues of an inline definition keep
 * their paths (`node.accelerator.memory.bandwidth`), and a miss keeps the catalog's
 * did-you-mean message.
 */
import { z } from 'zod'

export function reference<S extends z.ZodType>(kind: string, inline: S, lookup: (id: string) => z.output<S>) {
  return z
    .union([
      z.string(),
      z.custom<z.input<S>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
        error: `must be a ${kind} id or an inline ${kind} definition`,
      }),
    ])
    .transform((value, ctx): z.output<S> => {
      if (typeof value === 'string') {
        try {
          return lookup(value)
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) })
          return z.NEVER
        }
      }
      const result = inline.safeParse(value)
      if (result.success) return result.data
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', path: [...issue.path] as (string | number)[], message: issue.message })
      }
      return z.NEVER
    })
}
