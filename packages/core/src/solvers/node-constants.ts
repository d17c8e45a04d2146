/**
 * Sourced constants of the node, serving, data and algorithm solvers that are not shared
 * calibration constants (those live in src/constants.ts). Each says where it comes from; the
 * original's own conventions cite the resolver that uses them.
 */
import { type Provenance, type Sourced, sourced } from '@mlsysim/units'

const SOLVERS_URL = 'https://github.com/harvard-edge/cs249r_book/tree/dev/mlsysim/mlsysim/engine/solvers'

const convention = (ref: string, notes?: string): Provenance => ({
  kind: 'convention',
  ref: `MLSys·im ${ref}`,
  url: SOLVERS_URL,
  verified: '2026-06-10',
  ...(notes ? { notes } : {}),
})

/**
 * Stand-ins the original uses for a workload that does not list its shape (reference §2.3:
 * DistributedModel's TP message "hidden defaults to 4096", ServingModel "defaults: heads 32,
 * hidden 4096"); used wherever a solver needs h or a. Every transformer of the catalog lists both.
 */
export const DEFAULT_HIDDEN_DIM: Sourced = sourced(
  4096,
  convention('DistributedModel and ServingModel (hidden_dim taken as 4096 when the model lists none)'),
)
export const DEFAULT_ATTENTION_HEADS: Sourced = sourced(
  32,
  convention('ServingModel (n_heads taken as 32 when the model lists none)'),
)

/** ServingModel's prefill → decode link for disaggregated serving (keyword default 100 GB/s). */
export const SERVING_NETWORK_BANDWIDTH: Sourced = sourced(
  100e9,
  convention('serving.py ServingModel.solve (network_bandwidth = 100 GB/s)'),
)

/** ServingModel's draft-token acceptance probability α for speculative decoding (keyword default 0.7). */
export const DRAFT_ACCEPTANCE_RATE: Sourced = sourced(
  0.7,
  convention('serving.py ServingModel.solve (draft_acceptance_rate = 0.7)'),
)

/** Tokens per KV-cache page: vLLM's default block size, the original's page_size default. */
export const KV_PAGE_TOKENS: Sourced = sourced(16, {
  kind: 'literature',
  ref: 'Kwon et al. 2023, "Efficient Memory Management for LLM Serving with PagedAttention" (SOSP), block size 16; MLSys·im calc_paged_kv_cache_size(page_size = 16)',
  url: 'https://arxiv.org/abs/2309.06180',
  verified: '2026-06-10',
})

/** SLA-risk budget of TailLatencyModel: a p99 queueing wait above 5 × the service time is "severe". */
export const SLO_WAIT_BUDGET: Sourced = sourced(
  5,
  convention('serving.py TailLatencyModel (slo_threshold = 5 × service latency)'),
)

/**
 * FLOPs per attention-score entry per head dimension in prefill: QKᵀ and A·V are two
 * matrix products of 2 FLOP per multiply-accumulate, so 4·L·H·d_head·(query tokens)·(context).
 */
export const ATTENTION_FLOPS_PER_ENTRY: Sourced = sourced(4, {
  kind: 'derived',
  ref: 'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", Table 1 (attention FLOPs)',
  url: 'https://arxiv.org/abs/2001.08361',
  verified: '2026-06-10',
  notes:
    'two matrix products (QKᵀ and A·V), each 2 FLOP per multiply-accumulate; ServingModel uses the same 4·L·H·d·S_new·S',
})

/** The original WeightStreamingModel's per-layer attention count in prefill: 2·H_kv·S²·d (one product). */
export const WEIGHT_STREAMING_ORIGINAL_ATTENTION_FACTOR: Sourced = sourced(
  2,
  convention(
    'serving.py WeightStreamingModel (layer_attn_flops = 2·n_heads·S²·head_dim, n_heads = kv heads)',
  ),
)

/** Working-memory allowance on top of the KV cache for on-wafer SRAM (WeightStreamingModel): +10%. */
export const WAFER_WORKING_MEMORY_FACTOR: Sourced = sourced(
  1.1,
  convention('serving.py WeightStreamingModel ("add 10% overhead for working memory")'),
)

/** MLSys·im 0.1.2 ContinuousBatchingModel: static batching reaches 60% of the paged batch (replaced upstream). */
export const STATIC_BATCH_FRACTION_0_1_2: Sourced = sourced(0.6, {
  kind: 'literature',
  ref: 'Kwon et al. 2023, "Efficient Memory Management for LLM Serving with PagedAttention" (SOSP), as cited by MLSys·im 0.1.2',
  url: 'https://arxiv.org/abs/2309.06180',
  verified: '2026-06-10',
  notes:
    'MLSys·im 0.1.2 turned the 20–40% fragmentation Kwon et al. measured into a fixed 0.6 factor; its CHANGELOG (Unreleased) replaced it with the length-distribution model',
})

/** ITL the original reports when the weights leave no room for KV cache (1,000,000 ms). */
export const NO_CAPACITY_ITL_0_1_2: Sourced = sourced(
  1000,
  convention('serving.py ContinuousBatchingModel (itl = 1000000 ms when weights exceed memory)'),
)

/**
 * EfficiencyModel's kernel MFU at η = 0.5, before the caps: unfused attention 0.30 (bound by
 * its O(S²) memory traffic), dense GEMM (FFN) 0.50, convolution 0.40. The 0.30–0.50 span is
 * the literature's large-model training MFU range (Literature.Training MfuLow/MfuHigh).
 */
export const KERNEL_MFU_AT_REFERENCE = {
  attention: sourced(
    0.3,
    convention('performance.py EfficiencyModel (attention without FlashAttention: 0.3·scale)'),
  ),
  ffn: sourced(0.5, convention('performance.py EfficiencyModel (ffn: min(0.5·scale, MFU_FFN_CAP))')),
  conv: sourced(0.4, convention('performance.py EfficiencyModel (conv: min(0.4·scale, MFU_CONV_CAP))')),
} as const

/** The efficiency the EfficiencyModel's per-kernel MFUs are quoted at (scale = η/0.5). */
export const EFFICIENCY_REFERENCE: Sourced = sourced(
  0.5,
  convention('performance.py EfficiencyModel (scale = efficiency / 0.5)'),
)

/** Data-parallel gradient sync moves ≈ 2 × the gradient bytes per step (ring all-reduce, large N). */
export const RING_SYNC_FACTOR: Sourced = sourced(2, {
  kind: 'literature',
  ref: 'Patarasuk and Yuan 2009, "Bandwidth optimal all-reduce algorithms", 2(N−1)/N → 2',
  url: 'https://doi.org/10.1016/j.jpdc.2008.09.002',
  verified: '2026-06-10',
})

/** Pruning accuracy model (Blalock et al. 2020): mild −0.1% up to 50% sparsity, then −0.01·e^{2s}. */
export const PRUNING_ACCURACY = {
  threshold: sourced(0.5, convention('calibration.py PRUNING_ACCURACY_THRESHOLD = 0.5')),
  mildDelta: sourced(-0.001, convention('calibration.py PRUNING_MILD_DELTA = -0.001')),
  steepCoefficient: sourced(0.01, convention('calibration.py PRUNING_STEEP_COEFFICIENT = 0.01')),
  steepExponent: sourced(2, convention('calibration.py PRUNING_STEEP_EXPONENT = 2.0')),
} as const

/** Compression ratio the original reports for 100% sparsity (instead of ∞). */
export const FULL_SPARSITY_RATIO: Sourced = sourced(
  100,
  convention('compression.py (compression_ratio = 100 when sparsity = 1)'),
)

/** 2:4 structured sparsity: 2× on sparse tensor cores, only within ±0.05 of 50% sparsity. */
export const N_M_SPARSITY = {
  speedup: sourced(2, {
    kind: 'datasheet',
    ref: 'NVIDIA A100 Tensor Core GPU Architecture whitepaper (2020), fine-grained structured sparsity',
    url: 'https://images.nvidia.com/aem-dam/en-zz/Solutions/data-center/nvidia-ampere-architecture-whitepaper.pdf',
    verified: '2026-06-10',
  }),
  sparsity: sourced(0.5, convention('compression.py (n_m speedup only at 50% sparsity)')),
  tolerance: sourced(0.05, convention('compression.py (|sparsity − 0.5| < 0.05)')),
} as const

/** ResponsibleEngineeringModel floors: ε ≥ 0.01 in the DP slowdown, subgroup prevalence ≥ 1e-6. */
export const DP_EPSILON_FLOOR: Sourced = sourced(
  0.01,
  convention('economics.py ResponsibleEngineeringModel (max(epsilon, 0.01))'),
)
export const SUBGROUP_PREVALENCE_FLOOR: Sourced = sourced(
  1e-6,
  convention('economics.py ResponsibleEngineeringModel (max(min_subgroup_prevalence, 1e-6))'),
)
