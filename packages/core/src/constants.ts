/**
 * Calibration and literature constants of the model, each with its source. Values and
 * citations follow the Python original (mlsysim/engine/calibration.py @32253d9 and
 * literature/data/*.yaml), which documents why each number was chosen.
 */
import { type Provenance, type Sourced, sourced } from '@mlsysim/units'

const CALIBRATION_URL =
  'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/calibration.py'

const calibration = (ref: string, notes?: string): Provenance => ({
  kind: 'convention',
  ref: `MLSys·im calibration.py (${ref})`,
  url: CALIBRATION_URL,
  verified: '2026-06-10',
  ...(notes ? { notes } : {}),
})

const literature = (ref: string, url: string): Provenance => ({
  kind: 'literature',
  ref,
  url,
  verified: '2026-06-10',
})

/** Framework overhead per layer per forward pass (Python dispatch, kernel launches): 0.01 ms. */
export const FRAMEWORK_LAYER_TAX: Sourced = sourced(
  0.01e-3,
  calibration(
    'FRAMEWORK_LAYER_TAX_MS = 0.01 ms/layer',
    'per layer; ×3 for a training step (forward + backward)',
  ),
)

/**
 * Framework layer tax of a training step relative to a forward pass: × 3 (the forward pass and
 * a backward pass that dispatches about twice its kernels: gradients of the activations and of
 * the weights). The original's Engine.solve, step 10 of reference §2.1:
 * latency = max(t_compute, t_memory) + dispatch + layers × 0.01 ms × (3 if training else 1).
 */
export const TRAINING_LAYER_TAX_FACTOR: Sourced = sourced(3, {
  kind: 'convention',
  ref: 'MLSys·im engine.py Engine.solve (latency_overhead = layers × FRAMEWORK_LAYER_TAX_MS × (3 if is_training else 1))',
  url: 'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/engine.py',
  verified: '2026-11-27',
  notes: 'forward + backward, the backward pass launching about twice the forward kernels',
})

/** Kernel launch latency (reference only; the per-chip dispatch tax is what the engine adds). */
export const KERNEL_LAUNCH_LATENCY: Sourced = sourced(15e-6, calibration('KERNEL_LAUNCH_LATENCY_US = 15'))

/** Idle and dynamic fractions of TDP: P = TDP·(0.30 + 0.70·MFU). */
export const ENERGY_IDLE_FRACTION: Sourced = sourced(0.3, calibration('ENERGY_IDLE_FRACTION = 0.30'))
export const ENERGY_DYNAMIC_FRACTION: Sourced = sourced(0.7, calibration('ENERGY_DYNAMIC_FRACTION = 0.70'))

/** Activation traffic per sample as a fraction of the weights (roofline heuristic of the original). */
export const ACTIVATION_TRAFFIC_FRACTION: Sourced = sourced(
  0.1,
  calibration(
    'Engine.solve: traffic = W + 0.1·W·B',
    'activations are taken as 10% of the weights per sample',
  ),
)

/** Host-link bandwidth used when a chip does not list one and the model spills (PCIe Gen5 x16). */
export const FALLBACK_PCIE_BANDWIDTH: Sourced = sourced(
  64e9,
  calibration('FALLBACK_PCIE_BANDWIDTH_GB_S = 64.0'),
)
export const FALLBACK_INTERCONNECT_BANDWIDTH: Sourced = sourced(
  100e9,
  calibration('FALLBACK_INTERCONNECT_BANDWIDTH_GB_S = 100.0'),
)
export const FALLBACK_STORAGE_BANDWIDTH: Sourced = sourced(
  1e9,
  calibration('FALLBACK_STORAGE_BANDWIDTH_GB_S = 1.0'),
)

/** A phone's storage when the model spills there: UFS 4.0 sequential read, 4.2 GB/s. */
export const MOBILE_STORAGE_BANDWIDTH: Sourced = sourced(4.2e9, {
  kind: 'industry_report',
  ref: 'Samsung Newsroom (2022), "Samsung Develops High-Performance UFS 4.0 Storage Solution": sequential read up to 4,200 MB/s',
  url: 'https://news.samsung.com/global/samsung-develops-high-performance-ufs-4-0-storage-solution',
  verified: '2026-11-27',
})

/** Adam moments + fp32 master weights: 12 B per parameter (SGD with momentum: 4). */
export const OPTIMIZER_BYTES_PER_PARAM = {
  adam: sourced(12, calibration('TRAINING_OPTIMIZER_BYTES ADAM = 12.0')),
  adamw: sourced(
    12,
    calibration('TRAINING_OPTIMIZER_BYTES ADAM = 12.0', 'AdamW keeps the same state as Adam'),
  ),
  sgd: sourced(4, calibration('TRAINING_OPTIMIZER_BYTES SGD = 4.0')),
  none: sourced(0, calibration('no optimizer state')),
} as const

/** Checkpoint bytes per parameter: fp16 weights + fp32 master + Adam moments = 14 (SGD: 4). */
export const CHECKPOINT_BYTES_PER_PARAM = {
  adam: sourced(14, calibration('CHECKPOINT_BYTES_PER_PARAM ADAM = 14')),
  sgd: sourced(4, calibration('CHECKPOINT_BYTES_PER_PARAM SGD = 4')),
} as const

/** Reference accelerator for GPU-day budgets: H100 dense FP16, 989 TFLOP/s. */
export const REFERENCE_HARDWARE_FLOPS: Sourced = sourced(
  989e12,
  calibration('REFERENCE_HARDWARE_TFLOPS = 989.0'),
)
export const REFERENCE_MFU_SUSTAINED: Sourced = sourced(0.4, calibration('REFERENCE_MFU_SUSTAINED = 0.40'))

export const MFU_FLASH_ATTENTION: Sourced = sourced(0.75, calibration('MFU_FLASH_ATTENTION = 0.75'))
export const MFU_FLASH_ATTENTION_CAP: Sourced = sourced(0.85, calibration('MFU_FLASH_ATTENTION_CAP = 0.85'))
export const MFU_FFN_CAP: Sourced = sourced(0.6, calibration('MFU_FFN_CAP = 0.60'))
export const MFU_CONV_CAP: Sourced = sourced(0.55, calibration('MFU_CONV_CAP = 0.55'))
export const SM_OCCUPANCY_HEADROOM: Sourced = sourced(1.1, calibration('SM_OCCUPANCY_HEADROOM = 1.1'))
export const TOKENS_PER_REASONING_STEP: Sourced = sourced(50, calibration('TOKENS_PER_REASONING_STEP = 50'))
export const DP_SGD_SLOWDOWN_COEFFICIENT: Sourced = sourced(
  2,
  calibration('DP_SGD_SLOWDOWN_COEFFICIENT = 2.0'),
)
export const SPECULATIVE_GAMMA: Sourced = sourced(4, calibration('SPECULATIVE_GAMMA = 4'))
export const DEFAULT_INFRASTRUCTURE_MULTIPLIER: Sourced = sourced(
  1,
  calibration('DEFAULT_INFRASTRUCTURE_MULTIPLIER = 1.0', 'use 2.0–2.5 for a full datacenter build-out'),
)
export const DEFAULT_OVERLAP_EFFICIENCY: Sourced = sourced(
  0.85,
  literature(
    'Megatron-LM communication overlap (calibration.py DEFAULT_OVERLAP_EFFICIENCY)',
    'https://arxiv.org/abs/2104.04473',
  ),
)
export const DEFAULT_SCALING_EFFICIENCY: Sourced = sourced(
  0.9,
  calibration('DEFAULT_SCALING_EFFICIENCY = 0.90'),
)
export const DEFAULT_COMPUTE_EFFICIENCY: Sourced = sourced(
  0.5,
  literature('PaLM MFU (calibration.py DEFAULT_COMPUTE_EFFICIENCY)', 'https://arxiv.org/abs/2204.02311'),
)

/** Quantization and pruning accuracy deltas (CompressionModel). */
export const QUANT_ACCURACY_DELTA = {
  int8: sourced(-0.005, calibration('QUANT_ACCURACY_DELTA INT8 = -0.005')),
  int4: sourced(-0.025, calibration('QUANT_ACCURACY_DELTA INT4 = -0.025')),
  fp8: sourced(-0.002, calibration('QUANT_ACCURACY_DELTA FP8 = -0.002')),
  subInt4: sourced(-0.05, calibration('QUANT_ACCURACY_DELTA SUB_INT4 = -0.050')),
} as const

/** Chinchilla: C = 6·P·D training FLOPs, 2·P per decoded token, 20 tokens per parameter. */
export const CHINCHILLA = {
  computeConstant: sourced(
    6,
    literature('Hoffmann et al. 2022 (Chinchilla), C ≈ 6PD', 'https://arxiv.org/abs/2203.15556'),
  ),
  decodeConstant: sourced(
    2,
    literature('Kaplan et al. 2020, 2P FLOPs per token', 'https://arxiv.org/abs/2001.08361'),
  ),
  tokensPerParam: sourced(
    20,
    literature('Hoffmann et al. 2022 (Chinchilla), D* ≈ 20P', 'https://arxiv.org/abs/2203.15556'),
  ),
} as const

/** Speed of light in fiber: 200,000 km/s (refractive index ≈ 1.5). */
export const SPEED_OF_LIGHT_FIBER: Sourced = sourced(2e8, {
  kind: 'literature',
  ref: 'c/n with n ≈ 1.47 for silica fiber (≈ 2×10⁸ m/s), as SPEED_OF_LIGHT_FIBER_KM_S in the original',
  url: 'https://en.wikipedia.org/wiki/Optical_fiber',
  verified: '2026-06-10',
})

/** Latency fallbacks when a link lists none: NVLink 500 ns (intra-node), InfiniBand NDR 5 µs (inter-node). */
export const FALLBACK_INTRA_NODE_LATENCY: Sourced = sourced(
  500e-9,
  calibration('Tech.Interconnect.NVLink.latency = 500 ns'),
)
export const FALLBACK_INTER_NODE_LATENCY: Sourced = sourced(
  5e-6,
  calibration('Fabrics.InfiniBand_NDR.latency = 5 µs'),
)
