import { describe, expect, it } from 'vitest'
import type { DimensionName } from './dimensions.js'
import { UnitError } from './errors.js'
import { parse, tryParse } from './parse.js'

const GiB = 2 ** 30
const KiB = 2 ** 10
const MiB = 2 ** 20
const TiB = 2 ** 40

/**
 * Every unit style that appears in the original's hardware, infrastructure and systems
 * registries (reference mlsysim.md §3–§5), with the value in stored units worked out by hand.
 */
const REGISTRY_STYLES: Array<[string, DimensionName, number]> = [
  // compute
  ['989.0 TFLOPs / s', 'flopPerSecond', 989e12],
  ['989 TFLOP/s', 'flopPerSecond', 989e12],
  ['989 TFLOPs/s', 'flopPerSecond', 989e12],
  ['989 TFLOPS', 'flopPerSecond', 989e12],
  ['4 TOPS', 'flopPerSecond', 4e12],
  ['0.0024 TOPS', 'flopPerSecond', 2.4e9],
  ['0.5 GFLOP/s', 'flopPerSecond', 5e8],
  ['64 MFLOP/s', 'flopPerSecond', 64e6],
  ['162 PFLOP/s', 'flopPerSecond', 162e15],
  ['8.2 GFLOP', 'flop', 8.2e9],
  ['1e21 flop', 'flop', 1e21],
  ['3.14e23 FLOPs', 'flop', 3.14e23],
  ['300 MMAC', 'flop', 600e6],
  // memory capacity
  ['80 GiB', 'bytes', 80 * GiB],
  ['131 GiB', 'bytes', 131 * GiB],
  ['13.5 TiB', 'bytes', 13.5 * TiB],
  ['520 KiB', 'bytes', 520 * KiB],
  ['128 MiB', 'bytes', 128 * MiB],
  ['1 GB', 'bytes', 1e9],
  ['4 MB', 'bytes', 4e6],
  ['230 MB', 'bytes', 230e6],
  ['2 TB', 'bytes', 2e12],
  ['16.06 GB', 'bytes', 16.06e9],
  ['100 GB', 'bytes', 100e9],
  ['1 KB', 'bytes', 1e3],
  // bandwidth
  ['3.35 TB/s', 'bytesPerSecond', 3.35e12],
  ['2039 GB/s', 'bytesPerSecond', 2039e9],
  ['15.75 GB/s', 'bytesPerSecond', 15.75e9],
  ['0.96 GB/s', 'bytesPerSecond', 0.96e9],
  ['21.0 PB/s', 'bytesPerSecond', 21e15],
  ['576 TB/s', 'bytesPerSecond', 576e12],
  ['400 Gbps', 'bytesPerSecond', 50e9],
  ['100 Gbps', 'bytesPerSecond', 12.5e9],
  ['51.2 Tb/s', 'bytesPerSecond', 6.4e12],
  ['400 Gbps', 'bitsPerSecond', 400e9],
  ['1600 Gbit/s', 'bitsPerSecond', 1600e9],
  ['64 GiB/s', 'bytesPerSecond', 64 * GiB],
  // time
  ['5 us', 'seconds', 5e-6],
  ['5 µs', 'seconds', 5e-6],
  ['5 μs', 'seconds', 5e-6],
  ['500 ns', 'seconds', 500e-9],
  ['0.01 ms', 'seconds', 1e-5],
  ['1.0 ms', 'seconds', 1e-3],
  ['5 MS', 'seconds', 5e-3],
  ['30 s', 'seconds', 30],
  ['10 min', 'seconds', 600],
  ['4 h', 'seconds', 14_400],
  ['50000 hours', 'seconds', 1.8e8],
  ['90 days', 'seconds', 90 * 86_400],
  ['3 years', 'seconds', 3 * 365 * 86_400],
  // power and energy
  ['700 W', 'watts', 700],
  ['0.015 W', 'watts', 0.015],
  ['120 kW', 'watts', 120e3],
  ['3 MW', 'watts', 3e6],
  ['1 mW', 'watts', 1e-3],
  ['15 Wh', 'joules', 54_000],
  ['0.06 Wh', 'joules', 216],
  ['2644.992 kWh', 'joules', 2644.992 * 3.6e6],
  ['1287 MWh', 'joules', 1287 * 3.6e9],
  ['640 pJ', 'joules', 640e-12],
  ['160 pJ/B', 'joulesPerByte', 160e-12],
  ['1.1 pJ/flop', 'joulesPerFlop', 1.1e-12],
  ['100 mJ/MB', 'joulesPerByte', 1e-7],
  // money
  ['30000 dollar', 'dollars', 30_000],
  ['30000 USD', 'dollars', 30_000],
  ['$30,000', 'dollars', 30_000],
  ['3000000 dollar', 'dollars', 3e6],
  ['$2.5M', 'dollars', 2.5e6],
  ['$0.12/kWh', 'dollarsPerJoule', 0.12 / 3.6e6],
  ['0.07 USD/kWh', 'dollarsPerJoule', 0.07 / 3.6e6],
  ['$4.0/h', 'dollarsPerSecond', 4 / 3600],
  ['$0.09/GB', 'dollarsPerByte', 0.09e-9],
  ['$23/TB/month', 'dollarsPerByteSecond', 23 / 1e12 / (30 * 86_400)],
  ['$23/TB·mo', 'dollarsPerByteSecond', 23 / 1e12 / (30 * 86_400)],
  // carbon and water
  ['164 kg', 'co2e', 164],
  ['164 kg CO2e', 'co2e', 164],
  ['1.27 t CO2e', 'co2e', 1270],
  ['500 gCO2e', 'co2e', 0.5],
  ['429 g/kWh', 'carbonIntensity', 429e-3 / 3.6e6],
  ['429 gCO2e/kWh', 'carbonIntensity', 429e-3 / 3.6e6],
  ['1.8 L/kWh', 'waterIntensity', 1.8 / 3.6e6],
  ['0.16 kg/h', 'co2ePerSecond', 0.16 / 3600],
  // rates and counts
  ['400 MHz', 'hertz', 400e6],
  ['10 qps', 'hertz', 10],
  ['1761.9 img/s', 'hertz', 1761.9],
  ['8.03B', 'count', 8.03e9],
  ['100 Bparam', 'count', 100e9],
  ['8B params', 'count', 8e9],
  ['70 Mparams', 'count', 70e6],
  ['25,000', 'count', 25_000],
  ['50 %', 'count', 0.5],
  ['32', 'count', 32],
]

describe('parse: every unit style of the original registries', () => {
  it.each(REGISTRY_STYLES)('%s as %s', (text, dimension, expected) => {
    // Relative agreement to 1e-12: the conversions are exact up to floating-point rounding.
    expect(Math.abs(parse(text, dimension) / expected - 1)).toBeLessThan(1e-12)
  })
})

describe('parse without an expected dimension', () => {
  it('returns base units, the dimension vector and the unit as written', () => {
    expect(parse('3.35 TB/s')).toEqual({
      value: 3.35e12,
      dimension: { information: 1, time: -1 },
      unit: 'TB/s',
    })
    expect(parse('80GiB')).toEqual({ value: 80 * GiB, dimension: { information: 1 }, unit: 'GiB' })
    expect(parse('42')).toEqual({ value: 42, dimension: {}, unit: '' })
  })

  it('keeps decimal and binary prefixes distinct', () => {
    expect(parse('1 GB', 'bytes')).toBe(1e9)
    expect(parse('1 GiB', 'bytes')).toBe(1_073_741_824)
    expect(parse('1 kB', 'bytes')).toBe(1000)
    expect(parse('1 KiB', 'bytes')).toBe(1024)
  })

  it('reads bits and bytes as the same dimension with an exact factor of 8', () => {
    expect(parse('8 bit', 'bytes')).toBe(1)
    expect(parse('1 B', 'bits')).toBe(8)
  })

  it('rounds power-of-ten scalings exactly', () => {
    expect(parse('8.03B', 'count')).toBe(8.03e9)
    expect(parse('16.06 GB', 'bytes')).toBe(16.06e9)
    expect(parse('3.35 TB/s', 'bytesPerSecond')).toBe(3.35e12)
    expect(parse('0.01 ms', 'seconds')).toBe(1e-5)
    expect(parse('1.2e3 kB', 'bytes')).toBe(1.2e6)
  })

  it('reads signs, exponents and thousands separators', () => {
    expect(parse('-5 W', 'watts')).toBe(-5)
    expect(parse('2.5e-3 s', 'seconds')).toBe(2.5e-3)
    expect(parse('1,234,567 B', 'bytes')).toBe(1_234_567)
    expect(parse('.5 W', 'watts')).toBe(0.5)
  })

  it('takes a number input as already in the stored unit', () => {
    expect(parse(100e9, 'bytesPerSecond')).toBe(100e9)
  })
})

describe('parse errors name the input and what was expected', () => {
  it('rejects a wrong dimension', () => {
    expect(() => parse('80 GiB', 'bytesPerSecond')).toThrowError(
      /"80 GiB" is a size in bytes \(bytes\), not a bandwidth \(bytesPerSecond\); write it like "3\.35 TB\/s"/,
    )
    expect(() => parse('700 W', 'joules')).toThrowError(/"700 W" is a power \(watts\), not an energy/)
  })

  it('rejects an unknown unit', () => {
    expect(() => parse('80 GiX', 'bytes')).toThrowError(
      /unknown unit "GiX" in "80 GiX"; expected a size in bytes/,
    )
    expect(() => parse('3 furlongs')).toThrowError(/unknown unit "furlongs"/)
  })

  it('rejects a missing unit where a dimension is expected', () => {
    expect(() => parse('42', 'bytes')).toThrowError(/"42" is a bare number, not a size in bytes/)
  })

  it('rejects text without a number', () => {
    expect(() => parse('fast', 'seconds')).toThrowError(/cannot read a number at the start of "fast"/)
    expect(() => parse('', 'seconds')).toThrowError(UnitError)
  })

  it('rejects broken unit expressions', () => {
    expect(() => parse('5 GB/', 'bytesPerSecond')).toThrowError(/a unit is missing/)
    expect(() => parse('5 USD/(B*s', 'dollarsPerByteSecond')).toThrowError(/missing "\)"/)
    expect(() => parse('5 s^x')).toThrowError(/exponent "x" is not an integer/)
  })

  it('rejects non-finite numbers and unknown dimensions', () => {
    expect(() => parse(Number.NaN, 'bytes')).toThrowError(/NaN is not a finite quantity/)
    expect(() => parse('1e999 B', 'bytes')).toThrowError(/not a finite quantity/)
    expect(() => parse('1 B', 'furlongs' as DimensionName)).toThrowError(/unknown dimension "furlongs"/)
  })

  it('carries the input and expectation on the error', () => {
    try {
      parse('80 GiB', 'watts')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(UnitError)
      expect((error as UnitError).input).toBe('80 GiB')
      expect((error as UnitError).expected).toBe('watts')
    }
  })

  it('tryParse returns undefined instead of throwing', () => {
    expect(tryParse('80 GiB', 'watts')).toBeUndefined()
    expect(tryParse('700 W', 'watts')).toBe(700)
  })
})

describe('what people paste from datasheets and price lists', () => {
  it('reads "N x quantity" as N copies: link and port counts', () => {
    // 2 × 400 Gb/s = 800 Gb/s = 100 GB/s
    expect(parse('2 x 400 Gbps', 'bytesPerSecond')).toBe(100e9)
    expect(parse('2x400 Gbps', 'bytesPerSecond')).toBe(100e9)
    // 24 × 100 GbE ports (Gaudi 2's RoCE): 2.4 Tb/s = 300 GB/s
    expect(parse('24 × 100 Gbps', 'bytesPerSecond')).toBe(300e9)
    expect(parse('2 x $30,000', 'dollars')).toBe(60_000)
    expect(parse('2 x 400 Gbps').unit).toBe('Gbps')
  })

  it('rejects a count that is not a whole number', () => {
    expect(() => parse('1.5 x 400 Gbps', 'bytesPerSecond')).toThrowError(
      /the count before "x" must be a whole number ≥ 1; expected a bandwidth/,
    )
  })

  it('rejects other currencies instead of reading them as dollars', () => {
    // The original's unit file made EUR = USD; 30,000 EUR is not $30,000.
    for (const text of ['30000 EUR', '€30,000', '30000 €', '£4/h', '¥500']) {
      expect(() => parse(text)).toThrowError(/MLSys·im prices are in US dollars.*convert to USD first/)
    }
    expect(() => parse('30000 EUR', 'dollars')).toThrowError(
      /"30000 EUR" is in EUR: .*; expected an amount of money \(dollars\)/,
    )
  })

  it('reads the spellings of rates and per-unit figures', () => {
    expect(parse('1.5TB', 'bytes')).toBe(1.5e12)
    expect(parse('900 GB/sec', 'bytesPerSecond')).toBe(900e9)
    expect(parse('100 tokens/s', 'hertz')).toBe(100)
    expect(parse('700 W/chip', 'watts')).toBe(700)
  })
})

describe('unit expressions', () => {
  it('handles products, quotients, parentheses and powers', () => {
    expect(parse('23 USD/(TB*month)', 'dollarsPerByteSecond')).toBeCloseTo(23 / 1e12 / (30 * 86_400), 25)
    expect(parse('1 W*s', 'joules')).toBe(1)
    expect(parse('1 W per s').dimension).toEqual({ energy: 1, time: -2 })
    expect(parse('1 USD/TB*month').value).toBeCloseTo(1 / 1e12 / (30 * 86_400), 25)
    expect(parse('1 J/B/s').dimension).toEqual({ energy: 1, information: -1, time: -1 })
    expect(parse('2 s^2').value).toBe(2)
    expect(parse('2 s^2').dimension).toEqual({ time: 2 })
    expect(parse('10 /s', 'hertz')).toBe(10)
  })
})
