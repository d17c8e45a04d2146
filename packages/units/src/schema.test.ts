import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { precisionSchema, quantitySchema } from './schema.js'

describe('quantitySchema', () => {
  const bandwidth = quantitySchema('bytesPerSecond', { positive: true })

  it('validates strings with units and numbers in base units into base-unit numbers', () => {
    expect(bandwidth.parse('3.35 TB/s')).toBe(3.35e12)
    expect(bandwidth.parse('400 Gbps')).toBe(50e9)
    expect(bandwidth.parse(900e9)).toBe(900e9)
  })

  it('reports the path, the value and what is allowed', () => {
    const catalogEntry = z.strictObject({ memory: z.strictObject({ bandwidth }) })
    const wrongDimension = catalogEntry.safeParse({ memory: { bandwidth: '80 GiB' } })
    expect(wrongDimension.error?.issues).toMatchObject([
      { path: ['memory', 'bandwidth'], message: expect.stringMatching(/"80 GiB" is a size in bytes/) },
    ])
    const negative = catalogEntry.safeParse({ memory: { bandwidth: '-3 GB/s' } })
    expect(negative.error?.issues[0]?.message).toBe('"-3 GB/s" is out of range: must be > 0')
    const wrongType = catalogEntry.safeParse({ memory: { bandwidth: true } })
    expect(wrongType.error?.issues[0]?.message).toBe('must be a number or a string with a unit, not true')
    // A misspelt key leaves the field missing: say so, not zod's bare "Invalid input".
    const missing = catalogEntry.safeParse({ memory: {} })
    expect(missing.error?.issues[0]).toMatchObject({
      path: ['memory', 'bandwidth'],
      message: 'is required (a bandwidth, e.g. "3.35 TB/s")',
    })
  })

  it('checks bounds and integrality in stored units', () => {
    const batch = quantitySchema('count', { min: 1, integer: true })
    expect(batch.parse(32)).toBe(32)
    expect(batch.safeParse(0).error?.issues[0]?.message).toBe(
      '0 is out of range: must be ≥ 1, a whole number',
    )
    expect(batch.safeParse(2.5).success).toBe(false)
    const tdp = quantitySchema('watts', { min: 0, max: 2000 })
    expect(tdp.safeParse('120 kW').error?.issues[0]?.message).toBe(
      '"120 kW" is out of range: must be ≥ 0 W, ≤ 2 kW',
    )
    expect(quantitySchema('watts', { min: 0 }).parse(0)).toBe(0)
    expect(quantitySchema('seconds', { nonNegative: true }).safeParse('-1 s').success).toBe(false)
  })

  it('exports a JSON Schema of its input (number or string) with a description', () => {
    const json = z.toJSONSchema(bandwidth, { io: 'input' }) as { type: string[]; description: string }
    expect(json.type).toEqual(['number', 'string'])
    expect(json.description).toMatch(
      /^a bandwidth \(bytesPerSecond\): a number in B\/s, or a string with a unit/,
    )
  })
})

describe('precisionSchema', () => {
  it('normalizes and rejects with the valid list', () => {
    expect(precisionSchema.parse('BF16')).toBe('bf16')
    expect(precisionSchema.safeParse('fp12').error?.issues[0]?.message).toBe(
      'unknown precision "fp12"; valid precisions are fp32, tf32, bf16, fp16, fp8, int8, fp4, int4',
    )
  })
})
