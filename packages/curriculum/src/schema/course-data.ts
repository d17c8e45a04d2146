/**
 * The whole course as one document: what `validateCourse` takes, what the loaders assemble
 * from a directory of YAML/JSON files, and what `curriculumJsonSchema()` describes.
 */
import { z } from 'zod'
import { assessmentSchema } from './assessment.js'
import { chapterSchema, partSchema, volumeSchema } from './book.js'
import { courseMetaSchema } from './course.js'
import { failureStateSchema, instrumentSchema } from './instrument.js'
import { interviewDrillSchema, interviewTaxonomySchema } from './interview.js'
import { kitActivitySchema, kitSchema } from './kit.js'
import { labSchema, reportContractSchema } from './lab.js'
import { offeringSchema } from './offering.js'
import { quizSchema } from './quiz.js'
import { ironLawSchema, pageSchema, wallSchema } from './reference.js'
import { milestoneSchema, tinytorchModuleSchema } from './tinytorch.js'
import { trackSchema } from './track.js'

/** Entity collections of a course document, keyed as they appear in it. */
export const collectionSchemas = {
  volumes: volumeSchema,
  parts: partSchema,
  chapters: chapterSchema,
  offerings: offeringSchema,
  labs: labSchema,
  instruments: instrumentSchema,
  failureStates: failureStateSchema,
  tracks: trackSchema,
  tinytorchModules: tinytorchModuleSchema,
  milestones: milestoneSchema,
  kits: kitSchema,
  kitActivities: kitActivitySchema,
  walls: wallSchema,
  quizzes: quizSchema,
  interviewDrills: interviewDrillSchema,
  pages: pageSchema,
} as const

export type CollectionName = keyof typeof collectionSchemas
export const COLLECTION_NAMES = Object.keys(collectionSchemas) as CollectionName[]

/** Singular entity nouns, for messages ("lab 'v1_02_…'"). */
export const ENTITY_NOUNS: Record<CollectionName, string> = {
  volumes: 'volume',
  parts: 'part',
  chapters: 'chapter',
  offerings: 'offering',
  labs: 'lab',
  instruments: 'instrument',
  failureStates: 'failure state',
  tracks: 'track',
  tinytorchModules: 'TinyTorch module',
  milestones: 'milestone',
  kits: 'kit',
  kitActivities: 'kit activity',
  walls: 'wall',
  quizzes: 'quiz',
  interviewDrills: 'interview drill',
  pages: 'page',
}

/** Single-object sections of a course document. */
export const singletonSchemas = {
  course: courseMetaSchema,
  assessment: assessmentSchema,
  reportContract: reportContractSchema,
  ironLaw: ironLawSchema,
  interviewTaxonomy: interviewTaxonomySchema,
} as const

export type SingletonName = keyof typeof singletonSchemas

export const courseDataSchema = z
  .strictObject({
    course: courseMetaSchema,
    volumes: z.array(volumeSchema),
    parts: z.array(partSchema),
    chapters: z.array(chapterSchema),
    offerings: z.array(offeringSchema),
    labs: z.array(labSchema),
    instruments: z.array(instrumentSchema),
    failureStates: z.array(failureStateSchema),
    tracks: z.array(trackSchema),
    tinytorchModules: z.array(tinytorchModuleSchema),
    milestones: z.array(milestoneSchema),
    kits: z.array(kitSchema),
    kitActivities: z.array(kitActivitySchema),
    walls: z.array(wallSchema),
    assessment: assessmentSchema,
    reportContract: reportContractSchema,
    ironLaw: ironLawSchema.optional(),
    quizzes: z.array(quizSchema).optional(),
    interviewDrills: z.array(interviewDrillSchema).optional(),
    interviewTaxonomy: interviewTaxonomySchema.optional(),
    pages: z.array(pageSchema).optional(),
  })
  .meta({
    title: 'MLSys·im course',
    description:
      'The Machine Learning Systems course (mlsysbook.ai) as data: volumes, parts, chapters, offerings and weeks, labs, tracks, TinyTorch, kits, assessment.',
  })

export type CourseData = z.infer<typeof courseDataSchema>
