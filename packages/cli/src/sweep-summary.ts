/**
 * What a sweep prints at the end. For scripts (--json), one object:
 * `{ backend, evaluated, feasible, seconds, rate, topK, pareto }` with `topK` keyed by
 * objective, each entry a kept point (`index`, `coordinates`, `metrics`: every result value,
 * SI base units). For people, the same as text: counts, then each objective's best points and
 * the Pareto front as tables with units.
 */
import type { SweepBins, SweepParetoPoint, SweepPlan, SweepPoint, SweepResult } from '@mlsysim/core'
import { type DimensionName, nameOfVector } from '@mlsysim/units'
import type { Context } from './io.js'
import { quantityText } from './numbers.js'
import { formatDuration, formatRate } from './progress.js'
import { renderTable } from './table.js'

/** How a result was produced: stored next to a shard's result so that a merge can report it. */
export interface SweepRunInfo {
  /** The backend that evaluated the points, e.g. "cpu (2 workers)"; a merge lists each once. */
  readonly backend: string
  /** Wall-clock seconds of the evaluation (a merge: the sum over its results). */
  readonly seconds: number
}

export interface SweepSummary {
  readonly backend: string
  /** Points evaluated (in this shard, or in all merged results). */
  readonly evaluated: number
  readonly feasible: number
  readonly seconds: number
  /** Points per second: evaluated / seconds. */
  readonly rate: number
  readonly topK: Readonly<Record<string, readonly SweepPoint[]>>
  readonly pareto: {
    readonly objectives: readonly string[]
    readonly points: readonly SweepParetoPoint[]
  } | null
}

export function summaryOf(result: SweepResult, run: SweepRunInfo): SweepSummary {
  const evaluated = result.counts.points
  return {
    backend: run.backend,
    evaluated,
    feasible: result.counts.feasible,
    seconds: run.seconds,
    rate: run.seconds > 0 ? evaluated / run.seconds : 0,
    topK: Object.fromEntries(result.topK.map((t) => [t.objective, t.points])),
    pareto: result.pareto ? { objectives: result.pareto.objectives, points: result.pareto.points } : null,
  }
}

/** Dimensions of the plan's metrics by name (model outputs, inputs, derived metrics). */
export function metricDimensions(plan: SweepPlan | undefined): Map<string, DimensionName | undefined> {
  const dims = new Map<string, DimensionName | undefined>()
  if (!plan) return dims
  for (const [name, metric] of plan.metrics) dims.set(name, metric.dim ? nameOfVector(metric.dim) : undefined)
  return dims
}

/** At most `limit` points, evenly spread over the list, first and last included. */
export function spread<T>(points: readonly T[], limit: number): T[] {
  if (points.length <= limit) return [...points]
  return Array.from({ length: limit }, (_, i) => points[Math.round((i * (points.length - 1)) / (limit - 1))]!)
}

const PARETO_ROWS = 20

function pointTable(
  points: readonly SweepPoint[],
  axes: readonly string[],
  metrics: readonly string[],
  dims: Map<string, DimensionName | undefined>,
  ctx: Context,
  rank: boolean,
): string {
  const columns = [
    ...(rank
      ? [{ header: '#', cell: (p: SweepPoint) => String(points.indexOf(p) + 1), align: 'right' as const }]
      : []),
    ...axes.map((axis) => ({
      header: axis,
      cell: (p: SweepPoint) => {
        const v = p.coordinates[axis]
        return typeof v === 'number' ? quantityText(v, undefined) : String(v ?? '')
      },
      align: 'left' as const,
    })),
    ...metrics.map((name) => ({
      header: name,
      cell: (p: SweepPoint) => {
        const v = p.metrics[name]
        return v === undefined ? '' : quantityText(v, dims.get(name))
      },
      align: 'right' as const,
    })),
  ]
  return renderTable(points, columns, ctx.out)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}

const BAR_WIDTH = 30
const n = (x: number) => x.toLocaleString('en-US')
/** "1 point", "2 points". */
const pointCount = (x: number) => `${n(x)} point${x === 1 ? '' : 's'}`

/** Labels of a histogram's (or heatmap side's) bins: axis values, or metric intervals with units. */
function binLabels(bins: SweepBins, dims: Map<string, DimensionName | undefined>): string[] {
  if (bins.kind === 'axis') return [...bins.labels]
  const unit = (v: number) => quantityText(v, dims.get(bins.of))
  return bins.edges.slice(0, -1).map((low, i) => `${unit(low)} – ${unit(bins.edges[i + 1]!)}`)
}

function renderHistograms(
  result: SweepResult,
  dims: Map<string, DimensionName | undefined>,
  ctx: Context,
): string[] {
  const lines: string[] = []
  for (const h of result.histograms) {
    const labels = binLabels(h.bins, dims)
    const scale = h.bins.kind === 'metric' ? `, ${h.bins.scale} bins` : ''
    lines.push(
      '',
      ctx.out.bold(
        `Histogram of ${h.bins.of} (${h.where === 'feasible' ? 'feasible points' : 'all points'}${scale})`,
      ),
    )
    const most = Math.max(1, ...h.counts)
    const width = Math.max(...labels.map((l) => l.length))
    const countWidth = Math.max(...h.counts.map((c) => n(c).length))
    h.counts.forEach((count, i) => {
      const bar = '█'.repeat(Math.round((count / most) * BAR_WIDTH))
      lines.push(`  ${labels[i]!.padStart(width)}  ${n(count).padStart(countWidth)}  ${bar}`)
    })
    const outside = [
      h.under > 0 ? `${n(h.under)} below` : '',
      h.over > 0 ? `${n(h.over)} above` : '',
      h.nan > 0 ? `${n(h.nan)} not a number` : '',
    ].filter(Boolean)
    if (outside.length > 0) lines.push(ctx.out.dim(`  outside the bins: ${outside.join(', ')}`))
  }
  return lines
}

/**
 * Which of a heatmap's per-cell statistics to print: the best value of the cell when the metric
 * is an objective (min for one minimized, max for one maximized), else the maximum.
 */
export function heatmapStatistic(result: SweepResult, metric: string): 'min' | 'max' {
  const objective = result.objectives.find((o) => o.name === metric || o.expression === metric)
  return objective?.sense === 'minimize' ? 'min' : 'max'
}

/** Heatmaps small enough for a terminal, as tables: feasible counts, or the metric's best (or largest) value. */
function renderHeatmaps(
  result: SweepResult,
  dims: Map<string, DimensionName | undefined>,
  ctx: Context,
): string[] {
  const lines: string[] = []
  for (const h of result.heatmaps) {
    const xs = binLabels(h.x, dims)
    const ys = binLabels(h.y, dims)
    const statistic = h.metric === undefined ? 'max' : heatmapStatistic(result, h.metric)
    const what = h.metric === undefined ? 'feasible points' : `${statistic} ${h.metric} over feasible points`
    lines.push('', ctx.out.bold(`Heatmap: ${what} by ${h.y.of} (rows) and ${h.x.of} (columns)`))
    if (xs.length > 12 || ys.length > 40) {
      lines.push(
        ctx.out.dim(`  ${ys.length} × ${xs.length} cells: too large to print; --out result.json keeps it`),
      )
      continue
    }
    const cell = (y: number, x: number): string => {
      if (h.metric === undefined) return n(h.count[y]![x]!)
      const v = h[statistic]?.[y]?.[x]
      return v === null || v === undefined ? '—' : quantityText(v, dims.get(h.metric))
    }
    const rows = ys.map((_, y) => y)
    const table = renderTable(
      rows,
      [
        { header: h.y.of, cell: (y: number) => ys[y]! },
        ...xs.map((label, x) => ({
          header: label,
          cell: (y: number) => cell(y, x),
          align: 'right' as const,
        })),
      ],
      ctx.out,
    )
    lines.push(...table.split('\n').map((line) => `  ${line}`))
  }
  return lines
}

/** The summary as text for people. */
export function renderSummary(
  result: SweepResult,
  summary: SweepSummary,
  plan: SweepPlan | undefined,
  ctx: Context,
): string {
  const { out } = ctx
  const dims = metricDimensions(plan)
  const title = result.space.name ?? `${result.solver} sweep`
  const lines: string[] = [out.bold(title)]
  const scope = result.shard
    ? ` (shard ${result.shard.index}/${result.shard.count} of ${n(result.total)})`
    : result.complete
      ? ''
      : ` (of ${n(result.total)}: these results do not cover the whole space)`
  lines.push(
    `${pointCount(summary.evaluated)}${scope} on ${summary.backend} in ${formatDuration(summary.seconds)} (${formatRate(summary.rate).replace('/s', ' points/s')})`,
  )
  const share =
    summary.evaluated > 0 ? ` (${((100 * summary.feasible) / summary.evaluated).toFixed(1)}%)` : ''
  const invalid = result.counts.invalid > 0 ? `, ${n(result.counts.invalid)} invalid` : ''
  lines.push(`${n(summary.feasible)} feasible${share}${invalid}`)
  if (result.invalidCombinations.count > 0) {
    const first = result.invalidCombinations.listed[0]
    if (first)
      lines.push(
        out.dim(`  invalid combinations: ${result.invalidCombinations.count}; first: ${first.message}`),
      )
  }
  lines.push(...renderHistograms(result, dims, ctx), ...renderHeatmaps(result, dims, ctx))
  const axes = result.axes.map((a) => a.key)
  const objectives = result.objectives.map((o) => o.name)
  for (const o of result.objectives) {
    const points = summary.topK[o.name] ?? []
    if (points.length === 0) continue
    lines.push('', out.bold(`Top ${points.length} by ${o.name} (${o.sense})`))
    lines.push(pointTable(points, axes, objectives, dims, ctx, true))
  }
  if (summary.pareto) {
    const { objectives: front, points } = summary.pareto
    const senses = front.map((name) => {
      const o = result.objectives.find((x) => x.name === name)
      return `${o?.sense ?? ''} ${name}`.trim()
    })
    const first = front[0]!
    const sign = result.objectives.find((x) => x.name === first)?.sense === 'maximize' ? -1 : 1
    const ordered = [...points].sort(
      (a, b) => sign * (Number(a.metrics[first] ?? 0) - Number(b.metrics[first] ?? 0)) || a.index - b.index,
    )
    const shown = spread(ordered, PARETO_ROWS)
    const note = shown.length < points.length ? `, ${shown.length} shown (--json lists all)` : ''
    lines.push('', out.bold(`Pareto front (${senses.join(', ')}): ${pointCount(points.length)}${note}`))
    if (points.length > 0) lines.push(pointTable(shown, axes, front, dims, ctx, false))
  }
  return lines.join('\n')
}
