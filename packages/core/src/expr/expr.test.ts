import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { demoBase as base, demo } from './fixtures.js'
import { defineModel } from './model.js'

describe('scalar evaluation', () => {
  it('matches a hand derivation', () => {
    const r = demo.evaluate(base)
    // 8.2e9 / (312e12 × 0.5) = 5.2564e-5 s; 5.632e7 / 2.039e12 = 2.762e-5 s; max + 10 µs.
    expect(r.latency).toBeCloseTo(8.2e9 / 156e12 + 1e-5, 18)
    expect(r.memoryBound).toBe(0)
    expect(r.fits).toBe(1)
    expect(r.intensity).toBeCloseTo(145.5965909090909, 10)
    // Erlang B(c=4, a=2) = (a^4/4!) / Σ_{k≤4} a^k/k! = (16/24)/(1+2+2+4/3+2/3) = 0.0952381
    expect(r.erlangB).toBeCloseTo(2 / 21, 14)
  })

  it('takes the offload branch when the bytes exceed capacity', () => {
    const r = demo.evaluate({ ...base, bytes: 1e11, capacity: 8e10 })
    expect(r.fits).toBe(0)
    expect(r.latency).toBeCloseTo(Math.max(8.2e9 / 156e12, 1e11 / 64e9) + 1e-5, 15)
  })

  it('runs the fold for ⌈count⌉ steps, clamped to maxSteps, none for NaN or ≤ 0', () => {
    expect(demo.evaluate({ ...base, servers: 1 }).erlangB).toBeCloseTo(2 / 3, 15) // a/(1+a)
    expect(demo.evaluate({ ...base, servers: 0 }).erlangB).toBe(1)
    expect(demo.evaluate({ ...base, servers: Number.NaN }).erlangB).toBe(1)
    expect(demo.evaluate({ ...base, servers: 3.2 })).toEqual(demo.evaluate({ ...base, servers: 4 }))
    expect(demo.evaluate({ ...base, servers: 1000 })).toEqual(demo.evaluate({ ...base, servers: 64 }))
  })

  it('names a missing input', () => {
    expect(() => demo.evaluate({ ...base, peak: undefined as unknown as number })).toThrowError(
      "model 'demo': input 'peak' (a compute rate (flopPerSecond)) is missing or not a number",
    )
  })
})

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
const inputsArb = fc.record({
  ops: positive(1e6, 1e15),
  bytes: positive(1e3, 2e11),
  peak: positive(1e9, 1e16),
  bandwidth: positive(1e8, 1e13),
  efficiency: positive(0.01, 1),
  capacity: positive(1e6, 2e11),
  servers: fc.integer({ min: 0, max: 80 }),
  offered: positive(0.1, 50),
})

describe('backends agree', () => {
  it('compiled scalar = interpreter on random inputs', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        expect(demo.evaluate(inputs)).toEqual(demo.interpret(inputs))
      }),
    )
  })

  it('columnar kernel = scalar, for every choice of varying inputs', () => {
    fc.assert(
      fc.property(
        fc.array(inputsArb, { minLength: 1, maxLength: 20 }),
        fc.subarray(demo.inputNames),
        (rows, varying) => {
          const kernel = demo.columnar(varying)
          const columns = demo.inputNames.map((name) =>
            varying.includes(name) ? Float64Array.from(rows, (r) => r[name as keyof typeof r]) : undefined,
          )
          const scalars = demo.inputNames.map((name) => rows[0]![name as keyof (typeof rows)[0]])
          const outputs = demo.outputNames.map(() => new Float64Array(rows.length))
          kernel(columns, scalars, outputs, 0, rows.length)
          rows.forEach((row, i) => {
            const effective = Object.fromEntries(
              demo.inputNames.map((name) => [
                name,
                varying.includes(name) ? row[name as keyof typeof row] : scalars[demo.inputPosition(name)]!,
              ]),
            )
            const expected = demo.evaluate(effective)
            demo.outputNames.forEach((name, j) => {
              expect(outputs[j]![i]).toBe(expected[name])
            })
          })
        },
      ),
      { numRuns: 60 },
    )
  })

  it('forward-mode derivatives match central finite differences', () => {
    const smooth = ['ops', 'peak', 'efficiency', 'bandwidth', 'offered'] as const
    fc.assert(
      fc.property(inputsArb, fc.constantFrom(...smooth), (inputs, wrt) => {
        const { values, derivatives } = demo.derivative(inputs, wrt)
        expect(values).toEqual(demo.evaluate(inputs))
        const h = inputs[wrt] * 1e-6
        const up = demo.evaluate({ ...inputs, [wrt]: inputs[wrt] + h })
        const down = demo.evaluate({ ...inputs, [wrt]: inputs[wrt] - h })
        for (const name of ['latency', 'erlangB', 'logSqrt', 'intensity'] as const) {
          // Skip points within h of a max/select kink, where one-sided slopes differ.
          const kink = Math.sign(up.memoryBound - down.memoryBound) !== 0 || up.fits !== down.fits
          if (kink) continue
          const numeric = (up[name] - down[name]) / (2 * h)
          const scale = Math.max(Math.abs(numeric), Math.abs(derivatives[name]), 1e-300)
          expect(Math.abs(derivatives[name] - numeric) / scale, `${name} w.r.t. ${wrt}`).toBeLessThan(1e-4)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('derivative of the latency picks the binding branch', () => {
    // Compute-bound: ∂latency/∂peak = −ops/(peak²·η); ∂latency/∂bandwidth = 0.
    expect(demo.derivative(base, 'peak').derivatives.latency).toBeCloseTo(-8.2e9 / (312e12 ** 2 * 0.5), 30)
    expect(demo.derivative(base, 'bandwidth').derivatives.latency).toBe(0)
  })
})

describe('dimension and type errors at build time', () => {
  it('rejects adding a duration to a size', () => {
    expect(() =>
      defineModel('bad', (b) => ({ x: b.input('t', 'seconds').add(b.input('m', 'bytes')) })),
    ).toThrowError(
      "cannot add 't' [a duration (seconds)] and 'm' [a size in bytes (bytes)]: dimensions differ",
    )
  })

  it('rejects log of a dimensioned value and comparisons across dimensions', () => {
    expect(() => defineModel('bad', (b) => ({ x: b.input('bw', 'bytesPerSecond').log() }))).toThrowError(
      /log needs a dimensionless value, got 'bw' \[a bandwidth/,
    )
    expect(() =>
      defineModel('bad', (b) => ({ x: b.input('t', 'seconds').lt(b.input('w', 'watts')) })),
    ).toThrowError(/cannot lt 't'/)
  })

  it('rejects mixing booleans and numbers, and bad selects', () => {
    expect(() =>
      defineModel('bad', (b) => {
        const t = b.input('t', 'seconds')
        return { x: t.lt(b.constant(1e-3, 'seconds')).add(t) }
      }),
    ).toThrowError('add needs a number, got a boolean (lt [a count or ratio (count)])')
    expect(() =>
      defineModel('bad', (b) => {
        const t = b.input('t', 'seconds')
        return { x: b.select(t.gt(b.constant(0, 'seconds')), t, b.input('m', 'bytes')) }
      }),
    ).toThrowError(/cannot select/)
  })

  it('tracks dimensions through mul, div, pow and sqrt', () => {
    const m = defineModel('dims', (b) => {
      const t = b.input('t', 'seconds')
      const bw = b.input('bw', 'bytesPerSecond')
      return {
        bytes: bw.mul(t).as('bytes'),
        area: t.pow(2).sqrt().as('seconds'),
        rate: t.pow(-1).as('hertz'),
      }
    })
    expect(m.outputs.map((o) => o.dim)).toEqual([{ information: 1 }, { time: 1 }, { time: -1 }])
    expect(() => defineModel('bad', (b) => ({ x: b.input('t', 'seconds').as('bytes') }))).toThrowError(
      "expected a size in bytes (bytes), got 't' [a duration (seconds)]",
    )
  })

  it('rejects duplicate inputs, bad names and unbounded folds', () => {
    expect(() =>
      defineModel('bad', (b) => ({ x: b.input('a', 'count').add(b.input('a', 'count')) })),
    ).toThrowError("input 'a' is declared twice")
    expect(() => defineModel('bad', (b) => ({ x: b.input('a-b', 'count') }))).toThrowError(
      /must be an identifier/,
    )
    expect(() =>
      defineModel('bad', (b) => ({ x: b.fold({ init: 0, count: 3, maxSteps: 0, body: (acc) => acc }) })),
    ).toThrowError(/maxSteps must be a positive integer/)
  })

  it('shares identical sub-expressions', () => {
    const m = defineModel('cse', (b) => {
      const x = b.input('x', 'count')
      return { a: x.mul(2).add(1), b: x.mul(2).add(1) }
    })
    expect(m.outputNodes[0]).toBe(m.outputNodes[1])
    expect(m.scalarSource().match(/\*/g)).toHaveLength(1)
  })
})
