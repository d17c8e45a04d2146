/**
 * Reference tables the course pages print and the checks use: the 22 walls (each resolved
 * by a solver of @mlsysim/core), the Iron Law's terms, and hand-written pages audited for drift.
 */
import { z } from 'zod'
import { kebabId, quantitySchema, ref, text } from './common.js'
import { solverIdSchema } from './solver-ref.js'

export const WALL_DOMAINS = ['node', 'data', 'algorithm', 'fleet', 'operations', 'analysis'] as const

export const wallSchema = z
  .strictObject({
    number: z.number().int().min(1).max(22),
    name: text('wall name'),
    domain: z.enum(WALL_DOMAINS),
    /** The solver that resolves the wall. */
    resolver: solverIdSchema,
    equation: text('wall equation'),
  })
  .meta({ description: 'one of the 22 walls' })

export const ironLawSchema = z
  .strictObject({
    /** LaTeX of the course-map form. */
    equation: text('equation'),
    terms: z
      .array(
        z.strictObject({
          symbol: text('symbol'),
          latex: text('latex'),
          meaning: text('meaning'),
          /** Example per offering id. */
          examples: z.record(z.string(), text('example')),
        }),
      )
      .min(1),
  })
  .meta({ description: 'the Iron Law and its terms' })

/**
 * A hand-written page (syllabus, course map) audited against the catalog: the lab titles and
 * capstone budgets it prints. Generated pages need no such record.
 */
export const pageSchema = z
  .strictObject({
    id: kebabId('page'),
    title: text('page title'),
    path: text('page path'),
    labMentions: z.array(
      z.strictObject({
        volumeId: ref('volume'),
        /** Id, alias or file stem the page links. */
        labRef: ref('lab'),
        /** Title as the page prints it. */
        title: text('printed title'),
        offeringId: ref('offering').optional(),
        week: z.number().int().positive().optional(),
      }),
    ),
    capstoneSpecs: z
      .array(
        z.strictObject({
          capstoneId: ref('capstone'),
          /** The capstone track the page describes (Tiny, Cloud…). */
          trackLabel: text('track label'),
          latencyP99: quantitySchema.optional(),
          memory: quantitySchema.optional(),
          name: text('spec name').optional(),
        }),
      )
      .optional(),
  })
  .meta({ description: 'a hand-written course page audited for drift' })

export type Wall = z.infer<typeof wallSchema>
export type IronLaw = z.infer<typeof ironLawSchema>
export type Page = z.infer<typeof pageSchema>
