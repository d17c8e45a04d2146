/**
 * Reading a Hugging Face `config.json` into a DecoderArchitecture. Each supported
 * `model_type` says which fields it needs and what its defaults are (the defaults of the
 * `transformers` configuration classes, e.g. Gemma ties its embeddings, Qwen2 has Q/K/V
 * biases). Anything that cannot be mapped is an error naming the fields: a missing field,
 * a value that is not a positive integer, an unknown model type, or a feature the parameter
 * count does not model (linear-attention layers, experts on a dense model type).
 */
import type { DecoderArchitecture, MoeGeometry } from './architecture.js'

export class HuggingFaceConfigError extends Error {
  override readonly name = 'HuggingFaceConfigError'
  constructor(
    message: string,
    /** The config fields the error is about. */
    readonly fields: readonly string[] = [],
  ) {
    super(message)
  }
}

type Json = Record<string, unknown>

const DENSE_TYPES = ['llama', 'mistral', 'qwen2', 'qwen3', 'gemma', 'gemma2', 'gemma3_text', 'phi3'] as const
const MOE_TYPES = [
  'mixtral',
  'qwen2_moe',
  'qwen3_moe',
  'deepseek_v2',
  'deepseek_v3',
  'gpt_oss',
  'llama4_text',
] as const
/** Multimodal wrappers whose language model is in `text_config`. */
const WRAPPERS: Readonly<Record<string, string>> = { gemma3: 'gemma3_text', llama4: 'llama4_text' }

export const SUPPORTED_MODEL_TYPES: readonly string[] = [
  ...DENSE_TYPES,
  ...MOE_TYPES,
  ...Object.keys(WRAPPERS),
]

/** Field names that only make sense for an MoE model. */
const EXPERT_FIELDS = ['num_local_experts', 'num_experts', 'n_routed_experts'] as const

/** Layer kinds the count models: full and sliding-window attention have the same weights. */
const ATTENTION_LAYER_TYPES = new Set(['full_attention', 'sliding_attention', 'attention'])

class FieldReader {
  readonly missing: string[] = []
  readonly invalid: string[] = []

  constructor(
    private readonly config: Json,
    private readonly modelType: string,
  ) {}

  has(field: string): boolean {
    return this.config[field] !== undefined && this.config[field] !== null
  }

  /** A required positive integer; the first field name present wins (aliases such as n_embd). */
  int(field: string, ...aliases: string[]): number {
    for (const name of [field, ...aliases]) if (this.has(name)) return this.checkInt(name)
    this.missing.push(field)
    return Number.NaN
  }

  optionalInt(field: string, fallback: number): number
  optionalInt(field: string): number | undefined
  optionalInt(field: string, fallback?: number): number | undefined {
    return this.has(field) ? this.checkInt(field) : fallback
  }

  /** A non-negative integer that may be 0 (n_shared_experts, first_k_dense_replace). */
  count(field: string, fallback: number): number {
    if (!this.has(field)) return fallback
    const value = this.config[field]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.invalid.push(`${field} must be a whole number ≥ 0, got ${JSON.stringify(value)}`)
      return Number.NaN
    }
    return value
  }

  bool(field: string, fallback: boolean): boolean {
    if (!this.has(field)) return fallback
    const value = this.config[field]
    if (typeof value !== 'boolean') {
      this.invalid.push(`${field} must be true or false, got ${JSON.stringify(value)}`)
      return fallback
    }
    return value
  }

  intList(field: string): number[] {
    const value = this.config[field]
    if (value === undefined || value === null) return []
    if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v) && v >= 0)) {
      this.invalid.push(`${field} must be a list of layer indices, got ${JSON.stringify(value)}`)
      return []
    }
    return value as number[]
  }

  private checkInt(field: string): number {
    const value = this.config[field]
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      this.invalid.push(`${field} must be a positive integer, got ${JSON.stringify(value)}`)
      return Number.NaN
    }
    return value
  }

  /** Throws one error listing every missing and invalid field. */
  finish(): void {
    const problems: string[] = []
    if (this.missing.length > 0) {
      problems.push(`missing ${this.missing.join(', ')}`)
    }
    problems.push(...this.invalid)
    if (problems.length > 0) {
      throw new HuggingFaceConfigError(
        `cannot map config.json (model_type '${this.modelType}'): ${problems.join('; ')}`,
        [...this.missing, ...this.invalid.map((p) => p.split(' ')[0]!)],
      )
    }
  }
}

/** Parses config text or accepts an already-parsed object. */
function configObject(config: unknown): Json {
  let value = config
  if (typeof config === 'string') {
    try {
      value = JSON.parse(config)
    } catch (error) {
      throw new HuggingFaceConfigError(`config.json is not valid JSON: ${(error as Error).message}`)
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HuggingFaceConfigError('config.json must be a JSON object')
  }
  return value as Json
}

/** The language-model part of a config (unwrapping multimodal `text_config`) and its model type. */
function languageConfig(raw: Json): { config: Json; modelType: string; wrapped: boolean } {
  const outer = typeof raw.model_type === 'string' ? raw.model_type : undefined
  if (outer === undefined) {
    throw new HuggingFaceConfigError(
      `config.json has no model_type, so its architecture is unknown; supported model types: ${SUPPORTED_MODEL_TYPES.join(', ')}`,
      ['model_type'],
    )
  }
  const inner = WRAPPERS[outer]
  if (inner !== undefined) {
    const text = raw.text_config
    if (text === null || typeof text !== 'object') {
      throw new HuggingFaceConfigError(`model_type '${outer}' needs a text_config object`, ['text_config'])
    }
    return { config: { ...(text as Json), model_type: inner }, modelType: inner, wrapped: true }
  }
  if (!SUPPORTED_MODEL_TYPES.includes(outer)) {
    const archs = Array.isArray(raw.architectures) ? ` (architectures: ${raw.architectures.join(', ')})` : ''
    throw new HuggingFaceConfigError(
      `cannot map model_type '${outer}'${archs}: supported model types are ${SUPPORTED_MODEL_TYPES.join(', ')}`,
      ['model_type'],
    )
  }
  return { config: raw, modelType: outer, wrapped: false }
}

function rejectUnmodelledFeatures(config: Json, modelType: string): void {
  const layerTypes = config.layer_types
  if (Array.isArray(layerTypes)) {
    const other = [...new Set(layerTypes.filter((t) => !ATTENTION_LAYER_TYPES.has(String(t))))]
    if (other.length > 0) {
      throw new HuggingFaceConfigError(
        `cannot map layer_types ${other.map((t) => `'${t}'`).join(', ')}: only full and sliding-window attention layers are modelled`,
        ['layer_types'],
      )
    }
  }
  if ((DENSE_TYPES as readonly string[]).includes(modelType)) {
    const expertFields = EXPERT_FIELDS.filter(
      (f) => typeof config[f] === 'number' && (config[f] as number) > 0,
    )
    if (expertFields.length > 0) {
      throw new HuggingFaceConfigError(
        `cannot map ${expertFields.join(', ')}: model_type '${modelType}' is a dense architecture, so experts would be ignored`,
        expertFields,
      )
    }
  }
}

export interface ReadArchitecture {
  architecture: DecoderArchitecture
  /** The config described a multimodal model; only its language model was read. */
  languageModelOnly: boolean
}

/** Reads a config.json (text or object) into a normalized decoder architecture. */
export function readArchitecture(config: unknown): ReadArchitecture {
  const { config: c, modelType, wrapped } = languageConfig(configObject(config))
  rejectUnmodelledFeatures(c, modelType)
  const r = new FieldReader(c, modelType)
  const hiddenDim = r.int('hidden_size')
  const layers = r.int('num_hidden_layers')
  const heads = r.int('num_attention_heads')
  const vocabSize = r.int('vocab_size')
  const kvHeads = r.optionalInt('num_key_value_heads', heads)
  const isGemma = modelType.startsWith('gemma')
  const headDim = r.optionalInt('head_dim') ?? hiddenDim / heads
  const architecture: DecoderArchitecture = {
    modelType,
    vocabSize,
    hiddenDim,
    layers,
    heads,
    kvHeads,
    headDim,
    ffnDim: Number.NaN,
    tiedEmbeddings: r.bool('tie_word_embeddings', isGemma),
    qkvBias:
      modelType === 'qwen2' || modelType === 'qwen2_moe' || r.bool('attention_bias', modelType === 'gpt_oss'),
    outputBias: r.bool('attention_bias', modelType === 'gpt_oss'),
    mlpBias: r.bool('mlp_bias', false),
    qkNorm: modelType === 'qwen3' || modelType === 'qwen3_moe' || modelType === 'gemma3_text',
    attentionSinks: modelType === 'gpt_oss',
    normsPerLayer: modelType === 'gemma2' || modelType === 'gemma3_text' ? 4 : 2,
  }
  const maxSeqLen = r.optionalInt('max_position_embeddings')
  if (maxSeqLen !== undefined) architecture.maxSeqLen = maxSeqLen

  switch (modelType) {
    case 'mixtral':
    case 'gpt_oss': {
      const expertFfnDim = r.int('intermediate_size')
      architecture.ffnDim = expertFfnDim
      architecture.moe = moe({
        experts: r.int('num_local_experts'),
        expertsPerToken: r.int('num_experts_per_tok', 'experts_per_token'),
        expertFfnDim,
        isMoeLayer: () => true,
        routerBias: modelType === 'gpt_oss',
        expertBias: modelType === 'gpt_oss',
      })
      break
    }
    case 'qwen2_moe':
    case 'qwen3_moe': {
      architecture.ffnDim = r.optionalInt('intermediate_size') ?? Number.NaN
      const step = r.optionalInt('decoder_sparse_step', 1)
      const denseOnly = new Set(r.intList('mlp_only_layers'))
      const sharedFfn = r.optionalInt('shared_expert_intermediate_size')
      architecture.moe = moe({
        experts: r.int('num_experts'),
        expertsPerToken: r.int('num_experts_per_tok'),
        expertFfnDim: r.int('moe_intermediate_size'),
        sharedExperts: sharedFfn === undefined ? 0 : 1,
        sharedExpertFfnDim: sharedFfn ?? 0,
        sharedExpertGate: sharedFfn !== undefined,
        isMoeLayer: (layer) => !denseOnly.has(layer) && (layer + 1) % step === 0,
        routerBias: false,
        expertBias: false,
      })
      break
    }
    case 'deepseek_v2':
    case 'deepseek_v3': {
      architecture.ffnDim = r.int('intermediate_size')
      const firstDense = r.count('first_k_dense_replace', 0)
      const frequency = r.optionalInt('moe_layer_freq', 1)
      const expertFfnDim = r.int('moe_intermediate_size')
      architecture.moe = moe({
        experts: r.int('n_routed_experts'),
        expertsPerToken: r.int('num_experts_per_tok'),
        expertFfnDim,
        sharedExperts: r.count('n_shared_experts', 0),
        sharedExpertFfnDim: expertFfnDim,
        isMoeLayer: (layer) => layer >= firstDense && layer % frequency === 0,
        // V3's router keeps a per-expert score-correction bias (topk_method 'noaux_tc').
        routerBias: modelType === 'deepseek_v3',
        expertBias: false,
      })
      const qLoraRank = r.optionalInt('q_lora_rank')
      architecture.mla = {
        ...(qLoraRank === undefined ? {} : { qLoraRank }),
        kvLoraRank: r.int('kv_lora_rank'),
        qkNopeHeadDim: r.int('qk_nope_head_dim'),
        qkRopeHeadDim: r.int('qk_rope_head_dim'),
        vHeadDim: r.int('v_head_dim'),
      }
      break
    }
    case 'llama4_text': {
      const expertFfnDim = r.int('intermediate_size')
      architecture.ffnDim = r.optionalInt('intermediate_size_mlp') ?? expertFfnDim
      const explicit = r.intList('moe_layers')
      const step = r.optionalInt('interleave_moe_layer_step', 1)
      const moeLayers = new Set(explicit)
      architecture.moe = moe({
        experts: r.int('num_local_experts'),
        expertsPerToken: r.int('num_experts_per_tok'),
        expertFfnDim,
        sharedExperts: 1,
        sharedExpertFfnDim: expertFfnDim,
        isMoeLayer:
          explicit.length > 0 ? (layer) => moeLayers.has(layer) : (layer) => (layer + 1) % step === 0,
        routerBias: false,
        expertBias: false,
      })
      break
    }
    default:
      architecture.ffnDim = r.int('intermediate_size')
  }
  r.finish()
  if (!Number.isInteger(architecture.headDim)) {
    throw new HuggingFaceConfigError(
      `hidden_size ${hiddenDim} is not divisible by num_attention_heads ${heads}; the config needs head_dim`,
      ['head_dim'],
    )
  }
  if (heads % kvHeads !== 0) {
    throw new HuggingFaceConfigError(
      `num_key_value_heads ${kvHeads} must divide num_attention_heads ${heads}`,
      ['num_key_value_heads'],
    )
  }
  if (architecture.moe && architecture.moe.expertsPerToken > architecture.moe.experts) {
    throw new HuggingFaceConfigError(
      `num_experts_per_tok ${architecture.moe.expertsPerToken} exceeds the ${architecture.moe.experts} experts`,
      ['num_experts_per_tok'],
    )
  }
  return { architecture, languageModelOnly: wrapped }
}

function moe(
  parts: Partial<MoeGeometry> &
    Omit<MoeGeometry, 'sharedExperts' | 'sharedExpertFfnDim' | 'sharedExpertGate'>,
): MoeGeometry {
  return { sharedExperts: 0, sharedExpertFfnDim: 0, sharedExpertGate: false, ...parts }
}
