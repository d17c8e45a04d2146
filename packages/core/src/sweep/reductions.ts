/**
 * Reductions that a backend computes over a slice of the index space and that merge exactly,
 * in any order and grouping, into the reduction of the whole: so workers, GPUs and shards on
 * other machines all produce the single-run result bit for bit.
 *
 * - counts: integers;
 * - top-k: a total order on (key, index): smaller key first, then lower index;
 * - Pareto front: the distinct non-dominated key vectors, each represented by the lowest index
 *   that has it and a count of the points sharing it;
 * - histograms: integer counts per bin;
 * - heatmaps: count, min, max and an **exact** sum per cell (Shewchuk expansions, stored in a
 *   canonical form), so the mean does not depend on the order points were added.
 *
 * Keys are in "minimize" sense: a maximized objective's key is its negated value.
 */

/* ---------------------------------------------------------------- top-k */

/** Ascending order of keys that are never NaN (a subtraction would give NaN for ∞ − ∞). */
function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Max-heap on (key, index) in two parallel arrays: the root is the worst kept point. */
function worse(keys: Float64Array, idx: Float64Array, a: number, b: number): boolean {
  const ka = keys[a]!
  const kb = keys[b]!
  return ka > kb || (ka === kb && idx[a]! > idx[b]!)
}

function siftDown(keys: Float64Array, idx: Float64Array, size: number, from: number): void {
  let i = from
  for (;;) {
    const l = 2 * i + 1
    if (l >= size) return
    const r = l + 1
    const child = r < size && worse(keys, idx, r, l) ? r : l
    if (!worse(keys, idx, child, i)) return
    const k = keys[i]!
    keys[i] = keys[child]!
    keys[child] = k
    const x = idx[i]!
    idx[i] = idx[child]!
    idx[child] = x
    i = child
  }
}

/** Adds (key, index) to a heap holding `size` < capacity entries; returns the new size. */
export function heapPush(
  keys: Float64Array,
  idx: Float64Array,
  size: number,
  key: number,
  index: number,
): number {
  let i = size
  keys[i] = key
  idx[i] = index
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!worse(keys, idx, i, parent)) break
    const k = keys[i]!
    keys[i] = keys[parent]!
    keys[parent] = k
    const x = idx[i]!
    idx[i] = idx[parent]!
    idx[parent] = x
    i = parent
  }
  return size + 1
}

/** Replaces the root (the worst entry) of a full heap with (key, index), which must be better. */
export function heapReplace(
  keys: Float64Array,
  idx: Float64Array,
  size: number,
  key: number,
  index: number,
): void {
  keys[0] = key
  idx[0] = index
  siftDown(keys, idx, size, 0)
}

/** Offers (key, index) to a heap of capacity `capacity`; returns the new size. NaN keys are ignored. */
export function heapOffer(
  keys: Float64Array,
  idx: Float64Array,
  size: number,
  capacity: number,
  key: number,
  index: number,
): number {
  if (Number.isNaN(key) || capacity === 0) return size
  if (size < capacity) return heapPush(keys, idx, size, key, index)
  const rootKey = keys[0]!
  if (key < rootKey || (key === rootKey && index < idx[0]!)) heapReplace(keys, idx, size, key, index)
  return size
}

export interface TopKPartial {
  /** Keys (minimize sense), best first. */
  readonly keys: number[]
  readonly indices: number[]
}

/** The heap's entries sorted best first. */
export function heapToPartial(keys: Float64Array, idx: Float64Array, size: number): TopKPartial {
  const order = Array.from({ length: size }, (_, i) => i).sort(
    (a, b) => keys[a]! - keys[b]! || idx[a]! - idx[b]!,
  )
  return { keys: order.map((i) => keys[i]!), indices: order.map((i) => idx[i]!) }
}

/** The best `k` of two top-k lists (each sorted best first). */
export function mergeTopK(a: TopKPartial, b: TopKPartial, k: number): TopKPartial {
  const keys: number[] = []
  const indices: number[] = []
  let i = 0
  let j = 0
  while (keys.length < k && (i < a.keys.length || j < b.keys.length)) {
    const takeA =
      j >= b.keys.length ||
      (i < a.keys.length &&
        (a.keys[i]! < b.keys[j]! || (a.keys[i] === b.keys[j] && a.indices[i]! < b.indices[j]!)))
    if (takeA) {
      keys.push(a.keys[i]!)
      indices.push(a.indices[i++]!)
    } else {
      keys.push(b.keys[j]!)
      indices.push(b.indices[j++]!)
    }
  }
  return { keys, indices }
}

/* ---------------------------------------------------------------- Pareto */

export interface ParetoPartial {
  /** Number of objectives (2 or 3). */
  readonly dimensions: number
  /** One key vector per front point (minimize sense). */
  readonly keys: number[][]
  /** Lowest index with that key vector. */
  readonly indices: number[]
  /** How many points have that key vector. */
  readonly counts: number[]
}

/**
 * A Pareto front under construction (all objectives minimized). With two objectives it is a
 * staircase sorted by the first key, so a point is tested in O(log n); with three, a list
 * scanned linearly, checking the last dominating point first (runs of similar points are
 * usually dominated by the same one).
 */
export class ParetoFront {
  size = 0
  /**
   * Keys of a point that dominates or equals the last point offered (its dominator, the equal
   * entry, or itself when it joined the front). Kernels keep them and skip offering points that
   * this point strictly dominates: dominance is transitive, so those can never be on the front.
   */
  hintA = Number.NaN
  hintB = Number.NaN
  hintC = Number.NaN
  private keys: Float64Array
  private idx: Float64Array
  private cnt: Float64Array
  private lastDominator = 0

  constructor(
    readonly dimensions: number,
    capacity = 64,
  ) {
    this.keys = new Float64Array(capacity * dimensions)
    this.idx = new Float64Array(capacity)
    this.cnt = new Float64Array(capacity)
  }

  private grow(): void {
    const capacity = this.idx.length * 2
    const keys = new Float64Array(capacity * this.dimensions)
    keys.set(this.keys)
    const idx = new Float64Array(capacity)
    idx.set(this.idx)
    const cnt = new Float64Array(capacity)
    cnt.set(this.cnt)
    this.keys = keys
    this.idx = idx
    this.cnt = cnt
  }

  /** Offers a point of two keys (none NaN). */
  offer2(a: number, b: number, index: number, count = 1): void {
    const keys = this.keys
    // Staircase: a strictly increasing, b strictly decreasing. p = first entry with key a > a.
    let lo = 0
    let hi = this.size
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (keys[2 * mid]! <= a) lo = mid + 1
      else hi = mid
    }
    const p = lo
    if (p > 0) {
      const qa = keys[2 * (p - 1)]!
      const qb = keys[2 * (p - 1) + 1]!
      if (qb <= b) {
        if (qa === a && qb === b) {
          const q = p - 1
          this.cnt[q] = this.cnt[q]! + count
          if (index < this.idx[q]!) this.idx[q] = index
        }
        this.hintA = qa
        this.hintB = qb
        return // dominated (or merged into an equal point)
      }
    }
    this.hintA = a
    this.hintB = b
    // Not dominated: remove the entries it dominates (a contiguous run from p, or from p − 1 when equal in a).
    let from = p
    if (p > 0 && keys[2 * (p - 1)] === a) from = p - 1
    let to = p
    while (to < this.size && keys[2 * to + 1]! >= b) to++
    this.splice(from, to, [a, b], index, count)
  }

  /** Offers a point of three keys (none NaN). */
  offer3(a: number, b: number, c: number, index: number, count = 1): void {
    const keys = this.keys
    const n = this.size
    // Check the last dominator first, then everyone.
    const hint = this.lastDominator
    if (hint < n && keys[3 * hint]! <= a && keys[3 * hint + 1]! <= b && keys[3 * hint + 2]! <= c) {
      if (!(keys[3 * hint] === a && keys[3 * hint + 1] === b && keys[3 * hint + 2] === c)) {
        this.hintA = keys[3 * hint]!
        this.hintB = keys[3 * hint + 1]!
        this.hintC = keys[3 * hint + 2]!
        return
      }
    }
    for (let j = 0; j < n; j++) {
      const ja = keys[3 * j]!
      const jb = keys[3 * j + 1]!
      const jc = keys[3 * j + 2]!
      if (ja <= a && jb <= b && jc <= c) {
        if (ja === a && jb === b && jc === c) {
          this.cnt[j] = this.cnt[j]! + count
          if (index < this.idx[j]!) this.idx[j] = index
        } else this.lastDominator = j
        this.hintA = ja
        this.hintB = jb
        this.hintC = jc
        return
      }
    }
    this.hintA = a
    this.hintB = b
    this.hintC = c
    // Not dominated: drop what it dominates, append it.
    let w = 0
    for (let j = 0; j < n; j++) {
      const ja = keys[3 * j]!
      const jb = keys[3 * j + 1]!
      const jc = keys[3 * j + 2]!
      if (a <= ja && b <= jb && c <= jc) continue
      if (w !== j) {
        keys[3 * w] = ja
        keys[3 * w + 1] = jb
        keys[3 * w + 2] = jc
        this.idx[w] = this.idx[j]!
        this.cnt[w] = this.cnt[j]!
      }
      w++
    }
    this.size = w
    if (this.size === this.idx.length) this.grow()
    const k = this.keys
    k[3 * w] = a
    k[3 * w + 1] = b
    k[3 * w + 2] = c
    this.idx[w] = index
    this.cnt[w] = count
    this.size = w + 1
  }

  /** Offers a key vector of `dimensions` keys. */
  offer(keys: readonly number[], index: number, count = 1): void {
    if (keys.some(Number.isNaN)) return
    if (this.dimensions === 2) this.offer2(keys[0]!, keys[1]!, index, count)
    else this.offer3(keys[0]!, keys[1]!, keys[2]!, index, count)
  }

  private splice(from: number, to: number, point: readonly number[], index: number, count: number): void {
    const d = this.dimensions
    const removed = to - from
    if (removed === 0 && this.size === this.idx.length) this.grow()
    const keys = this.keys
    // Shift the tail so exactly one slot sits at `from`.
    const shift = 1 - removed
    if (shift !== 0) {
      keys.copyWithin((to + shift) * d, to * d, this.size * d)
      this.idx.copyWithin(to + shift, to, this.size)
      this.cnt.copyWithin(to + shift, to, this.size)
    }
    for (let k = 0; k < d; k++) keys[from * d + k] = point[k]!
    this.idx[from] = index
    this.cnt[from] = count
    this.size += shift
  }

  /** The front sorted by keys (lexicographically), then index. */
  toPartial(): ParetoPartial {
    const d = this.dimensions
    const order = Array.from({ length: this.size }, (_, i) => i)
    const key = (i: number, k: number) => this.keys[i * d + k]!
    order.sort((x, y) => {
      for (let k = 0; k < d; k++) {
        const diff = compare(key(x, k), key(y, k))
        if (diff !== 0) return diff
      }
      return this.idx[x]! - this.idx[y]!
    })
    return {
      dimensions: d,
      keys: order.map((i) => Array.from({ length: d }, (_, k) => key(i, k))),
      indices: order.map((i) => this.idx[i]!),
      counts: order.map((i) => this.cnt[i]!),
    }
  }
}

export function mergePareto(a: ParetoPartial, b: ParetoPartial): ParetoPartial {
  const front = new ParetoFront(a.dimensions, Math.max(16, a.indices.length + b.indices.length))
  for (const part of [a, b])
    part.indices.forEach((index, i) => {
      front.offer(part.keys[i]!, index, part.counts[i]!)
    })
  return front.toPartial()
}

/* ---------------------------------------------------------------- exact sums */

/**
 * Adds x to a Shewchuk expansion (non-overlapping partials, increasing magnitude) exactly.
 * Allocates only when the expansion grows.
 */
export function exactAdd(partials: number[], value: number): void {
  let x = value
  let i = 0
  for (let j = 0; j < partials.length; j++) {
    let y = partials[j]!
    if (Math.abs(x) < Math.abs(y)) {
      const t = x
      x = y
      y = t
    }
    const hi = x + y
    const lo = y - (hi - x)
    if (lo !== 0) partials[i++] = lo
    x = hi
  }
  partials.length = i
  partials.push(x)
}

/** The expansion's value correctly rounded to the nearest double (ties to even), as Python's fsum. */
export function exactValue(partials: readonly number[]): number {
  let n = partials.length
  if (n === 0) return 0
  let hi = partials[--n]!
  let lo = 0
  while (n > 0) {
    const x = hi
    const y = partials[--n]!
    hi = x + y
    const yr = hi - x
    lo = y - yr
    if (lo !== 0) break
  }
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2
    const x = hi + y
    const yr = x - hi
    if (y === yr) hi = x
  }
  return hi
}

/**
 * The canonical expansion of the same exact value: s₁ = round(total), s₂ = round(total − s₁), …
 * (largest first). Equal exact sums give equal arrays, however they were accumulated.
 */
export function canonicalExpansion(partials: readonly number[]): number[] {
  const rest = [...partials]
  const out: number[] = []
  for (let guard = 0; guard < 64; guard++) {
    const s = exactValue(rest)
    if (s === 0) break
    out.push(s)
    exactAdd(rest, -s)
  }
  return out
}

/** The canonical expansion of the sum of two canonical expansions. */
export function mergeExpansions(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return [...a]
  if (a.length === 0) return [...b]
  // Canonical expansions run largest first; an accumulator must be grown from empty.
  const acc: number[] = []
  for (const x of a) exactAdd(acc, x)
  for (const x of b) exactAdd(acc, x)
  return canonicalExpansion(acc)
}

/**
 * Exact sums for many cells at once, allocation-free: cell c's expansion lives in
 * parts[c·K … c·K + sizes[c]) (Shewchuk's invariant: non-overlapping, increasing magnitude).
 * An expansion needing more than K parts (values spanning hundreds of orders of magnitude in
 * one cell) moves to `spill`, a plain array per cell.
 */
export class ExactCells {
  static readonly PARTS = 8
  readonly parts: Float64Array
  readonly sizes: Uint8Array
  readonly spill = new Map<number, number[]>()

  constructor(readonly cells: number) {
    this.parts = new Float64Array(cells * ExactCells.PARTS)
    this.sizes = new Uint8Array(cells)
  }

  add(cell: number, value: number): void {
    const K = ExactCells.PARTS
    const n = this.sizes[cell]!
    if (n > K) {
      exactAdd(this.spill.get(cell)!, value)
      return
    }
    const parts = this.parts
    const base = cell * K
    let x = value
    let i = 0
    for (let j = 0; j < n; j++) {
      let y = parts[base + j]!
      if (Math.abs(x) < Math.abs(y)) {
        const t = x
        x = y
        y = t
      }
      const hi = x + y
      const lo = y - (hi - x)
      if (lo !== 0) parts[base + i++] = lo
      x = hi
    }
    if (i < K) {
      parts[base + i] = x
      this.sizes[cell] = i + 1
      return
    }
    const all = Array.from(parts.subarray(base, base + K))
    all.push(x)
    this.spill.set(cell, all)
    this.sizes[cell] = K + 1
  }

  /** The canonical expansion of a cell ([] for 0). */
  canonical(cell: number): number[] {
    const n = this.sizes[cell]!
    if (n === 0) return []
    // One part is the exact value itself (a sum that never lost a bit).
    if (n === 1) {
      const only = this.parts[cell * ExactCells.PARTS]!
      return only === 0 ? [] : [only]
    }
    const parts =
      n > ExactCells.PARTS
        ? this.spill.get(cell)!
        : Array.from(this.parts.subarray(cell * ExactCells.PARTS, cell * ExactCells.PARTS + n))
    return canonicalExpansion(parts)
  }
}

/* ---------------------------------------------------------------- histograms and heatmaps */

export interface HistogramPartial {
  readonly counts: number[]
  /** Below the first bin, above the last, and NaN (metric histograms only). */
  readonly under: number
  readonly over: number
  readonly nan: number
}

export function mergeHistogram(a: HistogramPartial, b: HistogramPartial): HistogramPartial {
  return {
    counts: a.counts.map((n, i) => n + b.counts[i]!),
    under: a.under + b.under,
    over: a.over + b.over,
    nan: a.nan + b.nan,
  }
}

export interface HeatmapPartial {
  /** Feasible points per cell (row-major: cell = y · xBins + x). */
  readonly count: number[]
  /** Of those, points whose metric is finite (they make min, max and the sum). */
  readonly finite: number[]
  /** +Infinity / −Infinity where a cell has no finite value. */
  readonly min: number[]
  readonly max: number[]
  /** Exact sum of the metric per cell, as a canonical expansion ([] is 0). */
  readonly sum: number[][]
  /** Feasible points outside the bins (a metric side out of range or NaN). */
  readonly outside: number
}

export function mergeHeatmap(a: HeatmapPartial, b: HeatmapPartial): HeatmapPartial {
  return {
    count: a.count.map((n, i) => n + b.count[i]!),
    finite: a.finite.map((n, i) => n + b.finite[i]!),
    min: a.min.map((m, i) => Math.min(m, b.min[i]!)),
    max: a.max.map((m, i) => Math.max(m, b.max[i]!)),
    sum: a.sum.map((parts, i) => mergeExpansions(parts, b.sum[i]!)),
    outside: a.outside + b.outside,
  }
}

/* ---------------------------------------------------------------- partial results */

/** What a backend returns for a slice of the index space. Plain data: it crosses workers and JSON. */
export interface SweepPartial {
  /** Index ranges [start, end) it covers. */
  readonly ranges: [number, number][]
  /** Points in the ranges. */
  readonly points: number
  /** Of those, points in categorical combinations the solver accepted. */
  readonly valid: number
  /** Of those, points meeting every constraint. */
  readonly feasible: number
  /** Per objective, the best points among the feasible (keys in minimize sense). */
  readonly topK: TopKPartial[]
  readonly pareto?: ParetoPartial
  readonly histograms: HistogramPartial[]
  readonly heatmaps: HeatmapPartial[]
}

/** Sorted, coalesced union of index ranges; overlapping ranges are an error. */
export function unionRanges(
  a: readonly [number, number][],
  b: readonly [number, number][],
): [number, number][] {
  const all = [...a, ...b].filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0])
  const out: [number, number][] = []
  for (const [s, e] of all) {
    const last = out[out.length - 1]
    if (last && s < last[1])
      throw new RangeError(`index ranges overlap: [${last[0]}, ${last[1]}) and [${s}, ${e})`)
    if (last && s === last[1]) last[1] = e
    else out.push([s, e])
  }
  return out
}

/** Merges two partials of the same plan; `topK` is the plan's k. Exact and order-independent. */
export function mergePartials(a: SweepPartial, b: SweepPartial, topK: number): SweepPartial {
  const pareto = a.pareto && b.pareto ? mergePareto(a.pareto, b.pareto) : (a.pareto ?? b.pareto)
  return {
    ranges: unionRanges(a.ranges, b.ranges),
    points: a.points + b.points,
    valid: a.valid + b.valid,
    feasible: a.feasible + b.feasible,
    topK: a.topK.map((t, i) => mergeTopK(t, b.topK[i]!, topK)),
    ...(pareto ? { pareto } : {}),
    histograms: a.histograms.map((h, i) => mergeHistogram(h, b.histograms[i]!)),
    heatmaps: a.heatmaps.map((h, i) => mergeHeatmap(h, b.heatmaps[i]!)),
  }
}
