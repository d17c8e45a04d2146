/**
 * The CPU half of the WebGPU backend: turns what a chunk left on the device into the chunk's
 * exact partial reduction. Unsure rows are evaluated in f64 by the CPU kernel (every reduction
 * of theirs comes from there); top-k and Pareto candidates are re-evaluated in f64 and reduced
 * with the engine's exact top-k and front; counts and bins of sure rows come from the device.
 * The feasible rows in a metric heatmap's cells are candidates too: their f64 values give each
 * cell's finite count, min, max and exact sum (the device gives the cell's count).
 * The result is the CPU backend's, bit for bit, for everything but a full table's metric
 * columns (f32 values within their error bounds).
 */
import type { SweepChunkResult } from '../backend.js'
import {
  type ChunkFunction,
  type ChunkState,
  type CpuKernelSpec,
  createChunkState,
  partialOf,
  runChunk,
  type TableRows,
  tableRowsOf,
} from '../cpu-runtime.js'
import type { SweepPlan } from '../plan.js'
import {
  type HeatmapPartial,
  type HistogramPartial,
  mergeHeatmap,
  mergeHistogram,
  mergePareto,
  mergeTopK,
  type SweepPartial,
} from '../reductions.js'
import type { GpuKernelSpec } from './kernel.js'
import type { GpuChunkOutput } from './runner.js'

/** What refinement did, summed over a session. */
export interface RefineStats {
  /** Points evaluated on the device. */
  points: number
  /** Points within f32 rounding of a constraint boundary, bin edge or rounding step (evaluated in f64). */
  unsure: number
  /** Top-k and Pareto candidates re-evaluated in f64 (besides the heatmap points). */
  candidates: number
  /** Feasible points in the cells of metric heatmaps, evaluated in f64 for the per-cell min/max/mean. */
  heatmapPoints: number
  /** Chunks whose lists overflowed and that the CPU kernel evaluated whole. */
  cpuChunks: number
  /** Candidates the device called surely feasible that f64 found infeasible: 0 unless an error bound failed. */
  boundViolations: number
}

export function emptyRefineStats(): RefineStats {
  return { points: 0, unsure: 0, candidates: 0, heatmapPoints: 0, cpuChunks: 0, boundViolations: 0 }
}

/** Valid points of [start, end): the points of combinations the solver accepted. */
export function validPoints(plan: SweepPlan, start: number, end: number): number {
  const run = plan.runLength
  let valid = 0
  for (let c = Math.floor(start / run); c * run < end; c++) {
    if (plan.combinations.valid[c] !== 1) continue
    valid += Math.min(end, (c + 1) * run) - Math.max(start, c * run)
  }
  return valid
}

/** Runs the CPU kernel over sorted row offsets, one call per run of consecutive rows. */
function evaluateRows(chunk: ChunkFunction, state: ChunkState, start: number, offsets: Uint32Array): void {
  let i = 0
  while (i < offsets.length) {
    let j = i + 1
    while (j < offsets.length && offsets[j] === offsets[j - 1]! + 1) j++
    chunk(start + offsets[i]!, start + offsets[j - 1]! + 1, state)
    i = j
  }
}

export interface Refiner {
  readonly stats: RefineStats
  refine(start: number, output: GpuChunkOutput): SweepChunkResult
  /** The CPU kernel over the whole chunk (overflow, or the device is gone). */
  cpu(start: number, end: number): SweepChunkResult
}

export function createRefiner(
  plan: SweepPlan,
  spec: GpuKernelSpec,
  cpuSpec: CpuKernelSpec,
  chunk: ChunkFunction,
): Refiner {
  const layout = cpuSpec.layout
  const stats = emptyRefineStats()
  const k = plan.keep.topK
  const numericAxes = plan.axes.slice(plan.categoricalCount)
  const cpu = (start: number, end: number): SweepChunkResult => runChunk(chunk, layout, start, end)

  const tableOf = (start: number, output: GpuChunkOutput, cpuTable: TableRows): TableRows => {
    const table = plan.keep.table!
    const rows = output.rows!
    const stride = spec.rowWords
    const offset = spec.table!.offset
    const n = output.rowCount
    const index = new Float64Array(n)
    const meets = new Uint8Array(n)
    const kinds = layout.table!
    const columns = kinds.map((kind) =>
      kind === 'f64' ? new Float64Array(n) : kind === 'u32' ? new Uint32Array(n) : new Uint8Array(n),
    )
    const floats = new Float32Array(rows.buffer, rows.byteOffset, rows.length)
    const digits = plan.radix.digits(start) as number[]
    const radices = plan.radix.radices
    let u = 0
    let out = 0
    for (let r = 0; r < n; r++) {
      if (u < cpuTable.rows && cpuTable.index[u] === start + r) {
        index[out] = start + r
        meets[out] = cpuTable.meetsConstraints[u]!
        columns.forEach((col, j) => {
          col[out] = cpuTable.columns[j]![u]!
        })
        out++
        u++
      } else {
        const flags = rows[r * stride]! & 3
        if ((flags & 1) === 1 && (table.where === 'all' || flags === 3)) {
          index[out] = start + r
          meets[out] = flags === 3 ? 1 : 0
          let metric = 0
          table.columns.forEach((column, j) => {
            if (column.kind === 'axis') {
              const axis = plan.axes[column.axis]!
              columns[j]![out] =
                axis.kind === 'numeric' ? axis.numbers![digits[column.axis]!]! : digits[column.axis]!
            } else {
              const value = floats[r * stride + offset + metric++]!
              columns[j]![out] = column.type === 'boolean' ? (value !== 0 ? 1 : 0) : value
            }
          })
          out++
        }
      }
      // Next index: odometer over the digits.
      for (let a = radices.length - 1; a >= 0; a--) {
        if (++digits[a]! < radices[a]!) break
        digits[a] = 0
      }
    }
    void numericAxes
    return {
      rows: out,
      index: index.subarray(0, out),
      meetsConstraints: meets.subarray(0, out),
      columns: columns.map((c) => c.subarray(0, out)),
    }
  }

  return {
    stats,
    cpu(start, end) {
      return cpu(start, end)
    },
    refine(start, output) {
      const end = start + output.rowCount
      stats.points += output.rowCount
      if (output.unsureTotal > output.unsure.length || output.candidateTotal > output.candidates.length) {
        stats.cpuChunks++
        return cpu(start, end)
      }
      const unsure = Uint32Array.from(output.unsure).sort()
      const candidates = Uint32Array.from(output.candidates).sort()
      const heatmapPoints = output.head[spec.head.heatmapRows]!
      stats.unsure += unsure.length
      stats.candidates += candidates.length - heatmapPoints
      stats.heatmapPoints += heatmapPoints

      const unsureState = createChunkState(layout, unsure.length)
      evaluateRows(chunk, unsureState, start, unsure)
      const candidateState = createChunkState(layout, candidates.length)
      evaluateRows(chunk, candidateState, start, candidates)

      // Reductions of the f64 evaluations, through the CPU kernel's own conversion.
      const cpuPart = partialOf(unsureState, start, start, layout)
      const candidatePart = partialOf(candidateState, start, start, layout)
      stats.boundViolations += candidates.length - candidatePart.feasible
      const head = output.head
      const histograms: HistogramPartial[] = plan.keep.histograms.map((h, i) => {
        const at = spec.head.histograms[i]!
        const bins = h.binning.bins
        return mergeHistogram(
          {
            counts: Array.from({ length: bins }, (_, b) => head[at + b]!),
            under: head[at + bins]!,
            over: head[at + bins + 1]!,
            nan: head[at + bins + 2]!,
          },
          cpuPart.histograms[i]!,
        )
      })
      const heatmaps: HeatmapPartial[] = plan.keep.heatmaps.map((h, i) => {
        const at = spec.head.heatmaps[i]!
        const cells = h.x.bins * h.y.bins
        // Counts of sure rows from the device; with a metric, the values of the sure feasible
        // rows in its cells from their f64 evaluation (all of them are candidates).
        const values = h.metric ? candidatePart.heatmaps[i]! : undefined
        const devicePart: HeatmapPartial = {
          count: Array.from({ length: cells }, (_, c) => head[at + c]!),
          finite: values ? values.finite : new Array<number>(cells).fill(0),
          min: values ? values.min : new Array<number>(cells).fill(Number.POSITIVE_INFINITY),
          max: values ? values.max : new Array<number>(cells).fill(Number.NEGATIVE_INFINITY),
          sum: values ? values.sum : Array.from({ length: cells }, () => []),
          outside: head[at + cells]!,
        }
        return mergeHeatmap(devicePart, cpuPart.heatmaps[i]!)
      })
      const topK = cpuPart.topK.map((t, j) => mergeTopK(t, candidatePart.topK[j]!, k))
      const pareto =
        cpuPart.pareto && candidatePart.pareto
          ? mergePareto(cpuPart.pareto, candidatePart.pareto)
          : (cpuPart.pareto ?? candidatePart.pareto)
      const partial: SweepPartial = {
        ranges: output.rowCount > 0 ? [[start, end]] : [],
        points: output.rowCount,
        valid: validPoints(plan, start, end),
        feasible: output.feasible + cpuPart.feasible,
        topK,
        ...(pareto ? { pareto } : {}),
        histograms,
        heatmaps,
      }
      const table = plan.keep.table ? tableOf(start, output, tableRowsOf(unsureState)!) : undefined
      return { partial, ...(table ? { table } : {}) }
    },
  }
}
