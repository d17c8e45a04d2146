/**
 * The baseline every sweep figure is compared with: a user's own loop calling `solve()` once
 * per configuration (validation, catalog lookup, equations, result object). Timed on points
 * spread evenly over the space; runs in Node and in the Chromium page alike.
 */
import { coordinatesOf, type SweepPlan, type SweepSpaceInput, solve } from '../src/index.js'
import { literal } from './measure.js'

/** Indices of up to `size` valid points (their combination accepted by the solver), evenly spread. */
export function samplePoints(plan: SweepPlan, size: number): number[] {
  const stride = Math.max(1, Math.floor(plan.total / size))
  const sample: number[] = []
  for (let i = 0; i < plan.total && sample.length < size; i += stride) {
    if (plan.combinations.valid[coordinatesOf(plan, i).combination] === 1) sample.push(i)
  }
  return sample
}

/** A point's solver input as a caller writes it: the fixed inputs and each axis's value (ids, numbers). */
export function solverInput(space: SweepSpaceInput, plan: SweepPlan, index: number): Record<string, unknown> {
  const { digits } = coordinatesOf(plan, index)
  const input: Record<string, unknown> = { ...space.fixed }
  plan.axes.forEach((axis, k) => {
    input[axis.key] = axis.values[digits[k]!]
  })
  return literal(input)
}

/** solve() calls per second over up to `sampleSize` valid points of the plan (best of 3 passes). */
export function scalarLoopRate(space: SweepSpaceInput, plan: SweepPlan, sampleSize = 20_000): number {
  const inputs = samplePoints(plan, sampleSize).map((index) => solverInput(space, plan, index))
  let best = 0
  for (let round = 0; round < 3; round++) {
    const start = performance.now()
    let feasible = 0
    for (const input of inputs) {
      if ((solve(space.solver, input) as { feasible: boolean }).feasible) feasible++
    }
    const seconds = (performance.now() - start) / 1000
    // `feasible` keeps the loop's work observable, so no engine can drop it.
    if (feasible > inputs.length) throw new Error('unreachable')
    best = Math.max(best, inputs.length / seconds)
  }
  return best
}
