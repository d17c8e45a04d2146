/**
 * StaffML interview drills (interviews/vault/questions/**.yaml), with the closed vocabularies
 * of the vault's schema. Rules that relate fields (level ↔ Bloom, zone × Bloom, lengths,
 * topic list) are cross-checks (§3.8 check 15).
 */
import { z } from 'zod'
import { ref, text } from './common.js'

export const INTERVIEW_TRACKS = ['cloud', 'edge', 'mobile', 'tinyml', 'global'] as const
export const INTERVIEW_LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6+'] as const
export const INTERVIEW_ZONES = [
  'recall',
  'analyze',
  'design',
  'implement',
  'fluency',
  'diagnosis',
  'specification',
  'optimization',
  'evaluation',
  'realization',
  'mastery',
] as const
export const COMPETENCY_AREAS = [
  'compute',
  'memory',
  'latency',
  'precision',
  'power',
  'architecture',
  'optimization',
  'parallelism',
  'networking',
  'deployment',
  'reliability',
  'data',
  'cross-cutting',
] as const
export const BLOOM_LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'] as const

export const interviewDrillSchema = z
  .strictObject({
    schemaVersion: z.literal('1.0'),
    id: z.string().regex(/^(cloud|edge|mobile|tinyml|global)-\d{4}$/, {
      error: (i) => `drill id ${JSON.stringify(i.input)} must look like <track>-<NNNN>, e.g. cloud-0042`,
    }),
    track: z.enum(INTERVIEW_TRACKS),
    level: z.enum(INTERVIEW_LEVELS),
    zone: z.enum(INTERVIEW_ZONES),
    topic: text('topic'),
    competencyArea: z.enum(COMPETENCY_AREAS),
    bloomLevel: z.enum(BLOOM_LEVELS).optional(),
    phase: z.enum(['training', 'inference', 'both']).optional(),
    title: text('title'),
    scenario: text('scenario'),
    question: text('question').optional(),
    details: z.strictObject({
      realisticSolution: text('realistic solution'),
      commonMistake: text('common mistake').optional(),
      napkinMath: text('napkin math').optional(),
    }),
    status: z.enum(['draft', 'published', 'flagged', 'archived', 'deleted']),
    provenance: z.enum(['human', 'llm-draft', 'llm-then-human-edited', 'imported']),
    expectedTimeMinutes: z.number().positive().optional(),
    /** Chapters the drill practises (`vol1/hw_acceleration`). */
    chapterRefs: z.array(ref('chapter')).optional(),
  })
  .meta({ description: 'a StaffML interview drill' })

/** The vault's closed topic list; when present, every drill's topic must be on it. */
export const interviewTaxonomySchema = z.strictObject({
  topics: z.array(text('topic')).min(1),
  source: text('source').optional(),
})

export type InterviewDrill = z.infer<typeof interviewDrillSchema>
export type InterviewTaxonomy = z.infer<typeof interviewTaxonomySchema>
