/**
 * @mlsysim/workloads — the workload catalog (transformers with GQA/MLA, MoE, CNNs, SSMs,
 * diffusion, TinyML, recommendation) and its lowering to operations, parameters and bytes.
 *
 * Numbers are SI base units: FLOP, bytes, joules, counts. `inferenceFlops` is counted per the
 * entry's `flopConvention` (per generated token, per sequence, per input, per denoising step).
 */

export { createWorkloadCatalog, getWorkload, resolveWorkload, workloads } from './catalog.js'
export { catalogMarkdown } from './catalog-table.js'
export { type Correction, correctionSchema } from './correction.js'
export { ADDED_WORKLOADS } from './data/additions/index.js'
export { BUILT_IN_WORKLOADS } from './data/index.js'
export { ORIGINAL_IDS, ORIGINAL_WORKLOADS } from './data/original/index.js'
export {
  DEFAULT_FLOP_CONVENTION,
  FAMILIES,
  type Family,
  FLOP_CONVENTION_MEANING,
  FLOP_CONVENTIONS,
  type FlopConvention,
} from './family.js'
export { asOriginal } from './fidelity.js'
export {
  countParameters,
  type DecoderArchitecture,
  type MlaGeometry,
  type MoeGeometry,
  type ParameterBreakdown,
} from './huggingface/architecture.js'
export { HuggingFaceConfigError, readArchitecture, SUPPORTED_MODEL_TYPES } from './huggingface/config.js'
export {
  fromHuggingFaceConfig,
  type HuggingFaceImport,
  type HuggingFaceImportOptions,
  importHuggingFaceConfig,
} from './huggingface/import.js'
export {
  headDimOf,
  kvCacheBytes,
  kvCacheBytesPerToken,
  kvHeadsOf,
  mlaCacheBytes,
  type PagedKvCache,
  pagedKvCacheBytes,
  usesLatentAttention,
} from './kv-cache.js'
export { type LoweredWorkload, lower, resolveBytesPerElement } from './lower.js'
export { listWorkloads, matchesFilter, sortWorkloads, type WorkloadFilter } from './query.js'
export {
  type CnnWorkload,
  cnnWorkloadSchema,
  type DiffusionWorkload,
  diffusionWorkloadSchema,
  FAMILY_SCHEMAS,
  fieldsOf,
  type GenericWorkload,
  genericWorkloadSchema,
  type MoeWorkload,
  moeWorkloadSchema,
  NUMERIC_FIELDS,
  type NumericField,
  type RecommendationWorkload,
  recommendationWorkloadSchema,
  type SsmWorkload,
  ssmWorkloadSchema,
  type TinymlWorkload,
  type TransformerWorkload,
  tinymlWorkloadSchema,
  transformerWorkloadSchema,
  type Workload,
  type WorkloadInput,
  workloadSchema,
} from './schema.js'
export { ssmStateBytes } from './ssm-state.js'
export { addWorkloadsFromText, parseWorkloadText, WorkloadTextError } from './user-entries.js'
export { describeIssues, parseWorkload, WorkloadValidationError } from './validate.js'
