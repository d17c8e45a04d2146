/**
 * The WebGPU sweep kernel: one WGSL module per plan, whose passes evaluate a chunk of the index
 * space in bounded f32 (bounded-wgsl.ts) and reduce it on the device, so that only counts, a
 * few histograms and two short lists of row numbers come back:
 *
 * 1. `evaluate` — one invocation per row: index → coordinates by mixed radix (the chunk's first
 *    digits come in the uniform buffer, the row number is added with carries), categorical
 *    values from the combination table, numeric values from the axis tables, the model, derived
 *    metrics, constraints, objectives and bins. A row whose results are *unsure* (a constraint,
 *    bin edge, rounding step or fold count within its error bound, a value an f32 cannot hold)
 *    goes to the **unsure list** and takes no part in any GPU reduction. Sure rows count
 *    feasibility and histogram/heatmap bins with atomics and keep, per ranked objective, the
 *    order-preserving bits of a lower and an upper bound of their key.
 * 2. `select1` / `hist2` / `select2` — a two-level radix select (16 + 16 bits) finds, per
 *    objective, the k-th smallest *upper* bound U among sure feasible rows.
 * 3. `grid` / `prefix` — for a Pareto front, the smallest upper bound of the last objective per
 *    cell of a grid over the others, then a prefix minimum: a row is surely dominated when a
 *    cell strictly below its lower bounds holds an upper bound below its own lower bound.
 * 4. `collect` — rows whose lower bound is ≤ U for some objective, or that are not surely
 *    dominated, go to the **candidate list**.
 *
 * Heatmaps with a `metric` keep, per cell, the min, max and the *exact* sum of the metric's f64
 * values. WGSL has no f64, and an exact sum needs every point's f64 value (an f32 interval
 * cannot say how the f64 values round), so the device decides which points count — it counts
 * them per cell, exactly, as for any heatmap — and `evaluate` puts every sure feasible row
 * inside such a heatmap's bins on the candidate list (flag bit 4, counted in the head's word 3;
 * `collect` does not add them again). The CPU evaluates those in f64, and their finite count,
 * min, max and sum per cell come from the CPU kernel's own reduction.
 *
 * The CPU then evaluates the unsure rows and the candidates in f64 with the CPU kernel and
 * merges with the engine's exact reductions (refine.ts). Any point of the exact top-k has an
 * f64 key ≤ the k-th smallest upper bound, hence a lower bound ≤ U: the candidates are a
 * superset, so the result is the CPU's, bit for bit.
 */
import type { ExprNode, InputNode } from '../../expr/node.js'
import { schedule } from '../../expr/schedule.js'
import { metricNames } from '../metric-expr.js'
import type { PlanBinning, SweepPlan } from '../plan.js'
import {
  BOUNDED_PRELUDE,
  type BoundedCode,
  boundedConstant,
  boundedMetric,
  boundedVariable,
  emitBoundedSteps,
  fitsF32,
} from './bounded-wgsl.js'

/** A plan the WebGPU kernel cannot run (the engine then uses the CPU backend). */
export class GpuKernelUnsupportedError extends Error {
  override readonly name = 'GpuKernelUnsupportedError'
}

/** Invocations per workgroup of the per-row passes. */
export const ROW_WORKGROUP = 64
/** Buckets of each radix-select level (16 bits). */
const RADIX_BUCKETS = 65536
/** Grid cells for a 2-objective front (12 bits of the first objective's range). */
const GRID_2D_BITS = 12
/** Grid cells per side for a 3-objective front (8 bits of each of the first two). */
const GRID_3D_BITS = 8

/** Word offsets in the accumulator buffer's head (what is read back every chunk). */
export interface GpuHeadLayout {
  readonly words: number
  readonly feasible: 0
  readonly unsure: 1
  readonly candidates: 2
  /** Of the candidates, the rows in a metric heatmap's cells (all of them are evaluated in f64). */
  readonly heatmapRows: 3
  /** Per histogram: bins counts, then under, over, nan. */
  readonly histograms: readonly number[]
  /** Per heatmap: cells counts, then outside. */
  readonly heatmaps: readonly number[]
}

/** Everything a runner needs to run the kernel; plain data, so it crosses to a worker or child process. */
export interface GpuKernelSpec {
  readonly source: string
  readonly fingerprint: string
  /** Passes in dispatch order: per-row passes get a grid over the rows, the others `groups` workgroups. */
  readonly passes: readonly {
    readonly entryPoint: string
    readonly perRow: boolean
    readonly groups: number
  }[]
  /** u32 words each row keeps in the rows buffer. */
  readonly rowWords: number
  readonly head: GpuHeadLayout
  /** Words of the whole accumulator buffer (head + radix histograms + grid). */
  readonly accumulatorWords: number
  /** Number of axes (uniform buffer carries the chunk's first digits). */
  readonly axes: number
  readonly radices: readonly number[]
  /** f32 tables (combination inputs, numeric axis values) and u32 tables (flags). */
  readonly tables: { readonly f32: Float32Array; readonly u32: Uint32Array }
  /** Objectives that get top-k candidates (k each) — empty when the plan keeps no top-k. */
  readonly topK: number
  readonly rankedObjectives: number
  readonly paretoDimensions: number
  /** Where the rows buffer holds the table's metric columns (absent: no table). */
  readonly table?: { readonly offset: number; readonly columns: number }
}

/** Size of the uniform buffer: rowCount, list capacities, then the start digits as vec4s. */
export function paramsBytes(spec: GpuKernelSpec): number {
  return 16 + 16 * Math.max(1, Math.ceil(spec.axes / 4))
}

/** Contents of the uniform buffer for a chunk starting at `start` with `rowCount` rows. */
export function packParams(
  spec: GpuKernelSpec,
  start: number,
  rowCount: number,
  unsureCapacity: number,
  candidateCapacity: number,
): ArrayBuffer {
  const buffer = new ArrayBuffer(paramsBytes(spec))
  const words = new Uint32Array(buffer)
  words[0] = rowCount
  words[1] = unsureCapacity
  words[2] = candidateCapacity
  let rest = start
  for (let k = spec.axes - 1; k >= 0; k--) {
    const radix = spec.radices[k]!
    const digit = rest % radix
    words[4 + k] = digit
    rest = (rest - digit) / radix
  }
  return buffer
}

const u = (n: number) => `${n}u`

function binningExpressions(b: PlanBinning) {
  return b.kind === 'metric' ? [b.expr] : []
}

/** Builds the kernel for a plan; throws GpuKernelUnsupportedError for what it cannot run. */
export function compileGpuKernel(plan: SweepPlan): GpuKernelSpec {
  const model = plan.model
  const categorical = plan.axes.slice(0, plan.categoricalCount)
  const numeric = plan.axes.slice(plan.categoricalCount)
  const A = plan.axes.length

  // ---- Tables.
  const combos = plan.combinations
  const W = combos.inputs.length
  const WB = Math.max(1, Math.ceil(W / 32))
  const f32: number[] = []
  const u32: number[] = []
  const comboOffset = f32.length
  const status = new Uint32Array(combos.count)
  const exactBits = new Uint32Array(combos.count * WB)
  for (let c = 0; c < combos.count; c++) {
    let cpuOnly = false
    for (let j = 0; j < W; j++) {
      const value = combos.values[c * W + j]!
      if (!fitsF32(value)) cpuOnly = true
      if (Math.fround(value) === value) exactBits[c * WB + (j >> 5)]! |= 1 << (j & 31)
      f32.push(value)
    }
    status[c] = combos.valid[c] !== 1 ? 0 : cpuOnly ? 2 : 1
  }
  const statusOffset = u32.length
  u32.push(...status)
  const exactOffset = u32.length
  u32.push(...exactBits)
  const axisValueOffset: number[] = []
  const axisFlagOffset: number[] = []
  for (const axis of numeric) {
    axisValueOffset.push(f32.length)
    axisFlagOffset.push(u32.length)
    if (!axis.modelInput) continue
    for (const value of axis.numbers!) {
      f32.push(fitsF32(value) ? value : 0)
      u32.push((Math.fround(value) === value ? 1 : 0) | (fitsF32(value) ? 0 : 2))
    }
  }
  while (f32.length < 4) f32.push(0)
  while (u32.length < 4) u32.push(0)

  // ---- What the kernel computes.
  const ranked =
    plan.keep.topK > 0 ? plan.objectives.map((_, j) => j) : (plan.keep.pareto ?? []).map((j) => j)
  const rankedIndex = new Map(ranked.map((j, r) => [j, r]))
  const topK = plan.keep.topK > 0 && plan.objectives.length > 0 ? plan.keep.topK : 0
  const pareto = (plan.keep.pareto ?? []).map((j) => rankedIndex.get(j)!)
  const paretoDimensions = pareto.length
  const tableColumns = (plan.keep.table?.columns ?? []).filter((c) => c.kind === 'metric')
  const rowWords = 1 + 2 * ranked.length + tableColumns.length

  // ---- Accumulator layout.
  const objectiveState = 4
  let cursor = objectiveState + 4 * ranked.length
  const paretoRange = cursor
  cursor += 2 * Math.max(0, paretoDimensions - 1)
  const histograms: number[] = []
  for (const h of plan.keep.histograms) {
    histograms.push(cursor)
    cursor += h.binning.bins + 3
  }
  const heatmaps: number[] = []
  for (const h of plan.keep.heatmaps) {
    heatmaps.push(cursor)
    cursor += h.x.bins * h.y.bins + 1
  }
  const headWords = cursor
  const radix1 = headWords
  const radix2 = radix1 + (topK > 0 ? ranked.length * RADIX_BUCKETS : 0)
  const grid = radix2 + (topK > 0 ? ranked.length * RADIX_BUCKETS : 0)
  const gridCells =
    paretoDimensions === 2 ? 1 << GRID_2D_BITS : paretoDimensions === 3 ? 1 << (2 * GRID_3D_BITS) : 0
  const accumulatorWords = grid + gridCells

  // ---- Model inputs and the nodes to compute.
  const inputSource = new Map<string, string>()
  try {
    plan.constants.inputs.forEach((name, j) => {
      const value = plan.constants.values[j]!
      if (!fitsF32(value))
        throw new GpuKernelUnsupportedError(
          `the fixed input '${name}' is ${value}, which an f32 cannot hold (finite, ≤ 3.4e38, not below 1.2e-38 unless 0)`,
        )
      inputSource.set(name, boundedConstant(value, name))
    })
  } catch (error) {
    if (error instanceof GpuKernelUnsupportedError) throw error
    throw new GpuKernelUnsupportedError((error as Error).message)
  }
  combos.inputs.forEach((name, j) => {
    inputSource.set(name, `inComb(combo, ${u(j)})`)
  })
  numeric.forEach((axis, k) => {
    if (axis.modelInput) {
      const position = plan.categoricalCount + k
      inputSource.set(
        axis.modelInput,
        `inAxis(${u(axisValueOffset[k]!)} + d${position}, ${u(axisFlagOffset[k]!)} + d${position})`,
      )
    }
  })
  const readInput = (input: InputNode) => {
    const source = inputSource.get(input.name)
    if (!source) throw new GpuKernelUnsupportedError(`no value for model input '${input.name}'`)
    return source
  }

  const expressions = [
    ...plan.derived.map((d) => d.expr),
    ...plan.constraints.map((c) => c.expr),
    ...plan.objectives.map((o) => o.expr),
    ...plan.keep.histograms.flatMap((h) => binningExpressions(h.binning)),
    ...plan.keep.heatmaps.flatMap((h) => [...binningExpressions(h.x), ...binningExpressions(h.y)]),
    ...tableColumns.map((c) => c.expr),
  ]
  const used = new Set<string>()
  for (const e of expressions) for (const name of metricNames(e)) used.add(name)
  const outputNodes = new Map(model.outputNames.map((name, i) => [name as string, model.outputNodes[i]!]))
  const inputNodes = new Map(model.inputs.map((node) => [node.name, node]))
  const roots: ExprNode[] = []
  for (const name of used) {
    const metric = plan.metrics.get(name)
    if (!metric) continue
    if (metric.source.kind === 'output') roots.push(outputNodes.get(name)!)
    else if (metric.source.kind === 'input') roots.push(inputNodes.get(name)!)
  }
  const derivedIndex = new Map(plan.derived.map((d, i) => [d.name, i]))
  const read = (name: string): BoundedCode => {
    const metric = plan.metrics.get(name)
    if (!metric) throw new GpuKernelUnsupportedError(`unknown metric '${name}'`)
    if (metric.source.kind === 'derived') return { code: `m${derivedIndex.get(name)}`, type: metric.type }
    const node = metric.source.kind === 'output' ? outputNodes.get(name)! : inputNodes.get(name)!
    return { code: boundedVariable(node), type: node.type }
  }
  const metricCode = (expr: Parameters<typeof boundedMetric>[0]) => {
    try {
      return boundedMetric(expr, read)
    } catch (error) {
      if (error instanceof GpuKernelUnsupportedError) throw error
      throw new GpuKernelUnsupportedError((error as Error).message)
    }
  }

  // ---- The module.
  const L: string[] = []
  L.push('// Generated by @mlsysim/core for a sweep plan; see src/sweep/webgpu/kernel.ts.')
  L.push(BOUNDED_PRELUDE)
  L.push('struct Params {')
  L.push('  rowCount: u32,')
  L.push('  unsureCapacity: u32,')
  L.push('  candidateCapacity: u32,')
  L.push('  pad: u32,')
  L.push(`  start: array<vec4<u32>, ${Math.max(1, Math.ceil(A / 4))}>,`)
  L.push('}')
  L.push('@group(0) @binding(0) var<uniform> P: Params;')
  L.push('@group(0) @binding(1) var<storage, read> ftab: array<f32>;')
  L.push('@group(0) @binding(2) var<storage, read> utab: array<u32>;')
  L.push('@group(0) @binding(3) var<storage, read_write> rows: array<u32>;')
  L.push('@group(0) @binding(4) var<storage, read_write> acc: array<atomic<u32>>;')
  L.push('@group(0) @binding(5) var<storage, read_write> lists: array<u32>;')
  L.push('')
  L.push(`const ROW_WORDS: u32 = ${u(rowWords)};`)
  L.push(`const WG: u32 = ${u(ROW_WORKGROUP)};`)
  L.push('')
  L.push('fn inComb(c: u32, j: u32) -> vec2<f32> {')
  L.push(`  let v = ftab[${u(comboOffset)} + c * ${u(W)} + j];`)
  L.push(`  let exact = (utab[${u(exactOffset)} + c * ${u(WB)} + (j >> 5u)] >> (j & 31u)) & 1u;`)
  L.push('  return vec2<f32>(v, select(ULP * abs(v), 0.0, exact == 1u));')
  L.push('}')
  L.push('fn inAxis(at: u32, flagAt: u32) -> vec2<f32> {')
  L.push('  let v = ftab[at];')
  L.push('  return vec2<f32>(v, select(ULP * abs(v), 0.0, (utab[flagAt] & 1u) == 1u));')
  L.push('}')
  L.push('// Order-preserving bits of an f32 (−0 as +0): smaller number, smaller u32.')
  L.push('fn ordf(x: f32) -> u32 {')
  L.push('  let b = bitcast<u32>(select(x, 0.0, x == 0.0));')
  L.push('  return select(b | 0x80000000u, ~b, (b & 0x80000000u) != 0u);')
  L.push('}')
  L.push(
    'fn widen(k: vec2<f32>) -> f32 { return select(2.0 * k.y + 2.0 * ULP * abs(k.x) + TINY, 0.0, k.y == 0.0); }',
  )
  L.push('fn pushUnsure(row: u32) {')
  L.push('  let i = atomicAdd(&acc[1], 1u);')
  L.push('  if (i < P.unsureCapacity) { lists[i] = row; }')
  L.push('}')
  L.push('fn pushCandidate(row: u32) {')
  L.push('  let i = atomicAdd(&acc[2], 1u);')
  L.push('  if (i < P.candidateCapacity) { lists[P.unsureCapacity + i] = row; }')
  L.push('}')
  L.push('fn rowOf(gid: vec3<u32>, nwg: vec3<u32>) -> u32 { return gid.x + gid.y * (nwg.x * WG); }')
  L.push('')

  // evaluate
  L.push('@compute @workgroup_size(64)')
  L.push(
    'fn evaluate(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {',
  )
  L.push('  let row = rowOf(gid, nwg);')
  L.push('  if (row >= P.rowCount) { return; }')
  L.push('  let base = row * ROW_WORDS;')
  L.push('  rows[base] = 0u;')
  L.push('  var carry: u32 = row;')
  for (let k = A - 1; k >= 0; k--) {
    const r = plan.axes[k]!.size
    L.push(`  let t${k} = P.start[${k >> 2}].${'xyzw'[k & 3]} + carry;`)
    L.push(`  let d${k} = t${k} % ${u(r)};`)
    if (k > 0) L.push(`  carry = t${k} / ${u(r)};`)
  }
  const comboTerms: string[] = []
  {
    let stride = 1
    for (let k = categorical.length - 1; k >= 0; k--) {
      comboTerms.push(stride === 1 ? `d${k}` : `d${k} * ${u(stride)}`)
      stride *= categorical[k]!.size
    }
  }
  L.push(`  let combo: u32 = ${comboTerms.length > 0 ? comboTerms.join(' + ') : '0u'};`)
  L.push(`  let status = utab[${u(statusOffset)} + combo];`)
  L.push('  if (status == 0u) { return; }')
  L.push('  var cpuOnly = status == 2u;')
  numeric.forEach((axis, k) => {
    if (axis.modelInput) {
      const position = plan.categoricalCount + k
      L.push(`  cpuOnly = cpuOnly || (utab[${u(axisFlagOffset[k]!)} + d${position}] & 2u) != 0u;`)
    }
  })
  L.push('  if (cpuOnly) { pushUnsure(row); return; }')
  const body: string[] = []
  try {
    emitBoundedSteps(schedule(roots), readInput, body, '  ')
  } catch (error) {
    if (error instanceof GpuKernelUnsupportedError) throw error
    throw new GpuKernelUnsupportedError(`model '${model.id}': ${(error as Error).message}`)
  }
  L.push(...body)
  plan.derived.forEach((d, j) => {
    L.push(`  let m${j} = ${metricCode(d.expr).code};`)
  })
  L.push('  var unsure = false;')
  const constraintCodes = plan.constraints.map((c) => metricCode(c.expr).code)
  L.push(
    `  let feas = ${constraintCodes.length === 0 ? 'vec2<bool>(true, false)' : constraintCodes.reduce((acc, c) => `bAnd(${acc}, ${c})`)};`,
  )
  L.push('  unsure = unsure || feas.y;')
  L.push('  let feasible = feas.x;')
  ranked.forEach((j, r) => {
    const o = plan.objectives[j]!
    const value = metricCode(o.expr).code
    L.push(`  let o${r} = ${o.sense === 'minimize' ? value : `bNeg(${value})`};`)
    L.push(`  unsure = unsure || (feasible && big(o${r}));`)
  })

  // Bins: b<name> is the bin (≥ 0) or −1 under / −2 over / −3 NaN; unsure when an edge is within the bound.
  const binLines = (b: PlanBinning, name: string): string[] => {
    if (b.kind === 'axis') return [`  let ${name}: i32 = i32(d${b.axis});`]
    const x = metricCode(b.expr).code
    const log = b.scale === 'log'
    const lo = log ? Math.log(b.low) : b.low
    const inv = b.bins / ((log ? Math.log(b.high) : b.high) - lo)
    let lowCode: string
    let highCode: string
    let loCode: string
    let invCode: string
    try {
      lowCode = boundedConstant(b.low)
      highCode = boundedConstant(b.high)
      loCode = boundedConstant(lo)
      invCode = boundedConstant(inv)
    } catch (error) {
      throw new GpuKernelUnsupportedError(`bins of '${b.name}': ${(error as Error).message}`)
    }
    return [
      `  let ${name}x = ${x};`,
      `  var ${name}: i32 = -3;`,
      `  var ${name}u = big(${name}x);`,
      `  if (!${name}u) {`,
      `    let ge = bGe(${name}x, ${lowCode});`,
      `    let le = bLe(${name}x, ${highCode});`,
      '    if (ge.x && le.x) {',
      `      let t = bFloor(bMul(bSub(${log ? `bLog(${name}x)` : `${name}x`}, ${loCode}), ${invCode}));`,
      `      ${name} = min(i32(t.x), ${b.bins - 1});`,
      `      ${name}u = ge.y || le.y || t.y != 0.0;`,
      `    } else if (!ge.x) { ${name} = -1; ${name}u = ge.y; } else { ${name} = -2; ${name}u = le.y; }`,
      '  }',
    ]
  }
  plan.keep.histograms.forEach((h, i) => {
    L.push(...binLines(h.binning, `h${i}`))
    if (h.binning.kind === 'metric')
      L.push(`  unsure = unsure || (${h.where === 'feasible' ? 'feasible && ' : ''}h${i}u);`)
  })
  plan.keep.heatmaps.forEach((h, i) => {
    L.push(...binLines(h.x, `gx${i}`))
    L.push(...binLines(h.y, `gy${i}`))
    const unsureParts = [
      h.x.kind === 'metric' ? `gx${i}u` : '',
      h.y.kind === 'metric' ? `gy${i}u` : '',
    ].filter(Boolean)
    if (unsureParts.length > 0) L.push(`  unsure = unsure || (feasible && (${unsureParts.join(' || ')}));`)
  })
  const tableCodes = tableColumns.map((c) => metricCode(c.expr))
  tableCodes.forEach((c, i) => {
    L.push(`  let tc${i} = ${c.code};`)
    if (c.type === 'boolean') L.push(`  unsure = unsure || tc${i}.y;`)
  })
  L.push('  if (unsure) { pushUnsure(row); return; }')
  // Row flags: 1 valid and sure, 2 feasible, 4 on the candidate list for a metric heatmap.
  L.push('  rows[base] = select(1u, 3u, feasible);')
  L.push('  if (feasible) {')
  L.push('    atomicAdd(&acc[0], 1u);')
  const metricCells = plan.keep.heatmaps.flatMap((h, i) => (h.metric ? [`(gx${i} >= 0 && gy${i} >= 0)`] : []))
  if (metricCells.length > 0) {
    L.push(`    if (${metricCells.join(' || ')}) {`)
    L.push('      rows[base] = 7u;')
    L.push('      atomicAdd(&acc[3], 1u);')
    L.push('      pushCandidate(row);')
    L.push('    }')
  }
  ranked.forEach((_, r) => {
    L.push(`    let lo${r} = ordf(o${r}.x - widen(o${r}));`)
    L.push(`    let hi${r} = ordf(o${r}.x + widen(o${r}));`)
    L.push(`    rows[base + ${u(1 + 2 * r)}] = lo${r};`)
    L.push(`    rows[base + ${u(2 + 2 * r)}] = hi${r};`)
    if (topK > 0) L.push(`    atomicAdd(&acc[${u(radix1 + r * RADIX_BUCKETS)} + (hi${r} >> 16u)], 1u);`)
  })
  for (let dim = 0; dim < paretoDimensions - 1; dim++) {
    const r = pareto[dim]!
    L.push(`    atomicMax(&acc[${u(paretoRange + 2 * dim)}], ~hi${r});`)
    L.push(`    atomicMax(&acc[${u(paretoRange + 2 * dim + 1)}], hi${r});`)
  }
  const histogramCount = (i: number, indent: string) => {
    const h = plan.keep.histograms[i]!
    const at = histograms[i]!
    const bins = h.binning.bins
    return [
      `${indent}if (h${i} >= 0) { atomicAdd(&acc[${u(at)} + u32(h${i})], 1u); }`,
      `${indent}else { atomicAdd(&acc[${u(at + bins)} + u32(-h${i} - 1)], 1u); }`,
    ]
  }
  plan.keep.histograms.forEach((h, i) => {
    if (h.where === 'feasible') L.push(...histogramCount(i, '    '))
  })
  plan.keep.heatmaps.forEach((h, i) => {
    const at = heatmaps[i]!
    const cells = h.x.bins * h.y.bins
    L.push(
      `    if (gx${i} >= 0 && gy${i} >= 0) { atomicAdd(&acc[${u(at)} + u32(gy${i}) * ${u(h.x.bins)} + u32(gx${i})], 1u); }`,
    )
    L.push(`    else { atomicAdd(&acc[${u(at + cells)}], 1u); }`)
  })
  L.push('  }')
  plan.keep.histograms.forEach((h, i) => {
    if (h.where === 'all') L.push(...histogramCount(i, '  '))
  })
  const tableOffset = 1 + 2 * ranked.length
  tableCodes.forEach((c, i) => {
    const value = c.type === 'boolean' ? `select(0.0, 1.0, tc${i}.x)` : `tc${i}.x`
    L.push(`  rows[base + ${u(tableOffset + i)}] = bitcast<u32>(${value});`)
  })
  L.push('}')
  L.push('')

  const passes: { entryPoint: string; perRow: boolean; groups: number }[] = [
    { entryPoint: 'evaluate', perRow: true, groups: 0 },
  ]

  if (topK > 0) {
    // Radix select over the upper bounds: level 1 (high 16 bits), then level 2 within its bucket.
    L.push('var<workgroup> blockSums: array<u32, 256>;')
    const selectPass = (name: string, level: 1 | 2) => {
      const histogram = level === 1 ? radix1 : radix2
      L.push('@compute @workgroup_size(256)')
      L.push(
        `fn ${name}(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {`,
      )
      L.push('  let j = wid.x;')
      L.push(`  let h = ${u(histogram)} + j * ${u(RADIX_BUCKETS)};`)
      L.push(`  let o = ${u(objectiveState)} + 4u * j;`)
      L.push('  var s: u32 = 0u;')
      L.push('  for (var i: u32 = 0u; i < 256u; i++) { s += atomicLoad(&acc[h + lid.x * 256u + i]); }')
      L.push('  blockSums[lid.x] = s;')
      L.push('  workgroupBarrier();')
      L.push('  if (lid.x != 0u) { return; }')
      if (level === 2)
        L.push('  if (atomicLoad(&acc[o + 3u]) == 1u) { atomicStore(&acc[o + 2u], 0xffffffffu); return; }')
      L.push(
        level === 1 ? `  let k: u32 = ${u(topK)};` : `  let k: u32 = ${u(topK)} - atomicLoad(&acc[o + 1u]);`,
      )
      L.push('  var before: u32 = 0u;')
      L.push('  var bucket: u32 = 0u;')
      L.push('  var found = false;')
      L.push('  for (var t: u32 = 0u; t < 256u; t++) {')
      L.push('    if (found) { break; }')
      L.push('    if (before + blockSums[t] < k) { before += blockSums[t]; continue; }')
      L.push('    for (var i: u32 = 0u; i < 256u; i++) {')
      L.push('      let c = atomicLoad(&acc[h + t * 256u + i]);')
      L.push('      if (before + c >= k) { bucket = t * 256u + i; found = true; break; }')
      L.push('      before += c;')
      L.push('    }')
      L.push('  }')
      if (level === 1) {
        L.push('  atomicStore(&acc[o], bucket);')
        L.push('  atomicStore(&acc[o + 1u], before);')
        L.push('  atomicStore(&acc[o + 3u], select(1u, 0u, found));')
      } else {
        L.push('  atomicStore(&acc[o + 2u], (atomicLoad(&acc[o]) << 16u) | bucket);')
      }
      L.push('}')
      L.push('')
    }
    selectPass('select1', 1)
    L.push('@compute @workgroup_size(64)')
    L.push(
      'fn hist2(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {',
    )
    L.push('  let row = rowOf(gid, nwg);')
    L.push('  if (row >= P.rowCount) { return; }')
    L.push('  let base = row * ROW_WORDS;')
    L.push('  if ((rows[base] & 3u) != 3u) { return; }')
    ranked.forEach((_, r) => {
      const o = objectiveState + 4 * r
      L.push(`  let hi${r} = rows[base + ${u(2 + 2 * r)}];`)
      L.push(
        `  if (atomicLoad(&acc[${u(o + 3)}]) == 0u && (hi${r} >> 16u) == atomicLoad(&acc[${u(o)}])) { atomicAdd(&acc[${u(radix2 + r * RADIX_BUCKETS)} + (hi${r} & 0xffffu)], 1u); }`,
      )
    })
    L.push('}')
    L.push('')
    selectPass('select2', 2)
    passes.push(
      { entryPoint: 'select1', perRow: false, groups: ranked.length },
      { entryPoint: 'hist2', perRow: true, groups: 0 },
      { entryPoint: 'select2', perRow: false, groups: ranked.length },
    )
  }

  // Grid cells of a row's bound along a Pareto dimension (bits per side), clamped to the grid.
  const gridBits = paretoDimensions === 2 ? GRID_2D_BITS : GRID_3D_BITS
  if (paretoDimensions > 0) {
    L.push('fn gridShift(dim: u32) -> u32 {')
    L.push(
      `  let range = atomicLoad(&acc[${u(paretoRange)} + 2u * dim + 1u]) - ~atomicLoad(&acc[${u(paretoRange)} + 2u * dim]);`,
    )
    L.push('  if (range == 0u) { return 0u; }')
    L.push(`  let bits = firstLeadingBit(range) + 1u;`)
    L.push(`  return select(0u, bits - ${u(gridBits)}, bits > ${u(gridBits)});`)
    L.push('}')
    L.push('// Cells below which every upper bound is < x: floor((x − min) / cell), clamped to the side.')
    L.push('fn cellsBelow(x: u32, dim: u32) -> u32 {')
    L.push(`  let low = ~atomicLoad(&acc[${u(paretoRange)} + 2u * dim]);`)
    L.push('  if (x <= low) { return 0u; }')
    L.push(`  return min((x - low) >> gridShift(dim), ${u(1 << gridBits)});`)
    L.push('}')
    L.push('fn cellOf(x: u32, dim: u32) -> u32 {')
    L.push(`  let low = ~atomicLoad(&acc[${u(paretoRange)} + 2u * dim]);`)
    L.push(`  return min((x - low) >> gridShift(dim), ${u((1 << gridBits) - 1)});`)
    L.push('}')
    L.push('@compute @workgroup_size(64)')
    L.push(
      'fn grid(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {',
    )
    L.push('  let row = rowOf(gid, nwg);')
    L.push('  if (row >= P.rowCount) { return; }')
    L.push('  let base = row * ROW_WORDS;')
    L.push('  if ((rows[base] & 3u) != 3u) { return; }')
    const hi = (dim: number) => `rows[base + ${u(2 + 2 * pareto[dim]!)}]`
    if (paretoDimensions === 2) {
      L.push(`  let cell = cellOf(${hi(0)}, 0u);`)
      L.push(`  atomicMax(&acc[${u(grid)} + cell], ~${hi(1)});`)
    } else {
      L.push(`  let cell = cellOf(${hi(0)}, 0u) * ${u(1 << GRID_3D_BITS)} + cellOf(${hi(1)}, 1u);`)
      L.push(`  atomicMax(&acc[${u(grid)} + cell], ~${hi(2)});`)
    }
    L.push('}')
    L.push('')
    // Prefix maximum of the complements = prefix minimum of the upper bounds.
    L.push('@compute @workgroup_size(256)')
    L.push('fn prefix(@builtin(local_invocation_id) lid: vec3<u32>) {')
    if (paretoDimensions === 2) {
      L.push('  if (lid.x != 0u) { return; }')
      L.push('  var best: u32 = 0u;')
      L.push(`  for (var i: u32 = 0u; i < ${u(1 << GRID_2D_BITS)}; i++) {`)
      L.push(`    best = max(best, atomicLoad(&acc[${u(grid)} + i]));`)
      L.push(`    atomicStore(&acc[${u(grid)} + i], best);`)
      L.push('  }')
    } else {
      const side = 1 << GRID_3D_BITS
      L.push('  var best: u32 = 0u;')
      L.push(`  for (var j: u32 = 0u; j < ${u(side)}; j++) {`)
      L.push(`    let at = ${u(grid)} + lid.x * ${u(side)} + j;`)
      L.push('    best = max(best, atomicLoad(&acc[at]));')
      L.push('    atomicStore(&acc[at], best);')
      L.push('  }')
      L.push('  storageBarrier();')
      L.push('  best = 0u;')
      L.push(`  for (var i: u32 = 0u; i < ${u(side)}; i++) {`)
      L.push(`    let at = ${u(grid)} + i * ${u(side)} + lid.x;`)
      L.push('    best = max(best, atomicLoad(&acc[at]));')
      L.push('    atomicStore(&acc[at], best);')
      L.push('  }')
    }
    L.push('}')
    L.push('')
    passes.push(
      { entryPoint: 'grid', perRow: true, groups: 0 },
      { entryPoint: 'prefix', perRow: false, groups: 1 },
    )
  }

  if (ranked.length > 0) {
    L.push('@compute @workgroup_size(64)')
    L.push(
      'fn collect(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {',
    )
    L.push('  let row = rowOf(gid, nwg);')
    L.push('  if (row >= P.rowCount) { return; }')
    L.push('  let base = row * ROW_WORDS;')
    L.push('  if (rows[base] != 3u) { return; } // not feasible, or a candidate already (flag 4)')
    L.push('  var candidate = false;')
    if (topK > 0) {
      ranked.forEach((_, r) => {
        L.push(
          `  candidate = candidate || rows[base + ${u(1 + 2 * r)}] <= atomicLoad(&acc[${u(objectiveState + 4 * r + 2)}]);`,
        )
      })
    }
    if (paretoDimensions > 0) {
      const lo = (dim: number) => `rows[base + ${u(1 + 2 * pareto[dim]!)}]`
      L.push('  if (!candidate) {')
      if (paretoDimensions === 2) {
        L.push(`    let below = cellsBelow(${lo(0)}, 0u);`)
        L.push(`    let dominated = below > 0u && ~atomicLoad(&acc[${u(grid)} + below - 1u]) < ${lo(1)};`)
      } else {
        const side = 1 << GRID_3D_BITS
        L.push(`    let below0 = cellsBelow(${lo(0)}, 0u);`)
        L.push(`    let below1 = cellsBelow(${lo(1)}, 1u);`)
        L.push(
          `    let dominated = below0 > 0u && below1 > 0u && ~atomicLoad(&acc[${u(grid)} + (below0 - 1u) * ${u(side)} + below1 - 1u]) < ${lo(2)};`,
        )
      }
      L.push('    candidate = !dominated;')
      L.push('  }')
    }
    L.push('  if (candidate) { pushCandidate(row); }')
    L.push('}')
    passes.push({ entryPoint: 'collect', perRow: true, groups: 0 })
  }

  return {
    source: `${L.join('\n')}\n`,
    fingerprint: plan.fingerprint,
    passes,
    rowWords,
    head: { words: headWords, feasible: 0, unsure: 1, candidates: 2, heatmapRows: 3, histograms, heatmaps },
    accumulatorWords,
    axes: A,
    radices: plan.axes.map((a) => a.size),
    tables: { f32: Float32Array.from(f32), u32: Uint32Array.from(u32) },
    topK,
    rankedObjectives: ranked.length,
    paretoDimensions,
    ...(plan.keep.table ? { table: { offset: tableOffset, columns: tableColumns.length } } : {}),
  }
}
