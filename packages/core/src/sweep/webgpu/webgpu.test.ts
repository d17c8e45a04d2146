// The WebGPU sweep backend in Node: Dawn (the `webgpu` package) on Mesa's lavapipe, in a child
// process. Results must equal the CPU backend's exactly (counts, top-k, Pareto, bins); the
// child's crash or hang must end in a notice and a complete, correct sweep on the CPU.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referenceResult, registerSweepTestSolver } from '../../../test/sweep-fixtures.js'
import {
  metricCells,
  randomSpace,
  resultDifferences,
  SOLVER_KINDS,
  seededRandom,
  tableRows,
} from '../../../test/webgpu-fixtures.js'
import { createNodeWebGpu, createNodeWorkerPool, lavapipeIcd, webgpuEnvironment } from '../../node.js'
import { registerSweepBackend, SweepBackendUnavailableError, type SweepWorkerPool } from '../backend.js'
import { SweepCancelledError, type SweepProgress, sweep } from '../engine.js'
import { planSweep, type SweepPlan } from '../plan.js'
import type { SweepResult } from '../result.js'
import type { SweepSpaceInput } from '../space.js'
import type { SweepTableChunk } from '../table.js'
import { createWebGpuBackend, type WebGpuSweepSession, webgpuBackend } from './backend.js'
import { boundedConstant } from './bounded-wgsl.js'
import { isSoftwareAdapter } from './gpu-types.js'
import { compileGpuKernel, packParams } from './kernel.js'

registerSweepTestSolver()

/** The synthetic solver over 154,240 points: invalid combinations, a fold, ±∞ and NaN ratios, exact integers. */
const mechanics: SweepSpaceInput = {
  solver: 'sweep-test',
  axes: {
    mode: ['fast', 'broken', 'slow', 'zero'],
    flag: [false, true],
    x: { from: -3, to: 3, count: 241 },
    n: { from: 0, to: 9, step: 1 },
    t: { from: 0.25, to: 2, count: 8 },
  },
  derived: { twiceY: 'y * 2' },
  constraints: ['ok', 'time <= 9', 'ratio < 3 or ratio != ratio'],
  objectives: [{ minimize: 'y' }, { maximize: 'sum' }, { minimize: 'time' }],
  keep: {
    topK: 7,
    pareto: ['y', 'time'],
    histograms: [
      { of: 'mode' },
      { of: 'twiceY', bins: 6, range: [-6, 10], where: 'all' },
      { of: 'time', bins: 4, range: ['100 ms', '10 s'], scale: 'log' },
    ],
    heatmaps: [{ x: 'mode', y: 'flag' }],
  },
}

const gpu = createNodeWebGpu()
let available = false
let unavailableReason = ''
let mechanicsPlan: SweepPlan
let mechanicsCpu: SweepResult

beforeAll(async () => {
  mechanicsPlan = planSweep(mechanics)
  mechanicsCpu = await sweep(mechanicsPlan, { backend: 'cpu' })
  try {
    const session = await webgpuBackend.open(planSweep({ solver: 'sweep-test', axes: { x: [1, 2] } }), {
      gpu,
    })
    await session.close()
    available = true
  } catch (error) {
    if (!(error instanceof SweepBackendUnavailableError)) throw error
    unavailableReason = error.message
    const banner = '!'.repeat(100)
    console.warn(
      `${banner}\nNO WEBGPU ADAPTER IN NODE: ${error.message}\nlavapipe manifest: ${lavapipeIcd() ?? 'missing (install mesa-vulkan-drivers from bookworm-backports: tooling/scripts/setup-system.sh)'}\nThe GPU tests below check the CPU fallback instead.\n${banner}`,
    )
  }
}, 120_000)

afterAll(() => {
  registerSweepBackend(webgpuBackend)
})

/** Runs a plan on the WebGPU backend, collecting notices, progress and table chunks. */
async function runGpu(plan: SweepPlan, options: Parameters<typeof sweep>[1] = {}) {
  const notices: string[] = []
  const progress: SweepProgress[] = []
  const table: SweepTableChunk[] = []
  const result = await sweep(plan, {
    backend: 'webgpu',
    gpu,
    onNotice: (m) => notices.push(m),
    onProgress: (p) => progress.push(p),
    onTable: (c) => {
      table.push(c)
    },
    progressInterval: 0,
    ...options,
  })
  return { result, notices, progress, table }
}

describe('the kernel (no device needed)', () => {
  it('packs the chunk start as mixed-radix digits', () => {
    const spec = compileGpuKernel(mechanicsPlan)
    // Radices 4 (mode) · 2 (flag) · 241 (x) · 10 (n) · 8 (t); index 123,457 = ((1·2 + 1)·241 + 8)·80 + 1·8 + 1 … checked by the radix.
    const words = new Uint32Array(packParams(spec, 123_457, 1000, 5, 6))
    expect([words[0], words[1], words[2]]).toEqual([1000, 5, 6])
    expect(Array.from(words.subarray(4, 9))).toEqual(Array.from(mechanicsPlan.radix.digits(123_457)))
  })

  it('writes exact f32 constants with bound 0 and others with half an ULP', () => {
    expect(boundedConstant(3)).toBe('vec2<f32>(3.0, 0.0)')
    // 0.1 is not an f32: its literal rounds, by at most 0.1 · 2⁻²⁴.
    expect(boundedConstant(0.1)).toBe(`vec2<f32>(0.1, ${(0.1 * 2 ** -24).toExponential()})`)
  })

  it('compiles the standard solvers, with heatmap metrics too', () => {
    for (const kind of SOLVER_KINDS) {
      for (const heatmapMetrics of [false, true]) {
        const spec = compileGpuKernel(planSweep(randomSpace(kind, seededRandom(1), 20_000, heatmapMetrics)))
        expect(spec.source).toContain('fn evaluate(')
        expect(spec.passes[0]!.entryPoint).toBe('evaluate')
        // Rows in a metric heatmap's cells are flagged (7) and listed for their f64 values.
        expect(spec.source.includes('rows[base] = 7u;')).toBe(heatmapMetrics)
        expect(spec.head.heatmapRows).toBe(3)
      }
    }
  })

  it('lists the sure feasible rows in the bins of any metric heatmap, once', () => {
    const spec = compileGpuKernel(
      planSweep({
        ...mechanics,
        keep: {
          topK: 3,
          heatmaps: [
            { x: 'mode', y: 'flag' },
            { x: 'mode', y: { of: 'time', bins: 4, range: ['100 ms', '10 s'] }, metric: 'y' },
            { x: 'n', y: 'flag', metric: 'sum' },
          ],
        },
      }),
    )
    // Heatmap 0 has no metric: its cells do not make a row a candidate.
    expect(spec.source).toContain('if ((gx1 >= 0 && gy1 >= 0) || (gx2 >= 0 && gy2 >= 0)) {')
    // collect skips them (they are on the list already); the radix select still counts them.
    expect(spec.source).toContain('if (rows[base] != 3u) { return; } // not feasible, or a candidate already')
    expect(spec.source).toContain('if ((rows[base] & 3u) != 3u) { return; }')
  })

  it('tells software adapters from GPUs by the adapter’s info', () => {
    const adapter = (info: Record<string, unknown>, flag?: boolean) =>
      ({ limits: {}, info, ...(flag !== undefined ? { isFallbackAdapter: flag } : {}) }) as never
    // As Dawn reports lavapipe, and Chromium SwiftShader.
    expect(
      isSoftwareAdapter(
        adapter({
          vendor: 'mesa',
          architecture: 'software',
          description: 'llvmpipe: Mesa 25.0.7 (LLVM 15.0.6)',
        }),
      ),
    ).toBe(true)
    expect(isSoftwareAdapter(adapter({ vendor: 'google', architecture: 'swiftshader' }))).toBe(true)
    expect(isSoftwareAdapter(adapter({ description: 'Microsoft Basic Render Driver' }))).toBe(true)
    expect(isSoftwareAdapter(adapter({ vendor: 'x' }, true))).toBe(true)
    expect(isSoftwareAdapter(adapter({ vendor: 'x', isFallbackAdapter: true }))).toBe(true)
    // Hardware adapters.
    expect(
      isSoftwareAdapter(
        adapter({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100 80GB HBM3' }),
      ),
    ).toBe(false)
    expect(
      isSoftwareAdapter(adapter({ vendor: 'amd', architecture: 'rdna-3', isFallbackAdapter: false })),
    ).toBe(false)
    expect(isSoftwareAdapter(adapter({}))).toBe(false)
  })

  it('says why WebGPU cannot run when no GPU object is given', async () => {
    await expect(webgpuBackend.open(mechanicsPlan, {})).rejects.toThrow(/no GPU was given/)
    await expect(webgpuBackend.open(mechanicsPlan, { gpu: {} })).rejects.toThrow(
      /neither a WebGPU GPU object/,
    )
  })

  it('sets up lavapipe and a private runtime directory for Dawn unless told otherwise', () => {
    const env = webgpuEnvironment({ XDG_RUNTIME_DIR: '/nonexistent-runtime-dir' })
    expect(env.XDG_RUNTIME_DIR).not.toBe('/nonexistent-runtime-dir')
    expect(env.VK_ICD_FILENAMES).toBe(lavapipeIcd())
    expect(webgpuEnvironment({ VK_ICD_FILENAMES: '/x.json' }).VK_ICD_FILENAMES).toBe('/x.json')
    expect(webgpuEnvironment({}, 'system').VK_ICD_FILENAMES).toBeUndefined()
  })
})

describe('WebGPU (lavapipe, child process) gives the CPU backend’s results', () => {
  // Two random spaces per solver, about 20,000 points each: constraints with thresholds among
  // the values the models produce, 2–3 objectives, top-k, Pareto fronts, histograms, heatmaps.
  const cases = SOLVER_KINDS.flatMap((kind) => [1, 2].map((seed) => ({ kind, seed })))
  const totals = { spaces: 0, points: 0, unsure: 0, candidates: 0, feasible: 0 }

  it.each(cases.map((c) => [c.kind, c.seed, c] as const))(
    '%s, random space %i',
    async (_, __, c) => {
      const plan = planSweep(randomSpace(c.kind, seededRandom(100 * c.seed + c.kind.length), 20_000))
      const cpu = await sweep(plan, { backend: 'cpu' })
      const { result, notices } = await runGpu(plan)
      if (!available) {
        expect(notices[0]).toMatch(/the webgpu backend cannot run here/)
        expect(resultDifferences(result, cpu)).toEqual([])
        return
      }
      expect(notices.filter((n) => /failed|cannot run|WARNING/.test(n))).toEqual([])
      expect(resultDifferences(result, cpu)).toEqual([])
      expect(result.reduction).toEqual(cpu.reduction)
      const stats = /([\d,]+) points on the device; ([\d,]+) .* and ([\d,]+) were top-k/.exec(
        notices.at(-1)!,
      )!
      totals.spaces++
      totals.points += plan.total
      totals.unsure += Number(stats[2]!.replaceAll(',', ''))
      totals.candidates += Number(stats[3]!.replaceAll(',', ''))
      totals.feasible += cpu.counts.feasible
    },
    120_000,
  )

  it('compared real work (feasible points, candidates) and refined only a small share', () => {
    if (!available) return
    console.info(`webgpu differential (Node, lavapipe): ${JSON.stringify(totals)}`)
    expect(totals.spaces).toBe(cases.length)
    expect(totals.feasible).toBeGreaterThan(1000)
    expect(totals.candidates).toBeGreaterThan(0)
    // Unsure points go to the CPU; by design they are the few near a boundary or a rounding step.
    expect(totals.unsure).toBeLessThan(0.25 * totals.points)
  })
})

describe('WebGPU heatmap metrics (min/max/mean per cell) equal the CPU backend’s', () => {
  // Random spaces with two metric heatmaps each (axes × axes, axis × metric bins): the device
  // counts the cells, the feasible points in them are evaluated in f64 for min, max and the
  // exact sum, so means agree to the last bit (and the reductions' expansions exactly).
  const totals = { spaces: 0, points: 0, feasible: 0, heatmapPoints: 0, cells: 0 }
  const cases = SOLVER_KINDS.flatMap((kind) => [1, 2].map((seed) => [kind, seed] as const))
  it.each(cases)(
    '%s, random space %i with metric heatmaps',
    async (kind, seed) => {
      const plan = planSweep(randomSpace(kind, seededRandom(31 * seed + kind.length), 20_000, true))
      const cpu = await sweep(plan, { backend: 'cpu' })
      const { result, notices } = await runGpu(plan)
      expect(resultDifferences(result, cpu)).toEqual([])
      expect(result.reduction).toEqual(cpu.reduction)
      if (!available) {
        expect(notices[0]).toMatch(/the webgpu backend cannot run here/)
        return
      }
      expect(notices.filter((n) => /failed|cannot run|WARNING/.test(n))).toEqual([])
      const stats =
        /([\d,]+) points on the device;.* and ([\d,]+) \([^)]*\) were feasible points in the cells of metric heatmaps/.exec(
          notices.at(-1)!,
        )
      totals.spaces++
      totals.points += plan.total
      totals.feasible += cpu.counts.feasible
      totals.heatmapPoints += stats ? Number(stats[2]!.replaceAll(',', '')) : 0
      totals.cells += metricCells(cpu)
    },
    120_000,
  )

  it('compared real cells, and the device listed only feasible points', () => {
    if (!available) return
    console.info(`webgpu heatmap metrics (Node, lavapipe): ${JSON.stringify(totals)}`)
    expect(totals.spaces).toBe(cases.length)
    expect(totals.cells).toBeGreaterThan(20)
    // Every listed point is a sure feasible one; the rest of the feasible ones were unsure (CPU).
    expect(totals.heatmapPoints).toBeGreaterThan(0)
    expect(totals.heatmapPoints).toBeLessThanOrEqual(totals.feasible)
  })

  // The synthetic solver: ratio = x / k is ±∞ for k = 0 (and NaN at x = 0), so cells mix finite
  // and non-finite values (finite counts differ from counts); (n − 4) · 0 is −0 for n < 4 and +0
  // otherwise, so min must be −0 and max +0 whichever chunk saw which first. Every heatmap has a
  // side binned over a metric, so some feasible points lie outside all cells: the best y
  // (x = −3, 'zero', y = −3, time ≥ 2.25 s) is a top-k candidate of its own.
  const metricSpace: SweepSpaceInput = {
    ...mechanics,
    keep: {
      topK: 4,
      pareto: ['y', 'time'],
      heatmaps: [
        { x: 'mode', y: { of: 'y', bins: 4, range: [-2, 3] }, metric: 'time' },
        { x: 'n', y: { of: 'time', bins: 5, range: ['100 ms', '2 s'], scale: 'log' }, metric: 'ratio' },
        { x: 'mode', y: 'n' },
        { x: { of: 'x', bins: 2, range: [-1, 1] }, y: 'flag', metric: '(n - 4) * 0' },
      ],
    },
  }

  it('the CPU backend, the reference: ±0 min and max do not depend on chunking', async () => {
    const plan = planSweep({ ...metricSpace, keep: { heatmaps: [metricSpace.keep!.heatmaps![3]!] } })
    for (const chunkSize of [7, 1000, 1 << 20]) {
      const { min, max } = (await sweep(plan, { backend: 'cpu', chunkSize })).heatmaps[0]!
      // Cells: x in [−1, 0) or [0, 1], flag false/true; each has n = 0 … 9.
      expect(min!.flat().map((v) => Object.is(v, -0))).toEqual([true, true, true, true])
      expect(max!.flat().map((v) => Object.is(v, 0))).toEqual([true, true, true, true])
    }
  })

  it('non-finite values, ±0 and metric-binned sides, over several chunks', async () => {
    const plan = planSweep(metricSpace)
    const cpu = await sweep(plan, { backend: 'cpu' })
    // 154,240 points in device chunks of 40,000 rows: 4 chunks merged.
    registerSweepBackend(createWebGpuBackend({ maxRows: 40_000 }))
    try {
      const { result, notices } = await runGpu(plan)
      expect(resultDifferences(result, cpu)).toEqual([])
      expect(result.reduction).toEqual(cpu.reduction)
      const ratio = cpu.heatmaps[1]!
      // Some cells hold feasible points whose ratio is not finite: their counts exceed the finite ones.
      const finite = cpu.reduction.heatmaps[1]!.finite
      expect(cpu.reduction.heatmaps[1]!.count.some((n, c) => n > finite[c]!)).toBe(true)
      expect(ratio.mean!.flat().filter((v) => v !== null).length).toBeGreaterThan(10)
      const zeros = cpu.heatmaps[3]!
      for (const row of zeros.min!) for (const v of row) expect(Object.is(v, -0)).toBe(true)
      for (const row of zeros.max!) for (const v of row) expect(Object.is(v, 0)).toBe(true)
      if (!available) return
      expect(notices.at(-1)).toMatch(/154,240 points on the device/)
      expect(notices.at(-1)).toMatch(
        /[1-9][\d,]* were top-k\/Pareto candidates, and [1-9][\d,]* \([^)]*\) were feasible points in the cells of metric heatmaps/,
      )
      expect(notices.filter((n) => /WARNING/.test(n))).toEqual([])
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 120_000)

  it('agrees with the brute-force reference too, with 2-D dispatch and overflowing lists', async () => {
    // 4 · 2 · 25 · 10 · 3 = 6,000 points; chunks of 700 rows, lists of 400 entries: chunks with
    // more listed points run whole on the CPU, the others through the device.
    const plan = planSweep({
      ...metricSpace,
      axes: { ...mechanics.axes, x: { from: -3, to: 3, count: 25 }, t: { from: 0.25, to: 2, count: 3 } },
    })
    registerSweepBackend(
      createWebGpuBackend({ maxRows: 700, maxWorkgroupsPerDimension: 3, listCapacity: 400 }),
    )
    try {
      const { result, notices } = await runGpu(plan)
      const reference = referenceResult(plan)
      expect(resultDifferences(result, reference)).toEqual([])
      expect(result.reduction).toEqual(reference.reduction)
      if (!available) return
      expect(notices.at(-1)).toMatch(/6,000 points on the device/)
      expect(notices.at(-1)).toMatch(/chunk\(s\) had more such points than the lists hold/)
      expect(notices.at(-1)).toMatch(/were feasible points in the cells of metric heatmaps/)
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 120_000)
})

describe('WebGPU sweep mechanics', () => {
  it('runs the synthetic space exactly, with 2-D dispatch, small chunks and overflowing lists', async () => {
    // At most 3 workgroups per dimension: a 2,000-row chunk needs 32 workgroups → a 3 × 11 grid.
    // Lists of 64 entries overflow on chunks with many candidates: those run whole on the CPU.
    registerSweepBackend(
      createWebGpuBackend({ maxRows: 2000, maxWorkgroupsPerDimension: 3, listCapacity: 64 }),
    )
    try {
      const { result, notices, progress } = await runGpu(mechanicsPlan)
      expect(resultDifferences(result, mechanicsCpu)).toEqual([])
      expect(result.reduction).toEqual(mechanicsCpu.reduction)
      if (!available) return
      expect(progress.at(-1)!.backend).toMatch(/^webgpu \(/)
      expect(progress.at(-1)!.done).toBe(mechanicsPlan.total)
      expect(notices.at(-1)).toMatch(/154,240 points on the device/)
      expect(notices.at(-1)).toMatch(/chunk\(s\) had more such points than the lists hold/)
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 120_000)

  it('streams the full table in index order: exact flags and axes, metrics within f32 bounds', async () => {
    const plan = planSweep({
      ...mechanics,
      // t in steps of 1/6 s: values an f32 rounds, so metric columns carry f32 error.
      axes: { ...mechanics.axes, x: { from: -3, to: 3, count: 25 }, t: { from: 0.25, to: 1.25, count: 7 } },
      keep: { table: { columns: ['mode', 'x', 'n', 'y', 'sum', 'time', 'ok', 'twiceY'] } },
    })
    const cpuChunks: SweepTableChunk[] = []
    await sweep(plan, { backend: 'cpu', onTable: (c) => void cpuChunks.push(c) })
    const { table } = await runGpu(plan, { chunkSize: 3000 })
    const starts = table.map((c) => c.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    const want = tableRows(cpuChunks)
    const got = tableRows(table)
    expect([...got.keys()]).toEqual([...want.keys()])
    let compared = 0
    const failures: string[] = []
    for (const [index, row] of want) {
      const g = got.get(index)!
      if (g.meets !== row.meets) failures.push(`meets at ${index}`)
      row.values.forEach((v, j) => {
        const w = g.values[j]!
        if (v === w || (Number.isNaN(v) && Number.isNaN(w))) return
        // f32 values of sure points: within 1e-5 relative (or 1e-30 absolute near zero).
        if (!(Math.abs(w - v) <= 1e-5 * Math.abs(v) + 1e-30))
          failures.push(`column ${j} at ${index}: ${w} vs ${v}`)
        compared++
      })
    }
    expect(failures.slice(0, 10)).toEqual([])
    // 4 · 2 · 25 · 10 · 7 = 14,000 points; the 3,500 of 'broken' are invalid and not in the table.
    expect(want.size).toBe(10_500)
    if (available) expect(compared).toBeGreaterThan(0)
  }, 120_000)

  it('reports progress and stops on an AbortSignal with the chunks that finished', async () => {
    const controller = new AbortController()
    const seen: SweepProgress[] = []
    const run = sweep(mechanicsPlan, {
      backend: 'webgpu',
      gpu,
      chunkSize: 4096,
      progressInterval: 0,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p)
        if (seen.length === 3) controller.abort(new Error('enough'))
      },
    })
    const error = (await run.catch((e: unknown) => e)) as SweepCancelledError
    expect(error).toBeInstanceOf(SweepCancelledError)
    expect(error.message).toMatch(/enough/)
    expect(error.progress.done).toBeGreaterThanOrEqual(3 * 4096)
    expect(error.progress.done).toBeLessThan(mechanicsPlan.total)
    expect(error.partial.complete).toBe(false)
    expect(error.partial.counts.points).toBe(error.progress.done)
  }, 120_000)

  it('picks WebGPU for large spaces with backend "auto", and the CPU for small ones', async () => {
    const small = await runGpu(
      planSweep({ ...mechanics, axes: { mode: ['fast'], x: [1, 2, 3] }, keep: {} }),
      {
        backend: 'auto',
      },
    )
    expect(small.notices[0]).toMatch(/3 points; below 262,144 the CPU kernel finishes before a GPU dispatch/)
    expect(small.progress.at(-1)!.backend).toBe('cpu (calling thread)')
    registerSweepBackend(createWebGpuBackend({ autoMinPoints: 100_000, autoOnSoftwareAdapter: true }))
    try {
      // A shard is weighed by its own slice: half of 154,240 points stays on the CPU.
      const half = await runGpu(mechanicsPlan, { backend: 'auto', shard: '1/2' })
      expect(half.notices[0]).toMatch(/this shard of the space has 77,120 points; below 100,000 /)
      expect(half.progress.at(-1)!.backend).toBe('cpu (calling thread)')
      const large = await runGpu(mechanicsPlan, { backend: 'auto' })
      expect(resultDifferences(large.result, mechanicsCpu)).toEqual([])
      expect(large.progress.at(-1)!.backend).toMatch(available ? /^webgpu/ : /^cpu/)
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 120_000)

  it('auto leaves a software adapter (lavapipe) to the CPU backend, saying so (backend webgpu uses it)', async () => {
    if (!available) return
    registerSweepBackend(createWebGpuBackend({ autoMinPoints: 100_000 }))
    try {
      const auto = await runGpu(mechanicsPlan, { backend: 'auto' })
      expect(auto.notices).toEqual([
        expect.stringMatching(
          /^the webgpu backend cannot run here \(the only WebGPU adapter here is a software one \(llvmpipe.*\), which emulates a GPU on the CPU cores .*choose backend: 'webgpu' to use it anyway\)\); using the CPU backend$/,
        ),
      ])
      expect(auto.progress.at(-1)!.backend).toMatch(/^cpu/)
      expect(auto.result.reduction).toEqual(mechanicsCpu.reduction)
    } finally {
      registerSweepBackend(webgpuBackend)
    }
  }, 120_000)
})

describe('isolation: a crashed or hung Dawn process costs the GPU, not the sweep', () => {
  it.each([
    ['crashes (SIGSEGV)', 'SIGSEGV', /ended with signal SIGSEGV/],
    ['hangs (SIGSTOP, 3 s timeout)', 'SIGSTOP', /did not answer within 3 s \(a hang\)/],
  ] as const)(
    'the child process %s mid-sweep: notice, then the CPU finishes it',
    async (_, signal, why) => {
      if (!available) return
      const pids: number[] = []
      const host = createNodeWebGpu({ onChild: ({ pid }) => pids.push(pid), chunkTimeoutMs: 3000 })
      let sent = false
      const notices: string[] = []
      const progress: SweepProgress[] = []
      const result = await sweep(mechanicsPlan, {
        backend: 'webgpu',
        gpu: host,
        chunkSize: 8192,
        progressInterval: 0,
        onNotice: (m) => notices.push(m),
        onProgress: (p) => {
          progress.push(p)
          if (!sent) {
            sent = true
            process.kill(pids[0]!, signal)
          }
        },
      })
      expect(notices.find((n) => /failed mid-sweep/.test(n))).toMatch(why)
      expect(progress.at(-1)!.backend).toMatch(/^cpu \(after webgpu failed/)
      expect(result.complete).toBe(true)
      expect(resultDifferences(result, mechanicsCpu)).toEqual([])
      expect(result.reduction).toEqual(mechanicsCpu.reduction)
    },
    120_000,
  )

  it('after a failure mid-sweep, finishes on the worker pool when one is given', async () => {
    // A runner whose device is lost at once: every chunk goes to the CPU, here on two workers.
    const lost = {
      openSweepRunner: async () => ({
        info: {
          adapter: 'test adapter',
          maxRows: 4096,
          limits: {
            maxStorageBufferBindingSize: 1 << 27,
            maxBufferSize: 1 << 28,
            maxComputeWorkgroupsPerDimension: 65535,
          },
        },
        run: () => Promise.reject(new Error('the device was lost (test)')),
        close: async () => {},
      }),
    }
    const base = createNodeWorkerPool({ threads: 2 })
    let runs = 0
    const pool: SweepWorkerPool = {
      size: base.size,
      run: (...args) => {
        runs++
        return base.run(...args)
      },
      release: (id) => base.release(id),
      terminate: () => base.terminate(),
    }
    try {
      const notices: string[] = []
      const result = await sweep(mechanicsPlan, {
        backend: 'webgpu',
        gpu: lost,
        workers: pool,
        onNotice: (m) => notices.push(m),
      })
      expect(notices[0]).toMatch(
        /failed mid-sweep \(the device was lost \(test\)\); the rest of the sweep runs on the CPU/,
      )
      expect(runs).toBeGreaterThan(0)
      expect(result.reduction).toEqual(mechanicsCpu.reduction)
    } finally {
      await pool.terminate()
    }
  }, 120_000)

  it('falls back with a clear message when no adapter exists (a driver manifest that is not there)', async () => {
    const notices: string[] = []
    const result = await sweep(mechanicsPlan, {
      backend: 'webgpu',
      gpu: createNodeWebGpu({ vulkanDriver: '/nonexistent/no_icd.json' }),
      onNotice: (m) => notices.push(m),
    })
    expect(notices).toEqual([
      expect.stringMatching(
        /the webgpu backend cannot run here \(requestAdapter\(\) returned null: no WebGPU adapter/,
      ),
    ])
    expect(result.reduction).toEqual(mechanicsCpu.reduction)
  }, 120_000)
})

describe('Dawn in this process: the create() result must outlive the device', () => {
  it('survives forced garbage collection while GPU work is in flight (node --expose-gc)', () => {
    // A separate Node process: --expose-gc must be given at start. It sweeps with `gpu: create([])`
    // (held by nothing but the runner) while gc() runs every millisecond and after every chunk.
    const here = fileURLToPath(import.meta.url)
    const script = fileURLToPath(new URL('../../../test/webgpu-gc-stress.ts', import.meta.url))
    const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--conditions=@mlsysim/source', '--import', tsx, script],
      { encoding: 'utf8', timeout: 300_000, env: webgpuEnvironment() },
    )
    const last = child.stdout.trim().split('\n').at(-1) ?? ''
    expect(child.signal, child.stderr.slice(-2000)).toBeNull()
    expect(child.status, child.stderr.slice(-2000)).toBe(0)
    const report = JSON.parse(last) as {
      adapter: boolean
      equal: boolean
      chunks: number
      collections: number
    }
    if (!available) {
      expect(report.adapter).toBe(false)
      return
    }
    expect(report).toMatchObject({ adapter: true, equal: true })
    // 3 · 2 · 121 · 10 · 8 = 58,080 points in chunks of 4,096: 15 chunks, a progress event after each but the last.
    expect(report.chunks).toBe(14)
    expect(report.collections).toBeGreaterThan(report.chunks)
  }, 320_000)
})

/** The session type carries refinement statistics (for reports beyond the notice). */
export type { WebGpuSweepSession }

void unavailableReason
