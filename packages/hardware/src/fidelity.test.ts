// Deliberate corrections are recorded machine-readably; withOriginalValues restores mlsysim 0.1.2.
import { describe, expect, it } from 'vitest'
import { chips, fleets, getHardware, perDirection, resolveNode, withOriginalValues } from './index.js'

describe('corrections to the original', () => {
  it('are exactly these', () => {
    const all = chips
      .list()
      .flatMap((c) => (c.corrections ?? []).map((k) => `${c.id} ${k.path} ${JSON.stringify(k.original)}`))
      .sort()
    expect(all).toEqual([
      'GB200_NVL72 interconnect.direction "per_direction"',
      'H200 nvlink.direction "per_direction"',
      'Trainium2 compute.peak 380000000000000',
      'Trainium2 compute.precisions.fp32 null',
      'Trainium2 compute.precisions.fp8 760000000000000',
      'Trainium2 memory.bandwidth 2400000000000',
      'V100 nvlink.direction "per_direction"',
    ])
  })

  it('H200: 450 GB/s per direction now, 900 GB/s per direction in the original', () => {
    const h200 = getHardware('H200')
    expect(perDirection(h200.nvlink!)).toBe(450e9)
    expect(perDirection(withOriginalValues(h200).nvlink!)).toBe(900e9)
  })

  it('Trainium2: the original peak, FP8, bandwidth and no fp32 key', () => {
    const original = withOriginalValues(getHardware('Trainium2'))
    expect(original.compute.peak).toBe(380e12)
    expect(original.compute.precisions).toEqual({ fp8: 760e12 })
    expect(original.memory.bandwidth).toBe(2.4e12)
    expect(original.corrections).toBeUndefined()
  })

  it('leaves uncorrected entries untouched and reaches nested entries', () => {
    const h100 = getHardware('H100')
    expect(withOriginalValues(h100)).toBe(h100)
    const node = resolveNode({
      id: 'H200Node',
      name: '8 × H200',
      accelerator: 'H200',
      acceleratorsPerNode: 8,
      provenance: { kind: 'illustrative', ref: 'test', verified: '2026-11-27' },
    })
    expect(withOriginalValues(node).accelerator.nvlink?.direction).toBe('per_direction')
    // The node's derived bandwidth carries its own correction: 450 GB/s now, 900 GB/s in the original.
    expect(node.intraNodeBandwidth).toBe(450e9)
    expect(node.corrections).toEqual([
      expect.objectContaining({ path: 'intraNodeBandwidth', original: 900e9 }),
    ])
    expect(withOriginalValues(node).intraNodeBandwidth).toBe(900e9)
    expect(node.accelerator.nvlink?.direction).toBe('bidirectional_total') // the input is not mutated
    expect(withOriginalValues(fleets.get('Research_256'))).toBe(fleets.get('Research_256'))
  })
})
