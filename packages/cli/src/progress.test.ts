import { describe, expect, it } from 'vitest'
import { plainNumber, quantityText } from './numbers.js'
import { formatDuration, formatRate, progressLine } from './progress.js'
import { spread } from './sweep-summary.js'

describe('progress', () => {
  it('formats rates and durations', () => {
    expect(formatRate(3_750_000)).toBe('3.75M/s')
    expect(formatRate(812_400)).toBe('812k/s')
    expect(formatRate(950)).toBe('950/s')
    expect(formatRate(0)).toBe('—/s')
    expect(formatDuration(0.035)).toBe('35 ms')
    expect(formatDuration(0.42)).toBe('0.4 s')
    expect(formatDuration(42.4)).toBe('42 s')
    expect(formatDuration(200)).toBe('3 min 20 s')
    expect(formatDuration(7300)).toBe('2 h 1 min')
  })

  it('draws a bar with percent, counts, rate, ETA and backend, within the terminal width', () => {
    const line = progressLine(
      {
        done: 250_000,
        total: 1_000_000,
        feasible: 0,
        elapsedSeconds: 1,
        rate: 250_000,
        etaSeconds: 3,
        backend: 'cpu',
      },
      80,
    )
    // 25% of a bar of width min(40, 80 − tail − 4): a quarter filled.
    expect(line).toMatch(/^\[(█+)(░+)\] {2}25\.0% {2}250,000\/1,000,000 {2}250k\/s {2}ETA 3\.0 s {2}cpu$/)
    const [, filled, empty] = /^\[(█+)(░+)\]/.exec(line)!
    expect(filled!.length / (filled!.length + empty!.length)).toBeCloseTo(0.25, 1)
    expect(line.length).toBeLessThan(80)
    expect(
      progressLine(
        { done: 5, total: 10, feasible: 0, elapsedSeconds: 1, rate: 5, etaSeconds: 1, backend: 'cpu' },
        30,
      ).length,
    ).toBeLessThan(30)
  })
})

describe('numbers', () => {
  it('formats numbers without units readably', () => {
    expect(plainNumber(85_899_345_920)).toBe('8.59e10')
    expect(plainNumber(2.5e-7)).toBe('2.5e-7')
    expect(plainNumber(0.04631)).toBe('0.04631')
    expect(plainNumber(1762.4)).toBe('1762')
  })

  it('formats quantities with their units, rates as counts per second', () => {
    expect(quantityText(5.675641e-4, 'seconds')).toBe('0.568 ms')
    expect(quantityText(774_000, 'hertz')).toBe('774K/s')
    expect(quantityText(0.3, 'count')).toBe('0.3')
    expect(quantityText(true, undefined)).toBe('yes')
  })
})

describe('spread', () => {
  it('keeps at most n points, evenly, ends included', () => {
    const points = Array.from({ length: 100 }, (_, i) => i)
    const picked = spread(points, 5)
    expect(picked).toEqual([0, 25, 50, 74, 99])
    expect(spread([1, 2, 3], 5)).toEqual([1, 2, 3])
  })
})
