/** Entries added beyond the original: recent LLMs, speech, vision, diffusion and the MLPerf Tiny references. */
import type { WorkloadInput } from '../../schema.js'
import { DeepSeek_R1 } from './deepseek.js'
import { Gemma2_9B, Gemma2_27B, Gemma3_27B } from './gemma.js'
import { GptOss_20B, GptOss_120B } from './gpt-oss.js'
import { Llama3_2_1B, Llama3_2_3B, Llama4_Maverick, Llama4_Scout } from './llama.js'
import { Mistral_7B, Mixtral_8x22B } from './mistral.js'
import {
  MLPerfTiny_AD_FC_AE,
  MLPerfTiny_IC_ResNet8,
  MLPerfTiny_KWS_DS_CNN,
  MLPerfTiny_VWW_MobileNetV1,
} from './mlperf-tiny.js'
import { Phi4 } from './phi.js'
import { Qwen2_5_7B, Qwen2_5_72B, Qwen3_8B, Qwen3_32B, Qwen3_235B_A22B } from './qwen.js'
import { SDXL_Base } from './sdxl.js'
import { ViT_B_16 } from './vit.js'
import { Whisper_Large_v3 } from './whisper.js'

export const ADDED_WORKLOADS: readonly WorkloadInput[] = [
  Llama3_2_1B,
  Llama3_2_3B,
  Llama4_Scout,
  Llama4_Maverick,
  Qwen2_5_7B,
  Qwen2_5_72B,
  Qwen3_8B,
  Qwen3_32B,
  Qwen3_235B_A22B,
  Mistral_7B,
  Mixtral_8x22B,
  Gemma2_9B,
  Gemma2_27B,
  Gemma3_27B,
  Phi4,
  DeepSeek_R1,
  GptOss_20B,
  GptOss_120B,
  Whisper_Large_v3,
  ViT_B_16,
  SDXL_Base,
  MLPerfTiny_KWS_DS_CNN,
  MLPerfTiny_VWW_MobileNetV1,
  MLPerfTiny_IC_ResNet8,
  MLPerfTiny_AD_FC_AE,
]
