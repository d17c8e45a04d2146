// The WebGPU sweep backend in Chromium (SwiftShader, on the CPU): `navigator.gpu` passed as the
// GPU, results equal to the CPU backend's exactly on random spaces over real solvers, heatmap
// metrics (per-cell min/max/mean) included.
import { afterAll, describe, expect, it } from 'vitest'
import { registerSweepTestSolver } from '../../../test/sweep-fixtures.js'
import {
  metricCells,
  randomSpace,
  resultDifferences,
  SOLVER_KINDS,
  seededRandom,
} from '../../../test/webgpu-fixtures.js'
import { registerSweepBackend } from '../backend.js'
import { type SweepProgress, sweep } from '../engine.js'
import { planSweep, type SweepPlan } from '../plan.js'
import { createWebGpuBackend, webgpuBackend } from './backend.js'

registerSweepTestSolver()

const gpu = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu

afterAll(() => {
  registerSweepBackend(webgpuBackend)
})

async function both(plan: SweepPlan) {
  const notices: string[] = []
  const progress: SweepProgress[] = []
  const gpuResult = await sweep(plan, {
    backend: 'webgpu',
    gpu,
    onNotice: (m) => notices.push(m),
    onProgress: (p) => progress.push(p),
  })
  const cpuResult = await sweep(plan, { backend: 'cpu' })
  return { gpuResult, cpuResult, notices, progress }
}

describe('WebGPU sweeps in Chromium (SwiftShader)', () => {
  it('has navigator.gpu (Chromium started with --enable-unsafe-webgpu, served from localhost)', () => {
    expect(gpu).toBeDefined()
  })

  const totals = { spaces: 0, points: 0, feasible: 0 }
  it.each(SOLVER_KINDS.map((kind) => [kind] as const))(
    '%s: a random space gives the CPU backend’s results exactly',
    async (kind) => {
      const plan = planSweep(randomSpace(kind, seededRandom(7 + kind.length), 8_000))
      const { gpuResult, cpuResult, notices, progress } = await both(plan)
      expect(notices.filter((n) => /failed|cannot run|WARNING/.test(n))).toEqual([])
      expect(progress.at(-1)!.backend).toMatch(/^webgpu \(/)
      expect(resultDifferences(gpuResult, cpuResult)).toEqual([])
      expect(gpuResult.reduction).toEqual(cpuResult.reduction)
      totals.spaces++
      totals.points += plan.total
      totals.feasible += cpuResult.counts.feasible
    },
    180_000,
  )

  it('compared real work', () => {
    console.info(`webgpu differential (Chromium, SwiftShader): ${JSON.stringify(totals)}`)
    expect(totals.spaces).toBe(SOLVER_KINDS.length)
    expect(totals.feasible).toBeGreaterThan(100)
  })

  const metricTotals = { spaces: 0, points: 0, feasible: 0, cells: 0 }
  it.each(SOLVER_KINDS.map((kind) => [kind] as const))(
    '%s: a random space with heatmap metrics gives the CPU backend’s min/max/mean exactly',
    async (kind) => {
      const plan = planSweep(randomSpace(kind, seededRandom(11 + kind.length), 8_000, true))
      const { gpuResult, cpuResult, notices, progress } = await both(plan)
      expect(notices.filter((n) => /failed|cannot run|WARNING/.test(n))).toEqual([])
      expect(progress.at(-1)!.backend).toMatch(/^webgpu \(/)
      expect(resultDifferences(gpuResult, cpuResult)).toEqual([])
      expect(gpuResult.reduction).toEqual(cpuResult.reduction)
      metricTotals.spaces++
      metricTotals.points += plan.total
      metricTotals.feasible += cpuResult.counts.feasible
      metricTotals.cells += metricCells(cpuResult)
    },
    180_000,
  )

  it('compared real heatmap cells', () => {
    console.info(`webgpu heatmap metrics (Chromium, SwiftShader): ${JSON.stringify(metricTotals)}`)
    expect(metricTotals.spaces).toBe(SOLVER_KINDS.length)
    expect(metricTotals.cells).toBeGreaterThan(10)
  })

  it('auto leaves SwiftShader (a software adapter) to the CPU backend, saying so', async () => {
    registerSweepBackend(createWebGpuBackend({ autoMinPoints: 1 }))
    try {
      const plan = planSweep(randomSpace('single-node', seededRandom(3), 2_000))
      const notices: string[] = []
      const progress: SweepProgress[] = []
      const result = await sweep(plan, {
        backend: 'auto',
        gpu,
        onNotice: (m) => notices.push(m),
        onProgress: (p) => progress.push(p),
      })
      expect(notices).toEqual([expect.stringMatching(/the only WebGPU adapter here is a software one \(/)])
      expect(progress.at(-1)!.backend).toMatch(/^cpu/)
      expect(result.reduction).toEqual((await sweep(plan, { backend: 'cpu' })).reduction)
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 60_000)

  it('runs the synthetic space exactly with 2-D dispatch, small chunks and overflowing lists', async () => {
    registerSweepBackend(
      createWebGpuBackend({ maxRows: 1500, maxWorkgroupsPerDimension: 3, listCapacity: 64 }),
    )
    try {
      const plan = planSweep({
        solver: 'sweep-test',
        axes: {
          mode: ['fast', 'broken', 'slow', 'zero'],
          flag: [false, true],
          x: { from: -3, to: 3, count: 61 },
          n: { from: 0, to: 9, step: 1 },
          t: { from: 0.25, to: 2, count: 4 },
        },
        constraints: ['ok', 'time <= 9', 'ratio < 3 or ratio != ratio'],
        objectives: [{ minimize: 'y' }, { maximize: 'sum' }, { minimize: 'time' }],
        keep: {
          topK: 5,
          pareto: ['y', 'sum', 'time'],
          histograms: [{ of: 'mode' }, { of: 'time', bins: 4, range: ['100 ms', '10 s'], scale: 'log' }],
          heatmaps: [{ x: 'mode', y: 'flag' }],
        },
      })
      const { gpuResult, cpuResult, notices } = await both(plan)
      expect(resultDifferences(gpuResult, cpuResult)).toEqual([])
      expect(gpuResult.reduction).toEqual(cpuResult.reduction)
      // 4 · 2 · 61 · 10 · 4 = 19,520 points, all through the device.
      expect(notices.at(-1)).toMatch(/19,520 points on the device/)
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 180_000)

  it('keeps heatmap metrics exact: non-finite values, ±0, metric-binned sides, several chunks', async () => {
    registerSweepBackend(createWebGpuBackend({ maxRows: 5000, maxWorkgroupsPerDimension: 7 }))
    try {
      // ratio = x / k is ±∞ or NaN where k = 0; (n − 4) · 0 is −0 for n < 4 and +0 otherwise.
      const plan = planSweep({
        solver: 'sweep-test',
        axes: {
          mode: ['fast', 'broken', 'slow', 'zero'],
          flag: [false, true],
          x: { from: -3, to: 3, count: 61 },
          n: { from: 0, to: 9, step: 1 },
          t: { from: 0.25, to: 2, count: 4 },
        },
        constraints: ['ok', 'time <= 9', 'ratio < 3 or ratio != ratio'],
        objectives: [{ minimize: 'y' }, { maximize: 'sum' }, { minimize: 'time' }],
        keep: {
          topK: 5,
          pareto: ['y', 'sum', 'time'],
          heatmaps: [
            { x: 'mode', y: { of: 'y', bins: 4, range: [-2, 3] }, metric: 'time' },
            { x: 'n', y: { of: 'time', bins: 5, range: ['100 ms', '2 s'], scale: 'log' }, metric: 'ratio' },
            { x: { of: 'x', bins: 2, range: [-1, 1] }, y: 'flag', metric: '(n - 4) * 0' },
          ],
        },
      })
      const { gpuResult, cpuResult, notices } = await both(plan)
      expect(resultDifferences(gpuResult, cpuResult)).toEqual([])
      expect(gpuResult.reduction).toEqual(cpuResult.reduction)
      const zeros = cpuResult.heatmaps[2]!
      expect(zeros.min!.flat().map((v) => Object.is(v, -0))).toEqual([true, true, true, true])
      expect(zeros.max!.flat().map((v) => Object.is(v, 0))).toEqual([true, true, true, true])
      // 19,520 points in 4 device chunks; points in metric cells evaluated in f64, the rest counted on the device.
      expect(notices.at(-1)).toMatch(/19,520 points on the device/)
      expect(notices.at(-1)).toMatch(/were feasible points in the cells of metric heatmaps/)
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 180_000)
})
