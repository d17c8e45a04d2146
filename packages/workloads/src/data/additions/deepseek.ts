/** DeepSeek-R1: the DeepSeek-V3 architecture (MLA, 256 routed + 1 shared expert) trained for reasoning. */
import { defineWorkload } from '../define.js'
import { paper, perTokenConvention } from './sources.js'

export const DeepSeek_R1 = defineWorkload({
  id: 'DeepSeek_R1',
  name: 'DeepSeek-R1',
  aliases: ['deepseek-r1', 'deepseek-ai/DeepSeek-R1'],
  family: 'moe',
  architecture: 'MoE Transformer',
  year: 2025,
  org: 'DeepSeek',
  provenance: paper(
    'DeepSeek-AI (2025), DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning (built on DeepSeek-V3-Base: 671B total, 37B activated)',
    'https://arxiv.org/abs/2501.12948',
    'Architecture fields from the released config.json (https://huggingface.co/deepseek-ai/DeepSeek-R1): 128 attention heads, q_lora_rank 1536, kv_lora_rank 512, qk_rope_head_dim 64, first 3 layers dense. The multi-token-prediction module shipped with the weights (about 14B) is not counted.',
  ),
  sources: { inferenceFlops: perTokenConvention('active parameters') },
  parameters: 671e9,
  activeParameters: 37e9,
  inferenceFlops: 74e9,
  layers: 61,
  hiddenDim: 7168,
  heads: 128,
  kvLoraRank: 512,
  qkRopeHeadDim: 64,
  ffnDim: 18432,
  vocabSize: 129280,
  tiedEmbeddings: false,
  maxSeqLen: 163840,
  experts: 256,
  activeExpertsPerToken: 8,
  sharedExperts: 1,
  expertFfnDim: 2048,
  denseLayers: 3,
})
