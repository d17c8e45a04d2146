/**
 * Test fixtures of the WebGPU backend, shared by the Node and the Chromium tests: random design
 * spaces over real graph solvers (single-node, serving, distributed) with constraints near the
 * values the models produce, top-k, Pareto fronts, histograms and heatmaps; and the comparison
 * of a WebGPU result with the CPU backend's.
 */
import type { SweepResult } from '../src/sweep/result.js'
import type { SweepSpaceInput } from '../src/sweep/space.js'
import type { SweepTableChunk } from '../src/sweep/table.js'

/** A small deterministic generator (mulberry32) in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type SolverKind = 'single-node' | 'serving' | 'distributed'
export const SOLVER_KINDS: readonly SolverKind[] = ['single-node', 'serving', 'distributed']

type Random = () => number
type HeatmapInput = NonNullable<NonNullable<SweepSpaceInput['keep']>['heatmaps']>[number]

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
function some<T>(random: Random, list: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1))
  const pool = [...list]
  const out: T[] = []
  while (out.length < count && pool.length > 0)
    out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!)
  return out
}
const logUniform = (random: Random, low: number, high: number) =>
  Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low)))
/** A threshold with few significant digits, as people write them. */
const round2 = (x: number) => Number(x.toPrecision(2))

const DATACENTER = ['V100', 'A100', 'H100', 'H200', 'B200', 'MI300X', 'Gaudi3', 'TPUv5p', 'L40S', 'L4', 'T4']
const LLMS = ['Llama3_8B', 'Llama2_7B', 'Mistral_7B', 'Qwen2_5_7B', 'Llama3_70B', 'Gemma2_9B', 'Llama3_2_1B']
const PRECISIONS = ['fp32', 'fp16', 'bf16', 'fp8', 'int8']

function keep(random: Random, objectives: readonly string[]) {
  const pareto = random() < 0.75 ? some(random, objectives, 2, Math.min(3, objectives.length)) : false
  return { topK: pick(random, [1, 3, 10, 40]), pareto }
}

/**
 * A random space of one solver with at most about `maxPoints` points: catalog, precision and
 * boolean axes (categorical), integer and continuous ranges (numeric), constraints whose
 * thresholds fall among the values the space produces, 2–3 objectives. With `heatmapMetrics`,
 * two more heatmaps keep the min/max/mean of a metric per cell (one over two axes, one with a
 * side binned over a metric); the random draws, hence the rest of the space, stay the same.
 */
export function randomSpace(
  kind: SolverKind,
  random: Random,
  maxPoints = 20_000,
  heatmapMetrics = false,
): SweepSpaceInput {
  const metricHeatmaps = (list: HeatmapInput[]): HeatmapInput[] => (heatmapMetrics ? list : [])
  if (kind === 'single-node') {
    const hardware = some(random, DATACENTER, 2, 4)
    const precision = some(random, PRECISIONS, 1, 3)
    const training = random() < 0.5
    const categorical = hardware.length * precision.length * (training ? 2 : 1)
    const budget = Math.max(8, Math.floor(maxPoints / categorical))
    const batches = Math.max(2, Math.min(512, Math.floor(budget / 8)))
    const seqs = Math.max(1, Math.floor(budget / batches))
    const objectives = ['latency', 'throughput', 'energyPerSample']
    return {
      solver: 'single-node',
      fixed: { workload: pick(random, LLMS) },
      axes: {
        hardware: { ids: hardware },
        precision,
        ...(training ? { isTraining: [false, true] } : {}),
        batchSize: { from: 1, to: batches, step: 1 },
        seqLen: { from: 128, to: 32_768, count: seqs, scale: 'log', integer: true },
      },
      constraints: [
        'feasible',
        // memoryUtilization: single-node's model output, footprint / capacity.
        `memoryUtilization <= ${round2(0.2 + 0.8 * random())}`,
        `latency <= ${round2(logUniform(random, 1e-3, 10))} s`,
        ...(random() < 0.5 ? [`mfu >= ${round2(0.5 * random())}`] : []),
      ],
      objectives: [
        { minimize: 'latency' },
        { maximize: 'throughput' },
        { minimize: 'energy / batchSize', name: 'energyPerSample' },
      ],
      keep: {
        ...keep(random, objectives),
        histograms: [
          { of: 'hardware' },
          { of: 'mfu', bins: pick(random, [8, 10, 20]), range: [0, 1] },
          { of: 'latency', bins: 24, range: ['10 us', '100 s'], scale: 'log', where: 'all' },
        ],
        heatmaps: [
          { x: 'batchSize', y: 'precision' },
          ...metricHeatmaps([
            { x: 'batchSize', y: 'precision', metric: 'energy / batchSize' },
            {
              x: 'hardware',
              y: { of: 'latency', bins: 8, range: ['100 us', '100 s'], scale: 'log' },
              metric: 'mfu',
            },
          ]),
        ],
      },
    }
  }
  if (kind === 'serving') {
    const hardware = some(random, DATACENTER, 1, 3)
    const precision = some(random, ['fp16', 'bf16', 'fp8', 'int8'], 1, 3)
    const categorical = hardware.length * precision.length
    const budget = Math.max(8, Math.floor(maxPoints / categorical))
    const batches = Math.max(2, Math.min(256, Math.floor(Math.sqrt(budget))))
    const seqs = Math.max(2, Math.floor(budget / batches))
    const objectives = ['ttft', 'itl', 'tokensPerSecond']
    return {
      solver: 'serving',
      fixed: { workload: pick(random, LLMS) },
      axes: {
        hardware: { ids: hardware },
        precision,
        seqLen: { from: 256, to: 65_536, count: seqs, scale: 'log', integer: true },
        batchSize: { from: 1, to: batches, step: 1 },
      },
      derived: { tokensPerSecond: 'batchSize / itl' },
      constraints: [
        'feasible',
        `ttft <= ${round2(logUniform(random, 0.01, 20))} s`,
        `itl <= ${round2(logUniform(random, 0.005, 0.5))} s`,
        ...(random() < 0.5 ? [`memoryUtilization <= ${round2(0.3 + 0.7 * random())}`] : []),
      ],
      objectives: [{ minimize: 'ttft' }, { minimize: 'itl' }, { maximize: 'tokensPerSecond' }],
      keep: {
        ...keep(random, objectives),
        histograms: [
          { of: 'ttft', bins: 16, range: ['1 ms', '100 s'], scale: 'log' },
          { of: 'memoryUtilization', bins: 10, range: [0, 1], where: 'all' },
        ],
        heatmaps: [
          { x: 'hardware', y: 'precision' },
          ...metricHeatmaps([
            { x: 'hardware', y: 'precision', metric: 'ttft' },
            {
              x: { of: 'memoryUtilization', bins: 5, range: [0, 1] },
              y: 'batchSize',
              metric: 'tokensPerSecond',
            },
          ]),
        ],
      },
    }
  }
  const fleets = some(random, ['Research_256', 'Lab_64_H100', 'Training_1K', 'Production_2K'], 1, 3)
  const tp = some(random, [1, 2, 4, 8], 2, 4)
  const pp = some(random, [1, 2, 4, 8, 16], 2, 5)
  const precision = some(random, ['fp16', 'bf16', 'fp8'], 1, 2)
  const categorical = fleets.length * precision.length
  const numeric = tp.length * pp.length
  const budget = Math.max(4, Math.floor(maxPoints / categorical / numeric))
  const micro = Math.max(1, Math.min(64, Math.floor(Math.sqrt(budget))))
  const batches = Math.max(1, Math.floor(budget / micro))
  const objectives = ['stepTime', 'mfu', 'communicationTime']
  return {
    solver: 'distributed',
    fixed: { workload: pick(random, ['Llama3_8B', 'Llama3_70B', 'GPT3']) },
    axes: {
      fleet: { ids: fleets },
      precision,
      tpSize: tp,
      ppSize: pp,
      microbatchCount: { from: 1, to: micro, step: 1 },
      batchSize: { from: 256, to: 256 * 2 ** Math.min(8, batches - 1), factor: 2, scale: 'log' },
    },
    constraints: [
      'nodeFeasible',
      `bubbleFraction <= ${round2(0.05 + 0.5 * random())}`,
      ...(random() < 0.6 ? [`scalingEfficiency >= ${round2(0.3 + 0.6 * random())}`] : []),
    ],
    objectives: [{ minimize: 'stepTime' }, { maximize: 'mfu' }, { minimize: 'communicationTime' }],
    keep: {
      ...keep(random, objectives),
      histograms: [
        { of: 'tpSize' },
        { of: 'stepTime', bins: 20, range: ['1 ms', '1000 s'], scale: 'log' },
        { of: 'bubbleFraction', bins: 10, range: [0, 1], where: 'all' },
      ],
      heatmaps: [
        { x: 'tpSize', y: 'ppSize' },
        ...metricHeatmaps([
          { x: 'tpSize', y: 'ppSize', metric: 'mfu' },
          { x: 'fleet', y: { of: 'bubbleFraction', bins: 5, range: [0, 1] }, metric: 'stepTime' },
        ]),
      ],
    },
  }
}

/** Cells of a result's metric heatmaps with a value (a min, max and mean to compare). */
export function metricCells(result: SweepResult): number {
  return result.heatmaps
    .filter((h) => h.metric !== undefined)
    .reduce((n, h) => n + h.mean!.flat().filter((v) => v !== null).length, 0)
}

/** Differences between a WebGPU result and the CPU's (empty when they agree exactly). */
export function resultDifferences(gpu: SweepResult, cpu: SweepResult): string[] {
  const out: string[] = []
  // Non-finite numbers and −0 spelled out (JSON would write null and 0).
  const json = (v: unknown) =>
    JSON.stringify(v, (_k, x) =>
      typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0))
        ? Object.is(x, -0)
          ? '-0'
          : String(x)
        : x,
    )
  if (json(gpu.counts) !== json(cpu.counts)) out.push(`counts ${json(gpu.counts)} ≠ ${json(cpu.counts)}`)
  gpu.topK.forEach((t, j) => {
    const a = t.points.map((p) => p.index)
    const b = cpu.topK[j]!.points.map((p) => p.index)
    if (json(a) !== json(b)) out.push(`top-k of ${t.objective}: ${json(a)} ≠ ${json(b)}`)
  })
  if (
    json(gpu.pareto?.points.map((p) => [p.index, p.count])) !==
    json(cpu.pareto?.points.map((p) => [p.index, p.count]))
  )
    out.push(
      `Pareto ${json(gpu.pareto?.points.map((p) => [p.index, p.count]))} ≠ ${json(cpu.pareto?.points.map((p) => [p.index, p.count]))}`,
    )
  gpu.histograms.forEach((h, i) => {
    if (json(h) !== json(cpu.histograms[i]))
      out.push(`histogram ${i}: ${json(h)} ≠ ${json(cpu.histograms[i])}`)
  })
  gpu.heatmaps.forEach((h, i) => {
    const c = cpu.heatmaps[i]!
    const stats = (['count', 'min', 'max', 'mean', 'outside'] as const).filter(
      (k) => json(h[k]) !== json(c[k]),
    )
    if (stats.length > 0 || json(h) !== json(c))
      out.push(`heatmap ${i}${h.metric ? ` (${h.metric})` : ''} differs: ${stats.join(', ') || 'bins'}`)
  })
  if (json(gpu.reduction) !== json(cpu.reduction) && out.length === 0) out.push('reductions differ')
  return out
}

/** Rows of table chunks, by index: meets flag and the other columns' values. */
export function tableRows(
  chunks: readonly SweepTableChunk[],
): Map<number, { meets: boolean; values: number[] }> {
  const rows = new Map<number, { meets: boolean; values: number[] }>()
  for (const chunk of chunks) {
    const names = chunk.schema.map((c) => c.name)
    const index = chunk.columns[names.indexOf('index')]!
    const meets = chunk.columns[names.indexOf('meetsConstraints')]!
    const rest = chunk.columns.filter((_, i) => names[i] !== 'index' && names[i] !== 'meetsConstraints')
    for (let r = 0; r < chunk.rows; r++) {
      rows.set(index[r]!, { meets: meets[r] === 1, values: rest.map((c) => c[r]!) })
    }
  }
  return rows
}
