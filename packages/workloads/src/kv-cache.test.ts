import { describe, expect, it } from 'vitest'
import { getWorkload } from './catalog.js'
import { asOriginal } from './fidelity.js'
import {
  headDimOf,
  kvCacheBytes,
  kvCacheBytesPerToken,
  mlaCacheBytes,
  pagedKvCacheBytes,
} from './kv-cache.js'
import { ssmStateBytes } from './ssm-state.js'
import { parseWorkload } from './validate.js'

const prov = { kind: 'convention', ref: 'test fixture', verified: '2026-11-27' } as const

describe('kvCacheBytes', () => {
  it('sizes grouped-query attention: Llama-3.1-8B, S=2048, B=1, fp16 → 0.268435456 GB (golden case 6)', () => {
    // 2 · 32 layers · 8 KV heads · 128 head dim · 2048 · 1 · 2 B = 268,435,456 B
    expect(kvCacheBytes(getWorkload('Llama3_8B'), 2048, 1, 'fp16')).toBe(268435456)
    expect(kvCacheBytes(getWorkload('Llama3_8B'), 2048, 1, 2)).toBe(268435456)
  })

  it('sizes multi-head attention when kvHeads is absent: Llama-2-7B, S=8192, B=4, bf16 → 16 GiB', () => {
    // 2 · 32 · 32 heads · 128 · 8192 · 4 · 2 B = 17,179,869,184 B (oracle ServingModel-65)
    expect(kvCacheBytes(getWorkload('Llama2_7B'), 8192, 4, 'bf16')).toBe(17179869184)
  })

  it('uses the MLA latent for DeepSeek-V3: 61 · (512 + 64) · 512 · 4 · 1 B', () => {
    // 61 · 576 · 512 · 4 = 71,958,528 B at int8 (oracle ServingModel-68)
    expect(kvCacheBytes(getWorkload('DeepSeek_V3'), 512, 4, 'int8')).toBe(71958528)
    expect(mlaCacheBytes(61, 512, 64, 512, 4, 1)).toBe(71958528)
  })

  it('sizes Mixtral with its 8 KV heads, and as the original (32-head MHA) in fidelity mode', () => {
    const mixtral = getWorkload('Mixtral_8x7B')
    // 2 · 32 · 8 · 128 · 512 · 16 · 2 = 1 GiB; the original's MHA view is 4× that (oracle ServingModel-60).
    expect(kvCacheBytes(mixtral, 512, 16, 'bf16')).toBe(1073741824)
    expect(kvCacheBytes(asOriginal(mixtral), 512, 16, 'bf16')).toBe(4294967296)
  })

  it('GPT-2 1.5B: head dim 1600/25 = 64, S=4096, B=4, int8 → 2,516,582,400 B (oracle ServingModel-62)', () => {
    expect(headDimOf(getWorkload('GPT2'))).toBe(64)
    expect(kvCacheBytes(getWorkload('GPT2'), 4096, 4, 'int8')).toBe(2 * 48 * 25 * 64 * 4096 * 4)
    expect(kvCacheBytes(getWorkload('GPT2'), 4096, 4, 'int8')).toBe(2516582400)
  })

  it('uses an explicit headDim when hidden / heads is not the head size', () => {
    const w = parseWorkload({
      id: 'Custom',
      name: 'c',
      family: 'transformer',
      architecture: 'Transformer',
      provenance: prov,
      parameters: 9e9,
      layers: 42,
      hiddenDim: 3584,
      heads: 16,
      kvHeads: 8,
      headDim: 256,
    })
    // 2 · 42 · 8 · 256 · 1 token · 1 · 2 B = 344,064 B per token
    expect(kvCacheBytesPerToken(w, 'bf16')).toBe(344064)
  })

  it('falls back to the original defaults (hidden 4096, 32 heads) for a bare transformer', () => {
    const w = parseWorkload({
      id: 'Bare',
      name: 'b',
      family: 'transformer',
      architecture: 'Transformer',
      provenance: prov,
      parameters: 1.7e9,
      layers: 24,
    })
    // 2 · 24 · 32 · 128 · 1 · 1 · 2 = 393,216
    expect(kvCacheBytesPerToken(w, 2)).toBe(393216)
  })

  it('rejects non-attention workloads and bad sizes with the field and the allowed range', () => {
    expect(() => kvCacheBytes(getWorkload('ResNet50'), 1, 1, 2)).toThrow(/cnn workload and has no KV cache/)
    expect(() => kvCacheBytes(getWorkload('Mamba_130M'), 1, 1, 2)).toThrow(/see ssmStateBytes/)
    expect(() => kvCacheBytes(getWorkload('Llama3_8B'), -1, 1, 2)).toThrow(
      'seqLen -1 is not allowed: must be a whole number ≥ 0',
    )
    expect(() => kvCacheBytes(getWorkload('Llama3_8B'), 8, 0, 2)).toThrow('batch 0 is not allowed')
    expect(() => kvCacheBytes(getWorkload('Llama3_8B'), 8, 1, 'fp12')).toThrow(/unknown precision "fp12"/)
  })
})

describe('pagedKvCacheBytes', () => {
  it('pads to whole pages and reports the wasted share', () => {
    // S = 1000 → ⌈1000/16⌉·16 = 1008 tokens; fragmentation 8/1008.
    const paged = pagedKvCacheBytes(getWorkload('Llama3_8B'), 1000, 2, 'fp16')
    expect(paged.paddedSeqLen).toBe(1008)
    expect(paged.fragmentation).toBe(8 / 1008)
    expect(paged.bytes).toBe(2 * 32 * 8 * 128 * 1008 * 2 * 2)
  })

  it('wastes nothing on a whole number of pages, and takes other page sizes', () => {
    expect(pagedKvCacheBytes(getWorkload('Llama3_8B'), 2048, 1, 2).fragmentation).toBe(0)
    const big = pagedKvCacheBytes(getWorkload('Llama3_8B'), 100, 1, 2, 64)
    expect(big.paddedSeqLen).toBe(128)
    expect(big.fragmentation).toBe(28 / 128)
    expect(pagedKvCacheBytes(getWorkload('Llama3_8B'), 0, 1, 2)).toEqual({
      bytes: 0,
      paddedSeqLen: 0,
      fragmentation: 0,
    })
    expect(() => pagedKvCacheBytes(getWorkload('Llama3_8B'), 10, 1, 2, 0)).toThrow(
      'pageSize 0 is not allowed',
    )
  })

  it('pages the MLA latent too', () => {
    expect(pagedKvCacheBytes(getWorkload('DeepSeek_V3'), 10, 1, 1).bytes).toBe(61 * 576 * 16)
  })
})

describe('ssmStateBytes', () => {
  it('is L · B · hidden · N · bpe, independent of sequence length', () => {
    // Mamba-2.8B: 64 · 8 · 2560 · 16 · 2 B = 41,943,040 B
    expect(ssmStateBytes(getWorkload('Mamba_2_8B'), 8, 'fp16')).toBe(41943040)
    expect(ssmStateBytes(getWorkload('Mamba_130M'), 1, 4)).toBe(24 * 768 * 16 * 4)
  })

  it('refuses other families and bad batches', () => {
    expect(() => ssmStateBytes(getWorkload('Llama3_8B'), 1, 2)).toThrow(/only ssm workloads/)
    expect(() => ssmStateBytes(getWorkload('Mamba_130M'), 1.5, 2)).toThrow('batch 1.5 is not allowed')
  })
})
