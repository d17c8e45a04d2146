// Every case computed by the Python original MLSys·im 0.1.2 (fixtures/oracle-cases.json):
// under fidelity 'mlsysim-0.1.2' each expected value is reproduced to a relative 1e-9.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { solve } from '../src/index.js'

interface OracleCase {
  id: string
  solver: string
  input: Record<string, unknown>
  expected: Record<string, unknown>
}

const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/oracle-cases.json', import.meta.url), 'utf8'),
) as {
  cases: OracleCase[]
}

/** Relative 1e-9; values the original computed as exactly 0 must be 0 to 1e-12 absolute. */
function expectClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} type`).toBe('number')
    const a = actual as number
    if (expected === 0) expect(Math.abs(a), path).toBeLessThan(1e-12)
    else if (!Number.isFinite(expected)) expect(a, path).toBe(expected)
    else
      expect(Math.abs(a - expected) / Math.abs(expected), `${path}: ${a} vs ${expected}`).toBeLessThan(1e-9)
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)?.[key], value, `${path}.${key}`)
  } else {
    expect(actual, path).toBe(expected)
  }
}

describe('oracle cases of the Python original (fidelity mlsysim-0.1.2)', () => {
  it('has all 214 cases', () => {
    expect(cases).toHaveLength(214)
  })

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = solve(c.solver, c.input, { fidelity: 'mlsysim-0.1.2' }) as Record<string, unknown>
    expectClose(result, c.expected, c.solver)
  })
})
