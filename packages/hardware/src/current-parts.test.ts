// Pins the headline numbers of the entries this catalog adds (the original's entries are pinned
// by reference-table.test.ts) to their cited sources, with the arithmetic from the source's
// figures written next to each derived number.
import { describe, expect, it } from 'vitest'
import { chips, perDirection } from './index.js'

const T = 1e12
const P = 1e15
const G = 1e9
const GiB = 2 ** 30

describe('datacenter parts, against their vendor pages', () => {
  it('B300: HGX B300 baseboard figures ÷ 8, sparse ÷ 2 for dense', () => {
    const b300 = chips.get('B300')
    expect(b300.compute.peak).toBe(2.25 * P) // FP16 36 PF sparse / 8 GPUs / 2
    expect(b300.compute.precisions).toMatchObject({
      fp8: 4.5 * P, // 72 / 8 / 2
      fp4: 13.5 * P, // 108 dense / 8
      fp4_sparse: 18 * P, // 144 / 8
      fp32: 75 * T, // 600 TFLOPS / 8
    })
    expect(b300.memory.capacity).toBe(288 * GiB) // 2.3 TB / 8, written in GiB like B200
    expect(perDirection(b300.nvlink!)).toBe(900 * G) // 1.8 TB/s per GPU, both directions
  })

  it('GB300 NVL72: dense = sparse ÷ 2 for the whole rack', () => {
    const rack = chips.get('GB300_NVL72')
    expect(rack.compute.peak).toBe(180 * P) // FP16/BF16 360 PF sparse / 2
    expect(rack.compute.precisions.fp4).toBe(1080 * P)
    expect(rack.memory.bandwidth).toBe(576 * T)
    expect(rack.acceleratorCount).toBe(72)
  })

  it('L4 and L40S: datasheet tensor rates quoted with sparsity, halved', () => {
    const l4 = chips.get('L4')
    expect(l4.compute.peak).toBe(121 * T) // FP16 242* / 2
    expect(l4.compute.precisions.fp8).toBe(242.5 * T) // 485* / 2
    expect(l4.tdp).toBe(72)
    // The datasheet gives no SM count and other listings disagree (58 or 60): left out.
    expect(l4.compute.smCount).toBeUndefined()
    const l40s = chips.get('L40S')
    expect(l40s.compute.peak).toBe(362.05 * T)
    expect(l40s.compute.smCount).toBe(142) // 18,176 CUDA cores / 128 per SM
    expect(perDirection(l40s.interconnect!)).toBe(32 * G) // PCIe Gen4 x16: 64 GB/s both ways
  })

  it('AMD MI325X and MI355X', () => {
    expect(chips.get('MI325X').compute.peak).toBe(1307.4 * T)
    expect(chips.get('MI325X').memory.bandwidth).toBe(6 * T)
    expect(chips.get('MI355X').compute.precisions.fp8).toBe(5 * P)
    expect(chips.get('MI355X').tdp).toBe(1400)
  })

  it('TPU v5e and TPU7x, from the Cloud TPU documentation', () => {
    const v5e = chips.get('TPUv5e')
    expect(v5e.compute.peak).toBe(197 * T)
    expect(v5e.memory.bandwidth).toBe(819 * G)
    expect(perDirection(v5e.nvlink!)).toBe(200 * G) // "bidirectional ICI 400 GBps per chip"
    const v7 = chips.get('TPUv7')
    expect(v7.compute.peak).toBe(2307 * T)
    expect(v7.compute.precisions.fp8).toBe(4614 * T)
    expect(v7.memory.capacity).toBe(192 * GiB)
  })

  it('AWS Inferentia2 and Trainium3, from the Neuron architecture pages', () => {
    expect(chips.get('Inferentia2').memory.bandwidth).toBe(820 * GiB) // "820 GiB/sec"
    expect(chips.get('Trainium3').compute.peak).toBe(671 * T)
    expect(chips.get('Trainium3').memory.capacity).toBe(144 * GiB)
  })
})

describe('workstation and mobile parts', () => {
  it('RTX 4090 from the Ada whitepaper; RTX 5090 FP32 from its CUDA cores', () => {
    expect(chips.get('RTX4090').compute.peak).toBe(165.2 * T) // FP16 tensor, FP32 accumulate
    expect(chips.get('RTX4090').unitCost).toBe(1599)
    // 21,760 CUDA cores × 2 FLOP × 2.41 GHz = 104.9 TFLOP/s
    expect(chips.get('RTX5090').compute.precisions.fp32! / T).toBeCloseTo((21_760 * 2 * 2.41e9) / T, 0)
  })

  it('Apple M4 Max: 128 GiB of unified memory, like the original MacBookM3Max', () => {
    expect(chips.get('AppleM4Max').memory.capacity).toBe(128 * GiB)
    expect(chips.get('AppleM4Max').memory.capacity).toBe(chips.get('MacBookM3Max').memory.capacity)
    expect(chips.get('AppleM4Max').memory.bandwidth).toBe(546 * G)
  })
})
