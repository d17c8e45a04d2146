import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { computeOptimalParameters, computeOptimalTokens, trainingFlops } from './chinchilla.js'

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('training compute and Chinchilla', () => {
  it('GPT-3: 6 × 175e9 × 300e9 = 3.15e23 FLOP, within 1% of the recorded 3.14e23 (anchor/gpt3-training-flops)', () => {
    const c = trainingFlops({ parameters: 175e9, tokens: 300e9 })
    expect(rel(c, 3.15e23)).toBeLessThan(1e-12)
    expect(rel(c, 3.14e23)).toBeLessThan(0.01)
  })

  it('C = 2e24 FLOP: P* = √(2e24/120) = 1.29099e11, D* = 20·P* (oracle ScalingModel-192)', () => {
    expect(rel(computeOptimalParameters({ compute: 2e24 }), 129099444873.58057)).toBeLessThan(1e-12)
    expect(rel(computeOptimalTokens({ compute: 2e24 }), 2581988897471.6113)).toBeLessThan(1e-12)
  })

  it('the optimum spends the budget: 6·P*·D* = C', () => {
    const c = 5e22
    expect(
      rel(
        trainingFlops({
          parameters: computeOptimalParameters({ compute: c }),
          tokens: computeOptimalTokens({ compute: c }),
        }),
        c,
      ),
    ).toBeLessThan(1e-12)
  })

  it('backends agree', () => {
    expectBackendsAgree(
      trainingFlops.model,
      { parameters: positive(1e6, 1e13), tokens: positive(1e6, 1e14) },
      { smooth: ['parameters', 'tokens'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      computeOptimalParameters.model,
      { compute: positive(1e15, 1e27) },
      { smooth: ['compute'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      computeOptimalTokens.model,
      { compute: positive(1e15, 1e27) },
      { smooth: ['compute'], differentiable: ['value'] },
    )
  })
})
