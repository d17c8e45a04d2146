import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { pipelineBubbleFraction, pipelineBubbleOverhead } from './pipeline.js'

describe('pipeline bubble', () => {
  it('P=4, M=8: 3/(8+3) = 3/11; interleaved v=4: 3/(32+3) = 3/35 (conformance formula/pipeline-bubble)', () => {
    expect(pipelineBubbleFraction({ stages: 4, microbatches: 8, virtualStages: 1 })).toBe(0.2727272727272727)
    expect(pipelineBubbleFraction({ stages: 4, microbatches: 8, virtualStages: 4 })).toBe(0.08571428571428572)
  })

  it('bubble time per ideal time is (P−1)/(v·M) = f/(1−f): 3/8 for P=4, M=8', () => {
    expect(pipelineBubbleOverhead({ stages: 4, microbatches: 8, virtualStages: 1 })).toBe(0.375)
    // f/(1−f) = (3/11)/(8/11) = 3/8
    const f = 3 / 11
    expect(Math.abs(f / (1 - f) - 0.375)).toBeLessThan(1e-15)
  })

  it('no pipeline, no bubble; more microbatches never grow it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 512 }),
        fc.integer({ min: 1, max: 8 }),
        (p, m, v) => {
          expect(pipelineBubbleFraction({ stages: 1, microbatches: m, virtualStages: v })).toBe(0)
          const f = pipelineBubbleFraction({ stages: p, microbatches: m, virtualStages: v })
          expect(f).toBeGreaterThanOrEqual(0)
          expect(f).toBeLessThan(1)
          expect(
            pipelineBubbleFraction({ stages: p, microbatches: m + 1, virtualStages: v }),
          ).toBeLessThanOrEqual(f)
        },
      ),
    )
  })

  it('backends agree', () => {
    for (const f of [pipelineBubbleFraction, pipelineBubbleOverhead]) {
      expectBackendsAgree(
        f.model,
        { stages: positive(1, 128), microbatches: positive(1, 1024), virtualStages: positive(1, 8) },
        { smooth: ['stages', 'microbatches', 'virtualStages'], differentiable: ['value'] },
      )
    }
  })
})
