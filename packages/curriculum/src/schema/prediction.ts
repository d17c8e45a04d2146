/**
 * The prediction a student locks before exploring. A choice prediction names its correct
 * option; a numeric one carries a unit, a tolerance and an answer that is either written down
 * or — as in the shipped course — computed by a solver of @mlsysim/core.
 */
import { z } from 'zod'
import { kebabId, quantitySchema, sourceSchema, text, unitSchema } from './common.js'
import { computedAnswerSchema } from './solver-ref.js'

export const predictionOptionSchema = z.strictObject({
  id: kebabId('prediction option'),
  label: text('option label'),
})

export const choicePredictionSchema = z
  .strictObject({
    kind: z.literal('choice'),
    prompt: text('prediction prompt'),
    options: z.array(predictionOptionSchema).min(2, 'a choice prediction needs at least two options'),
    correctOptionId: text('correct option id'),
    /** Options students often pick, and why they are wrong. */
    commonWrong: z.array(text('option id')).optional(),
    whyWrong: text('why wrong').optional(),
  })
  .meta({ description: 'a multiple-choice prediction' })

export const numericPredictionSchema = z
  .strictObject({
    kind: z.literal('numeric'),
    prompt: text('prediction prompt'),
    unit: unitSchema,
    /** Accepted relative error, in percent of the correct value. */
    tolerancePct: z.number().positive().max(100),
    /** A correct value written down (for formulas no solver covers). */
    value: z.number().optional(),
    /** A correct value computed by @mlsysim/core (preferred: it follows the catalog). */
    compute: computedAnswerSchema.optional(),
    /** The figure the lab plan quotes, kept for the record; the answer is `value`/`compute`. */
    claimed: z.strictObject({ value: quantitySchema, source: sourceSchema }).optional(),
    commonWrong: z.array(z.number()).optional(),
    whyWrong: text('why wrong').optional(),
  })
  .meta({ description: 'a numeric prediction with unit, tolerance and answer' })

export const predictionSchema = z.discriminatedUnion('kind', [
  choicePredictionSchema,
  numericPredictionSchema,
])

export type ChoicePrediction = z.infer<typeof choicePredictionSchema>
export type NumericPrediction = z.infer<typeof numericPredictionSchema>
export type Prediction = z.infer<typeof predictionSchema>
