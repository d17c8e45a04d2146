import {
  getWorkload,
  kvCacheBytes,
  kvCacheBytesPerToken,
  pagedKvCacheBytes,
  resolveWorkload,
} from '@mlsysim/workloads'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkBackends,
  checkColumnarAgainstScalar,
  checkScalarAgainstInterpreter,
  positive,
} from '../../test/model-backends.js'
import {
  cappedExponentialScale,
  expectedPagedKvTokens,
  kvCacheSize,
  pagedSeqLen,
  speculativeBranchCapacity,
} from './kv-cache.js'

describe('kvCacheSize (per-token bytes from @mlsysim/workloads)', () => {
  it('conformance formula/kv-cache: 32 layers × 32 KV heads × 128 × 2048 tokens at 2 B = 1 GiB', () => {
    // Per token: 2 (K and V) · 32 layers · 32 heads · 128 dims · 2 B = 524,288 B; × 2048 = 1,073,741,824 B.
    const mha = resolveWorkload({
      id: 'mha-32x32',
      name: 'MHA 32×32',
      family: 'transformer',
      architecture: 'Transformer',
      parameters: 7e9,
      layers: 32,
      hiddenDim: 4096,
      heads: 32,
      provenance: { kind: 'illustrative', ref: 'conformance formula/kv-cache', verified: '2026-06-10' },
    })
    const perToken = kvCacheBytesPerToken(mha, 2)
    expect(perToken).toBe(524_288)
    expect(kvCacheSize({ bytesPerToken: perToken, seqLen: 2048, batch: 1 })).toBe(1_073_741_824)
  })

  it('equals the workloads helper for dense, GQA and MLA entries', () => {
    // Llama-3.1-8B GQA: 2·32·8·128·2 B = 131,072 B/token; DeepSeek-V3 MLA: 61·(512 + 64)·1 B = 35,136 B/token at fp8.
    expect(kvCacheBytesPerToken(getWorkload('Llama3_8B'), 2)).toBe(131_072)
    expect(kvCacheBytesPerToken(getWorkload('DeepSeek_V3'), 1)).toBe(35_136)
    for (const id of ['Llama3_8B', 'Llama3_70B', 'GPT2', 'DeepSeek_V3', 'Mixtral_8x7B']) {
      const w = getWorkload(id)
      for (const [s, b, bpe] of [
        [2048, 1, 2],
        [4096, 8, 1],
        [333, 3, 0.5],
      ] as const) {
        expect(kvCacheSize({ bytesPerToken: kvCacheBytesPerToken(w, bpe), seqLen: s, batch: b })).toBe(
          kvCacheBytes(w, s, b, bpe),
        )
      }
    }
  })
})

describe('pagedSeqLen', () => {
  it('pads to whole pages like pagedKvCacheBytes', () => {
    // ⌈2049/16⌉ = 129 pages = 2064 tokens; 2048 is already whole.
    expect(pagedSeqLen({ seqLen: 2049, pageSize: 16 })).toBe(2064)
    expect(pagedSeqLen({ seqLen: 2048, pageSize: 16 })).toBe(2048)
    const w = getWorkload('Llama3_8B')
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 4096 }), (s, p) => {
        expect(pagedSeqLen({ seqLen: s, pageSize: p })).toBe(pagedKvCacheBytes(w, s, 1, 2, p).paddedSeqLen)
      }),
    )
  })
})

describe('cappedExponentialScale', () => {
  it('inverts the capped mean μ(1 − e^{−S/μ})', () => {
    // μ = 1000, S = 2000: mean = 1000·(1 − e^{−2}) = 864.6647167633873.
    expect(cappedExponentialScale(1000 * (1 - Math.exp(-2)), 2000)).toBeCloseTo(1000, 9)
    // A short mean under a long cap: e^{−204.8} is negligible, so μ = mean.
    expect(cappedExponentialScale(10, 2048)).toBeCloseTo(10, 12)
    // Every request at the cap: the distribution degenerates, μ = ∞.
    expect(cappedExponentialScale(2048, 2048)).toBe(Number.POSITIVE_INFINITY)
  })

  it('round-trips and rises with the mean', () => {
    fc.assert(
      fc.property(positive(1, 1e6), positive(1e-4, 0.9999), (cap, share) => {
        const mean = cap * share
        const mu = cappedExponentialScale(mean, cap)
        const back = -mu * Math.expm1(-cap / mu)
        expect(Math.abs(back - mean) / mean).toBeLessThan(1e-12)
        expect(cappedExponentialScale(Math.min(cap, mean * 1.01), cap)).toBeGreaterThan(mu)
      }),
    )
  })

  it('rejects a mean outside (0, S_max]', () => {
    expect(() => cappedExponentialScale(0, 100)).toThrowError(/mean 0 is not allowed/)
    expect(() => cappedExponentialScale(101, 100)).toThrowError(/≤ maxSeqLen \(100\)/)
    expect(() => cappedExponentialScale(1, 0)).toThrowError(/maxSeqLen 0/)
  })
})

describe('expectedPagedKvTokens', () => {
  it('matches hand derivations', () => {
    // r = e^{−p/μ} = 1/2 (μ = 16/ln 2), S_max = 32, p = 16 → K = 2 pages: E[pages] = 1 + 1/2 = 1.5 → 24 tokens.
    expect(expectedPagedKvTokens({ lengthScale: 16 / Math.LN2, maxSeqLen: 32, pageSize: 16 })).toBeCloseTo(
      24,
      13,
    )
    // μ = ∞: every request is S_max = 100 long and holds ⌈100/16⌉ = 7 pages = 112 tokens.
    expect(
      expectedPagedKvTokens({ lengthScale: Number.POSITIVE_INFINITY, maxSeqLen: 100, pageSize: 16 }),
    ).toBe(112)
    // μ ≪ p: almost every request fits in its first page.
    expect(expectedPagedKvTokens({ lengthScale: 0.01, maxSeqLen: 2048, pageSize: 16 })).toBeCloseTo(16, 10)
  })

  it('is accurate when p/μ is tiny (Kahan’s 1 − e^{−x}), approaching K·p', () => {
    // μ = 1e12, K = 128 pages of 16: E[pages] = (1 − r^K)/(1 − r) ≈ K − K(K−1)x/2 with x = 1.6e-11.
    const x = 16 / 1e12
    const expected = 16 * (128 - (128 * 127 * x) / 2)
    const got = expectedPagedKvTokens({ lengthScale: 1e12, maxSeqLen: 2048, pageSize: 16 })
    expect(Math.abs(got - expected) / expected).toBeLessThan(1e-13)
  })

  it('holds at least the mean request and at most K·p tokens', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65_536 }),
        positive(1e-3, 1),
        fc.integer({ min: 1, max: 512 }),
        (cap, share, p) => {
          const mean = Math.max(cap * share, 1e-3)
          const mu = cappedExponentialScale(mean, cap)
          const alloc = expectedPagedKvTokens({ lengthScale: mu, maxSeqLen: cap, pageSize: p })
          expect(alloc).toBeGreaterThanOrEqual(mean * (1 - 1e-9))
          expect(alloc).toBeLessThanOrEqual(Math.ceil(cap / p) * p * (1 + 1e-12))
        },
      ),
    )
  })
})

describe('speculativeBranchCapacity', () => {
  it('matches hand derivations (Llama-3.1-8B at fp16: 131,072 B/token)', () => {
    const base = {
      kvCapacity: 1e9,
      prefixTokens: 1000,
      branchTokens: 100,
      bytesPerToken: 131_072,
      blockTokens: 16,
    }
    // Naive: ⌊1e9 / (1100 · 131072)⌋ = ⌊6.94⌋ = 6 branches.
    expect(speculativeBranchCapacity({ ...base, copyOnWrite: 0 })).toBe(6)
    // Copy-on-write: ⌊(1e9 − 1000·131072) / (116 · 131072)⌋ = ⌊868,928,000 / 15,204,352⌋ = ⌊57.15⌋ = 57.
    expect(speculativeBranchCapacity({ ...base, copyOnWrite: 1 })).toBe(57)
    // A budget below the shared prefix holds nothing.
    expect(speculativeBranchCapacity({ ...base, kvCapacity: 1e6, copyOnWrite: 1 })).toBe(0)
  })
})

describe('backends agree (KV formulas)', () => {
  it('expectedPagedKvTokens', () => {
    const arb = fc.record({
      lengthScale: positive(1, 1e7),
      maxSeqLen: fc.integer({ min: 1, max: 200_000 }),
      pageSize: fc.integer({ min: 1, max: 256 }),
    })
    expect(checkBackends(expectedPagedKvTokens.model, arb, { smooth: ['lengthScale'] })).toBeGreaterThan(50)
  })

  it('kvCacheSize, pagedSeqLen, speculativeBranchCapacity', () => {
    // pagedSeqLen and speculativeBranchCapacity are step functions (ceil, floor): values only.
    const kv = fc.record({
      bytesPerToken: positive(1, 1e7),
      seqLen: fc.integer({ min: 1, max: 1e6 }),
      batch: fc.integer({ min: 1, max: 512 }),
    })
    expect(checkBackends(kvCacheSize.model, kv, { smooth: ['bytesPerToken'] })).toBeGreaterThan(50)
    const paged = fc.record({ seqLen: positive(1, 1e6), pageSize: fc.integer({ min: 1, max: 256 }) })
    checkScalarAgainstInterpreter(pagedSeqLen.model, paged)
    checkColumnarAgainstScalar(pagedSeqLen.model, paged)
    const branch = fc.record({
      kvCapacity: positive(1e6, 1e11),
      prefixTokens: fc.integer({ min: 0, max: 1e5 }),
      branchTokens: fc.integer({ min: 1, max: 1e4 }),
      bytesPerToken: positive(1e3, 1e6),
      copyOnWrite: fc.constantFrom(0, 1),
      blockTokens: fc.constantFrom(16, 32),
    })
    checkScalarAgainstInterpreter(speculativeBranchCapacity.model, branch)
    checkColumnarAgainstScalar(speculativeBranchCapacity.model, branch)
  })
})
