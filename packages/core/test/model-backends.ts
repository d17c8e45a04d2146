/**
 * Backend agreement for any model: the compiled scalar kernel against the interpreter, the
 * columnar kernel (for a random choice of varying inputs) against the scalar kernel, and
 * forward-mode derivatives against central finite differences — on random inputs.
 *
 * Finite differences are only compared where the function is smooth around the point: if
 * the one-sided slopes on either side disagree, a max/min/select/ceil kink lies within h and
 * the point is skipped for that output. The number of comparisons made is returned, so a
 * caller can assert that the check was not vacuous.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import type { Model } from '../src/expr/model.js'

export type Inputs = Record<string, number>

export interface BackendCheckOptions {
  /** Inputs to differentiate with respect to (continuous ones). */
  readonly smooth: readonly string[]
  /** Outputs whose derivatives are compared (default: every numeric output). */
  readonly outputs?: readonly string[]
  readonly numRuns?: number
}

/** Smallest positive normal double, 2^−1022. */
const MIN_NORMAL = 2 ** -1022

function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b) || a === b
}

export function checkScalarAgainstInterpreter(model: Model, arb: fc.Arbitrary<Inputs>, numRuns = 100): void {
  fc.assert(
    fc.property(arb, (inputs) => {
      const compiled = model.evaluate(inputs)
      const reference = model.interpret(inputs)
      for (const name of model.outputNames) {
        const a = compiled[name]!
        const b = reference[name]!
        expect(
          sameNumber(a, b) || (Number.isNaN(a) && Number.isNaN(b)),
          `${model.id}.${name}: ${a} vs ${b}`,
        ).toBe(true)
      }
    }),
    { numRuns },
  )
}

export function checkColumnarAgainstScalar(model: Model, arb: fc.Arbitrary<Inputs>, numRuns = 40): void {
  fc.assert(
    fc.property(
      fc.array(arb, { minLength: 1, maxLength: 12 }),
      fc.subarray([...model.inputNames]),
      (rows, varying) => {
        const kernel = model.columnar(varying)
        const names = model.inputNames
        const columns = names.map((name) =>
          varying.includes(name) ? Float64Array.from(rows, (r) => r[name]!) : undefined,
        )
        const scalars = names.map((name) => rows[0]![name]!)
        const outputs = model.outputNames.map(() => new Float64Array(rows.length))
        kernel(columns, scalars, outputs, 0, rows.length)
        rows.forEach((row, i) => {
          const effective = Object.fromEntries(
            names.map((name, j) => [name, varying.includes(name) ? row[name]! : scalars[j]!]),
          )
          const expected = model.evaluate(effective)
          model.outputNames.forEach((name, j) => {
            const a = outputs[j]![i]!
            const b = expected[name]!
            expect(
              sameNumber(a, b) || (Number.isNaN(a) && Number.isNaN(b)),
              `${model.id}.${name} row ${i}`,
            ).toBe(true)
          })
        })
      },
    ),
    { numRuns },
  )
}

/** Unit roundoff of doubles, 2^−53. */
const UNIT_ROUNDOFF = 2 ** -53
/** Roundings per input, generously: a model's outputs pass through tens of operations. */
const ROUNDINGS = 64

/**
 * How much rounding moves each output at a point, to first order: the change that a relative
 * rounding of every input (by the unit roundoff, times the operations each passes through)
 * would make, Σᵢ |xᵢ·∂f/∂xᵢ|·u·k. It is large exactly where the output is ill-conditioned —
 * `1 − mean/allocated` with mean ≈ allocated moves by one ulp of 1, whatever its own size —
 * and a finite difference cannot resolve a slope below that noise divided by its step.
 */
function roundingNoise(model: Model, inputs: Inputs, outputs: readonly string[]): Record<string, number> {
  const noise: Record<string, number> = Object.fromEntries(outputs.map((name) => [name, 0]))
  for (const input of model.inputNames) {
    const x = inputs[input]!
    if (x === 0) continue
    const { derivatives } = model.derivative(inputs, input)
    for (const name of outputs) {
      const term = Math.abs(x * derivatives[name]!)
      // An infinite or undefined sensitivity: no finite-difference oracle at this point.
      noise[name]! += Number.isFinite(term) ? term * UNIT_ROUNDOFF * ROUNDINGS : Number.POSITIVE_INFINITY
    }
  }
  return noise
}

/** Compares derivatives with finite differences; returns how many (point, input, output) triples were compared. */
export function checkDerivatives(
  model: Model,
  arb: fc.Arbitrary<Inputs>,
  options: BackendCheckOptions,
): number {
  const numeric = model.outputs.filter((o) => o.type === 'number').map((o) => o.name)
  const outputs = options.outputs ?? numeric
  const branches = model.outputs.filter((o) => o.type === 'boolean').map((o) => o.name)
  let compared = 0
  fc.assert(
    fc.property(arb, fc.constantFrom(...options.smooth), (inputs, wrt) => {
      const { values, derivatives } = model.derivative(inputs, wrt)
      const base = model.evaluate(inputs)
      for (const name of model.outputNames) {
        const a = values[name]!
        const b = base[name]!
        expect(sameNumber(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `${model.id}.${name} value`).toBe(
          true,
        )
      }
      const x = inputs[wrt]!
      // A relative step of 1e-5 keeps rounding noise (cancellation in 1 − a/b and the like,
      // about one ulp of the intermediates) at ~1e-11 of the slope; the one-sided-slope test
      // below skips the points where that step is too coarse for the curvature.
      const h = Math.max(Math.abs(x) * 1e-5, 1e-12)
      const up = model.evaluate({ ...inputs, [wrt]: x + h })
      const down = model.evaluate({ ...inputs, [wrt]: x - h })
      // A branch taken differently on either side (a boolean output flips) marks a kink.
      if (branches.some((name) => !sameNumber(up[name]!, down[name]!))) return
      const rounding = roundingNoise(model, inputs, outputs)
      for (const name of outputs) {
        const f0 = base[name]!
        const fUp = up[name]!
        const fDown = down[name]!
        const d = derivatives[name]!
        if (![f0, fUp, fDown, d].every(Number.isFinite)) continue
        // Subnormal values (e.g. p·e^{−700}) have lost their significant digits: a finite
        // difference of them says nothing about the derivative, so they are no oracle.
        if ([f0, fUp, fDown].some((f) => f !== 0 && Math.abs(f) < MIN_NORMAL)) continue
        const right = (fUp - f0) / h
        const left = (f0 - fDown) / h
        if (!Number.isFinite(rounding[name]!)) continue
        const noise = (1e-9 * Math.max(Math.abs(f0), Math.abs(fUp), Math.abs(fDown)) + rounding[name]!) / h
        // Where a kink lies within h, the central difference is off from the derivative by
        // half the gap between the one-sided slopes; skipping gaps above 5e-5 keeps that
        // error inside the 1e-4 tolerance, so a kink near the edge of the step cannot fail.
        if (Math.abs(right - left) > 5e-5 * Math.max(Math.abs(right), Math.abs(left)) + noise) continue
        const numeric = (fUp - fDown) / (2 * h)
        if (!Number.isFinite(numeric)) continue
        const tolerance = 1e-4 * Math.max(Math.abs(d), Math.abs(numeric)) + noise
        expect(
          Math.abs(d - numeric),
          `${model.id}: ∂${name}/∂${wrt} = ${d}, finite difference ${numeric}`,
        ).toBeLessThanOrEqual(tolerance)
        compared++
      }
    }),
    { numRuns: options.numRuns ?? 150 },
  )
  return compared
}

/** All three checks; returns the number of derivative comparisons made. */
export function checkBackends(model: Model, arb: fc.Arbitrary<Inputs>, options: BackendCheckOptions): number {
  checkScalarAgainstInterpreter(model, arb)
  checkColumnarAgainstScalar(model, arb)
  return checkDerivatives(model, arb, options)
}

/** Positive doubles in [min, max], log-uniform so that every decade is exercised. */
export function positive(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .double({ min: Math.log(min), max: Math.log(max), noNaN: true })
    .map((l) => Math.min(max, Math.max(min, Math.exp(l))))
}

/** A fixed value (a catalog constant that is not worth varying). */
export function fixed(value: number): fc.Arbitrary<number> {
  return fc.constant(value)
}

export type InputArbitraries = Readonly<Record<string, fc.Arbitrary<number>>>

export interface AgreementOptions {
  /** Inputs to differentiate by (smooth, continuous inputs). */
  readonly smooth: readonly string[]
  /** Outputs whose derivatives are compared (numeric, smooth between kinks). */
  readonly differentiable: readonly string[]
  readonly numRuns?: number
}

/** All three checks on inputs drawn per input name; asserts every input has an arbitrary and that derivatives were compared. */
export function expectBackendsAgree(
  model: Model,
  arbitraries: InputArbitraries,
  options: AgreementOptions,
): void {
  const missing = model.inputNames.filter((name) => !(name in arbitraries))
  expect(missing, `arbitraries for every input of '${model.id}'`).toEqual([])
  const compared = checkBackends(model, fc.record(arbitraries as Record<string, fc.Arbitrary<number>>), {
    smooth: options.smooth,
    outputs: options.differentiable,
    numRuns: options.numRuns ?? 60,
  })
  if (options.smooth.length > 0) {
    expect(compared, `derivative comparisons made for '${model.id}'`).toBeGreaterThan(0)
  }
}
