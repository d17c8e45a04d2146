import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DIMENSION_NAMES, type DimensionName } from './dimensions.js'
import { format, formatNumber } from './format.js'
import { parse } from './parse.js'

describe('format for people', () => {
  it.each<[number, DimensionName, object, string]>([
    [80 * 2 ** 30, 'bytes', { binary: true }, '80 GiB'],
    [80 * 2 ** 30, 'bytes', {}, '85.9 GB'],
    [16.06e9, 'bytes', {}, '16.1 GB'],
    [520 * 1024, 'bytes', { binary: true }, '520 KiB'],
    [3.35e12, 'bytesPerSecond', {}, '3.35 TB/s'],
    [989e12, 'flopPerSecond', {}, '989 TFLOP/s'],
    [5.675641025641026e-4, 'seconds', {}, '0.568 ms'],
    [5.088519845717895, 'seconds', {}, '5.09 s'],
    [5e-6, 'seconds', {}, '5 µs'],
    [500e-9, 'seconds', {}, '0.5 µs'],
    [50e-9, 'seconds', {}, '50 ns'],
    [7200, 'seconds', {}, '2 h'],
    [90 * 86_400, 'seconds', {}, '90 days'],
    [700, 'watts', {}, '700 W'],
    [120e3, 'watts', {}, '120 kW'],
    [0.015, 'watts', {}, '15 mW'],
    [0.07546666666666667, 'joules', {}, '75.5 mJ'],
    [2644.992 * 3.6e6, 'joules', {}, '2.64 MWh'],
    [30_000, 'dollars', {}, '$30,000'],
    [7076.948112014612, 'dollars', {}, '$7,077'],
    [2.1333e6, 'dollars', {}, '$2.13M'],
    [0.12, 'dollars', {}, '$0.12'],
    [1270.86575616, 'co2e', {}, '1.27 t CO2e'],
    [164, 'co2e', {}, '164 kg CO2e'],
    [5332.303872, 'liters', {}, '5.33 kL'],
    [400e9, 'bitsPerSecond', {}, '400 Gbps'],
    [429e-3 / 3.6e6, 'carbonIntensity', {}, '429 g/kWh'],
    [0.12 / 3.6e6, 'dollarsPerJoule', {}, '$0.12/kWh'],
    [4 / 3600, 'dollarsPerSecond', {}, '$4/h'],
    [8.03e9, 'count', {}, '8.03B'],
    [32, 'count', {}, '32'],
    [145.5965909090909, 'flopPerByte', {}, '146 FLOP/B'],
    [999.96e9, 'bytes', {}, '1 TB'],
    [0, 'bytes', {}, '0 B'],
    [5.675641025641026e-4, 'seconds', { unit: 'ms', digits: 5 }, '0.56756 ms'],
    [3.35e12, 'bytesPerSecond', { unit: 'GB/s' }, '3350 GB/s'],
    [50e9, 'bitsPerSecond', { unit: 'GB/s' }, '6.25 GB/s'],
  ])('%d %s %o → %s', (value, dimension, options, text) => {
    expect(format(value, dimension, options)).toBe(text)
  })

  it('writes NaN and infinities in the stored unit, not at the end of the prefix ladder', () => {
    expect(format(Number.NaN, 'watts')).toBe('NaN W')
    expect(format(Number.POSITIVE_INFINITY, 'seconds')).toBe('Infinity s')
    expect(format(Number.NEGATIVE_INFINITY, 'bytes', { binary: true })).toBe('-Infinity B')
    expect(format(Number.POSITIVE_INFINITY, 'dollars')).toBe('$Infinity')
  })

  it('rejects a forced unit of another dimension and bad digits', () => {
    expect(() => format(1, 'seconds', { unit: 'GB' })).toThrowError(/unit "GB" does not measure a duration/)
    expect(() => format(1, 'seconds', { digits: 0 })).toThrowError(/digits must be an integer in 1\.\.17/)
    expect(() => format(1, 'nope' as DimensionName)).toThrowError(/unknown dimension "nope"/)
  })

  it('formats plain numbers without exponents for ordinary magnitudes', () => {
    expect(formatNumber(1234.5)).toBe('1235')
    expect(formatNumber(0.000123456)).toBe('0.000123')
    expect(formatNumber(1.5e-9)).toBe('1.5e-9')
    expect(formatNumber(-2.5)).toBe('-2.5')
  })
})

describe('format ∘ parse round-trips within the printed precision', () => {
  // Magnitudes from picowatts to zettaFLOP; both signs for dimensions that allow it.
  const magnitude = fc.double({ min: 1e-9, max: 1e21, noNaN: true, noDefaultInfinity: true })

  it.each(DIMENSION_NAMES.map((d) => [d]))('%s', (dimension) => {
    fc.assert(
      fc.property(magnitude, fc.integer({ min: 2, max: 8 }), fc.boolean(), (value, digits, binary) => {
        const text = format(value, dimension, { digits, binary })
        const back = parse(text, dimension)
        // The printed number has `digits` significant digits (or is an integer with more).
        const tolerance = 0.5 * 10 ** (1 - digits) * 1.0000001
        expect(Math.abs(back - value) / value, `${value} → "${text}" → ${back}`).toBeLessThanOrEqual(
          tolerance,
        )
      }),
      { numRuns: 300 },
    )
  })

  it('parse then format gives back the registry spelling', () => {
    expect(format(parse('3.35 TB/s', 'bytesPerSecond'), 'bytesPerSecond')).toBe('3.35 TB/s')
    expect(format(parse('80 GiB', 'bytes'), 'bytes', { binary: true })).toBe('80 GiB')
    expect(format(parse('989 TFLOPs/s', 'flopPerSecond'), 'flopPerSecond')).toBe('989 TFLOP/s')
  })
})
