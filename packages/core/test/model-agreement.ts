/**
 * Checks every evaluation path of a model against the others on random inputs: compiled
 * scalar = interpreter (exactly), columnar kernel = scalar (exactly, for a random choice of
 * varying inputs), and forward-mode derivatives = central finite differences (away from
 * kinks of max/min/select/ceil, detected by a change in any boolean or integer output).
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import type { Model } from '../src/expr/model.js'

export type InputArbitraries = Readonly<Record<string, fc.Arbitrary<number>>>

/** Positive doubles in [min, max], log-uniform-ish so that every decade is exercised. */
export function positive(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .double({ min: Math.log(min), max: Math.log(max), noNaN: true })
    .map((l) => Math.min(max, Math.max(min, Math.exp(l))))
}

/** A fixed value (a catalog constant that is not worth varying). */
export function fixed(value: number): fc.Arbitrary<number> {
  return fc.constant(value)
}

function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))
}

export interface AgreementOptions {
  /** Inputs to differentiate by (smooth, continuous inputs). */
  smooth: readonly string[]
  /** Outputs whose derivatives are compared (numeric, smooth between kinks). */
  differentiable: readonly string[]
  numRuns?: number
  /** Relative finite-difference step. */
  step?: number
  /** Relative tolerance of derivative vs finite difference. */
  tolerance?: number
}

/** Runs all three agreement properties for `model` on inputs drawn from `arbitraries`. */
export function expectBackendsAgree(
  model: Model,
  arbitraries: InputArbitraries,
  options: AgreementOptions,
): void {
  const { smooth, differentiable, numRuns = 60, step = 1e-6, tolerance = 1e-4 } = options
  const missing = model.inputNames.filter((name) => !(name in arbitraries))
  expect(missing, `arbitraries for every input of '${model.id}'`).toEqual([])
  const inputs = fc.record(arbitraries as Record<string, fc.Arbitrary<number>>)
  const names = model.outputNames as readonly string[]

  fc.assert(
    fc.property(inputs, (values) => {
      const compiled = model.evaluate(values) as Record<string, number>
      const interpreted = model.interpret(values) as Record<string, number>
      for (const name of names) {
        expect(
          sameNumber(compiled[name]!, interpreted[name]!),
          `${model.id}.${name}: ${compiled[name]} vs ${interpreted[name]}`,
        ).toBe(true)
      }
    }),
    { numRuns },
  )

  fc.assert(
    fc.property(
      fc.array(inputs, { minLength: 1, maxLength: 8 }),
      fc.subarray(model.inputNames),
      (rows, varying) => {
        const kernel = model.columnar(varying)
        const columns = model.inputNames.map((name) =>
          varying.includes(name) ? Float64Array.from(rows, (r) => r[name]!) : undefined,
        )
        const scalars = model.inputNames.map((name) => rows[0]![name]!)
        const outputs = names.map(() => new Float64Array(rows.length))
        kernel(columns, scalars, outputs, 0, rows.length)
        rows.forEach((row, i) => {
          const effective = Object.fromEntries(
            model.inputNames.map((name) => [name, varying.includes(name) ? row[name]! : rows[0]![name]!]),
          )
          const expected = model.evaluate(effective) as Record<string, number>
          names.forEach((name, j) => {
            expect(sameNumber(outputs[j]![i]!, expected[name]!), `${model.id}.${name} row ${i}`).toBe(true)
          })
        })
      },
    ),
    { numRuns: Math.max(10, Math.floor(numRuns / 3)) },
  )

  if (smooth.length === 0) return
  // A flip of a boolean output (a branch taken) between x−h and x+h marks a kink; kinks inside
  // a numeric output show up as one-sided slopes that disagree.
  const kinkSensitive = model.outputs.filter((o) => o.type === 'boolean').map((o) => o.name)
  let compared = 0
  fc.assert(
    fc.property(inputs, fc.constantFrom(...smooth), (values, wrt) => {
      const { values: dualValues, derivatives } = model.derivative(values, wrt) as {
        values: Record<string, number>
        derivatives: Record<string, number>
      }
      const plain = model.evaluate(values) as Record<string, number>
      for (const name of names)
        expect(sameNumber(dualValues[name]!, plain[name]!), `${model.id}.${name} value`).toBe(true)
      const x = values[wrt]!
      const h = Math.abs(x) * step || step
      const up = model.evaluate({ ...values, [wrt]: x + h }) as Record<string, number>
      const down = model.evaluate({ ...values, [wrt]: x - h }) as Record<string, number>
      if (kinkSensitive.some((name) => !sameNumber(up[name]!, down[name]!))) return
      for (const name of differentiable) {
        const exact = derivatives[name]!
        const forward = (up[name]! - plain[name]!) / h
        const backward = (plain[name]! - down[name]!) / h
        const central = (up[name]! - down[name]!) / (2 * h)
        if (![exact, forward, backward].every(Number.isFinite)) continue
        const scale = Math.max(Math.abs(forward), Math.abs(backward), Math.abs(exact))
        // One-sided slopes that disagree: a max/min/select kink inside the output itself.
        // Rounding noise of the differences themselves: a few ulps of the value, divided by h.
        const noise = (Math.max(Math.abs(up[name]!), Math.abs(down[name]!)) * 1e-15) / h
        if (Math.abs(forward - backward) > tolerance * scale + 4 * noise) continue
        compared++
        expect(
          Math.abs(exact - central),
          `∂${model.id}.${name}/∂${wrt} = ${exact} vs ${central} at ${JSON.stringify(values)}`,
        ).toBeLessThanOrEqual(tolerance * scale + 4 * noise)
      }
    }),
    { numRuns },
  )
  // Not vacuous: some points were smooth enough to compare.
  expect(compared, `derivative comparisons made for '${model.id}'`).toBeGreaterThan(0)
}
