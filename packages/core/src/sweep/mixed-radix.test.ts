import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MixedRadix, MixedRadixError, shardRange } from './mixed-radix.js'

describe('MixedRadix', () => {
  it('orders digits most significant first (the last digit varies fastest)', () => {
    const r = new MixedRadix([3, 2, 4])
    expect(r.size).toBe(24)
    expect(r.strides).toEqual([8, 4, 1])
    // index 13 = 1·8 + 1·4 + 1 → digits (1, 1, 1); 23 = 2·8 + 1·4 + 3.
    expect(r.digits(13)).toEqual([1, 1, 1])
    expect(r.digits(23)).toEqual([2, 1, 3])
    expect(r.digits(0)).toEqual([0, 0, 0])
    expect(r.index([2, 1, 3])).toBe(23)
  })

  it('enumerates the product in lexicographic order of digits', () => {
    const r = new MixedRadix([2, 3])
    const all = Array.from({ length: r.size }, (_, i) => [...r.digits(i)])
    expect(all).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ])
  })

  it('round-trips index → digits → index for random radices (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 0, maxLength: 6 }).chain((radices) => {
          const size = radices.reduce((a, b) => a * b, 1)
          return fc.tuple(fc.constant(radices), fc.integer({ min: 0, max: size - 1 }))
        }),
        ([radices, index]) => {
          const r = new MixedRadix(radices)
          const digits = r.digits(index)
          digits.forEach((d, k) => {
            expect(d).toBeGreaterThanOrEqual(0)
            expect(d).toBeLessThan(radices[k]!)
          })
          expect(r.index(digits)).toBe(index)
        },
      ),
    )
  })

  it('round-trips digits → index → digits, and consecutive indices step like an odometer (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 })
          .chain((radices) =>
            fc.tuple(
              fc.constant(radices),
              fc.tuple(...radices.map((r) => fc.integer({ min: 0, max: r - 1 }))),
            ),
          ),
        ([radices, digits]) => {
          const r = new MixedRadix(radices)
          const index = r.index(digits)
          expect([...r.digits(index)]).toEqual(digits)
          if (index + 1 < r.size) {
            // The next index increments the last digit, carrying into the ones before it.
            const next = [...digits]
            let k = next.length - 1
            while (next[k] === radices[k]! - 1) next[k--] = 0
            next[k]!++
            expect([...r.digits(index + 1)]).toEqual(next)
          }
        },
      ),
    )
  })

  it('handles spaces beyond 2³² points exactly and rejects beyond 2⁵³', () => {
    const r = new MixedRadix([100_000, 100_000, 1000])
    expect(r.size).toBe(1e13)
    const index = 1e13 - 12_345
    expect(r.index(r.digits(index))).toBe(index)
    expect(() => new MixedRadix([1e6, 1e6, 1e6])).toThrow(MixedRadixError)
    expect(() => new MixedRadix([3, 0])).toThrow(/radix 1 is 0/)
    expect(() => new MixedRadix([3]).digits(3)).toThrow(/outside \[0, 3\)/)
    expect(() => new MixedRadix([3, 2]).index([1, 2])).toThrow(/digit 1 is 2/)
  })
})

describe('shardRange', () => {
  it('splits contiguously, covering every index once, sizes within one of each other (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 64 }), (total, count) => {
        let expected = 0
        const sizes: number[] = []
        for (let i = 0; i < count; i++) {
          const { start, end } = shardRange(total, i, count)
          expect(start).toBe(expected)
          expect(end).toBeGreaterThanOrEqual(start)
          sizes.push(end - start)
          expected = end
        }
        expect(expected).toBe(total)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('is exact for totals near 2⁵³', () => {
    const total = Number.MAX_SAFE_INTEGER
    const a = shardRange(total, 2, 3)
    expect(a.end).toBe(total)
    // ⌊2·(2⁵³−1)/3⌋ = 6004799503160660 exactly (BigInt arithmetic).
    expect(a.start).toBe(6004799503160660)
  })

  it('rejects shards outside their count', () => {
    expect(() => shardRange(10, 3, 3)).toThrow(/\[0, 3\)/)
    expect(() => shardRange(10, 0, 0)).toThrow(/≥ 1/)
  })
})
