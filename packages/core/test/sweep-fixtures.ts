/**
 * Test fixtures of the sweep engine: a small synthetic graph solver (categorical inputs that
 * bind, one that fails on purpose, a numeric input the solver binds, numeric inputs that are
 * columns, a fold, outputs that can be ±Infinity and NaN) and a brute-force reference of
 * every reduction, computed point by point with the scalar evaluator.
 */
import { quantity } from '@mlsysim/units'
import { z } from 'zod'
import { defineModel } from '../src/expr/model.js'
import { defineGraphSolver } from '../src/solver/define.js'
import { SolverInputError } from '../src/solver/errors.js'
import { numberField, quantityField } from '../src/solver/fields.js'
import { solvers } from '../src/solver/solve.js'
import { evaluateMetric } from '../src/sweep/metric-expr.js'
import { evaluatePoint, inputsOf, type PlanBinning, type SweepPlan } from '../src/sweep/plan.js'
import {
  canonicalExpansion,
  exactAdd,
  type ParetoPartial,
  type SweepPartial,
} from '../src/sweep/reductions.js'
import { emptyPartial, resultOf, type SweepResult } from '../src/sweep/result.js'

const model = defineModel('sweep-test', (b) => {
  const x = b.input('x', 'count', { symbol: 'x' })
  const n = b.input('n', 'count', { symbol: 'n' })
  const t = b.input('t', 'seconds', { symbol: 't' })
  const k = b.input('k', 'count', { symbol: 'k' })
  const s = b.input('s', 'count', { symbol: 's' })
  // Σ_{i=1..min(⌈n⌉, 8)} i·x
  const sum = b.fold({ init: 0, count: n, maxSteps: 8, body: (acc, i) => acc.add(i.mul(x)) })
  const y = b.let('y', x.mul(s).add(k), { symbol: 'y' })
  return {
    y,
    sum,
    time: t.mul(k).add(t.mul(x.abs())),
    ok: y.le(5),
    ratio: x.div(k),
    double: s.mul(2),
  }
})

export const SWEEP_TEST_MODES = ['fast', 'slow', 'zero', 'broken'] as const

/** A synthetic solver for sweep tests: `mode` and `flag` bind, `scale` is numeric but bound, x/n/t are columns. */
export const sweepTestSolver = defineGraphSolver({
  id: 'sweep-test',
  title: 'Sweep test solver',
  walls: [1],
  description: 'A synthetic model for the sweep engine tests.',
  input: z.strictObject({
    mode: z.enum(SWEEP_TEST_MODES).default('fast'),
    flag: z.boolean().default(false),
    scale: numberField({ min: 0 }).default(1),
    x: numberField().default(1),
    n: numberField({ min: 0 }).default(3),
    t: quantityField('seconds').default(quantity(1, 'seconds')),
  }),
  resultKeys: ['y', 'sum', 'time', 'ratio', 'double', 'feasible', 'bindingConstraint', 'constraintTrace'],
  model,
  numericInputs: ['x', 'n', 't'],
  bind(input) {
    if (input.mode === 'broken')
      throw new SolverInputError('sweep-test', [
        { field: 'mode', message: 'broken on purpose', value: 'broken' },
      ])
    return {
      k: input.mode === 'fast' ? 1 : input.mode === 'slow' ? 3 : 0,
      s: input.scale * (input.flag ? -1 : 1),
    }
  },
  finish(_input, o) {
    return { ...o, feasible: o.ok === 1, bindingConstraint: 'y', constraintTrace: [] }
  },
})

/** Adds the synthetic solver to the registry (once per test file's module graph). */
export function registerSweepTestSolver(): void {
  if (!solvers.has('sweep-test')) solvers.add(sweepTestSolver)
}

/** Brute-force Pareto front: distinct non-dominated vectors (minimized), lowest index, count of equal vectors. */
export function bruteFront(points: readonly { keys: number[]; index: number }[], d: number): ParetoPartial {
  const valid = points.filter(({ keys }) => !keys.some(Number.isNaN))
  const dominates = (a: number[], b: number[]) => a.every((x, k) => x <= b[k]!) && a.some((x, k) => x < b[k]!)
  const equal = (a: number[], b: number[]) => a.every((x, k) => x === b[k])
  const front = valid.filter(({ keys }) => !valid.some((q) => dominates(q.keys, keys)))
  const reps = front.filter(({ keys, index }) => !front.some((q) => equal(q.keys, keys) && q.index < index))
  reps.sort((a, b) => {
    for (let k = 0; k < d; k++) if (a.keys[k] !== b.keys[k]) return a.keys[k]! < b.keys[k]! ? -1 : 1
    return a.index - b.index
  })
  return {
    dimensions: d,
    keys: reps.map((r) => r.keys),
    indices: reps.map((r) => r.index),
    counts: reps.map((r) => front.filter((q) => equal(q.keys, r.keys)).length),
  }
}

function binOf(binning: PlanBinning, digits: readonly number[], value: () => number): number {
  if (binning.kind === 'axis') return digits[binning.axis]!
  const x = value()
  if (!(x >= binning.low && x <= binning.high)) return -1
  const f = binning.scale === 'log' ? Math.log : (v: number) => v
  const b = Math.floor((f(x) - f(binning.low)) * (binning.bins / (f(binning.high) - f(binning.low))))
  return Math.min(b, binning.bins - 1)
}

/**
 * Every reduction of [start, end), computed point by point with the scalar evaluator and
 * sorting/brute force: the reference the kernels and the shard merge are checked against.
 */
export function referencePartial(plan: SweepPlan, start = 0, end = plan.total): SweepPartial {
  const empty = emptyPartial(plan)
  const histograms = empty.histograms.map((h) => ({ ...h, counts: [...h.counts] }))
  const heatmaps = empty.heatmaps.map((h) => ({
    ...h,
    count: [...h.count],
    finite: [...h.finite],
    min: [...h.min],
    max: [...h.max],
    sum: h.sum.map(() => [] as number[]),
  }))
  const objectives = plan.objectives.map(() => [] as { key: number; index: number }[])
  const paretoPoints: { keys: number[]; index: number }[] = []
  let valid = 0
  let feasible = 0
  for (let index = start; index < end; index++) {
    const point = evaluatePoint(plan, index)
    if (!point.valid) continue
    valid++
    const inputs = inputsOf(plan, index)
    const lookup = (name: string) =>
      Object.hasOwn(point.metrics, name) ? point.metrics[name]! : inputs[name]!
    const value = (expr: Parameters<typeof evaluateMetric>[0]) => () => evaluateMetric(expr, lookup) as number
    const digits = plan.radix.digits(index) as number[]
    const count = (h: (typeof histograms)[number], binning: PlanBinning) => {
      const bin = binOf(binning, digits, binning.kind === 'metric' ? value(binning.expr) : () => 0)
      if (bin >= 0) h.counts[bin]!++
      else {
        const x = value((binning as { expr: Parameters<typeof evaluateMetric>[0] }).expr)()
        if (x < (binning as { low: number }).low) (h as { under: number }).under++
        else if (x > (binning as { high: number }).high) (h as { over: number }).over++
        else (h as { nan: number }).nan++
      }
    }
    plan.keep.histograms.forEach((h, j) => {
      if (h.where === 'all') count(histograms[j]!, h.binning)
    })
    if (!point.meetsConstraints) continue
    feasible++
    plan.objectives.forEach((o, j) => {
      const v = point.metrics[o.name] as number
      objectives[j]!.push({ key: o.sense === 'minimize' ? v : -v, index })
    })
    if (plan.keep.pareto) {
      paretoPoints.push({
        keys: plan.keep.pareto.map((j) => objectives[j]![objectives[j]!.length - 1]!.key),
        index,
      })
    }
    plan.keep.histograms.forEach((h, j) => {
      if (h.where === 'feasible') count(histograms[j]!, h.binning)
    })
    plan.keep.heatmaps.forEach((h, j) => {
      const cell = heatmaps[j]!
      const bx = binOf(h.x, digits, h.x.kind === 'metric' ? value(h.x.expr) : () => 0)
      const by = binOf(h.y, digits, h.y.kind === 'metric' ? value(h.y.expr) : () => 0)
      if (bx < 0 || by < 0) {
        ;(cell as { outside: number }).outside++
        return
      }
      const c = by * h.x.bins + bx
      cell.count[c]!++
      if (!h.metric) return
      const m = value(h.metric.expr)()
      if (!Number.isFinite(m)) return
      cell.finite[c]!++
      cell.min[c] = Math.min(cell.min[c]!, m)
      cell.max[c] = Math.max(cell.max[c]!, m)
      exactAdd(cell.sum[c]!, m)
    })
  }
  const topK = objectives.map((list) => {
    const best = list
      .filter((p) => !Number.isNaN(p.key))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
      .slice(0, plan.keep.topK)
    return { keys: best.map((p) => p.key), indices: best.map((p) => p.index) }
  })
  return {
    ranges: end > start ? [[start, end]] : [],
    points: end - start,
    valid,
    feasible,
    topK,
    ...(plan.keep.pareto ? { pareto: bruteFront(paretoPoints, plan.keep.pareto.length) } : {}),
    histograms,
    heatmaps: heatmaps.map((h) => ({
      ...h,
      sum: h.sum.map((parts) => (parts.length === 0 ? [] : canonicalExpansion(parts))),
    })),
  }
}

/** The reference result of a whole plan. */
export function referenceResult(plan: SweepPlan): SweepResult {
  return resultOf(plan, referencePartial(plan))
}
