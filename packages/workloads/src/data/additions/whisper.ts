/**
 * Whisper large-v3: an encoder-decoder transformer. The encoder runs once per 30-second audio
 * window (1500 frames); the decoder runs once per generated token, so the catalog counts FLOP
 * per generated token, like the decoder LMs, and records the encoder cost in the notes.
 */
import { defineWorkload } from '../define.js'
import { modelCard, VERIFIED } from './sources.js'

export const Whisper_Large_v3 = defineWorkload({
  id: 'Whisper_Large_v3',
  name: 'Whisper large-v3',
  aliases: ['whisper-large-v3', 'openai/whisper-large-v3'],
  family: 'transformer',
  architecture: 'Encoder-Decoder Transformer',
  year: 2023,
  org: 'OpenAI',
  provenance: modelCard(
    'Whisper large-v3 model card (1550M parameters, 128 Mel bins) and Radford et al. (2022), Robust Speech Recognition via Large-Scale Weak Supervision, Table 1 (large: 32 layers, width 1280, 20 heads)',
    'https://huggingface.co/openai/whisper-large-v3',
  ),
  sources: {
    inferenceFlops: {
      kind: 'derived',
      ref: 'Per-token decoder FLOP from the architecture (see whisper-vit.test.ts)',
      verified: VERIFIED,
      notes:
        'Per decoder layer and token: self-attention Q, K, V, O (4 × 1280²), cross-attention Q and O (2 × 1280²; cross K and V are computed once per window), MLP (2 × 1280 × 5120) = 22,937,600 MAC; × 32 layers + tied LM head 51,866 × 1280 = 800,391,680 MAC = 1,600,783,360 FLOP.',
    },
  },
  notes:
    'layers counts the decoder; encoderLayers the encoder. The encoder side costs about 2.59 TFLOP per 30-second window (conv stem, 32 layers over 1500 frames with attention scores, cross-attention K/V for the decoder); it is not part of the per-token count.',
  parameters: 1.55e9,
  inferenceFlops: 1600783360,
  flopConvention: 'per_token',
  layers: 32,
  encoderLayers: 32,
  hiddenDim: 1280,
  heads: 20,
  ffnDim: 5120,
  vocabSize: 51866,
  tiedEmbeddings: true,
  maxSeqLen: 448,
})
