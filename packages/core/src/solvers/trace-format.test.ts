import { describe, expect, it } from 'vitest'
import { bandwidthText, bytesText, flopsText, percentText, secondsText } from './trace-format.js'

describe('trace number formatting', () => {
  it('three significant digits with an SI prefix', () => {
    expect(bytesText(16.06e9)).toBe('16.1 GB')
    expect(bytesText(512)).toBe('512 B')
    expect(bandwidthText(3.35e12)).toBe('3.35 TB/s')
    expect(flopsText(989e12)).toBe('989 TFLOP/s')
    expect(percentText(0.125)).toBe('12.5%')
  })

  it('seconds in s, ms, µs or ns; infinities spelled out', () => {
    expect(secondsText(2.1486)).toBe('2.15 s')
    expect(secondsText(0.00519416)).toBe('5.19 ms')
    expect(secondsText(52.56e-6)).toBe('52.6 µs')
    expect(secondsText(5e-9)).toBe('5.00 ns')
    expect(secondsText(0)).toBe('0.00 s')
    expect(secondsText(Number.POSITIVE_INFINITY)).toBe('∞ s')
    expect(bytesText(Number.POSITIVE_INFINITY)).toBe('∞ B')
  })
})
