/**
 * The runtime half of the CPU kernel: compiling a kernel's source into its chunk function,
 * the reduction state a chunk fills, and turning that state into a partial result. It imports
 * nothing outside the sweep reductions, so worker threads and Web Workers load it alone.
 */
import {
  ExactCells,
  exactAdd,
  type HeatmapPartial,
  type HistogramPartial,
  heapOffer,
  heapPush,
  heapReplace,
  heapToPartial,
  ParetoFront,
  type SweepPartial,
} from './reductions.js'

/** The arrays a kernel reads. */
export interface KernelTables {
  /** combinations × width model inputs, row-major. */
  readonly combos: Float64Array
  readonly valid: Uint8Array
  readonly constants: Float64Array
  /** Numeric axes' values, in radix order. */
  readonly axes: readonly Float64Array[]
  /** Per categorical axis, each combination's coordinate. */
  readonly comboCoordinates: readonly Uint32Array[]
}

/** Sizes of the reduction state a kernel writes. */
export interface KernelLayout {
  readonly objectives: number
  readonly topK: number
  /** 0 (no front), 2 or 3 objectives. */
  readonly pareto: number
  readonly histograms: readonly { readonly bins: number }[]
  readonly heatmaps: readonly { readonly cells: number }[]
  /** Column storage of the table (absent: no table). */
  readonly table?: readonly ('f64' | 'u32' | 'u8')[]
}

/** A compiled-to-source kernel: what crosses to a worker. */
export interface CpuKernelSpec {
  readonly source: string
  readonly tables: KernelTables
  readonly layout: KernelLayout
}

/** Rows of the full table for one chunk (columns in the plan's table order). */
export interface TableRows {
  readonly rows: number
  readonly index: Float64Array
  readonly meetsConstraints: Uint8Array
  readonly columns: readonly (Float64Array | Uint32Array | Uint8Array)[]
}

/** The state one kernel call fills. */
export interface ChunkState {
  top: { keys: Float64Array; idx: Float64Array; size: number }[]
  front: ParetoFront | null
  hist: { counts: Float64Array; under: number; over: number; nan: number }[]
  heat: {
    count: Float64Array
    finite: Float64Array
    min: Float64Array
    max: Float64Array
    sum: ExactCells
    outside: number
  }[]
  table: {
    index: Float64Array
    meets: Uint8Array
    cols: (Float64Array | Uint32Array | Uint8Array)[]
    rows: number
  } | null
  skipped: number
  feasible: number
}

const RUNTIME = Object.freeze({ heapOffer, heapPush, heapReplace, exactAdd })

/** Fresh reduction state for a chunk of `length` points. */
export function createChunkState(layout: KernelLayout, length: number): ChunkState {
  const k = layout.topK
  return {
    top: Array.from({ length: k > 0 ? layout.objectives : 0 }, () => ({
      keys: new Float64Array(k),
      idx: new Float64Array(k),
      size: 0,
    })),
    front: layout.pareto > 0 ? new ParetoFront(layout.pareto) : null,
    hist: layout.histograms.map((h) => ({ counts: new Float64Array(h.bins), under: 0, over: 0, nan: 0 })),
    heat: layout.heatmaps.map((h) => ({
      count: new Float64Array(h.cells),
      finite: new Float64Array(h.cells),
      min: new Float64Array(h.cells).fill(Number.POSITIVE_INFINITY),
      max: new Float64Array(h.cells).fill(Number.NEGATIVE_INFINITY),
      sum: new ExactCells(h.cells),
      outside: 0,
    })),
    table: layout.table
      ? {
          index: new Float64Array(length),
          meets: new Uint8Array(length),
          cols: layout.table.map((t) =>
            t === 'f64'
              ? new Float64Array(length)
              : t === 'u32'
                ? new Uint32Array(length)
                : new Uint8Array(length),
          ),
          rows: 0,
        }
      : null,
    skipped: 0,
    feasible: 0,
  }
}

/** The partial result held in a chunk's state. */
export function partialOf(state: ChunkState, start: number, end: number, layout: KernelLayout): SweepPartial {
  const points = end - start
  const histograms: HistogramPartial[] = state.hist.map((h) => ({
    counts: Array.from(h.counts),
    under: h.under,
    over: h.over,
    nan: h.nan,
  }))
  const heatmaps: HeatmapPartial[] = state.heat.map((h) => ({
    count: Array.from(h.count),
    finite: Array.from(h.finite),
    min: Array.from(h.min),
    max: Array.from(h.max),
    sum: Array.from({ length: h.sum.cells }, (_, cell) => h.sum.canonical(cell)),
    outside: h.outside,
  }))
  const topK = Array.from({ length: layout.objectives }, (_, j) => {
    const t = state.top[j]
    return t ? heapToPartial(t.keys, t.idx, t.size) : { keys: [], indices: [] }
  })
  return {
    ranges: points > 0 ? [[start, end]] : [],
    points,
    valid: points - state.skipped,
    feasible: state.feasible,
    topK,
    ...(state.front ? { pareto: state.front.toPartial() } : {}),
    histograms,
    heatmaps,
  }
}

/** The rows a chunk's state holds, trimmed to their count. */
export function tableRowsOf(state: ChunkState): TableRows | undefined {
  const t = state.table
  if (!t) return undefined
  return {
    rows: t.rows,
    index: t.index.subarray(0, t.rows),
    meetsConstraints: t.meets.subarray(0, t.rows),
    columns: t.cols.map((c) => c.subarray(0, t.rows)),
  }
}

export type ChunkFunction = (start: number, end: number, state: ChunkState) => void

/** Compiles a kernel spec (here or in a worker) into its chunk function. */
export function instantiateKernel(spec: CpuKernelSpec): ChunkFunction {
  const factory = new Function('rt', 'T', spec.source) as (
    rt: typeof RUNTIME,
    tables: KernelTables,
  ) => ChunkFunction
  return factory(RUNTIME, spec.tables)
}

/** Evaluates [start, end) with a chunk function: the partial and, when the plan keeps one, the table rows. */
export function runChunk(
  chunk: ChunkFunction,
  layout: KernelLayout,
  start: number,
  end: number,
): { partial: SweepPartial; table?: TableRows } {
  const state = createChunkState(layout, end - start)
  chunk(start, end, state)
  const table = tableRowsOf(state)
  return { partial: partialOf(state, start, end, layout), ...(table ? { table } : {}) }
}
