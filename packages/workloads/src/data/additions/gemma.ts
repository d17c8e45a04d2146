/** Google Gemma 2 (9B, 27B) and Gemma 3 (27B). Gemma ties the LM head to the embedding and has explicit head dimensions. */
import { defineWorkload } from '../define.js'
import { countedFromConfig, paper, perTokenConvention } from './sources.js'

const GEMMA_2_REPORT = 'https://arxiv.org/abs/2408.00118'

export const Gemma2_9B = defineWorkload({
  id: 'Gemma2_9B',
  name: 'Gemma-2-9B',
  aliases: ['gemma-2-9b', 'google/gemma-2-9b'],
  family: 'transformer',
  architecture: 'Transformer',
  year: 2024,
  org: 'Google',
  provenance: paper(
    'Gemma Team (2024), Gemma 2: Improving Open Language Models at a Practical Size, Tables 1–2 (42 layers, d_model 3584, 16 heads / 8 KV heads, head size 256; 8,324,201,984 non-embedding + 917,962,752 embedding parameters)',
    GEMMA_2_REPORT,
    'The report counts the embedding with a 256,128-entry vocabulary; the released config.json has vocab_size 256000.',
  ),
  sources: { inferenceFlops: perTokenConvention('parameters') },
  parameters: 8324201984 + 917962752,
  inferenceFlops: 2 * (8324201984 + 917962752),
  layers: 42,
  hiddenDim: 3584,
  heads: 16,
  kvHeads: 8,
  headDim: 256,
  ffnDim: 14336,
  vocabSize: 256000,
  tiedEmbeddings: true,
  maxSeqLen: 8192,
})

export const Gemma2_27B = defineWorkload({
  id: 'Gemma2_27B',
  name: 'Gemma-2-27B',
  aliases: ['gemma-2-27b', 'google/gemma-2-27b'],
  family: 'transformer',
  architecture: 'Transformer',
  year: 2024,
  org: 'Google',
  provenance: paper(
    'Gemma Team (2024), Gemma 2, Tables 1–2 (46 layers, d_model 4608, 32 heads / 16 KV heads, head size 128; 26,047,480,320 non-embedding + 1,180,106,752 embedding parameters)',
    GEMMA_2_REPORT,
    'The report counts the embedding with a 256,128-entry vocabulary; the released config.json has vocab_size 256000.',
  ),
  sources: { inferenceFlops: perTokenConvention('parameters') },
  parameters: 26047480320 + 1180106752,
  inferenceFlops: 2 * (26047480320 + 1180106752),
  layers: 46,
  hiddenDim: 4608,
  heads: 32,
  kvHeads: 16,
  headDim: 128,
  ffnDim: 36864,
  vocabSize: 256000,
  tiedEmbeddings: true,
  maxSeqLen: 8192,
})

export const Gemma3_27B = defineWorkload({
  id: 'Gemma3_27B',
  name: 'Gemma-3-27B',
  aliases: ['gemma-3-27b', 'google/gemma-3-27b-pt'],
  family: 'transformer',
  architecture: 'Transformer',
  year: 2025,
  org: 'Google',
  provenance: paper(
    'Gemma Team (2025), Gemma 3 Technical Report (27B: 62 layers, 32 heads / 16 KV heads, 5:1 local/global attention, 128K context)',
    'https://arxiv.org/abs/2503.19786',
  ),
  sources: {
    parameters: countedFromConfig(
      'google/gemma-3-27b-pt config.json (text_config)',
      'https://huggingface.co/google/gemma-3-27b-pt',
    ),
    inferenceFlops: perTokenConvention('parameters'),
  },
  notes:
    'parameters counts the language model only; the release adds a SigLIP vision encoder (about 0.4B parameters) that runs once per image, not per token.',
  parameters: 27009346304,
  inferenceFlops: 2 * 27009346304,
  layers: 62,
  hiddenDim: 5376,
  heads: 32,
  kvHeads: 16,
  headDim: 128,
  ffnDim: 21504,
  vocabSize: 262208,
  tiedEmbeddings: true,
  maxSeqLen: 131072,
})
