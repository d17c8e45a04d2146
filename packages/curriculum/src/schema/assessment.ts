/**
 * The assessment layer: three tiers, rubrics with points per level, capstones with per-track
 * budgets, design challenges, and the practice layer that ties course moments to evidence.
 */
import { z } from 'zod'
import { annotations, kebabId, quantitySchema, ref, text } from './common.js'

export const rubricSchema = z
  .strictObject({
    id: kebabId('rubric'),
    title: text('rubric title'),
    /** Points of a perfect score; criteria maxima must add up to it (§3.8 check 16). */
    total: z.number().positive(),
    criteria: z
      .array(
        z.strictObject({
          name: text('criterion name'),
          levels: z
            .array(z.strictObject({ points: z.number().min(0), descriptor: text('level descriptor') }))
            .min(1),
        }),
      )
      .min(1),
  })
  .meta({ description: 'a grading rubric' })

export const capstoneTrackSchema = z.strictObject({
  /** Track label as the capstone names it (Cloud, Edge, Mobile, Tiny). */
  label: text('capstone track label'),
  /** The course track it corresponds to, when one does. */
  trackId: ref('track').optional(),
  deviceRefs: z.array(ref('hardware')).min(1),
  /** How the page names the device ("Raspberry Pi + Coral", "simulated phone SoC"). */
  deviceLabel: text('device label'),
  latencyP99: quantitySchema,
  memory: quantitySchema,
  /** Minimum accuracy, in %. */
  accuracy: quantitySchema,
})

export const capstoneSchema = z
  .strictObject({
    id: kebabId('capstone'),
    title: text('capstone title'),
    offeringId: ref('offering'),
    /** Per-track budgets (empty for a report-only capstone). */
    tracks: z.array(capstoneTrackSchema),
    /** Score components, when the capstone has its own scoring… */
    scoring: z
      .array(z.strictObject({ component: text('scoring component'), points: z.number().positive() }))
      .optional(),
    /** …or the rubric it is graded with. */
    rubricId: ref('rubric').optional(),
    /** The lab it builds on, if any. */
    labId: ref('lab').optional(),
    ...annotations,
  })
  .refine((c) => c.scoring !== undefined || c.rubricId !== undefined, {
    message: 'a capstone needs scoring components or a rubricId',
    path: ['scoring'],
  })
  .meta({ description: 'a capstone with per-track budgets and scoring' })

export const designChallengeSchema = z
  .strictObject({
    id: kebabId('design challenge'),
    offeringId: ref('offering'),
    title: text('design challenge title'),
    description: text('design challenge description'),
    rubricId: ref('rubric'),
    /** Labs whose Part C (or decision part) the challenge extends. */
    labIds: z.array(ref('lab')),
    ...annotations,
  })
  .meta({ description: 'a design challenge' })

export const assessmentTierSchema = z.strictObject({
  id: kebabId('assessment tier'),
  title: text('tier title'),
  weight: z.number().min(0).max(100),
  description: text('tier description'),
})

export const practiceLayerRowSchema = z.strictObject({
  moment: text('course moment'),
  evidence: text('evidence of mastery'),
  artifact: text('recommended artifact'),
  connection: text('StaffML / quiz connection'),
})

export const assessmentSchema = z
  .strictObject({
    tiers: z.array(assessmentTierSchema).min(1),
    rubrics: z.array(rubricSchema),
    capstones: z.array(capstoneSchema),
    designChallenges: z.array(designChallengeSchema),
    practiceLayer: z.array(practiceLayerRowSchema),
    ...annotations,
  })
  .meta({ description: 'the assessment layer' })

export type Rubric = z.infer<typeof rubricSchema>
export type CapstoneTrack = z.infer<typeof capstoneTrackSchema>
export type Capstone = z.infer<typeof capstoneSchema>
export type DesignChallenge = z.infer<typeof designChallengeSchema>
export type Assessment = z.infer<typeof assessmentSchema>
