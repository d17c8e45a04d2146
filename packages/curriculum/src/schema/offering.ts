/**
 * Offerings (syllabi) and their weeks. A week names what students read, build, explore and
 * deploy, and what is due; every reference is checked against the catalog (§3.8 checks 1, 2,
 * 12, 13).
 */
import { z } from 'zod'
import { numeralSchema } from './book.js'
import { annotations, kebabId, ref, text } from './common.js'

export const DUE_KINDS = [
  'decision-log',
  'module',
  'design-challenge',
  'capstone',
  'quiz',
  'hardware-lab',
  'colab',
  'final-project',
] as const

export const dueItemSchema = z.strictObject({
  kind: z.enum(DUE_KINDS),
  /** The lab (decision-log), module, design challenge, capstone, chapter (quiz) or kit activity due. */
  refId: ref('due item target'),
  label: text('due label').optional(),
})

/** What a week's Build column says when no module starts or continues. */
export const TINYTORCH_NOTES = ['catch-up', 'capstone-prep', 'capstone-work', 'ai-olympics'] as const

export const weekSchema = z
  .strictObject({
    number: z.number().int().positive(),
    /** The syllabus part the week belongs to. */
    partNumeral: numeralSchema,
    /** Chapters read this week, by id or alias, in the offering's volume. */
    chapterIds: z.array(ref('chapter')),
    /** Labs explored this week, by id or alias (old slugs resolve, with a warning). */
    labIds: z.array(ref('lab')),
    tinytorchModuleIds: z.array(ref('TinyTorch module')),
    tinytorchNote: z.enum(TINYTORCH_NOTES).optional(),
    /** Historical milestones students reach this week. */
    milestoneIds: z.array(ref('milestone')).optional(),
    kitActivityIds: z.array(ref('kit activity')),
    due: z.array(dueItemSchema),
    objectives: z.array(text('objective')).optional(),
    instructorTip: text('instructor tip').optional(),
    /** Weeks an instructor may drop (the TinyML offering runs 10–12 weeks). */
    optional: z.boolean().optional(),
    ...annotations,
  })
  .meta({ description: 'one week of an offering' })

export const GRADE_COMPONENT_KINDS = [...DUE_KINDS, 'participation', 'other'] as const

export const gradeComponentSchema = z.strictObject({
  component: text('grade component'),
  kind: z.enum(GRADE_COMPONENT_KINDS),
  /** Percent of the final grade. */
  weight: z.number().min(0).max(100),
  /** How many graded items the component has (15 decision logs, 4 design challenges). */
  count: z.number().int().positive().optional(),
})

export const offeringSchema = z
  .strictObject({
    id: kebabId('offering'),
    title: text('offering title'),
    volumeId: ref('volume'),
    /** Planned length; `min` < `weeks` when trailing weeks are optional. */
    weeksCount: z.strictObject({ min: z.number().int().positive(), max: z.number().int().positive() }),
    lectures: z
      .strictObject({ count: z.number().int().positive(), minutes: z.number().positive() })
      .optional(),
    /**
     * The offering's own parts, when they are not the volume's (the TinyML course's Fundamentals,
     * Applications…). Without them, a week's part is the book part of what it reads.
     */
    parts: z
      .array(z.strictObject({ numeral: numeralSchema, title: text('offering part title') }))
      .min(1)
      .optional(),
    /** Weeks between reading chapter k and doing its lab (1: the lab follows its chapter). */
    labLagWeeks: z.number().int().min(0),
    /** `all`: every chapter of the volume is read exactly once; `subset`: at most once. */
    coverage: z.enum(['all', 'subset']),
    defaultTrackId: ref('track').optional(),
    /** Hardware the offering assumes students have, by catalog id. */
    hardwareRefs: z.array(ref('hardware')).optional(),
    sourcePath: text('source path').optional(),
    gradeBreakdown: z.array(gradeComponentSchema).min(1),
    /** Labs of the volume the offering leaves out on purpose (the reason goes in a decision). */
    unscheduledLabIds: z.array(ref('lab')).optional(),
    weeks: z.array(weekSchema).min(1),
    ...annotations,
  })
  .meta({ description: 'an offering (syllabus) of the course with its week map' })

export type DueItem = z.infer<typeof dueItemSchema>
export type Week = z.infer<typeof weekSchema>
export type GradeComponent = z.infer<typeof gradeComponentSchema>
export type Offering = z.infer<typeof offeringSchema>
