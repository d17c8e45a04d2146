/** The 29 entries of the Python original, in the original's registry order. */
import type { WorkloadInput } from '../../schema.js'
import * as language from './language.js'
import { DLRM, Mamba_2_8B, Mamba_130M, StableDiffusion_v1_5 } from './other.js'
import { AnomalyDetector, DS_CNN, WakeVision } from './tiny.js'
import * as vision from './vision.js'

export const ORIGINAL_WORKLOADS: readonly WorkloadInput[] = [
  language.BERT_Base,
  language.BERT_Large,
  language.GPT2_Small,
  language.GPT2,
  language.GPT3,
  language.GPT4,
  language.Llama2_7B,
  language.Llama2_70B,
  language.Llama3_8B,
  language.Llama3_70B,
  language.Llama3_405B,
  language.Mixtral_8x7B,
  language.DeepSeek_V3,
  vision.AlexNet,
  vision.LeNet1,
  vision.MobileNetV2,
  vision.EfficientNetB0,
  vision.MobileNetV2_Alpha0_5,
  vision.MobileNetV2_Alpha0_5FeatureExtractor,
  vision.ResNet18,
  vision.ResNet50,
  vision.YOLOv8_Nano,
  AnomalyDetector,
  DS_CNN,
  WakeVision,
  DLRM,
  Mamba_130M,
  Mamba_2_8B,
  StableDiffusion_v1_5,
]

/** Ids of the original's registry, exactly as the original spells them. */
export const ORIGINAL_IDS: readonly string[] = ORIGINAL_WORKLOADS.map((w) => w.id)
