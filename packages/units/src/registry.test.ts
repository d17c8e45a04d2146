import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Registry, RegistryError } from './registry.js'
import { closestMatches, editDistance, normalizeId } from './suggest.js'

interface Chip {
  id: string
  aliases: string[]
  tier: string
  tdp?: number
}

const chips = (): Registry<Chip> =>
  new Registry<Chip>({ kind: 'hardware', idOf: (c) => c.id, aliasesOf: (c) => c.aliases }, [
    { id: 'H100', aliases: ['NVIDIA H100', 'h100-sxm'], tier: 'cloud', tdp: 700 },
    { id: 'H200', aliases: ['NVIDIA H200'], tier: 'cloud', tdp: 700 },
    { id: 'A100', aliases: [], tier: 'cloud', tdp: 400 },
    { id: 'ESP32_S3', aliases: ['ESP32-S3'], tier: 'tiny', tdp: 0.4 },
    { id: 'GenericServer', aliases: [], tier: 'edge' },
  ])

describe('Registry lookup', () => {
  it('finds by id, alias, and case/punctuation-insensitive spelling', () => {
    const r = chips()
    expect(r.get('H100').id).toBe('H100')
    expect(r.get('NVIDIA H100').id).toBe('H100')
    expect(r.get('h100_sxm').id).toBe('H100')
    expect(r.get('esp32-s3').id).toBe('ESP32_S3')
    expect(r.resolveId('nope')).toBeUndefined()
    expect(r.has('A100')).toBe(true)
  })

  it('suggests the nearest ids on a miss', () => {
    const r = chips()
    expect(() => r.get('H10')).toThrowError("unknown hardware 'H10'; did you mean H100, H200?")
    try {
      r.get('ESP32')
    } catch (error) {
      expect(error).toBeInstanceOf(RegistryError)
      expect((error as RegistryError).suggestions).toEqual(['ESP32_S3'])
      expect((error as RegistryError).kind).toBe('hardware')
    }
    expect(() => r.get('Quantum9000')).toThrowError(
      /unknown hardware 'Quantum9000'; known hardware ids: H100, H200/,
    )
  })

  it('lists, filters and sorts by a numeric field with missing values last', () => {
    const r = chips()
    expect(r.list((c) => c.tier === 'cloud').map((c) => c.id)).toEqual(['H100', 'H200', 'A100'])
    expect(r.sortBy((c) => c.tdp).map((c) => c.id)).toEqual([
      'ESP32_S3',
      'A100',
      'H100',
      'H200',
      'GenericServer',
    ])
    expect(r.sortBy((c) => c.tdp, 'desc').map((c) => c.id)).toEqual([
      'H100',
      'H200',
      'A100',
      'ESP32_S3',
      'GenericServer',
    ])
    expect([...r].length).toBe(5)
    expect(r.size).toBe(5)
  })

  it('validates user additions and rejects duplicate ids and aliases', () => {
    const schema = z.strictObject({
      id: z.string(),
      aliases: z.array(z.string()),
      tier: z.string(),
      tdp: z.number(),
    })
    const r = new Registry<Chip>({
      kind: 'hardware',
      idOf: (c) => c.id,
      aliasesOf: (c) => c.aliases,
      validate: (e) => schema.parse(e),
    })
    r.add({ id: 'MyNPU', aliases: ['my-npu'], tier: 'edge', tdp: 5 })
    expect(r.get('MYNPU').tdp).toBe(5)
    expect(() => r.add({ id: 'Other', aliases: ['MyNPU'], tier: 'edge', tdp: 1 })).toThrowError(
      "hardware 'Other': the name 'MyNPU' already belongs to 'MyNPU'",
    )
    expect(() => r.add({ id: 'Bad', aliases: [], tier: 'edge', tdp: 'hot' })).toThrowError(/expected number/)
  })
})

describe('closest matches', () => {
  it('computes edit distances by hand-checked cases', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('H100', 'H100')).toBe(0)
    expect(normalizeId('Llama-3.1 8B')).toBe('llama318b')
  })

  it('ranks prefix and containment matches first', () => {
    expect(closestMatches('llama3-7b', ['Llama3_8B', 'Llama3_70B', 'Llama2_7B', 'GPT2'])).toEqual([
      'Llama3_70B',
      'Llama3_8B',
      'Llama2_7B',
    ])
    // An exact match leaves the far ones out.
    expect(closestMatches('Lama3_8B', ['Llama3_8B', 'Llama3_70B', 'GPT2'])).toEqual(['Llama3_8B'])
    expect(closestMatches('zzz', ['H100', 'A100'])).toEqual([])
  })
})
