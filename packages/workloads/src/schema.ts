/**
 * Zod schemas of workloads, one per family, joined into a discriminated union on `family`.
 *
 * Every schema is strict (an unknown field is an error that suggests the field that was
 * probably meant), every number is a quantity in SI base units, and every entry carries a
 * provenance; `sources` gives individual fields their own citation. Cross-field rules that a
 * physicist would check by hand are enforced here too: heads divisible by KV heads, a head
 * dimension that divides the hidden size (or an explicit `headDim`), active parameters not
 * above the total, both MLA fields or neither.
 */
import { closestMatches, provenanceSchema } from '@mlsysim/units'
import { z } from 'zod'
import { correctionSchema } from './correction.js'
import { DEFAULT_FLOP_CONVENTION, FAMILIES, type Family } from './family.js'
import {
  idSchema,
  positiveBytes,
  positiveBytesPerSecond,
  positiveCount,
  positiveFlop,
  positiveInteger,
  positiveJoules,
} from './fields.js'

/** Fields every family has (the original `Workload` base class, plus catalog metadata). */
const commonShape = {
  /** Tags the object for code that handles hardware, workloads and grids together. */
  kind: z.literal('workload').default('workload'),
  id: idSchema,
  name: z.string().trim().min(1, 'name must not be empty'),
  /** Other names that find the entry ("llama-3.1-8b"); matched case- and punctuation-insensitively. */
  aliases: z.array(z.string().trim().min(1, 'an alias must not be empty')).default([]),
  /** Architecture label as the original writes it: "Transformer", "MoE Transformer", "CNN", "MLP"… */
  architecture: z.string().trim().min(1, 'architecture must not be empty'),
  /** Year the model (or its paper) was released. */
  year: z.number().int().min(1950).max(2100).optional(),
  /** Who built it: "Meta", "Google", "MLCommons"… (filterable). */
  org: z.string().trim().min(1).optional(),
  parameters: positiveCount().optional(),
  /** Stored size in bytes, for models described by size rather than parameters (DLRM). */
  modelSize: positiveBytes().optional(),
  /** FLOP per unit of work given by `flopConvention`; 1 MAC = 2 FLOP. */
  inferenceFlops: positiveFlop().optional(),
  layers: positiveInteger().optional(),
  embeddingEntries: positiveCount().optional(),
  /** Energy of one inference on the reference device, in joules. */
  inferenceEnergy: positiveJoules().optional(),
  /** Input data rate, bytes per second (sensor-heavy workloads). */
  dataRate: positiveBytesPerSecond().optional(),
  /** Training-set size in bytes. */
  trainingDatasetSize: positiveBytes().optional(),
  parameterRangeMin: positiveCount().optional(),
  parameterRangeMax: positiveCount().optional(),
  /** Where the entry's numbers come from (covers every field without its own source). */
  provenance: provenanceSchema,
  /** Per-field sources, keyed by field name, for numbers that come from elsewhere. */
  sources: z.record(z.string(), provenanceSchema).optional(),
  notes: z.string().trim().min(1).optional(),
  /** Deliberate differences from the Python original, with the original's values. */
  corrections: z.array(correctionSchema).optional(),
}

/** Dense transformer fields (decoder LMs, encoders, encoder-decoders, ViTs). */
const transformerShape = {
  ...commonShape,
  parameters: positiveCount(),
  layers: positiveInteger(),
  hiddenDim: positiveInteger().optional(),
  heads: positiveInteger().optional(),
  /** Key-value heads for grouped-query attention; absent means one per query head (MHA). */
  kvHeads: positiveInteger().optional(),
  /** Per-head dimension when it is not hiddenDim / heads (Gemma, Qwen3, gpt-oss). */
  headDim: positiveInteger().optional(),
  /** Feed-forward (MLP) inner dimension. */
  ffnDim: positiveInteger().optional(),
  vocabSize: positiveInteger().optional(),
  /** The LM head shares the token-embedding matrix (counted once). */
  tiedEmbeddings: z.boolean().optional(),
  /** Multi-head latent attention: rank of the compressed KV latent (DeepSeek-V2/V3: 512). */
  kvLoraRank: positiveInteger().optional(),
  /** Multi-head latent attention: decoupled rotary key dimension (DeepSeek-V3: 64). */
  qkRopeHeadDim: positiveInteger().optional(),
  /** Longest context the model supports, in tokens. */
  maxSeqLen: positiveInteger().optional(),
  /** Sequence length the per-sequence FLOP count refers to (encoders). */
  referenceSeqLen: positiveInteger().optional(),
  /** Layers of an encoder that runs once per input in an encoder-decoder model; `layers` counts the decoder. */
  encoderLayers: positiveInteger().optional(),
  trainingOps: positiveFlop().optional(),
  trainingTokens: positiveCount().optional(),
  /** Accelerators used in the reference training run. */
  trainingAcceleratorsRef: positiveCount().optional(),
  /** Length of the reference training run, in days. */
  trainingDaysRef: positiveCount().optional(),
  /** Energy of the reference training run, in joules. */
  trainingEnergy: positiveJoules().optional(),
  trainingGpuDays: positiveCount().optional(),
  trainingHardwareLabel: z.string().trim().min(1).optional(),
}

/** Sparse mixture-of-experts transformer fields. */
const moeShape = {
  ...transformerShape,
  /** Parameters used per token (weights of the routed experts plus everything shared). */
  activeParameters: positiveCount(),
  /** Routed experts per MoE layer. */
  experts: positiveInteger(),
  activeExpertsPerToken: positiveInteger().default(1),
  /** Always-on shared experts per MoE layer (DeepSeek, Llama 4). */
  sharedExperts: positiveInteger().optional(),
  /** Inner dimension of one routed expert's MLP, when it differs from ffnDim. */
  expertFfnDim: positiveInteger().optional(),
  /** Layers with a dense MLP instead of experts (DeepSeek-V3: the first 3; Llama 4 Maverick: every other layer). */
  denseLayers: positiveInteger().optional(),
}

const inputShapeField = z
  .array(z.number().int().positive())
  .min(1)
  .optional()
  .describe('input tensor shape of one input, e.g. [224, 224, 3] or [49, 10, 1]')

const cnnShape = {
  ...commonShape,
  parameters: positiveCount(),
  inputShape: inputShapeField,
}

const ssmShape = {
  ...commonShape,
  parameters: positiveCount(),
  layers: positiveInteger(),
  /** SSM state dimension N per channel (Mamba: 16). */
  stateSize: positiveInteger(),
  hiddenDim: positiveInteger(),
  vocabSize: positiveInteger().optional(),
}

const diffusionShape = {
  ...commonShape,
  /** Parameters of the denoiser that runs every step (text encoders and VAE excluded unless noted). */
  parameters: positiveCount(),
  denoisingSteps: positiveInteger(),
  /** Output image side length in pixels. */
  resolution: positiveInteger(),
}

const tinymlShape = {
  ...commonShape,
  parameters: positiveCount(),
  inputShape: inputShapeField,
  /** What the model does: "keyword spotting", "visual wake words", … */
  task: z.string().trim().min(1).optional(),
}

const recommendationShape = { ...commonShape }
const genericShape = { ...commonShape }

/** Family → its fields (without `family` and `flopConvention`, which are added per family). */
const SHAPES = {
  transformer: transformerShape,
  moe: moeShape,
  cnn: cnnShape,
  ssm: ssmShape,
  diffusion: diffusionShape,
  tinyml: tinymlShape,
  recommendation: recommendationShape,
  generic: genericShape,
} as const

/** Every field name a workload of `family` accepts. */
export function fieldsOf(family: Family): string[] {
  return ['family', 'flopConvention', ...Object.keys(SHAPES[family])]
}

/** True for a number field or a quantity (number or string with a unit), optional or not. */
function isNumericSchema(schema: z.ZodType): boolean {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType }
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) {
    def = def.innerType._zod.def as typeof def
  }
  // quantitySchema is a union of number and string piped into the unit reader.
  return def.type === 'number' || def.type === 'pipe'
}

/** Names of the numeric fields of any family, for sorting and tables (sorted). */
export const NUMERIC_FIELDS: readonly string[] = [
  ...new Set(
    Object.values(SHAPES).flatMap((shape) =>
      Object.entries(shape)
        .filter(([, schema]) => isNumericSchema(schema as z.ZodType))
        .map(([name]) => name),
    ),
  ),
].sort()

const CITABLE_EXCLUDED = new Set([
  'kind',
  'id',
  'name',
  'aliases',
  'provenance',
  'sources',
  'notes',
  'corrections',
])

/** Diffusion counts FLOP per denoising step; every other family per token, sequence or input. */
const perStep = () => z.enum(['per_step']).default('per_step')
const perWorkUnit = (family: Exclude<Family, 'diffusion'>) =>
  z
    .enum(['per_token', 'per_sequence', 'per_input'], {
      error: `flopConvention of a ${family} workload must be per_token, per_sequence or per_input (per_step is for diffusion)`,
    })
    .default(DEFAULT_FLOP_CONVENTION[family] as 'per_token' | 'per_sequence' | 'per_input')

function strictFamily<F extends Family, S extends z.ZodRawShape, C extends z.ZodType>(
  family: F,
  shape: S,
  flopConvention: C,
) {
  // Two-letter names ("id") would match inside almost any typo, so they are never suggested.
  const allowed = fieldsOf(family).filter((name) => name.length > 2)
  return z.strictObject(
    {
      family: z.literal(family),
      flopConvention,
      ...shape,
    },
    {
      error: (issue) => {
        if (issue.code !== 'unrecognized_keys') return undefined
        return issue.keys
          .map((key) => {
            const hint = closestMatches(key, allowed, 2)
            return `unknown field '${key}' for a ${family} workload${hint.length > 0 ? `; did you mean ${hint.join(', ')}?` : ''}`
          })
          .join('; ')
      },
    },
  )
}

type Ctx = z.core.$RefinementCtx
type Entry = Record<string, unknown>

/** `sources` and `corrections` must point at fields of this entry. */
function checkCitations(entry: Entry, family: Family, ctx: Ctx): void {
  const allowed = new Set(fieldsOf(family).filter((f) => !CITABLE_EXCLUDED.has(f)))
  for (const key of Object.keys((entry.sources as Entry | undefined) ?? {})) {
    if (!allowed.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources', key],
        message: `sources['${key}'] does not name a field of a ${family} workload`,
      })
    } else if (entry[key] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources', key],
        message: `sources['${key}'] cites a field the entry does not set`,
      })
    }
  }
  const corrections = (entry.corrections as Array<{ path: string }> | undefined) ?? []
  corrections.forEach((c, i) => {
    if (!allowed.has(c.path)) {
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', i, 'path'],
        message: `correction path '${c.path}' does not name a field of a ${family} workload`,
      })
    }
  })
}

function checkRange(entry: Entry, ctx: Ctx): void {
  const min = entry.parameterRangeMin as number | undefined
  const max = entry.parameterRangeMax as number | undefined
  if (min !== undefined && max !== undefined && min > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['parameterRangeMax'],
      message: `parameterRangeMax ${max} is below parameterRangeMin ${min}`,
    })
  }
}

function checkSized(entry: Entry, ctx: Ctx): void {
  if (entry.parameters === undefined && entry.modelSize === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['parameters'],
      message: 'a workload needs parameters or modelSize: without either its weight bytes are unknown',
    })
  }
}

/** Attention geometry a reader can check by hand. */
function checkAttention(entry: Entry, ctx: Ctx): void {
  const heads = entry.heads as number | undefined
  const kvHeads = entry.kvHeads as number | undefined
  const hidden = entry.hiddenDim as number | undefined
  const headDim = entry.headDim as number | undefined
  const rank = entry.kvLoraRank as number | undefined
  const rope = entry.qkRopeHeadDim as number | undefined
  if (kvHeads !== undefined && heads === undefined) {
    ctx.addIssue({ code: 'custom', path: ['heads'], message: 'kvHeads is set, so heads must be set too' })
  }
  if (heads !== undefined && kvHeads !== undefined && heads % kvHeads !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['kvHeads'],
      message: `kvHeads ${kvHeads} must divide heads ${heads} (each KV head serves a whole group of query heads)`,
    })
  }
  if ((rank === undefined) !== (rope === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [rank === undefined ? 'kvLoraRank' : 'qkRopeHeadDim'],
      message: 'multi-head latent attention needs both kvLoraRank and qkRopeHeadDim, or neither',
    })
  }
  if (hidden !== undefined && heads !== undefined && headDim === undefined && hidden % heads !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['headDim'],
      message: `hiddenDim ${hidden} is not divisible by heads ${heads}; set headDim explicitly`,
    })
  }
  if (entry.flopConvention === 'per_sequence' && entry.referenceSeqLen === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['referenceSeqLen'],
      message: 'a per-sequence FLOP count needs the referenceSeqLen it was counted at',
    })
  }
}

function checkExperts(entry: Entry, ctx: Ctx): void {
  const total = entry.parameters as number
  const active = entry.activeParameters as number
  if (active > total) {
    ctx.addIssue({
      code: 'custom',
      path: ['activeParameters'],
      message: `activeParameters ${active} exceeds parameters ${total}; parameters is the total over all experts`,
    })
  }
  const experts = entry.experts as number
  const topK = entry.activeExpertsPerToken as number
  if (topK > experts) {
    ctx.addIssue({
      code: 'custom',
      path: ['activeExpertsPerToken'],
      message: `activeExpertsPerToken ${topK} exceeds experts ${experts}`,
    })
  }
}

export const transformerWorkloadSchema = strictFamily(
  'transformer',
  transformerShape,
  perWorkUnit('transformer'),
).superRefine((entry, ctx) => {
  checkCitations(entry, 'transformer', ctx)
  checkRange(entry, ctx)
  checkAttention(entry, ctx)
})

export const moeWorkloadSchema = strictFamily('moe', moeShape, perWorkUnit('moe')).superRefine(
  (entry, ctx) => {
    checkCitations(entry, 'moe', ctx)
    checkRange(entry, ctx)
    checkAttention(entry, ctx)
    checkExperts(entry, ctx)
  },
)

export const cnnWorkloadSchema = strictFamily('cnn', cnnShape, perWorkUnit('cnn')).superRefine(
  (entry, ctx) => {
    checkCitations(entry, 'cnn', ctx)
    checkRange(entry, ctx)
  },
)

export const ssmWorkloadSchema = strictFamily('ssm', ssmShape, perWorkUnit('ssm')).superRefine(
  (entry, ctx) => {
    checkCitations(entry, 'ssm', ctx)
    checkRange(entry, ctx)
  },
)

export const diffusionWorkloadSchema = strictFamily('diffusion', diffusionShape, perStep()).superRefine(
  (entry, ctx) => {
    checkCitations(entry, 'diffusion', ctx)
    checkRange(entry, ctx)
  },
)

export const tinymlWorkloadSchema = strictFamily('tinyml', tinymlShape, perWorkUnit('tinyml')).superRefine(
  (entry, ctx) => {
    checkCitations(entry, 'tinyml', ctx)
    checkRange(entry, ctx)
  },
)

export const recommendationWorkloadSchema = strictFamily(
  'recommendation',
  recommendationShape,
  perWorkUnit('recommendation'),
).superRefine((entry, ctx) => {
  checkCitations(entry, 'recommendation', ctx)
  checkRange(entry, ctx)
  checkSized(entry, ctx)
})

export const genericWorkloadSchema = strictFamily(
  'generic',
  genericShape,
  perWorkUnit('generic'),
).superRefine((entry, ctx) => {
  checkCitations(entry, 'generic', ctx)
  checkRange(entry, ctx)
  checkSized(entry, ctx)
})

/** Any workload; `family` picks the schema. */
export const workloadSchema = z.discriminatedUnion(
  'family',
  [
    transformerWorkloadSchema,
    moeWorkloadSchema,
    cnnWorkloadSchema,
    ssmWorkloadSchema,
    diffusionWorkloadSchema,
    tinymlWorkloadSchema,
    recommendationWorkloadSchema,
    genericWorkloadSchema,
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `family must be one of ${FAMILIES.join(', ')} (got ${JSON.stringify((issue.input as Entry | undefined)?.family)})`
        : undefined,
  },
)

export const FAMILY_SCHEMAS = {
  transformer: transformerWorkloadSchema,
  moe: moeWorkloadSchema,
  cnn: cnnWorkloadSchema,
  ssm: ssmWorkloadSchema,
  diffusion: diffusionWorkloadSchema,
  tinyml: tinymlWorkloadSchema,
  recommendation: recommendationWorkloadSchema,
  generic: genericWorkloadSchema,
} as const

export type TransformerWorkload = z.output<typeof transformerWorkloadSchema>
export type MoeWorkload = z.output<typeof moeWorkloadSchema>
export type CnnWorkload = z.output<typeof cnnWorkloadSchema>
export type SsmWorkload = z.output<typeof ssmWorkloadSchema>
export type DiffusionWorkload = z.output<typeof diffusionWorkloadSchema>
export type TinymlWorkload = z.output<typeof tinymlWorkloadSchema>
export type RecommendationWorkload = z.output<typeof recommendationWorkloadSchema>
export type GenericWorkload = z.output<typeof genericWorkloadSchema>

type Members =
  | TransformerWorkload
  | MoeWorkload
  | CnnWorkload
  | SsmWorkload
  | DiffusionWorkload
  | TinymlWorkload
  | RecommendationWorkload
  | GenericWorkload

type UnionKeys<T> = T extends unknown ? keyof T : never
type AllKeys = UnionKeys<Members>

/** A family member that also declares every other family's fields as absent, so `w.kvHeads` reads on any workload. */
type Exclusive<T> = T & { readonly [K in Exclude<AllKeys, keyof T>]?: undefined }

/**
 * A validated workload: a discriminated union on `family`. Fields of other families read as
 * `undefined`, so code can test `w.kvHeads` without narrowing first.
 */
export type Workload =
  | Exclusive<TransformerWorkload>
  | Exclusive<MoeWorkload>
  | Exclusive<CnnWorkload>
  | Exclusive<SsmWorkload>
  | Exclusive<DiffusionWorkload>
  | Exclusive<TinymlWorkload>
  | Exclusive<RecommendationWorkload>
  | Exclusive<GenericWorkload>

/** What people write: numbers or strings with units; defaults may be left out. */
export type WorkloadInput = z.input<typeof workloadSchema>

type FieldType<K extends PropertyKey> = Members extends infer M
  ? M extends unknown
    ? K extends keyof M
      ? M[K]
      : never
    : never
  : never
type AllFields = { [K in AllKeys]: FieldType<K> }

/** Names of the numeric fields (for sorting and tables). */
export type NumericField = {
  [K in AllKeys]-?: Exclude<AllFields[K], undefined> extends number ? K : never
}[AllKeys]
