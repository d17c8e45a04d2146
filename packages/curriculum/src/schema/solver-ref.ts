/**
 * References into @mlsysim/core: a solver id (kebab-case, stable) and one of its input or
 * output keys (the original's keyword arguments in camelCase). They are resolved against the
 * real solver registry by the cross-reference checks (§3.8 checks 5 and 6).
 */
import { z } from 'zod'
import { kebabId, text } from './common.js'

export const solverIdSchema = kebabId('solver')

/** A control bound to one input of one solver. */
export const paramRefSchema = z
  .strictObject({
    solver: solverIdSchema,
    input: text('solver input key'),
  })
  .meta({ description: 'a solver input: solver id + input key' })

/** Solver inputs: catalog ids as strings, numbers in the solver's units, flags. */
export const solverInputSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))

/** One solver run and the output read from it. */
export const solverRunSchema = z
  .strictObject({
    solver: solverIdSchema,
    input: solverInputSchema,
    /** Output key of the result (e.g. `latency`, `kvCacheSize`, `inferenceSpeedup`). */
    output: text('solver output key'),
  })
  .meta({ description: 'a solver run and the output key read from its result' })

/**
 * How the answer of a numeric prediction is computed: one run's output, or the ratio of two
 * runs (speedups). Values come back in base SI units and are converted to the prediction's unit.
 */
export const computedAnswerSchema = z
  .strictObject({
    run: solverRunSchema,
    divideBy: solverRunSchema.optional(),
  })
  .meta({ description: 'a numeric answer computed by @mlsysim/core' })

export type ParamRef = z.infer<typeof paramRefSchema>
export type SolverRun = z.infer<typeof solverRunSchema>
export type ComputedAnswer = z.infer<typeof computedAnswerSchema>
