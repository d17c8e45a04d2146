/**
 * What a sweep keeps, as plain JSON-able data: counts, top-k points per objective, the Pareto
 * front, histograms and heatmaps, plus the exact mergeable `reduction` behind them. A shard's
 * result and a whole run's result have the same shape; `mergeSweepResults` turns the results of
 * all shards into exactly (deeply equal, bit for bit) the result of one run over the space.
 *
 * Kept points are materialized (coordinates and every metric) in f64 by the scalar evaluator,
 * so a merge needs no solver, no catalog and no plan: only the results.
 */
import { evaluatePoint, type InvalidCombination, type PlanBinning, type SweepPlan } from './plan.js'
import { exactValue, mergePartials, type SweepPartial } from './reductions.js'
import type { SweepSpace } from './space.js'

export const SWEEP_RESULT_FORMAT = 'mlsysim.sweep-result'
export const SWEEP_RESULT_VERSION = 1

/** At most this many invalid combinations are listed (all are counted). */
export const MAX_LISTED_INVALID = 50

/** A kept point: where it is in the space and everything the model says about it. */
export interface SweepPoint {
  readonly index: number
  /** Label (categorical axes) or value (numeric axes) of each axis. */
  readonly coordinates: Readonly<Record<string, string | number>>
  /** Every model output, derived metric and objective at this point (booleans as true/false). */
  readonly metrics: Readonly<Record<string, number | boolean>>
}

export interface SweepParetoPoint extends SweepPoint {
  /** Points sharing exactly these objective values (this one has the lowest index). */
  readonly count: number
}

/** Bins of one histogram side: axis values (labels) or metric intervals (edges, bins + 1 of them). */
export type SweepBins =
  | { readonly kind: 'axis'; readonly of: string; readonly labels: readonly string[] }
  | {
      readonly kind: 'metric'
      readonly of: string
      readonly scale: 'linear' | 'log'
      readonly edges: readonly number[]
    }

export interface SweepHistogram {
  readonly bins: SweepBins
  readonly where: 'feasible' | 'all'
  readonly counts: readonly number[]
  readonly under: number
  readonly over: number
  readonly nan: number
}

export interface SweepHeatmap {
  readonly x: SweepBins
  readonly y: SweepBins
  readonly metric?: string
  /** [y][x]: feasible points per cell. */
  readonly count: readonly (readonly number[])[]
  /** [y][x] over the cell's finite metric values; null where there are none. */
  readonly min?: readonly (readonly (number | null)[])[]
  readonly max?: readonly (readonly (number | null)[])[]
  readonly mean?: readonly (readonly (number | null)[])[]
  /** Feasible points outside the bins (a metric side out of range or NaN). */
  readonly outside: number
}

export interface SweepObjectiveInfo {
  readonly name: string
  readonly sense: 'minimize' | 'maximize'
  readonly expression: string
}

export interface SweepResult {
  readonly format: typeof SWEEP_RESULT_FORMAT
  readonly version: typeof SWEEP_RESULT_VERSION
  /** Equal for results of the same space (and catalog selections); only those merge. */
  readonly fingerprint: string
  readonly solver: string
  readonly space: SweepSpace
  /** Points in the whole space. */
  readonly total: number
  readonly axes: readonly {
    readonly key: string
    readonly kind: 'categorical' | 'numeric'
    readonly size: number
    readonly labels?: readonly string[]
  }[]
  /** Present on a shard's result; absent on a whole run and on merged results. */
  readonly shard?: { readonly index: number; readonly count: number }
  /** Whether `reduction.ranges` covers the whole space. */
  readonly complete: boolean
  readonly counts: {
    readonly points: number
    readonly valid: number
    readonly invalid: number
    readonly feasible: number
  }
  /** Categorical combinations the solver rejected (their points are invalid), the first few listed. */
  readonly invalidCombinations: { readonly count: number; readonly listed: readonly InvalidCombination[] }
  readonly objectives: readonly SweepObjectiveInfo[]
  readonly topK: readonly { readonly objective: string; readonly points: readonly SweepPoint[] }[]
  readonly pareto?: { readonly objectives: readonly string[]; readonly points: readonly SweepParetoPoint[] }
  readonly histograms: readonly SweepHistogram[]
  readonly heatmaps: readonly SweepHeatmap[]
  /** The exact, mergeable state behind every view above. */
  readonly reduction: SweepPartial
}

/** What a result needs besides its reduction and its points: the same in every shard. */
type ResultBase = Omit<
  SweepResult,
  'complete' | 'counts' | 'topK' | 'pareto' | 'histograms' | 'heatmaps' | 'reduction' | 'shard'
> & {
  readonly topK: number
  readonly paretoObjectives?: readonly string[]
  readonly histogramBins: readonly { readonly bins: SweepBins; readonly where: 'feasible' | 'all' }[]
  readonly heatmapBins: readonly { readonly x: SweepBins; readonly y: SweepBins; readonly metric?: string }[]
}

function binsOf(b: PlanBinning): SweepBins {
  if (b.kind === 'axis') return { kind: 'axis', of: b.name, labels: b.labels }
  const edges = Array.from({ length: b.bins + 1 }, (_, k) => {
    if (k === 0) return b.low
    if (k === b.bins) return b.high
    if (b.scale === 'log')
      return Math.exp(Math.log(b.low) + ((Math.log(b.high) - Math.log(b.low)) * k) / b.bins)
    return b.low + ((b.high - b.low) * k) / b.bins
  })
  return { kind: 'metric', of: b.name, scale: b.scale, edges }
}

function baseOf(plan: SweepPlan): ResultBase {
  const invalid = plan.combinations.invalid
  return {
    format: SWEEP_RESULT_FORMAT,
    version: SWEEP_RESULT_VERSION,
    fingerprint: plan.fingerprint,
    solver: plan.solver.id,
    space: plan.space,
    total: plan.total,
    axes: plan.axes.map((a) => ({
      key: a.key,
      kind: a.kind,
      size: a.size,
      ...(a.kind === 'categorical' ? { labels: a.labels } : {}),
    })),
    invalidCombinations: { count: invalid.length, listed: invalid.slice(0, MAX_LISTED_INVALID) },
    objectives: plan.objectives.map((o) => ({ name: o.name, sense: o.sense, expression: o.source })),
    topK: plan.keep.topK,
    ...(plan.keep.pareto ? { paretoObjectives: plan.keep.pareto.map((j) => plan.objectives[j]!.name) } : {}),
    histogramBins: plan.keep.histograms.map((h) => ({ bins: binsOf(h.binning), where: h.where })),
    heatmapBins: plan.keep.heatmaps.map((h) => ({
      x: binsOf(h.x),
      y: binsOf(h.y),
      ...(h.metric ? { metric: h.metric.source } : {}),
    })),
  }
}

function grid<T>(
  flat: readonly T[],
  width: number,
  map: (v: T, i: number) => T | null = (v) => v,
): (T | null)[][] {
  const rows: (T | null)[][] = []
  for (let y = 0; y * width < flat.length; y++)
    rows.push(flat.slice(y * width, (y + 1) * width).map((v, x) => map(v, y * width + x)))
  return rows
}

function assemble(
  base: ResultBase,
  reduction: SweepPartial,
  point: (index: number) => SweepPoint,
  shard?: { index: number; count: number },
): SweepResult {
  const { topK: _k, paretoObjectives, histogramBins, heatmapBins, ...meta } = base
  const complete =
    reduction.ranges.length === 1 && reduction.ranges[0]![0] === 0 && reduction.ranges[0]![1] === base.total
  const pareto = reduction.pareto
  return {
    ...meta,
    ...(shard ? { shard } : {}),
    complete: complete || (base.total === 0 && reduction.ranges.length === 0),
    counts: {
      points: reduction.points,
      valid: reduction.valid,
      invalid: reduction.points - reduction.valid,
      feasible: reduction.feasible,
    },
    topK: base.objectives.map((o, j) => ({
      objective: o.name,
      points: (reduction.topK[j]?.indices ?? []).map(point),
    })),
    ...(pareto && paretoObjectives
      ? {
          pareto: {
            objectives: paretoObjectives,
            points: pareto.indices.map((index, i) => ({ ...point(index), count: pareto.counts[i]! })),
          },
        }
      : {}),
    histograms: histogramBins.map((h, i) => {
      const r = reduction.histograms[i]!
      return { bins: h.bins, where: h.where, counts: r.counts, under: r.under, over: r.over, nan: r.nan }
    }),
    heatmaps: heatmapBins.map((h, i) => {
      const r = reduction.heatmaps[i]!
      const width = h.x.kind === 'axis' ? h.x.labels.length : h.x.edges.length - 1
      const finiteOr = (v: number, cell: number) => (r.finite[cell]! > 0 ? v : null)
      return {
        x: h.x,
        y: h.y,
        ...(h.metric !== undefined ? { metric: h.metric } : {}),
        count: grid(r.count, width) as number[][],
        ...(h.metric !== undefined
          ? {
              min: grid(r.min, width, finiteOr),
              max: grid(r.max, width, finiteOr),
              mean: grid(
                r.sum.map((parts, cell) => exactValue(parts) / r.finite[cell]!),
                width,
                finiteOr,
              ),
            }
          : {}),
        outside: r.outside,
      }
    }),
    reduction,
  }
}

/** Materializes kept points (coordinates and metrics, f64) from a plan. */
export function materializePoint(plan: SweepPlan, index: number): SweepPoint {
  const p = evaluatePoint(plan, index)
  return { index, coordinates: p.coordinates, metrics: p.metrics }
}

/** The result of a plan's reduction (a whole run, or a shard when `shard` is given). */
export function resultOf(
  plan: SweepPlan,
  reduction: SweepPartial,
  shard?: { index: number; count: number },
): SweepResult {
  const cache = new Map<number, SweepPoint>()
  const point = (index: number) => {
    let p = cache.get(index)
    if (!p) {
      p = materializePoint(plan, index)
      cache.set(index, p)
    }
    return p
  }
  return assemble(baseOf(plan), reduction, point, shard)
}

/** An empty reduction of a plan (no ranges). */
export function emptyPartial(plan: SweepPlan): SweepPartial {
  const d = plan.keep.pareto?.length
  return {
    ranges: [],
    points: 0,
    valid: 0,
    feasible: 0,
    topK: plan.objectives.map(() => ({ keys: [], indices: [] })),
    ...(d ? { pareto: { dimensions: d, keys: [], indices: [], counts: [] } } : {}),
    histograms: plan.keep.histograms.map((h) => ({
      counts: new Array<number>(h.binning.bins).fill(0),
      under: 0,
      over: 0,
      nan: 0,
    })),
    heatmaps: plan.keep.heatmaps.map((h) => {
      const cells = h.x.bins * h.y.bins
      return {
        count: new Array<number>(cells).fill(0),
        finite: new Array<number>(cells).fill(0),
        min: new Array<number>(cells).fill(Number.POSITIVE_INFINITY),
        max: new Array<number>(cells).fill(Number.NEGATIVE_INFINITY),
        sum: Array.from({ length: cells }, () => []),
        outside: 0,
      }
    }),
  }
}

export class SweepMergeError extends Error {
  override readonly name = 'SweepMergeError'
}

export interface MergeOptions {
  /** What to call each result in messages (file names); default "result 0", "result 1", … */
  readonly names?: readonly string[]
}

/**
 * Merges results of the same space (shards, or any disjoint slices) into one. Merging the
 * results of all n shards gives exactly the result of one run over the whole space.
 */
export function mergeSweepResults(results: readonly SweepResult[], options: MergeOptions = {}): SweepResult {
  if (results.length === 0) throw new SweepMergeError('nothing to merge: pass at least one result')
  const name = (i: number) => options.names?.[i] ?? `result ${i}`
  const first = results[0]!
  results.forEach((r, i) => {
    if (r.format !== SWEEP_RESULT_FORMAT || r.version !== SWEEP_RESULT_VERSION) {
      throw new SweepMergeError(
        `${name(i)} is not a ${SWEEP_RESULT_FORMAT} v${SWEEP_RESULT_VERSION} (format ${String(r.format)}, version ${String(r.version)})`,
      )
    }
    if (r.fingerprint !== first.fingerprint) {
      throw new SweepMergeError(
        `${name(i)} is of another space than ${name(0)} (fingerprint ${r.fingerprint}, not ${first.fingerprint}): shards merge only when the space and the catalogs they select from are the same`,
      )
    }
  })
  // Which results cover an index twice (the same shard passed twice, shards of different counts).
  const spans = results
    .flatMap((r, i) => r.reduction.ranges.map(([start, end]) => ({ start, end, i })))
    .sort((a, b) => a.start - b.start || a.end - b.end)
  for (let j = 1; j < spans.length; j++) {
    const a = spans[j - 1]!
    const b = spans[j]!
    if (b.start < a.end) {
      const where = `[${b.start}, ${Math.min(a.end, b.end)})`
      throw new SweepMergeError(
        a.i === b.i
          ? `${name(a.i)} covers the indices ${where} twice`
          : `${name(a.i)} and ${name(b.i)} overlap: both cover the indices ${where}; each index may be in one result only (the same shard twice, or shards of different counts?)`,
      )
    }
  }
  const k = Math.max(
    0,
    ...results.flatMap((r) => r.topK.map((t) => t.points.length)),
    (first.space.keep as { topK?: number }).topK ?? 0,
  )
  const ordered = [...results].sort(
    (a, b) => (a.reduction.ranges[0]?.[0] ?? 0) - (b.reduction.ranges[0]?.[0] ?? 0),
  )
  let reduction = ordered[0]!.reduction
  for (const r of ordered.slice(1)) reduction = mergePartials(reduction, r.reduction, k)
  const points = new Map<number, SweepPoint>()
  for (const r of results) {
    for (const t of r.topK) for (const p of t.points) points.set(p.index, p)
    for (const p of r.pareto?.points ?? []) {
      const { count: _count, ...plain } = p
      points.set(p.index, plain)
    }
  }
  const point = (index: number) => {
    const p = points.get(index)
    if (!p) throw new SweepMergeError(`point ${index} is kept by the merge but by none of the results`)
    return p
  }
  const base: ResultBase = {
    format: first.format,
    version: first.version,
    fingerprint: first.fingerprint,
    solver: first.solver,
    space: first.space,
    total: first.total,
    axes: first.axes,
    invalidCombinations: first.invalidCombinations,
    objectives: first.objectives,
    topK: k,
    ...(first.pareto ? { paretoObjectives: first.pareto.objectives } : {}),
    histogramBins: first.histograms.map((h) => ({ bins: h.bins, where: h.where })),
    heatmapBins: first.heatmaps.map((h) => ({
      x: h.x,
      y: h.y,
      ...(h.metric !== undefined ? { metric: h.metric } : {}),
    })),
  }
  return assemble(base, reduction, point)
}

const FLOAT = '$float'

/** JSON text of a result; non-finite numbers and −0 survive (as {"$float": "NaN"} etc.). */
export function serializeSweepResult(result: SweepResult, space?: string | number): string {
  return JSON.stringify(
    result,
    (_key, value) => {
      if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))
        return { [FLOAT]: Object.is(value, -0) ? '-0' : String(value) }
      return value
    },
    space,
  )
}

/** Reads a result written by `serializeSweepResult`. */
export function parseSweepResult(text: string): SweepResult {
  const value = JSON.parse(text, (_key, v) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      if (keys.length === 1 && keys[0] === FLOAT) return Number((v as Record<string, string>)[FLOAT])
    }
    return v
  }) as SweepResult
  if (value === null || typeof value !== 'object' || value.format !== SWEEP_RESULT_FORMAT) {
    throw new SweepMergeError(`not a sweep result: expected "format": "${SWEEP_RESULT_FORMAT}"`)
  }
  return value
}
