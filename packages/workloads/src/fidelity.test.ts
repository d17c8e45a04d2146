import { describe, expect, it } from 'vitest'
import { getWorkload } from './catalog.js'
import { asOriginal } from './fidelity.js'
import { lower } from './lower.js'
import { parseWorkload } from './validate.js'

describe('asOriginal', () => {
  it('returns an uncorrected entry unchanged', () => {
    const llama = getWorkload('Llama3_8B')
    expect(asOriginal(llama)).toBe(llama)
  })

  it('removes a field the original lacked and restores a changed value', () => {
    const mixtral = asOriginal(getWorkload('Mixtral_8x7B'))
    expect('kvHeads' in mixtral).toBe(false)
    expect(mixtral.heads).toBe(32)
    expect(Object.isFrozen(mixtral)).toBe(true)

    const fixed = parseWorkload({
      id: 'Fixed',
      name: 'f',
      family: 'cnn',
      architecture: 'CNN',
      parameters: 25.6e6,
      inferenceFlops: 8.2e9,
      provenance: { kind: 'convention', ref: 'fixture', verified: '2026-11-27' },
      corrections: [
        { path: 'inferenceFlops', original: 4.1e9, reason: 'the original counted a MAC as one FLOP' },
      ],
    })
    expect(lower(fixed, 'fp16').totalOps).toBe(8.2e9)
    expect(lower(asOriginal(fixed), 'fp16').totalOps).toBe(4.1e9)
  })
})
