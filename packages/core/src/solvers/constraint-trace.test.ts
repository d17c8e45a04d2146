// The constraint trace is an ordinary property of a result: listed, serialized, cloned, the
// same on every read (a lazy getter was tried for speed and measured slower in V8: an object
// literal with an accessor costs ~0.4 µs more to build than the trace's formatting).
import { describe, expect, it } from 'vitest'
import { solve } from '../solver/solve.js'

const results = {
  'single-node': () => solve('single-node', { workload: 'Llama3_70B', hardware: 'A100', batchSize: 4 }),
  serving: () => solve('serving', { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048, batchSize: 8 }),
  distributed: () =>
    solve('distributed', {
      workload: 'Llama3_70B',
      fleet: 'Training_1K',
      batchSize: 1024,
      tpSize: 8,
      ppSize: 4,
    }),
}

describe('constraint traces', () => {
  for (const [id, run] of Object.entries(results)) {
    it(`${id}: an enumerable property that serializes and clones like any other`, () => {
      const result = run() as { constraintTrace: readonly string[] }
      expect(Object.keys(result)).toContain('constraintTrace')
      const first = result.constraintTrace
      expect(first.length).toBeGreaterThan(0)
      expect(first.join('\n')).toMatch(/Memory Wall: (Passed|FAILED)/)
      expect(result.constraintTrace).toBe(first)
      expect(JSON.parse(JSON.stringify(result)).constraintTrace).toEqual(first)
      expect(structuredClone(result).constraintTrace).toEqual(first)
      expect({ ...result }.constraintTrace).toEqual(first)
    })
  }

  it('distributed: the fleet lines come first, then the node’s', () => {
    const result = results.distributed()
    expect(result.constraintTrace.slice(-result.node.constraintTrace.length)).toEqual(
      result.node.constraintTrace,
    )
  })
})
