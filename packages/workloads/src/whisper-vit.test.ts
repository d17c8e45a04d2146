// Derivations behind the Whisper large-v3 per-token FLOP and the ViT-B/16 counts.
import { describe, expect, it } from 'vitest'
import { getWorkload } from './catalog.js'
import { lower } from './lower.js'

describe('Whisper large-v3 (d = 1280, 32 + 32 layers, MLP 5120, vocab 51,866)', () => {
  const d = 1280
  const ffn = 5120
  const layers = 32
  const vocab = 51866

  it('decodes one token in 800,391,680 MAC = 1.6 GFLOP', () => {
    const selfAttention = 4 * d * d // Q, K, V, O of the new token
    const crossAttention = 2 * d * d // Q and O; cross K and V are computed once per audio window
    const mlp = 2 * d * ffn
    const perLayer = selfAttention + crossAttention + mlp
    expect(perLayer).toBe(22937600)
    const lmHead = vocab * d // tied to the token embedding
    const macs = layers * perLayer + lmHead
    expect(macs).toBe(800391680)
    const whisper = getWorkload('Whisper_Large_v3')
    expect(whisper.inferenceFlops).toBe(2 * macs)
    expect(whisper.flopConvention).toBe('per_token')
    expect(lower(whisper, 'fp16').totalOps).toBe(1600783360)
  })

  it('spends about 2.59 TFLOP on the encoder side per 30-second window (as the notes say)', () => {
    const mels = 128
    const frames = 3000 // 30 s at 100 frames/s; the stride-2 conv halves it to 1500
    const tokens = 1500
    const stem = frames * 3 * mels * d + tokens * 3 * d * d
    const encoderLayer = tokens * (4 * d * d + 2 * d * ffn) + 2 * tokens * tokens * d // projections + QKᵀ and AV
    const crossKeyValues = layers * 2 * tokens * d * d // decoder cross-attention K, V of the encoder output
    const flop = 2 * (stem + layers * encoderLayer + crossKeyValues)
    expect(flop / 1e12).toBeCloseTo(2.59, 2)
    expect(getWorkload('Whisper_Large_v3').notes).toContain('2.59 TFLOP')
  })
})

describe('ViT-B/16 at 224 × 224 (196 patches + class token, d = 768, 12 layers, MLP 3072, 12 heads)', () => {
  const d = 768
  const tokens = 197
  const layers = 12
  const mlp = 3072

  it('has 86,567,656 parameters with the 1000-class head', () => {
    const patchEmbedding = 16 * 16 * 3 * d + d // 590,592
    const classToken = d
    const positions = tokens * d // 151,296
    const perLayer =
      2 * 2 * d + // two LayerNorms (γ, β)
      (d * 3 * d + 3 * d) + // fused QKV with bias
      (d * d + d) + // output projection
      (d * mlp + mlp + mlp * d + d) // MLP
    expect(perLayer).toBe(7087872)
    const head = 2 * d + (d * 1000 + 1000) // final LayerNorm + classifier
    const total = patchEmbedding + classToken + positions + layers * perLayer + head
    expect(total).toBe(86567656)
    expect(getWorkload('ViT_B_16').parameters).toBe(total)
  })

  it('does 17,563,828,224 MAC = 35.1 GFLOP per image', () => {
    const patchEmbedding = 196 * d * (16 * 16 * 3)
    const headDim = d / 12
    const perLayer =
      tokens * d * 3 * d + // QKV
      2 * 12 * tokens * tokens * headDim + // QKᵀ and attention × V
      tokens * d * d + // output projection
      2 * tokens * d * mlp // MLP
    expect(perLayer).toBe(1453954560)
    const macs = patchEmbedding + layers * perLayer + d * 1000
    expect(macs).toBe(17563828224)
    const vit = getWorkload('ViT_B_16')
    expect(vit.inferenceFlops).toBe(2 * macs)
    expect(vit.flopConvention).toBe('per_input')
  })
})
