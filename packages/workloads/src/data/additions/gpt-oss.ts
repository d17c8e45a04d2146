/** OpenAI gpt-oss (20b, 120b): MoE with 4 of 32/128 experts per token, GQA, alternating banded and dense attention. */
import { defineWorkload } from '../define.js'
import { paper, perTokenConvention } from './sources.js'

const CARD = 'https://arxiv.org/abs/2508.10925'
const ACTIVE_NOTE =
  'The published active count excludes the 0.58B-parameter token embedding (a lookup, not a matmul); counting it, a token touches about 4.19B (20b) and 5.71B (120b) parameters.'

export const GptOss_20B = defineWorkload({
  id: 'GptOss_20B',
  name: 'gpt-oss-20b',
  aliases: ['gpt-oss-20b', 'openai/gpt-oss-20b'],
  family: 'moe',
  architecture: 'MoE Transformer',
  year: 2025,
  org: 'OpenAI',
  provenance: paper(
    'OpenAI (2025), gpt-oss-120b & gpt-oss-20b Model Card: 20.9B total / 3.6B active parameters, 24 layers, 32 experts (top-4), 64 Q / 8 KV heads',
    CARD,
    ACTIVE_NOTE,
  ),
  sources: { inferenceFlops: perTokenConvention('active parameters') },
  parameters: 20.9e9,
  activeParameters: 3.6e9,
  inferenceFlops: 7.2e9,
  layers: 24,
  hiddenDim: 2880,
  heads: 64,
  kvHeads: 8,
  headDim: 64,
  vocabSize: 201088,
  tiedEmbeddings: false,
  maxSeqLen: 131072,
  experts: 32,
  activeExpertsPerToken: 4,
  expertFfnDim: 2880,
})

export const GptOss_120B = defineWorkload({
  id: 'GptOss_120B',
  name: 'gpt-oss-120b',
  aliases: ['gpt-oss-120b', 'openai/gpt-oss-120b'],
  family: 'moe',
  architecture: 'MoE Transformer',
  year: 2025,
  org: 'OpenAI',
  provenance: paper(
    'OpenAI (2025), gpt-oss-120b & gpt-oss-20b Model Card: 116.8B total / 5.1B active parameters, 36 layers, 128 experts (top-4), 64 Q / 8 KV heads',
    CARD,
    ACTIVE_NOTE,
  ),
  sources: { inferenceFlops: perTokenConvention('active parameters') },
  parameters: 116.8e9,
  activeParameters: 5.1e9,
  inferenceFlops: 10.2e9,
  layers: 36,
  hiddenDim: 2880,
  heads: 64,
  kvHeads: 8,
  headDim: 64,
  vocabSize: 201088,
  tiedEmbeddings: false,
  maxSeqLen: 131072,
  experts: 128,
  activeExpertsPerToken: 4,
  expertFfnDim: 2880,
})
