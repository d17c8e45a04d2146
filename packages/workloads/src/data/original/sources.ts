/**
 * Provenance records carried over from the Python original's YAML (kind, ref, URL, verified
 * date and id as the original has them), shared by the entries that cite them.
 */
import type { Provenance } from '@mlsysim/units'

export const META_LLAMA_MODEL_CARD: Provenance = {
  kind: 'datasheet',
  ref: 'Meta Llama model card / Hugging Face model documentation',
  url: 'https://github.com/meta-llama/llama-models',
  verified: '2026-03-06',
  id: 'prov:meta-llama-model-card',
}

export const RADFORD_GPT2: Provenance = {
  kind: 'literature',
  ref: 'Radford et al. (2019), Language Models are Unsupervised Multitask Learners',
  url: 'https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf',
  verified: '2026-03-06',
  id: 'prov:radford-gpt2-2019',
}

export const DEVLIN_BERT: Provenance = {
  kind: 'literature',
  ref: 'Devlin et al. (2019), BERT: Pre-training of Deep Bidirectional Transformers',
  url: 'https://arxiv.org/abs/1810.04805',
  verified: '2026-03-06',
  id: 'prov:devlin-bert-2019',
}

export const HE_RESNET: Provenance = {
  kind: 'literature',
  ref: 'He et al. (2016), Deep Residual Learning for Image Recognition',
  url: 'https://arxiv.org/abs/1512.03385',
  verified: '2026-03-06',
  id: 'prov:he-resnet-2016',
}

export const SANDLER_MOBILENETV2_URL = 'https://arxiv.org/abs/1801.04381'

export const GU_MAMBA: Provenance = {
  kind: 'literature',
  ref: 'Gu & Dao (2023), Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
  url: 'https://arxiv.org/abs/2312.00752',
  verified: '2026-03-06',
  id: 'prov:gu-mamba-2023',
}
