import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type Provenance, provenanceSchema, sourced, sourcedSchema } from './provenance.js'

const datasheet: Provenance = {
  kind: 'datasheet',
  ref: 'NVIDIA H100 Tensor Core GPU datasheet, SXM5 column',
  url: 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet',
  verified: '2026-06-10',
  id: 'prov:nvidia-h100-datasheet',
}

function messages(input: unknown): string[] {
  const result = provenanceSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('Provenance rules', () => {
  it('accepts a complete datasheet citation', () => {
    expect(messages(datasheet)).toEqual([])
  })

  it.each(['datasheet', 'literature', 'industry_report'] as const)('%s needs a url', (kind) => {
    expect(messages({ ...datasheet, kind, url: undefined })).toEqual([`url: a ${kind} source needs a url`])
  })

  it('estimate and derived values need notes', () => {
    expect(messages({ kind: 'estimate', ref: 'our estimate', verified: '2026-01-02' })).toEqual([
      'notes: an estimate needs notes saying how it was obtained',
    ])
    expect(messages({ kind: 'derived', ref: 'M2000 ÷ 4', verified: '2026-01-02' })).toEqual([
      'notes: a derived value needs notes saying how it was obtained',
    ])
    expect(
      messages({ kind: 'derived', ref: 'M2000 ÷ 4', verified: '2026-01-02', notes: 'blade ÷ 4 IPUs' }),
    ).toEqual([])
  })

  it('convention and illustrative need neither', () => {
    expect(messages({ kind: 'convention', ref: 'textbook reference CPU', verified: '2026-01-02' })).toEqual(
      [],
    )
    expect(messages({ kind: 'illustrative', ref: 'lab scenario', verified: '2026-01-02' })).toEqual([])
  })

  it('verified must be a real YYYY-MM-DD date', () => {
    expect(messages({ ...datasheet, verified: '10/06/2026' })).toEqual([
      'verified: must be a date written YYYY-MM-DD',
    ])
    expect(messages({ ...datasheet, verified: '2026-02-30' })).toEqual([
      'verified: is not a real calendar date',
    ])
    expect(messages({ ...datasheet, verified: undefined })).toHaveLength(1)
  })

  it('rejects unknown keys, empty refs, bad urls and ids', () => {
    expect(messages({ ...datasheet, source: 'x' })[0]).toMatch(/Unrecognized key/)
    expect(messages({ ...datasheet, ref: '  ' })).toEqual(['ref: ref must name the source'])
    expect(messages({ ...datasheet, url: 'not a url' })).toHaveLength(1)
    expect(messages({ ...datasheet, id: 'nvidia' })).toEqual([
      'id: id must look like prov:vendor-part-document',
    ])
    expect(messages({ ...datasheet, kind: 'rumour' })[0]).toMatch(/^kind: /)
  })
})

describe('Sourced values', () => {
  it('pairs a value with validated provenance', () => {
    const peak = sourced(989e12, datasheet)
    expect(peak.value).toBe(989e12)
    expect(peak.provenance.ref).toContain('H100')
    expect(Object.isFrozen(peak)).toBe(true)
    expect(() => sourced(1, { ...datasheet, url: undefined })).toThrowError(/needs a url/)
  })

  it('has a schema for { value, provenance } around any value schema', () => {
    const schema = sourcedSchema(z.number().positive())
    expect(schema.parse({ value: 700, provenance: datasheet }).value).toBe(700)
    const bad = schema.safeParse({ value: -1, provenance: { ...datasheet, url: undefined } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['value', 'provenance.url'])
  })
})
