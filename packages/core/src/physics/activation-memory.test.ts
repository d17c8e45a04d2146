import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import {
  ACTIVATION_COEFFICIENTS,
  ACTIVATION_STRATEGIES,
  type ActivationStrategy,
  activationMemory,
} from './activation-memory.js'

interface Shape {
  layers: number
  seqLen: number
  batch: number
  hidden: number
  heads: number
  bytesPerElement: number
}

const bytes = (strategy: ActivationStrategy, shape: Shape) =>
  activationMemory({ ...shape, ...ACTIVATION_COEFFICIENTS[strategy] })

/** A Llama-2-7B-like layer: s = 2048, b = 1, h = 4096, a = 32, 32 layers, fp16. */
const SHAPE: Shape = { layers: 32, seqLen: 2048, batch: 1, hidden: 4096, heads: 32, bytesPerElement: 2 }

describe('activationMemory (Korthikanti et al. 2023, §4.1)', () => {
  it("'none' stores the attention scores: s·b·h·(34 + 5·a·s/h) per layer", () => {
    // s·b·h = 2048·1·4096 = 8,388,608; 5·a·s/h = 5·32·2048/4096 = 80.
    // Per layer: 8,388,608 · (34 + 80) = 8,388,608 · 114 = 956,301,312 B
    //   (= 34·s·b·h 285,212,672 + 5·a·s²·b 671,088,640).
    // 32 layers: 30,601,641,984 B.
    expect(bytes('none', { ...SHAPE, layers: 1 })).toBe(956_301_312)
    expect(bytes('none', SHAPE)).toBe(30_601_641_984)
  })

  it("'selective' recomputes the attention core: 34·s·b·h per layer", () => {
    // 34 · 8,388,608 = 285,212,672 B per layer; × 32 = 9,126,805,504 B.
    expect(bytes('selective', { ...SHAPE, layers: 1 })).toBe(285_212_672)
    expect(bytes('selective', SHAPE)).toBe(9_126_805_504)
  })

  it("'full' keeps only each layer's input: 2·s·b·h per layer", () => {
    // 2 · 8,388,608 = 16,777,216 B per layer (16 MiB); × 32 = 536,870,912 B (512 MiB).
    expect(bytes('full', { ...SHAPE, layers: 1 })).toBe(16_777_216)
    expect(bytes('full', SHAPE)).toBe(536_870_912)
  })

  it('is quoted in fp16 bytes and scales by bytes-per-element / 2', () => {
    // fp32 doubles, fp8/int8 halve, int4 quarters: 'none' 30,601,641,984 B at fp16 →
    // 61,203,283,968 (fp32), 15,300,820,992 (fp8), 7,650,410,496 (int4).
    expect(bytes('none', { ...SHAPE, bytesPerElement: 4 })).toBe(61_203_283_968)
    expect(bytes('none', { ...SHAPE, bytesPerElement: 1 })).toBe(15_300_820_992)
    expect(bytes('none', { ...SHAPE, bytesPerElement: 0.5 })).toBe(7_650_410_496)
  })

  it('conformance golden 5: Llama-3.1-8B, B = 8, S = 1024, fp16, selective = 36.507222016 GB', () => {
    // 34 · 1024 · 8 · 4096 · 32 layers = 34 · 2³⁰ = 36,507,222,016 B (TrainingMemoryModel golden).
    const llama8 = { layers: 32, seqLen: 1024, batch: 8, hidden: 4096, heads: 32, bytesPerElement: 2 }
    expect(bytes('selective', llama8)).toBe(36_507_222_016)
  })

  it('orders the strategies none ≥ selective ≥ full, the gap being the attention scores (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 128 }),
        fc.integer({ min: 1, max: 32_768 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 128 }).map((n) => n * 64),
        fc.integer({ min: 1, max: 128 }),
        fc.constantFrom(0.5, 1, 2, 4),
        (layers, seqLen, batch, hidden, heads, bytesPerElement) => {
          const shape = { layers, seqLen, batch, hidden, heads, bytesPerElement }
          const [none, selective, full] = ACTIVATION_STRATEGIES.map((s) => bytes(s, shape)) as [
            number,
            number,
            number,
          ]
          expect(none).toBeGreaterThanOrEqual(selective)
          expect(selective).toBeGreaterThan(full)
          // none − selective = L · 5·a·s²·b · bpe/2; selective / full = 34/2 = 17.
          const scores = (layers * 5 * heads * seqLen * seqLen * batch * bytesPerElement) / 2
          expect(Math.abs(none - selective - scores)).toBeLessThanOrEqual(1e-12 * none)
          expect(selective / full).toBeCloseTo(17, 12)
        },
      ),
    )
  })

  it('backends agree: scalar = interpreter = columnar; derivatives = finite differences (property)', () => {
    expectBackendsAgree(
      activationMemory.model,
      {
        layers: fc.integer({ min: 1, max: 128 }),
        seqLen: positive(1, 131_072),
        batch: positive(1, 1024),
        hidden: positive(64, 32_768),
        heads: fc.integer({ min: 1, max: 128 }),
        bytesPerElement: fc.constantFrom(0.5, 1, 2, 4),
        // The strategies' coefficients, in any pairing (the formula is linear in both).
        linear: fc.constantFrom(...ACTIVATION_STRATEGIES.map((s) => ACTIVATION_COEFFICIENTS[s].linear)),
        quadratic: fc.constantFrom(...ACTIVATION_STRATEGIES.map((s) => ACTIVATION_COEFFICIENTS[s].quadratic)),
      },
      { smooth: ['seqLen', 'batch', 'hidden', 'layers', 'heads'], differentiable: ['value'] },
    )
  })
})
