import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkBackends, positive } from '../../test/model-backends.js'
import { arithmeticIntensity, calcBottleneck, memoryBound, ridgePoint } from './roofline.js'

describe('roofline helpers', () => {
  it('conformance formula/bottleneck-intensity: 1 TFLOP over 1 GB is 1000 FLOP/B', () => {
    // 1e12 FLOP at 1e12 FLOP/s = 1 s; 1e9 B at 1e9 B/s = 1 s: a tie is compute-bound.
    const r = calcBottleneck(1e12, 1e9, 1e12, 1e9)
    expect(r.arithmeticIntensity).toBe(1000)
    expect(r.bottleneck).toBe('compute')
    expect(r.computeTime).toBe(1)
    expect(r.memoryTime).toBe(1)
  })

  it('classifies by the ridge point', () => {
    // H100: 989e12 / 3.35e12 = 295.2238805970149 FLOP/B.
    expect(ridgePoint({ peak: 989e12, bandwidth: 3.35e12 })).toBeCloseTo(295.2238805970149, 12)
    // Decode of Llama-3.1-8B at batch 1: 16.06 GFLOP over 16.06 GB = 1 FLOP/B, far below the ridge.
    expect(calcBottleneck(16.06e9, 16.06e9, 989e12, 3.35e12).bottleneck).toBe('memory')
    // ResNet-50 at batch 1 on A100 (η = 0.5): 145.6 FLOP/B above the 156e12/2.039e12 = 76.5 ridge.
    expect(calcBottleneck(8.2e9, 5.632e7, 156e12, 2.039e12).bottleneck).toBe('compute')
    expect(arithmeticIntensity({ ops: 8.2e9, bytes: 5.632e7 })).toBeCloseTo(145.5965909090909, 12)
  })

  it('is memory-bound exactly when the intensity is below the ridge', () => {
    fc.assert(
      fc.property(
        positive(1e6, 1e15),
        positive(1e3, 1e12),
        positive(1e9, 1e16),
        positive(1e8, 1e13),
        (ops, bytes, peak, bw) => {
          const intensity = arithmeticIntensity({ ops, bytes })
          const ridge = ridgePoint({ peak, bandwidth: bw })
          fc.pre(Math.abs(intensity / ridge - 1) > 1e-9)
          expect(memoryBound({ ops, bytes, peak, bandwidth: bw }) === 1).toBe(intensity < ridge)
        },
      ),
    )
  })

  it('backends agree', () => {
    const arb = fc.record({
      ops: positive(1e6, 1e15),
      bytes: positive(1e3, 1e12),
      peak: positive(1e9, 1e16),
      bandwidth: positive(1e8, 1e13),
    })
    expect(checkBackends(arithmeticIntensity.model, arb, { smooth: ['ops', 'bytes'] })).toBeGreaterThan(50)
    expect(checkBackends(ridgePoint.model, arb, { smooth: ['peak', 'bandwidth'] })).toBeGreaterThan(50)
    checkBackends(memoryBound.model, arb, { smooth: ['ops'] })
  })
})
