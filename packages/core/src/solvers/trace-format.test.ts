import { describe, expect, it } from 'vitest'
import { bandwidthText, bytesText, flopsText, percentText, secondsText } from './trace-format.js'

describe('trace number formatting', () => {
  it('three significant digits with an SI prefix', () => {
    expect(bytesText(16.06e9)).toBe('16.1 GB')
    expect(bytesText(512)).toBe('512 B')
    expect(bandwidthText(3.35e12)).toBe('3.35 TB/s')
    expect(flopsText(989e12)).toBe('989 TFLOP/s')
    expect(percentText(0.125)).toBe('12.5%')
    // Just under 1 keeps the digits that show it (a stable queue is not at 100%); 1 is 100%.
    expect(percentText(0.99995)).toBe('99.995%')
    expect(percentText(0.9999)).toBe('99.99%')
    expect(percentText(1 - 1e-9)).toBe('> 99.9999%')
    expect(percentText(1)).toBe('100.0%')
    expect(percentText(1.25)).toBe('125.0%')
  })

  it('seconds in s, ms, µs or ns; infinities spelled out', () => {
    expect(secondsText(2.1486)).toBe('2.15 s')
    expect(secondsText(0.00519416)).toBe('5.19 ms')
    expect(secondsText(52.56e-6)).toBe('52.6 µs')
    expect(secondsText(5e-9)).toBe('5.00 ns')
    expect(secondsText(0)).toBe('0.00 s')
    expect(secondsText(Number.POSITIVE_INFINITY)).toBe('∞ s')
    // A p99 of an M/M/1 queue at ρ = 0.99995 is 4605 s, not "4.61e+3 s".
    expect(secondsText(4605.17)).toBe('1.28 h')
    expect(secondsText(141.2)).toBe('2.35 min')
    expect(secondsText(3 * 86_400)).toBe('3.00 days')
    expect(bytesText(Number.POSITIVE_INFINITY)).toBe('∞ B')
  })
})
