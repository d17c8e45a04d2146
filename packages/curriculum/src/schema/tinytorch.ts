/** TinyTorch (the Build pillar): modules in tiers, and the historical milestones they unlock. */
import { z } from 'zod'
import { aliasesSchema, annotations, kebabId, ref, text } from './common.js'

export const TINYTORCH_TIERS = ['foundation', 'architecture', 'optimization', 'capstone'] as const

export const tinytorchModuleSchema = z
  .strictObject({
    /** `NN_slug`, as the Quarto sidebar (canonical) numbers it. */
    id: z.string().regex(/^\d{2}_[a-z0-9_]+$/, {
      error: (i) => `TinyTorch module id ${JSON.stringify(i.input)} must look like 01_tensor`,
    }),
    number: z.number().int().min(1).max(99),
    title: text('module title'),
    subtitle: text('module subtitle').optional(),
    description: text('module description').optional(),
    tier: z.enum(TINYTORCH_TIERS),
    hours: z.strictObject({ min: z.number().positive(), max: z.number().positive() }).optional(),
    prereqIds: z.array(ref('TinyTorch module')),
    milestoneId: ref('milestone').optional(),
    url: z.url(),
    /** Stale numberings (`05_autograd` for 06_autograd). */
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'a TinyTorch module' })

export const milestoneSchema = z
  .strictObject({
    id: kebabId('milestone'),
    number: z.number().int().positive(),
    year: z.number().int().min(1900).max(2100),
    title: text('milestone title'),
    requiresModuleIds: z.array(ref('TinyTorch module')).min(1),
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'a historical milestone students reproduce with TinyTorch' })

export type TinyTorchModule = z.infer<typeof tinytorchModuleSchema>
export type Milestone = z.infer<typeof milestoneSchema>
