// Every built-in entry: validates, cites its sources by the rules, and passes the physical
// sanity checks an engineer would do by hand.
import { provenanceSchema } from '@mlsysim/units'
import { describe, expect, it } from 'vitest'
import { workloads } from './catalog.js'
import { ADDED_WORKLOADS } from './data/additions/index.js'
import { BUILT_IN_WORKLOADS } from './data/index.js'
import { ORIGINAL_IDS } from './data/original/index.js'
import { countParameters } from './huggingface/architecture.js'
import { headDimOf, kvCacheBytesPerToken } from './kv-cache.js'
import { lower } from './lower.js'
import { workloadSchema } from './schema.js'

const all = workloads.list()
const transformers = all.filter((w) => w.family === 'transformer' || w.family === 'moe')

describe('the built-in catalog', () => {
  it('holds the 29 original entries and the 25 additions', () => {
    expect(ORIGINAL_IDS).toHaveLength(29)
    expect(ADDED_WORKLOADS).toHaveLength(25)
    expect(workloads.size).toBe(54)
    expect(workloads.ids().slice(0, 29)).toEqual(ORIGINAL_IDS)
  })

  it.each(BUILT_IN_WORKLOADS.map((w) => [w.id, w] as const))(
    '%s validates against the schema',
    (_id, entry) => {
      const result = workloadSchema.safeParse(entry)
      expect(result.error?.issues ?? []).toEqual([])
    },
  )

  it('gives every entry at least one readable alias that finds it', () => {
    for (const w of all) {
      expect(w.aliases.length, w.id).toBeGreaterThan(0)
      for (const alias of w.aliases) expect(workloads.get(alias).id, alias).toBe(w.id)
    }
  })
})

describe('provenance', () => {
  const citations = all.flatMap((w) => [
    [w.id, w.provenance] as const,
    ...Object.entries(w.sources ?? {}).map(([field, p]) => [`${w.id}.${field}`, p] as const),
  ])

  it('every citation passes the rules: URLs for datasheets/literature/reports, notes for estimates/derived', () => {
    for (const [where, p] of citations) {
      expect(provenanceSchema.safeParse(p).success, where).toBe(true)
      if (p.kind === 'datasheet' || p.kind === 'literature' || p.kind === 'industry_report') {
        expect(p.url, where).toMatch(/^https:\/\//)
      }
      if (p.kind === 'estimate' || p.kind === 'derived') expect(p.notes, where).toBeTruthy()
    }
  })

  it('the additions were checked on or after the original’s last verification, never in the future', () => {
    for (const w of ADDED_WORKLOADS) {
      expect(w.provenance.verified >= '2026-03-06', w.id).toBe(true)
      expect(w.provenance.verified <= '2026-12-31', w.id).toBe(true)
    }
  })

  it('records every deliberate difference from the original as a correction', () => {
    const corrected = all.filter((w) => (w.corrections ?? []).length > 0)
    expect(corrected.map((w) => [w.id, w.corrections!.map((c) => c.path)])).toEqual([
      ['Mixtral_8x7B', ['kvHeads']],
      ['DeepSeek_V3', ['heads']],
    ])
  })
})

describe('physical sanity of every transformer', () => {
  it.each(transformers.map((w) => [w.id, w] as const))('%s', (id, w) => {
    expect(w.layers, id).toBeGreaterThanOrEqual(1)
    expect(w.layers, id).toBeLessThanOrEqual(200)
    if (w.hiddenDim !== undefined && w.heads !== undefined && w.kvLoraRank === undefined) {
      // Head dim is hidden / heads exactly, or given explicitly (Gemma, Qwen3, gpt-oss).
      if (w.headDim === undefined) expect(Number.isInteger(w.hiddenDim / w.heads), id).toBe(true)
      expect(headDimOf(w) % 8, `${id}: head dims are multiples of 8`).toBe(0)
      expect(headDimOf(w), id).toBeGreaterThanOrEqual(32)
      expect(headDimOf(w), id).toBeLessThanOrEqual(256)
    }
    if (w.kvHeads !== undefined) {
      expect(w.heads! % w.kvHeads, `${id}: heads divisible by kvHeads`).toBe(0)
    }
    if (w.ffnDim !== undefined && w.hiddenDim !== undefined) {
      // MLPs are 2–8× wider than the model (gated MLPs ~2.7–3.5×, classic 4×).
      expect(w.ffnDim / w.hiddenDim, id).toBeGreaterThanOrEqual(1)
      expect(w.ffnDim / w.hiddenDim, id).toBeLessThanOrEqual(8)
    }
    // A decoder's weights are roughly 12·L·h² (4h² attention + 8h² MLP) plus embeddings: the
    // stored count must sit within a factor of 3 of that for dense models.
    if (w.family === 'transformer' && w.hiddenDim !== undefined && w.vocabSize !== undefined) {
      const rough = 12 * w.layers * w.hiddenDim ** 2
      expect(w.parameters / rough, id).toBeGreaterThan(0.5)
      expect(w.parameters / rough, id).toBeLessThan(3)
    }
    // The KV cache a token adds is far smaller than the weights.
    expect(kvCacheBytesPerToken(w, 2), id).toBeLessThan(w.parameters * 2 * 1e-3)
  })

  it('per-token FLOP follow 2 × parameters (2 × active for MoE) for every decoder that counts them so', () => {
    for (const w of all.filter((x) => x.flopConvention === 'per_token' && x.encoderLayers === undefined)) {
      const computeParameters = w.family === 'moe' ? w.activeParameters : w.parameters!
      expect(lower(w, 'fp16').totalOps / (2 * computeParameters), w.id).toBeCloseTo(1, 6)
    }
    // Whisper decodes with its decoder only: 1.6 GFLOP per token, about half of 2 × 1.55B.
    const whisper = workloads.get('Whisper_Large_v3')
    expect(whisper.inferenceFlops! / (2 * whisper.parameters!)).toBeCloseTo(0.516, 3)
  })

  it('MoE entries activate a minority of their parameters', () => {
    for (const w of all) {
      if (w.family !== 'moe') continue
      expect(w.activeParameters / w.parameters, w.id).toBeLessThan(0.35)
      expect(w.activeExpertsPerToken, w.id).toBeLessThanOrEqual(w.experts)
    }
  })

  it('stored counts of dense decoders agree with their architecture fields within 1%', () => {
    // Built from the stored fields alone (gated MLP, RMSNorm); Qwen2's Q/K/V biases, Qwen3's
    // Q/K norms and Gemma's extra norms are below 0.01% and are left out.
    const decoders = all.filter(
      (w) =>
        w.family === 'transformer' &&
        w.ffnDim !== undefined &&
        w.vocabSize !== undefined &&
        w.tiedEmbeddings !== undefined,
    )
    expect(decoders.map((w) => w.id)).toEqual(
      expect.arrayContaining([
        'Llama3_2_1B',
        'Qwen2_5_72B',
        'Qwen3_32B',
        'Mistral_7B',
        'Gemma2_9B',
        'Gemma3_27B',
        'Phi4',
      ]),
    )
    for (const w of decoders) {
      if (w.encoderLayers !== undefined) continue
      const counted = countParameters({
        modelType: 'catalog',
        vocabSize: w.vocabSize!,
        hiddenDim: w.hiddenDim!,
        layers: w.layers!,
        heads: w.heads!,
        kvHeads: w.kvHeads ?? w.heads!,
        headDim: headDimOf(w),
        ffnDim: w.ffnDim!,
        tiedEmbeddings: w.tiedEmbeddings!,
        qkvBias: false,
        outputBias: false,
        mlpBias: false,
        qkNorm: false,
        attentionSinks: false,
        normsPerLayer: 2,
      }).total
      expect(Math.abs(counted / w.parameters! - 1), w.id).toBeLessThan(0.01)
    }
  })
})
