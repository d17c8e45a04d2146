// The preset seeds fast-check once per run, so the same commit replays the same cases.
import fc from 'fast-check'
import { expect, inject, it } from 'vitest'

it('fast-check draws from the seed the config provides', () => {
  const seed = inject('propertySeed')
  expect(Number.isInteger(seed)).toBe(true)
  expect(fc.readConfigureGlobal().seed).toBe(seed)
  // Same seed, same cases: two samples of one arbitrary agree element by element.
  const first = fc.sample(fc.integer(), 5)
  const second = fc.sample(fc.integer(), 5)
  expect(second).toEqual(first)
})
