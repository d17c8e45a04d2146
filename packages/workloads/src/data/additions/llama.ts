/** Meta Llama 3.2 (1B, 3B) and Llama 4 (Scout, Maverick) language models. */
import { defineWorkload } from '../define.js'
import { modelCard, perTokenConvention } from './sources.js'

const LLAMA_3_2_CARD =
  'Meta Llama 3.2 model card: 1B (1.23B) and 3B (3.21B) parameters, GQA, shared embeddings, 128k context'

export const Llama3_2_1B = defineWorkload({
  id: 'Llama3_2_1B',
  name: 'Llama-3.2-1B',
  aliases: ['llama-3.2-1b', 'meta-llama/Llama-3.2-1B'],
  family: 'transformer',
  architecture: 'Transformer',
  year: 2024,
  org: 'Meta',
  provenance: modelCard(LLAMA_3_2_CARD, 'https://huggingface.co/meta-llama/Llama-3.2-1B'),
  sources: { inferenceFlops: perTokenConvention('parameters') },
  parameters: 1.23e9,
  inferenceFlops: 2.46e9,
  layers: 16,
  hiddenDim: 2048,
  heads: 32,
  kvHeads: 8,
  ffnDim: 8192,
  vocabSize: 128256,
  tiedEmbeddings: true,
  maxSeqLen: 131072,
})

export const Llama3_2_3B = defineWorkload({
  id: 'Llama3_2_3B',
  name: 'Llama-3.2-3B',
  aliases: ['llama-3.2-3b', 'meta-llama/Llama-3.2-3B'],
  family: 'transformer',
  architecture: 'Transformer',
  year: 2024,
  org: 'Meta',
  provenance: modelCard(LLAMA_3_2_CARD, 'https://huggingface.co/meta-llama/Llama-3.2-3B'),
  sources: { inferenceFlops: perTokenConvention('parameters') },
  parameters: 3.21e9,
  inferenceFlops: 6.42e9,
  layers: 28,
  hiddenDim: 3072,
  heads: 24,
  kvHeads: 8,
  ffnDim: 8192,
  vocabSize: 128256,
  tiedEmbeddings: true,
  maxSeqLen: 131072,
})

const LLAMA_4_NOTES =
  'Totals include the vision encoder of the natively multimodal release; the language model alone counts about 107.8B (Scout) and 400.7B (Maverick) parameters from its config. Every MoE layer has one shared expert plus the routed experts, one routed expert per token.'

export const Llama4_Scout = defineWorkload({
  id: 'Llama4_Scout',
  name: 'Llama-4-Scout-17B-16E',
  aliases: ['llama-4-scout', 'meta-llama/Llama-4-Scout-17B-16E'],
  family: 'moe',
  architecture: 'MoE Transformer',
  year: 2025,
  org: 'Meta',
  provenance: modelCard(
    'Meta Llama 4 model card: Scout, 17B active / 109B total parameters, 16 experts',
    'https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E',
    LLAMA_4_NOTES,
  ),
  sources: { inferenceFlops: perTokenConvention('active parameters') },
  parameters: 109e9,
  activeParameters: 17e9,
  inferenceFlops: 34e9,
  layers: 48,
  hiddenDim: 5120,
  heads: 40,
  kvHeads: 8,
  vocabSize: 202048,
  tiedEmbeddings: false,
  maxSeqLen: 10485760,
  experts: 16,
  activeExpertsPerToken: 1,
  sharedExperts: 1,
  expertFfnDim: 8192,
})

export const Llama4_Maverick = defineWorkload({
  id: 'Llama4_Maverick',
  name: 'Llama-4-Maverick-17B-128E',
  aliases: ['llama-4-maverick', 'meta-llama/Llama-4-Maverick-17B-128E'],
  family: 'moe',
  architecture: 'MoE Transformer',
  year: 2025,
  org: 'Meta',
  provenance: modelCard(
    'Meta Llama 4 model card: Maverick, 17B active / 400B total parameters, 128 experts',
    'https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E',
    `${LLAMA_4_NOTES} Maverick alternates dense layers (MLP 16384) with MoE layers.`,
  ),
  sources: { inferenceFlops: perTokenConvention('active parameters') },
  parameters: 400e9,
  activeParameters: 17e9,
  inferenceFlops: 34e9,
  layers: 48,
  hiddenDim: 5120,
  heads: 40,
  kvHeads: 8,
  ffnDim: 16384,
  vocabSize: 202048,
  tiedEmbeddings: false,
  maxSeqLen: 1048576,
  experts: 128,
  activeExpertsPerToken: 1,
  sharedExperts: 1,
  expertFfnDim: 8192,
  denseLayers: 24,
})
