// The schemas themselves: unknown keys rejected, units validated into SI, links explicit.
import { describe, expect, it } from 'vitest'
import { chipSchema, correctionSchema, linkSchema, PRECISION_KEYS, perDirection } from './index.js'

const PROV = { kind: 'convention', ref: 'test', verified: '2026-11-27' } as const
const chip = {
  id: 'T1',
  name: 'Test chip',
  vendor: 'Test',
  tier: 'edge',
  releaseYear: 2026,
  compute: { peak: '10 TFLOP/s' },
  memory: { capacity: '8 GiB', bandwidth: '100 GB/s' },
  provenance: PROV,
} as const

const issues = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)

describe('chipSchema', () => {
  it('resolves units into SI and fills defaults', () => {
    const parsed = chipSchema.parse(chip)
    expect(parsed).toEqual({
      kind: 'chip',
      id: 'T1',
      name: 'Test chip',
      aliases: [],
      vendor: 'Test',
      tier: 'edge',
      releaseYear: 2026,
      compute: { peak: 10e12, precisions: {} },
      memory: { capacity: 8 * 2 ** 30, bandwidth: 100e9 },
      dispatchTax: 1e-5,
      provenance: PROV,
    })
  })

  it('reads back its own output (resolved entries are valid input)', () => {
    const parsed = chipSchema.parse({
      ...chip,
      tdp: '15 W',
      nvlink: { name: 'L', bandwidth: '100 GB/s', direction: 'bidirectional_total' },
    })
    expect(chipSchema.parse(parsed)).toEqual(parsed)
  })

  it('rejects unknown keys at every level', () => {
    expect(issues(chipSchema.safeParse({ ...chip, peakFlops: 1 }))).toEqual([
      expect.stringMatching(/Unrecognized key.*peakFlops/),
    ])
    expect(issues(chipSchema.safeParse({ ...chip, memory: { ...chip.memory, hbm: 1 } }))[0]).toMatch(
      /^memory: .*hbm/,
    )
  })

  it('rejects wrong dimensions, misspelled precision keys and bad orderings', () => {
    expect(
      issues(chipSchema.safeParse({ ...chip, memory: { capacity: '8 GiB', bandwidth: '8 GiB' } }))[0],
    ).toMatch(/^memory\.bandwidth: .*size in bytes/)
    expect(
      issues(
        chipSchema.safeParse({ ...chip, compute: { peak: '1 TFLOP/s', precisions: { fp8_sprase: 1 } } }),
      )[0],
    ).toMatch(/^compute\.precisions: Unrecognized key: "fp8_sprase"/)
    expect(issues(chipSchema.safeParse({ ...chip, tdp: '10 W', tdpMax: '5 W' }))).toContain(
      'tdp: tdp 10 W is above tdpMax 5 W',
    )
    expect(issues(chipSchema.safeParse({ ...chip, tier: 'server' }))[0]).toMatch(/^tier:/)
    expect(
      issues(chipSchema.safeParse({ ...chip, memory: { ...chip.memory, sramBandwidth: '1 TB/s' } })),
    ).toContain('memory.sramBandwidth: sramBandwidth needs sramCapacity')
  })

  it('knows the precision keys of the original', () => {
    for (const key of [
      'fp32',
      'tf32',
      'bf16',
      'fp16',
      'fp8',
      'fp4',
      'int8',
      'int4',
      'fp16_sparse',
      'fp4_sparse',
      'fp32_cuda',
      'mxint4',
    ]) {
      expect(PRECISION_KEYS).toContain(key)
    }
  })
})

describe('links', () => {
  it('requires an explicit direction', () => {
    const result = linkSchema.safeParse({ name: 'NVLink', bandwidth: '900 GB/s' })
    expect(issues(result)[0]).toMatch(/^direction: direction must be per_direction or bidirectional_total/)
  })

  it('perDirection halves a bidirectional total only', () => {
    expect(
      perDirection(
        linkSchema.parse({ name: 'NVLink 4', bandwidth: '900 GB/s', direction: 'bidirectional_total' }),
      ),
    ).toBe(450e9)
    expect(
      perDirection(linkSchema.parse({ name: 'PCIe Gen5', bandwidth: '64 GB/s', direction: 'per_direction' })),
    ).toBe(64e9)
    expect(perDirection({ bandwidth: (400 / 8) * 1e9, direction: 'per_direction' })).toBe(50e9)
  })
})

describe('corrections', () => {
  it('need a path, the original value (null when absent) and a reason', () => {
    expect(correctionSchema.safeParse({ path: 'tdp', original: null, reason: 'x' }).success).toBe(true)
    expect(correctionSchema.safeParse({ path: 'tdp', reason: 'x' }).success).toBe(false)
    expect(correctionSchema.safeParse({ path: 'tdp', original: 1, reason: '' }).success).toBe(false)
  })

  it('must name a field of the entry unless the original had one that was dropped', () => {
    const ghost = chipSchema.safeParse({
      ...chip,
      corrections: [{ path: 'tdp', original: null, reason: 'x' }],
    })
    expect(issues(ghost)[0]).toMatch(/^corrections\.0\.path: correction names 'tdp'/)
    const dropped = chipSchema.safeParse({
      ...chip,
      corrections: [{ path: 'tdp', original: 700, reason: 'x' }],
    })
    expect(dropped.success).toBe(true)
  })
})
