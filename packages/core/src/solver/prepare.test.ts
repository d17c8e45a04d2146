import { describe, expect, it } from 'vitest'
import { SolverInputError } from './errors.js'
import { prepare, solve } from './solve.js'

describe('prepare: validate and bind once, then vary numeric inputs', () => {
  const base = { workload: 'ResNet50', hardware: 'A100' } as const

  it('gives the same outputs and result as solve()', () => {
    const prepared = prepare('single-node', base)
    for (const batchSize of [1, 8, 32, 256]) {
      const direct = solve('single-node', { ...base, batchSize })
      expect(prepared.outputs({ batchSize }).latency).toBe(direct.latency)
      expect(prepared.result({ batchSize })).toEqual(direct)
    }
    // Without overrides: the prepared input itself (batch 1): 0.5675641 ms, the golden value.
    expect(prepared.outputs().latency).toBeCloseTo(0.5675641025641026e-3, 15)
  })

  it('checks overrides with the field schema and rejects non-numeric keys', () => {
    const prepared = prepare('single-node', base)
    expect(() => prepared.outputs({ batchSize: 0 })).toThrowError(SolverInputError)
    expect(() => prepared.outputs({ batchSize: 0 })).toThrowError(
      /batchSize: must be a whole number ≥ 1 \(got 0\)/,
    )
    expect(() => prepared.outputs({ peak: 1 })).toThrowError(
      /peak: cannot be overridden; numeric inputs are batchSize/,
    )
    expect(prepared.numericInputs).toContain('efficiency')
  })

  it('refuses procedure solvers with a pointer to solve()', () => {
    expect(() => prepare('batching', { workload: 'Llama3_8B', hardware: 'A100' } as never)).toThrowError(
      /'batching' is a search, not an equation graph; call solve\(\) instead/,
    )
  })
})
