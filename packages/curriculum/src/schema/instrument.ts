/**
 * Instruments are the lab visuals with a reusable component (roofline, latency waterfall,
 * memory ledger…). Each is introduced by one lab and may only be used from that lab on
 * (progressive disclosure, §3.8 check 8). Generic chart devices have no introducing lab.
 */
import { z } from 'zod'
import { aliasesSchema, annotations, kebabId, ref, text } from './common.js'

export const instrumentSchema = z
  .strictObject({
    id: kebabId('instrument'),
    title: text('instrument title'),
    /** The lab that introduces it; `null` for generic devices (line chart, gauge, table). */
    introducedInLabId: ref('lab').nullable(),
    /** What result it draws: a solver result type or a lab-local series. */
    consumes: text('consumed result type'),
    /** Every chart has a table fallback (accessibility contract). */
    tableFallback: z.boolean(),
    /** The web component that renders it, when one exists. */
    component: z
      .string()
      .regex(/^mls-[a-z0-9-]+$/, { error: (i) => `component ${JSON.stringify(i.input)} must be an mls- tag` })
      .optional(),
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'an instrument of the lab toolkit' })

/** An instrument placed in a lab part's Evidence slot. */
export const instrumentUseSchema = z.strictObject({
  instrumentId: ref('instrument'),
  /** What this use shows, in the lab's words ("log–log attention memory"). */
  caption: text('caption').optional(),
  primary: z.boolean().optional(),
})

export const failureStateSchema = z
  .strictObject({
    id: kebabId('failure state'),
    title: text('failure state title'),
    /** The banner text. */
    message: text('failure message'),
    /** The first thing to try; failure states are reversible. */
    firstMitigation: text('first mitigation'),
    ...annotations,
  })
  .meta({ description: 'a reversible failure state of the lab shell' })

/** A failure state a part can reach, with the condition over results that triggers it. */
export const failureUseSchema = z.strictObject({
  id: ref('failure state'),
  condition: text('failure condition'),
})

export type Instrument = z.infer<typeof instrumentSchema>
export type InstrumentUse = z.infer<typeof instrumentUseSchema>
export type FailureState = z.infer<typeof failureStateSchema>
export type FailureUse = z.infer<typeof failureUseSchema>
