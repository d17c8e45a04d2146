/**
 * A control of a lab part (slider, dropdown, toggle…). It is bound either to a solver input
 * (`paramRef`, checked against @mlsysim/core) or, for the lab-local formulas no solver covers
 * (speed of light, Amdahl), to a variable of the part's Math Peek (`variableRef`).
 */
import { z } from 'zod'
import { kebabId, text, unitSchema } from './common.js'
import { paramRefSchema } from './solver-ref.js'

export const CONTROL_KINDS = [
  'slider',
  'range',
  'number',
  'radio',
  'dropdown',
  'checkbox',
  'multiselect',
  'switch',
  'preset',
] as const

/** Kinds whose value is a number on a scale: they need min, max and (unless unitless) a unit. */
export const NUMERIC_CONTROL_KINDS: ReadonlySet<string> = new Set(['slider', 'range', 'number'])

export const controlValueSchema = z.union([z.number(), z.string(), z.boolean()])

export const controlOptionSchema = z.strictObject({
  label: text('option label'),
  value: controlValueSchema,
})

export const controlSchema = z
  .strictObject({
    id: kebabId('control'),
    kind: z.enum(CONTROL_KINDS),
    label: text('control label'),
    unit: unitSchema.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().positive().optional(),
    scale: z.enum(['linear', 'log']).optional(),
    /** Default value; may instead come from every track variant's `defaults`. */
    default: controlValueSchema.optional(),
    options: z.array(controlOptionSchema).optional(),
    paramRef: paramRefSchema.optional(),
    variableRef: text('Math Peek variable').optional(),
    /** Hidden in the advanced drawer; at most 3 non-advanced controls per part. */
    advanced: z.boolean().optional(),
    /** Unitless numeric controls (counts, fractions) say so instead of leaving the unit out by mistake. */
    unitless: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.paramRef === !c.variableRef) {
      ctx.addIssue({
        code: 'custom',
        path: ['paramRef'],
        message: `control '${c.id}' must bind exactly one of paramRef (a solver input) or variableRef (a Math Peek variable)`,
      })
    }
    if (NUMERIC_CONTROL_KINDS.has(c.kind) && (c.min === undefined || c.max === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: `${c.kind} control '${c.id}' needs min and max`,
      })
    }
    if (c.min !== undefined && c.max !== undefined && !(c.min < c.max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `control '${c.id}': max ${c.max} must exceed min ${c.min}`,
      })
    }
    if (c.scale === 'log' && c.min !== undefined && c.min <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: `log-scale control '${c.id}' needs min > 0, got ${c.min}`,
      })
    }
    if ((c.kind === 'radio' || c.kind === 'dropdown' || c.kind === 'multiselect') && !c.options?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `${c.kind} control '${c.id}' needs options`,
      })
    }
  })
  .meta({ description: 'a lab control bound to a solver input or a Math Peek variable' })

export type Control = z.infer<typeof controlSchema>
export type ControlValue = z.infer<typeof controlValueSchema>
