// Pins every entry of the original to the reference table (mlsysim.md §4.2, the original's
// YAML). Values are exact: the solver's conformance cases were computed with these floats.
import { describe, expect, it } from 'vitest'
import { getWorkload } from './catalog.js'
import { ORIGINAL_IDS } from './data/original/index.js'
import { asOriginal } from './fidelity.js'
import { lower } from './lower.js'

type Row = Record<string, number | string | undefined>

// One row per original key: family/architecture as the original types them, then the
// numbers of the table. `undefined` means the original leaves the field unset.
const TABLE: Record<string, Row> = {
  BERT_Base: {
    family: 'transformer',
    architecture: 'Transformer',
    parameters: 110e6,
    inferenceFlops: 22e9,
    layers: 12,
    hiddenDim: 768,
    heads: 12,
    kvHeads: undefined,
  },
  BERT_Large: {
    family: 'transformer',
    architecture: 'Transformer',
    parameters: 340e6,
    inferenceFlops: 72e9,
    layers: 24,
    hiddenDim: 1024,
    heads: 16,
    kvHeads: undefined,
  },
  GPT2_Small: {
    family: 'transformer',
    architecture: 'Transformer',
    parameters: 124e6,
    inferenceFlops: 248e6,
    layers: 12,
    hiddenDim: 768,
    heads: 12,
    kvHeads: undefined,
  },
  GPT2: {
    family: 'transformer',
    parameters: 1.5e9,
    inferenceFlops: 3e9,
    layers: 48,
    hiddenDim: 1600,
    heads: 25,
    trainingOps: 1.5e21,
    trainingDatasetSize: 40e9,
  },
  GPT3: {
    family: 'transformer',
    parameters: 175e9,
    inferenceFlops: 350e9,
    layers: 96,
    hiddenDim: 12288,
    heads: 96,
    trainingOps: 3.14e23,
    trainingTokens: 300e9,
    trainingAcceleratorsRef: 1024,
    trainingDaysRef: 25,
    trainingEnergy: 1287e6 * 3600, // 1287 MWh in joules
  },
  GPT4: {
    family: 'moe',
    architecture: 'MoE Transformer',
    parameters: 1.76e12,
    activeParameters: 280e9,
    inferenceFlops: 560e9,
    layers: 120,
    hiddenDim: 16384,
    heads: 128,
    experts: 16,
    activeExpertsPerToken: 2,
    trainingAcceleratorsRef: 25000,
    trainingDaysRef: 90,
    trainingGpuDays: 2.5e6,
    trainingHardwareLabel: 'A100-class',
  },
  Llama2_7B: {
    family: 'transformer',
    name: 'Llama-2-7B',
    parameters: 7e9,
    inferenceFlops: 14e9,
    layers: 32,
    hiddenDim: 4096,
    heads: 32,
    kvHeads: undefined,
    trainingTokens: 2e12,
  },
  Llama2_70B: {
    family: 'transformer',
    parameters: 70e9,
    inferenceFlops: 140e9,
    layers: 80,
    hiddenDim: 8192,
    heads: 64,
    kvHeads: 8,
    trainingTokens: 2e12,
  },
  Llama3_8B: {
    family: 'transformer',
    name: 'Llama-3.1-8B',
    parameters: 8.03e9,
    inferenceFlops: 16.06e9,
    layers: 32,
    hiddenDim: 4096,
    heads: 32,
    kvHeads: 8,
  },
  Llama3_70B: {
    family: 'transformer',
    name: 'Llama-3.1-70B',
    parameters: 70.6e9,
    inferenceFlops: 141.2e9,
    layers: 80,
    hiddenDim: 8192,
    heads: 64,
    kvHeads: 8,
  },
  Llama3_405B: {
    family: 'transformer',
    name: 'Llama-3.1-405B',
    parameters: 405e9,
    inferenceFlops: 810e9,
    layers: 126,
    hiddenDim: 16384,
    heads: 128,
    kvHeads: 8,
  },
  // The original has no kv_heads for Mixtral (quirk 6): compared through asOriginal below.
  Mixtral_8x7B: {
    family: 'moe',
    parameters: 46.7e9,
    activeParameters: 12.9e9,
    inferenceFlops: 25.8e9,
    layers: 32,
    hiddenDim: 4096,
    heads: 32,
    kvHeads: undefined,
    experts: 8,
    activeExpertsPerToken: 2,
  },
  DeepSeek_V3: {
    family: 'moe',
    parameters: 671e9,
    activeParameters: 37e9,
    inferenceFlops: 74e9,
    layers: 61,
    hiddenDim: 7168,
    heads: 56,
    kvHeads: undefined,
    kvLoraRank: 512,
    qkRopeHeadDim: 64,
    experts: 256,
    activeExpertsPerToken: 8,
  },
  AlexNet: { family: 'cnn', parameters: 60e6, inferenceFlops: 1.5e9, layers: 8 },
  LeNet1: { family: 'cnn', parameters: 10e3, inferenceFlops: undefined, layers: undefined },
  MobileNetV2: {
    family: 'cnn',
    parameters: 3504872,
    inferenceFlops: 600e6,
    inferenceEnergy: 0.1e-3,
    layers: 54,
  },
  EfficientNetB0: { family: 'cnn', parameters: 5.3e6, inferenceFlops: 390e6, layers: undefined },
  MobileNetV2_Alpha0_5: { family: 'cnn', parameters: 1968680, inferenceFlops: undefined },
  MobileNetV2_Alpha0_5FeatureExtractor: { family: 'cnn', parameters: 687680, inferenceFlops: undefined },
  ResNet18: { family: 'cnn', parameters: 11.7e6, inferenceFlops: 1.8e9, layers: 18 },
  ResNet50: { family: 'cnn', name: 'ResNet-50', parameters: 25.6e6, inferenceFlops: 8.2e9, layers: 50 },
  YOLOv8_Nano: { family: 'cnn', parameters: 3.2e6, inferenceFlops: 8.7e9, layers: 225 },
  AnomalyDetector: { family: 'tinyml', architecture: 'MLP', parameters: 270e3, inferenceFlops: 540e3 },
  DS_CNN: { family: 'tinyml', architecture: 'CNN', parameters: 200e3, inferenceFlops: 20e6 },
  WakeVision: { family: 'tinyml', parameters: 250e3, inferenceFlops: 25e6 },
  DLRM: {
    family: 'recommendation',
    parameters: undefined,
    modelSize: 100e9,
    embeddingEntries: 25e9,
    parameterRangeMin: 100e9,
    parameterRangeMax: 10e12,
  },
  Mamba_130M: {
    family: 'ssm',
    parameters: 130e6,
    inferenceFlops: 260e6,
    layers: 24,
    stateSize: 16,
    hiddenDim: 768,
  },
  Mamba_2_8B: {
    family: 'ssm',
    parameters: 2.8e9,
    inferenceFlops: 5.6e9,
    layers: 64,
    stateSize: 16,
    hiddenDim: 2560,
  },
  StableDiffusion_v1_5: {
    family: 'diffusion',
    parameters: 860e6,
    inferenceFlops: 20e9,
    denoisingSteps: 50,
    resolution: 512,
  },
}

describe('the original registry', () => {
  it('has exactly the 29 keys of the original, spelled as the original spells them', () => {
    expect(ORIGINAL_IDS).toEqual(Object.keys(TABLE))
    expect(ORIGINAL_IDS).toHaveLength(29)
  })

  it.each(Object.entries(TABLE))('%s matches the reference table', (id, row) => {
    const entry = asOriginal(getWorkload(id)) as unknown as Record<string, unknown>
    expect(entry.id).toBe(id)
    for (const [field, value] of Object.entries(row)) expect(entry[field], `${id}.${field}`).toBe(value)
  })
})

describe('lowering the original entries at fp16 (2 bytes per parameter)', () => {
  it.each([
    // id, totalOps, weightBytes, layers
    ['ResNet50', 8.2e9, 51.2e6, 50],
    ['Llama3_8B', 16.06e9, 16.06e9, 32],
    ['GPT3', 350e9, 350e9, 96],
    ['Mixtral_8x7B', 25.8e9, 93.4e9, 32], // weights count all 46.7B parameters
    ['DeepSeek_V3', 74e9, 1342e9, 61],
    ['LeNet1', 20e3, 20e3, undefined], // no FLOP count: 2 × 10k parameters
    ['MobileNetV2_Alpha0_5', 2 * 1968680, 2 * 1968680, undefined],
    ['AnomalyDetector', 540e3, 540e3, undefined],
    ['DLRM', 0, 100e9, undefined], // described by size: 100 GB whatever the precision
    ['Mamba_130M', 260e6, 260e6, 24],
    ['StableDiffusion_v1_5', 20e9 * 50, 1.72e9, undefined], // per step × 50 steps
  ] as const)('%s', (id, ops, weights, layers) => {
    const lowered = lower(getWorkload(id), 'fp16')
    expect(lowered.totalOps).toBe(ops)
    expect(lowered.weightBytes).toBe(weights)
    expect(lowered.layers).toBe(layers)
  })

  it('gives ResNet-50 its weight-only intensity: 8.2e9 FLOP / 51.2e6 B = 160.15625 FLOP/B', () => {
    expect(lower(getWorkload('ResNet50'), 'fp16').arithmeticIntensity).toBe(160.15625)
  })
})
