/**
 * The baseline every sweep figure is compared with: a user's own loop calling `solve()` once
 * per configuration (validation, catalog lookup, equations, result object). Timed on points
 * spread evenly over the space; runs in Node and in the Chromium page alike.
 */
import { coordinatesOf, type SweepPlan, type SweepSpaceInput, solve } from '../src/index.js'

/** solve() calls per second over up to `sampleSize` valid points of the plan (best of 3 rounds). */
export function scalarLoopRate(space: SweepSpaceInput, plan: SweepPlan, sampleSize = 20_000): number {
  const stride = Math.max(1, Math.floor(plan.total / sampleSize))
  const inputs: Record<string, unknown>[] = []
  for (let i = 0; i < plan.total && inputs.length < sampleSize; i += stride) {
    const { combination, digits } = coordinatesOf(plan, i)
    if (plan.combinations.valid[combination] !== 1) continue
    // What the solver receives on each axis (catalog ids, numbers), as a caller would write it.
    const input: Record<string, unknown> = { ...space.fixed }
    plan.axes.forEach((axis, k) => {
      input[axis.key] = axis.values[digits[k]!]
    })
    inputs.push(JSON.parse(JSON.stringify(input)))
  }
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
