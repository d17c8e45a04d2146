/** Mistral AI: Mistral 7B (dense, sliding-window GQA) and Mixtral 8x22B (sparse MoE). */
import { defineWorkload } from '../define.js'
import { countedFromConfig, paper, perTokenConvention } from './sources.js'

export const Mistral_7B = defineWorkload({
  id: 'Mistral_7B',
  name: 'Mistral-7B-v0.1',
  aliases: ['mistral-7b', 'mistralai/Mistral-7B-v0.1'],
  family: 'transformer',
  architecture: 'Transformer',
  year: 2023,
  org: 'Mistral AI',
  provenance: paper(
    'Jiang et al. (2023), Mistral 7B, Table 1 (dim 4096, 32 layers, head_dim 128, hidden_dim 14336, 32 heads, 8 KV heads, window 4096, vocab 32000)',
    'https://arxiv.org/abs/2310.06825',
  ),
  sources: {
    parameters: countedFromConfig(
      'mistralai/Mistral-7B-v0.1 config.json',
      'https://huggingface.co/mistralai/Mistral-7B-v0.1',
    ),
    inferenceFlops: perTokenConvention('parameters'),
  },
  notes: 'The paper names the size only as 7B; the exact count comes from the architecture.',
  parameters: 7241732096,
  inferenceFlops: 2 * 7241732096,
  layers: 32,
  hiddenDim: 4096,
  heads: 32,
  kvHeads: 8,
  ffnDim: 14336,
  vocabSize: 32000,
  tiedEmbeddings: false,
  maxSeqLen: 32768,
})

export const Mixtral_8x22B = defineWorkload({
  id: 'Mixtral_8x22B',
  name: 'Mixtral-8x22B',
  aliases: ['mixtral-8x22b', 'mistralai/Mixtral-8x22B-v0.1'],
  family: 'moe',
  architecture: 'MoE Transformer',
  year: 2024,
  org: 'Mistral AI',
  provenance: {
    kind: 'industry_report',
    ref: 'Mistral AI (2024), Cheaper, Better, Faster, Stronger (Mixtral 8x22B): 141B parameters, 39B active, 64K context',
    url: 'https://mistral.ai/news/mixtral-8x22b',
    verified: '2026-11-27',
    notes:
      'Architecture fields from the released config.json (https://huggingface.co/mistralai/Mixtral-8x22B-v0.1).',
  },
  sources: { inferenceFlops: perTokenConvention('active parameters') },
  parameters: 141e9,
  activeParameters: 39e9,
  inferenceFlops: 78e9,
  layers: 56,
  hiddenDim: 6144,
  heads: 48,
  kvHeads: 8,
  vocabSize: 32768,
  tiedEmbeddings: false,
  maxSeqLen: 65536,
  experts: 8,
  activeExpertsPerToken: 2,
  expertFfnDim: 16384,
})
