import { describe, expect, expectTypeOf, it } from 'vitest'
import { parse } from './parse.js'
import {
  add,
  arithmeticIntensity,
  type Bytes,
  type BytesPerSecond,
  bitsToBytesPerSecond,
  bytesToBitsPerSecond,
  carbonOf,
  computeTime,
  energyCost,
  energyOf,
  type Flop,
  quantity,
  ratio,
  type Seconds,
  scale,
  transferTime,
  waterOf,
} from './quantity.js'

describe('branded arithmetic', () => {
  it('keeps dimensions through the helpers (hand-checked H100 numbers)', () => {
    const weights = parse('16.06 GB', 'bytes')
    const hbm = parse('3.35 TB/s', 'bytesPerSecond')
    const t = transferTime(weights, hbm)
    expectTypeOf(t).toEqualTypeOf<Seconds>()
    expect(t).toBeCloseTo(16.06e9 / 3.35e12, 15) // 4.794 ms, the decode ITL memory term

    const prefill = quantity(2 * 8.03e9 * 2048, 'flop')
    expect(computeTime(prefill, scale(parse('989 TFLOP/s', 'flopPerSecond'), 0.5))).toBeCloseTo(
      (2 * 8.03e9 * 2048) / (989e12 * 0.5),
      15,
    )
    expect(arithmeticIntensity(quantity(8.2e9, 'flop'), quantity(25.6e6 * 2 * 1.1, 'bytes'))).toBeCloseTo(
      145.5965909090909,
      10,
    )
  })

  it('computes energy, carbon, water and cost (Research_256 one-day figures)', () => {
    const energy = energyOf(quantity(700 * 0.615 * 256, 'watts'), quantity(86_400, 'seconds'))
    expect(energy / 3.6e6).toBeCloseTo(2644.992, 6) // kWh, conformance sustainability case
    const facility = scale(energy, 1.12)
    expect(carbonOf(facility, parse('429 g/kWh', 'carbonIntensity'))).toBeCloseTo(1270.86575616, 6)
    expect(waterOf(facility, parse('1.8 L/kWh', 'waterIntensity'))).toBeCloseTo(5332.303872, 6)
    expect(energyCost(facility, parse('$0.12/kWh', 'dollarsPerJoule'))).toBeCloseTo(355.4869248, 6)
  })

  it('converts bit rates exactly', () => {
    expect(bitsToBytesPerSecond(parse('400 Gbps', 'bitsPerSecond'))).toBe(50e9)
    expect(bytesToBitsPerSecond(quantity(50e9, 'bytesPerSecond'))).toBe(400e9)
  })

  it('adds, compares and rejects mixed dimensions at compile time', () => {
    const a = quantity(1, 'bytes')
    const b = quantity(2, 'bytes')
    expect(add(a, b)).toBe(3)
    expect(ratio(b, a)).toBe(2)
    const bandwidth = quantity(1, 'bytesPerSecond')
    // @ts-expect-error a bandwidth is not a size
    add(a, bandwidth)
    // @ts-expect-error a size cannot be used where FLOP are expected
    computeTime(a, quantity(1, 'flopPerSecond'))
    expectTypeOf<Bytes>().not.toEqualTypeOf<BytesPerSecond>()
    expectTypeOf<Flop>().toMatchTypeOf<number>()
  })
})
