import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canonicalExpansion,
  exactAdd,
  exactValue,
  heapOffer,
  heapToPartial,
  mergeExpansions,
  mergeHeatmap,
  mergePareto,
  mergeTopK,
  ParetoFront,
  type ParetoPartial,
  unionRanges,
} from './reductions.js'

/** Brute-force top-k: sort (key, index), smaller key first, lower index on ties; NaN never kept. */
function bruteTopK(keys: readonly number[], k: number) {
  const order = keys
    .map((key, index) => ({ key, index }))
    .filter((p) => !Number.isNaN(p.key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .slice(0, k)
  return { keys: order.map((p) => p.key), indices: order.map((p) => p.index) }
}

/** Brute-force Pareto front: distinct non-dominated vectors, lowest index, count of equal vectors. */
function bruteFront(points: readonly number[][]): ParetoPartial {
  const d = points[0]?.length ?? 2
  const valid = points.map((p, index) => ({ p, index })).filter(({ p }) => !p.some(Number.isNaN))
  const dominates = (a: number[], b: number[]) => a.every((x, k) => x <= b[k]!) && a.some((x, k) => x < b[k]!)
  const equal = (a: number[], b: number[]) => a.every((x, k) => x === b[k])
  const front = valid.filter(({ p }) => !valid.some((q) => dominates(q.p, p)))
  const reps = front.filter(({ p, index }) => !front.some((q) => equal(q.p, p) && q.index < index))
  reps.sort((a, b) => {
    for (let k = 0; k < d; k++) if (a.p[k] !== b.p[k]) return a.p[k]! < b.p[k]! ? -1 : 1
    return a.index - b.index
  })
  return {
    dimensions: d,
    keys: reps.map((r) => r.p),
    indices: reps.map((r) => r.index),
    counts: reps.map((r) => front.filter((q) => equal(q.p, r.p)).length),
  }
}

/** Small integers and a few special values, so ties and duplicates are common. */
const tieHeavy = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.5, -0, Number.POSITIVE_INFINITY, Number.NaN),
)

describe('top-k', () => {
  it('matches brute force, ties to the lower index (property)', () => {
    fc.assert(
      fc.property(fc.array(tieHeavy, { maxLength: 200 }), fc.integer({ min: 0, max: 12 }), (keys, k) => {
        const heapKeys = new Float64Array(k)
        const heapIdx = new Float64Array(k)
        let size = 0
        keys.forEach((key, index) => {
          size = heapOffer(heapKeys, heapIdx, size, k, key, index)
        })
        expect(heapToPartial(heapKeys, heapIdx, size)).toEqual(bruteTopK(keys, k))
      }),
    )
  })

  it('merges exactly: top-k of the parts merged is top-k of the whole, in any split (property)', () => {
    fc.assert(
      fc.property(
        fc.array(tieHeavy, { maxLength: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 8 }),
        (keys, cut, k) => {
          const at = Math.min(cut, keys.length)
          const left = bruteTopK(keys.slice(0, at), k)
          const right = bruteTopK(keys.slice(at), k)
          const shifted = { keys: right.keys, indices: right.indices.map((i) => i + at) }
          const whole = bruteTopK(keys, k)
          expect(mergeTopK(left, shifted, k)).toEqual(whole)
          expect(mergeTopK(shifted, left, k)).toEqual(whole)
        },
      ),
    )
  })
})

describe('Pareto front', () => {
  for (const d of [2, 3] as const) {
    it(`matches brute force with ties and duplicates in ${d} objectives (property)`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(tieHeavy, { minLength: d, maxLength: d }), { maxLength: 150 }),
          (points) => {
            const front = new ParetoFront(d, 2)
            points.forEach((p, index) => {
              front.offer(p, index)
            })
            expect(front.toPartial()).toEqual(
              points.length === 0 ? { dimensions: d, keys: [], indices: [], counts: [] } : bruteFront(points),
            )
          },
        ),
        { numRuns: 300 },
      )
    })

    it(`merges exactly in ${d} objectives, in any split and order (property)`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: d, maxLength: d }), {
            minLength: 1,
            maxLength: 120,
          }),
          fc.integer({ min: 0, max: 120 }),
          (points, cut) => {
            const at = Math.min(cut, points.length)
            const part = (from: number, to: number) => {
              const f = new ParetoFront(d)
              for (let i = from; i < to; i++) f.offer(points[i]!, i)
              return f.toPartial()
            }
            const whole = bruteFront(points)
            expect(mergePareto(part(0, at), part(at, points.length))).toEqual(whole)
            expect(mergePareto(part(at, points.length), part(0, at))).toEqual(whole)
          },
        ),
      )
    })
  }

  it('keeps a staircase in two objectives: (1,5) (2,3) (4,1); (3,3) is dominated by (2,3)', () => {
    const front = new ParetoFront(2)
    for (const [i, p] of [
      [4, 1],
      [3, 3],
      [1, 5],
      [2, 3],
      [2, 3],
      [5, 5],
    ].entries())
      front.offer(p!, i)
    // (3,3) entered first, then (2,3) came and dominated it; the second (2,3) is a duplicate.
    expect(front.toPartial()).toEqual({
      dimensions: 2,
      keys: [
        [1, 5],
        [2, 3],
        [4, 1],
      ],
      indices: [2, 3, 0],
      counts: [1, 2, 1],
    })
  })
})

describe('exact sums', () => {
  it('are correctly rounded and independent of order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), {
          maxLength: 60,
        }),
        fc.integer(),
        (xs, seed) => {
          const a: number[] = []
          for (const x of xs) exactAdd(a, x)
          // A shuffled order gives the same canonical expansion and value.
          const shuffled = [...xs]
          let s = seed >>> 0
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0
            const j = s % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
          }
          const b: number[] = []
          for (const x of shuffled) exactAdd(b, x)
          expect(canonicalExpansion(a)).toEqual(canonicalExpansion(b))
          expect(Object.is(exactValue(a), exactValue(b))).toBe(true)
        },
      ),
    )
  })

  it('merge canonical expansions of any split into the canonical expansion of the whole (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 4 }),
        (xs, cuts) => {
          const sumOf = (part: readonly number[]) => {
            const acc: number[] = []
            for (const x of part) exactAdd(acc, x)
            return canonicalExpansion(acc)
          }
          const bounds = [0, ...cuts.map((c) => Math.min(c, xs.length)).sort((a, b) => a - b), xs.length]
          const parts = bounds.slice(1).map((end, i) => sumOf(xs.slice(bounds[i], end)))
          expect(parts.reduceRight((acc, part) => mergeExpansions(part, acc), [] as number[])).toEqual(
            sumOf(xs),
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('does what naive summation cannot', () => {
    const parts: number[] = []
    for (const x of [1e100, 1, -1e100, 1e-30]) exactAdd(parts, x)
    expect(exactValue(parts)).toBe(1) // 1 + 1e-30 rounds to 1
    expect(1e100 + 1 - 1e100 + 1e-30).toBe(1e-30) // naive loses the 1
    const tenth: number[] = []
    for (let i = 0; i < 10; i++) exactAdd(tenth, 0.1)
    // Ten times the double 0.1 is 1.0000000000000000555…, which rounds to 1 (naive gives 0.9999999999999999).
    expect(exactValue(tenth)).toBe(1)
    expect(canonicalExpansion(tenth)).toEqual([1, 5.551115123125783e-17])
  })
})

describe('heatmap and range merges', () => {
  it('merge heatmap cells exactly', () => {
    const a = {
      count: [2, 0],
      finite: [2, 0],
      min: [1, Number.POSITIVE_INFINITY],
      max: [3, Number.NEGATIVE_INFINITY],
      sum: [[4], []],
      outside: 1,
    }
    const b = { count: [1, 1], finite: [1, 1], min: [0.5, 7], max: [0.5, 7], sum: [[0.5], [7]], outside: 0 }
    expect(mergeHeatmap(a, b)).toEqual({
      count: [3, 1],
      finite: [3, 1],
      min: [0.5, 7],
      max: [3, 7],
      sum: [[4.5], [7]],
      outside: 1,
    })
  })

  it('coalesce index ranges and reject overlaps', () => {
    expect(
      unionRanges(
        [
          [10, 20],
          [0, 5],
        ],
        [[5, 10]],
      ),
    ).toEqual([[0, 20]])
    expect(unionRanges([[0, 5]], [[7, 9]])).toEqual([
      [0, 5],
      [7, 9],
    ])
    expect(() => unionRanges([[0, 5]], [[4, 9]])).toThrow(/overlap/)
  })
})
