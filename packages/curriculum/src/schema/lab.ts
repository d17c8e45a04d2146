/**
 * Labs: the catalog entry (ids, numbering across the three historical layouts, titles,
 * chapter, walls and solvers), its parts down to predictions and controls, its track variants,
 * its synthesis and what it writes to and reads from the Design Ledger.
 */
import { z } from 'zod'
import { aliasesSchema, annotations, kebabId, quantitySchema, ref, snakeId, text } from './common.js'
import { controlSchema, controlValueSchema } from './control.js'
import { failureUseSchema, instrumentUseSchema } from './instrument.js'
import { predictionSchema } from './prediction.js'
import { solverIdSchema } from './solver-ref.js'
import { labTrackVariantSchema } from './track.js'

/**
 * Lab numbering layouts (§0, §2.3): the 2026-03 master plan (32 labs, 16+16), labs/index.qmd
 * and the course map (33 labs, 17+16), the current catalog.py (34 labs, 17+17).
 */
export const LAB_LAYOUTS = ['plan-32', 'index-33', 'catalog-34'] as const
export type LabLayout = (typeof LAB_LAYOUTS)[number]

export const legacyNumberingSchema = z.strictObject({
  layout: z.enum(LAB_LAYOUTS),
  number: z.number().int().min(0),
  /** File stem in that layout (`lab_06_fault_tolerance`). */
  slug: snakeId('lab slug').optional(),
})

/** Identifiers of ledger and report fields: snake_case as in labs/mlsysbook_labs/schemas.py. */
export const fieldNameSchema = snakeId('ledger field')

export const constraintCheckSchema = z
  .strictObject({
    metric: text('constraint metric'),
    comparator: z.enum(['<', '<=', '>', '>=']),
    /** A fixed limit… */
    limit: quantitySchema.optional(),
    /** …or the key of a threshold every track variant defines. */
    limitRef: text('threshold key').optional(),
    firstMitigation: text('first mitigation'),
  })
  .refine((c) => (c.limit === undefined) !== (c.limitRef === undefined), {
    message: 'a constraint check needs exactly one of limit or limitRef',
    path: ['limit'],
  })

export const mathPeekSchema = z.strictObject({
  /** LaTeX. */
  formula: text('formula'),
  /** Symbol → meaning. Controls with `variableRef` point at these symbols. */
  variables: z.record(z.string(), text('variable meaning')),
  /** The solver that evaluates this formula, when one does. */
  solverRef: solverIdSchema.optional(),
  /** The book's equation label (`@eq-iron-law`). */
  equationRef: z
    .string()
    .regex(/^@eq-[a-z0-9-]+$/)
    .optional(),
})

export const reflectionPromptsSchema = z.strictObject({
  diagnosis: text('diagnosis prompt'),
  tradeoff: text('tradeoff prompt'),
  residualRisk: text('residual-risk prompt'),
})

export const PART_IDS = ['A', 'B', 'C', 'D', 'E'] as const

export const labPartSchema = z
  .strictObject({
    id: z.enum(PART_IDS),
    /** The concept's name as the part header shows it ("Memory wall"). */
    title: text('part title'),
    /** What the part teaches, in a sentence. */
    concept: text('part concept'),
    minutes: z.number().positive(),
    whatYouNeedToKnow: z.array(text('bullet')).optional(),
    scenarioSlice: text('scenario slice').optional(),
    prediction: predictionSchema.optional(),
    controls: z.array(controlSchema).optional(),
    evidence: z.array(instrumentUseSchema).min(1, 'a part shows at least one instrument'),
    constraintCheck: constraintCheckSchema.optional(),
    mathPeek: mathPeekSchema.optional(),
    failureStates: z.array(failureUseSchema).optional(),
    reflectionPrompts: reflectionPromptsSchema.optional(),
    /** Ledger fields the part's checkpoint saves. */
    checkpointFields: z.array(fieldNameSchema).optional(),
    /** Solvers the part calls (a subset of the lab's). */
    solverRefs: z.array(solverIdSchema).optional(),
    transition: text('transition').optional(),
  })
  .meta({ description: 'a part (A…E) of a lab' })

export const synthesisSchema = z.strictObject({
  prompt: text('synthesis prompt'),
  minutes: z.number().positive(),
  /** Part checkpoints the synthesis combines (at least two). */
  citesCheckpoints: z.array(z.enum(PART_IDS)),
  /** Ledger fields the synthesis adds (final_decision, evidence_summary…). */
  fields: z.array(fieldNameSchema),
})

export const ledgerSchema = z.strictObject({
  produces: z.array(z.strictObject({ key: fieldNameSchema, description: text('ledger key description') })),
  consumes: z.array(
    z.strictObject({
      /** The lab expected to produce the key. */
      labId: ref('lab'),
      key: fieldNameSchema,
      /** Fallback when the student's ledger lacks the key (class median, capstone defaults). */
      default: z.union([controlValueSchema, quantitySchema]).optional(),
    }),
  ),
})

export const labSchema = z
  .strictObject({
    /** Stable id from labs/mlsysbook_labs/catalog.py. */
    id: snakeId('lab'),
    /** Short code students see: V1-02. */
    code: z
      .string()
      .regex(/^V\d-\d{2}$/, { error: (i) => `lab code ${JSON.stringify(i.input)} must look like V1-02` }),
    volumeId: ref('volume'),
    number: z.number().int().min(0),
    /** Current file stem (`lab_02_ml_systems`). */
    slug: snakeId('lab slug'),
    title: text('lab title'),
    /** Other titles the lab legitimately carries (the plan's subtitle, "The Iron Law"). */
    altTitles: z.array(text('alternative title')),
    /** Stale titles older pages still print; check 4 flags them. */
    legacyTitles: z.array(text('legacy title')).optional(),
    /** Numbers and file stems in the older layouts. */
    legacy: z.array(legacyNumberingSchema),
    /** `null` for the orientation lab. */
    chapterId: ref('chapter').nullable(),
    capstone: z.boolean(),
    durationMin: z.number().positive(),
    /** `full`: every part down to prediction, controls and reflection; `outline`: concepts, solvers, instruments. */
    specLevel: z.enum(['full', 'outline']),
    releaseChannel: z.enum(['stable', 'preview']).optional(),
    sourcePath: text('source path'),
    /** Wall numbers 1–22 the lab exercises. */
    walls: z.array(z.number().int().min(1).max(22)),
    solverRefs: z.array(solverIdSchema),
    learningObjectives: z.array(text('learning objective')).optional(),
    tracks: z.record(snakeId('track'), labTrackVariantSchema),
    parts: z.array(labPartSchema).min(1),
    synthesis: synthesisSchema,
    ledger: ledgerSchema,
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'a lab of the course' })

/** The report contract: which ledger fields each report section is built from (§1.6, §1.7). */
export const reportContractSchema = z
  .strictObject({
    sections: z
      .array(
        z.strictObject({
          id: kebabId('report section'),
          title: text('report section title'),
          /** Fields every part's checkpoint must save for the section. */
          partFields: z.array(fieldNameSchema),
          /** Fields the synthesis must save. */
          synthesisFields: z.array(fieldNameSchema),
        }),
      )
      .min(1),
  })
  .meta({ description: 'report sections and the ledger fields they are derived from' })

export type LegacyNumbering = z.infer<typeof legacyNumberingSchema>
export type ConstraintCheck = z.infer<typeof constraintCheckSchema>
export type MathPeek = z.infer<typeof mathPeekSchema>
export type LabPart = z.infer<typeof labPartSchema>
export type Synthesis = z.infer<typeof synthesisSchema>
export type Ledger = z.infer<typeof ledgerSchema>
export type Lab = z.infer<typeof labSchema>
export type ReportContract = z.infer<typeof reportContractSchema>
