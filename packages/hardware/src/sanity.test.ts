// Physical sanity bounds for every chip, by tier: a typo of a prefix (GB vs TB, TFLOP vs
// PFLOP) moves a value by 10³ and lands outside these ranges. Bounds are wide on purpose:
// they catch unit mistakes, not engineering choices.
import { describe, expect, it } from 'vitest'
import { type Chip, chips, perDirection, ridgePoint, type Tier } from './index.js'

interface Bounds {
  peak: [number, number] // FLOP/s
  bandwidth: [number, number] // B/s
  capacity: [number, number] // bytes
  tdp: [number, number] // W
  ridge: [number, number] // FLOP/B
}

// Rack-scale systems sold as one unit (GB200/GB300 NVL72, CS-3) sit in the cloud tier, so the
// cloud ceiling is a rack's; SRAM-only parts (Groq, Graphcore, d-Matrix) set its ridge floor.
const BOUNDS: Record<Tier, Bounds> = {
  cloud: {
    peak: [1e12, 1e18],
    bandwidth: [10e9, 1e17],
    capacity: [100e6, 100e12],
    tdp: [50, 200e3],
    ridge: [1, 5000],
  },
  edge: {
    peak: [1e10, 5e15],
    bandwidth: [5e9, 1e12],
    capacity: [1e6, 1e12],
    tdp: [1, 500],
    ridge: [1, 5000],
  },
  mobile: {
    peak: [1e12, 1e15],
    bandwidth: [10e9, 500e9],
    capacity: [1e9, 64e9],
    tdp: [1, 50],
    ridge: [10, 5000],
  },
  workstation: {
    peak: [1e12, 5e15],
    bandwidth: [100e9, 5e12],
    capacity: [8e9, 1e12],
    tdp: [30, 1500],
    ridge: [10, 5000],
  },
  tiny: {
    peak: [1e6, 1e12],
    bandwidth: [1e6, 10e9],
    capacity: [64e3, 64e6],
    tdp: [1e-4, 5],
    ridge: [0.1, 1000],
  },
}

const within = (value: number, [lo, hi]: [number, number]) => value >= lo && value <= hi

describe.each(chips.list().map((c) => [c.id, c] as [string, Chip]))('%s', (_id, chip) => {
  const b = BOUNDS[chip.tier]

  it(`peak, bandwidth, capacity and ridge point are within the ${chip.tier} bounds`, () => {
    expect(within(chip.compute.peak, b.peak), `peak ${chip.compute.peak}`).toBe(true)
    expect(within(chip.memory.bandwidth, b.bandwidth), `bandwidth ${chip.memory.bandwidth}`).toBe(true)
    expect(within(chip.memory.capacity, b.capacity), `capacity ${chip.memory.capacity}`).toBe(true)
    expect(within(ridgePoint(chip), b.ridge), `ridge ${ridgePoint(chip)}`).toBe(true)
  })

  it('power is within the tier bounds and ordered min ≤ typical ≤ max', () => {
    for (const w of [chip.tdp, chip.tdpMin, chip.tdpMax]) {
      if (w !== undefined) expect(within(w, b.tdp), `power ${w}`).toBe(true)
    }
    if (chip.tdp !== undefined && chip.tdpMin !== undefined) expect(chip.tdpMin).toBeLessThanOrEqual(chip.tdp)
    if (chip.tdp !== undefined && chip.tdpMax !== undefined)
      expect(chip.tdpMax).toBeGreaterThanOrEqual(chip.tdp)
  })

  it('precisions are consistent: sparse ≥ dense, fp32 ≤ peak, every rate positive', () => {
    const p = chip.compute.precisions
    for (const [key, value] of Object.entries(p)) {
      expect(value, key).toBeGreaterThan(0)
      const dense = key.endsWith('_sparse') ? p[key.replace('_sparse', '')] : undefined
      if (dense !== undefined) expect(value, key).toBeGreaterThanOrEqual(dense)
    }
    for (const key of ['fp32', 'fp32_cuda', 'tf32'] as const) {
      if (p[key] !== undefined) expect(p[key]!, key).toBeLessThanOrEqual(chip.compute.peak)
    }
  })

  it('on-chip memories are smaller than main memory and faster than flash', () => {
    const m = chip.memory
    if (m.sramCapacity !== undefined) expect(m.sramCapacity).toBeLessThanOrEqual(m.capacity)
    if (m.sramBandwidth !== undefined && m.flashBandwidth !== undefined) {
      expect(m.sramBandwidth).toBeGreaterThan(m.flashBandwidth)
    }
    if (chip.storage) expect(chip.storage.bandwidth).toBeLessThan(m.bandwidth)
  })

  it('links, dispatch overhead, year and costs are plausible', () => {
    for (const link of [chip.interconnect, chip.nvlink]) {
      if (!link) continue
      expect(perDirection(link)).toBeLessThanOrEqual(link.bandwidth)
      expect(perDirection(link)).toBeGreaterThan(0)
    }
    expect(chip.dispatchTax).toBeGreaterThanOrEqual(0)
    expect(chip.dispatchTax).toBeLessThanOrEqual(10e-3) // ≤ 10 ms
    expect(chip.releaseYear).toBeGreaterThanOrEqual(2015)
    expect(chip.releaseYear).toBeLessThanOrEqual(2026)
    if (chip.unitCost !== undefined) expect(within(chip.unitCost, [1, 5e6])).toBe(true)
    if (chip.embodiedCarbon !== undefined) expect(within(chip.embodiedCarbon, [0.1, 10_000])).toBe(true)
  })
})

describe('ridge points quoted by the course', () => {
  it('matches the labs: A100 ≈ 153, H100 ≈ 295 (FP16) and ≈ 591 (FP8), B200 ≈ 281, Orin NX ≈ 245 (INT8)', () => {
    const byId = (id: string) => chips.get(id)
    expect(ridgePoint(byId('A100'))).toBeCloseTo(312e12 / 2039e9, 9) // 153.0
    expect(ridgePoint(byId('H100'))).toBeCloseTo(295.22, 2) // 989/3.35
    expect(ridgePoint(byId('H100'), 'fp8')).toBeCloseTo(590.75, 2) // 1979/3.35
    expect(ridgePoint(byId('B200'))).toBeCloseTo(281.25, 9) // 2250/8
    expect(ridgePoint(byId('JetsonOrinNX'))).toBeCloseTo(245.1, 1) // 25 TFLOP/s / 102 GB/s
  })
})
