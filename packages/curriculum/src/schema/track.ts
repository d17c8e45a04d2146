/**
 * The four canonical tracks and their per-lab variants. Hardware, fleet and workload refs are
 * catalog ids of @mlsysim/hardware and @mlsysim/workloads (§3.8 check 10).
 */
import { z } from 'zod'
import { aliasesSchema, annotations, quantitySchema, ref, snakeId, text } from './common.js'
import { controlValueSchema } from './control.js'

export const trackSchema = z
  .strictObject({
    id: snakeId('track'),
    label: text('track label'),
    category: text('track category'),
    hardwareRef: ref('hardware'),
    systemRef: ref('fleet').optional(),
    /** Workload a lab uses on this track unless its variant says otherwise. */
    defaultModelRef: ref('workload'),
    stakeholder: text('stakeholder'),
    primaryMetrics: z.array(text('metric')).min(1),
    guardrailMetrics: z.array(text('metric')),
    dominantConstraints: z.array(text('constraint')).min(1),
    /** Whether the hardware figures are public datasheet values or estimates (Oura, RoboTaxi). */
    evidence: z.enum(['datasheet', 'estimate']),
    isDefault: z.boolean().optional(),
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'a canonical lab track (persona + hardware)' })

export const labTrackVariantSchema = z
  .strictObject({
    scenario: text('variant scenario'),
    hardwareRef: ref('hardware'),
    systemRef: ref('fleet').optional(),
    modelRef: ref('workload'),
    /** Per-track control defaults, by control id. */
    defaults: z.record(z.string(), controlValueSchema).optional(),
    /** Per-track limits, by metric; constraint checks may point at them (`limitRef`). */
    thresholds: z.record(z.string(), quantitySchema).optional(),
    residualRisk: text('residual risk').optional(),
  })
  .meta({ description: 'how one lab plays on one track' })

export type Track = z.infer<typeof trackSchema>
export type LabTrackVariant = z.infer<typeof labTrackVariantSchema>
