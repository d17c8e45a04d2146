/**
 * Sweep throughput (configurations per second) of the three standard spaces on every backend,
 * each with its ratio to the scalar loop (`solve()` per point, bench/scalar-loop.ts):
 *
 *   scalar loop · cpu kernel (1 core) · cpu kernel (all cores) · webgpu in Node (Dawn in a
 *   child process; lavapipe unless VK_ICD_FILENAMES names another driver). WebGPU in Chromium
 *   is `pnpm bench:chromium` (bench/webgpu.chromium-bench.ts, through Vitest's browser mode).
 *
 * WebGPU figures are end to end (open = child process, adapter, shader compile; then the sweep
 * with its f64 refinement), and "warm" excludes the open. Software adapters prove correctness,
 * not speed: on a CPU-only machine the CPU kernel is the fast path. Reported, never asserted.
 * Run: `pnpm bench` in packages/core (or `tsx --conditions=@mlsysim/source bench/webgpu.bench.ts`).
 */
import { availableParallelism, cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { planSweep, type SweepPlan, sweep, webgpuBackend } from '../src/index.js'
import { createNodeWebGpu, createNodeWorkerPool } from '../src/node.js'
import { shortRate } from './measure.js'
import { scalarLoopRate } from './scalar-loop.js'
import { standardSpaces } from './webgpu-spaces.js'

const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const perSecond = (points: number, ms: number) => points / (ms / 1000)
/** A rate with its ratio to the scalar loop: "12.3 M (×85)". */
const vsScalar = (rate: number, scalar: number) =>
  `${shortRate(rate)} (×${(rate / scalar).toFixed(rate < scalar * 10 ? 1 : 0)})`

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await run()
  return [value, performance.now() - start]
}

/** Opens a WebGPU session, then runs every chunk (two in flight, as the engine does). */
async function webgpuWarm(plan: SweepPlan) {
  const [session, openMs] = await timed(() => webgpuBackend.open(plan, { gpu: createNodeWebGpu() }))
  const [, runMs] = await timed(async () => {
    const chunks: [number, number][] = []
    for (let s = 0; s < plan.total; s += session.chunkSize)
      chunks.push([s, Math.min(plan.total, s + session.chunkSize)])
    let next = 0
    const lane = async () => {
      while (next < chunks.length) {
        const [s, e] = chunks[next++]!
        await session.evaluate(s, e)
      }
    }
    await Promise.all([lane(), lane()])
  })
  const adapter = session.description
  await session.close()
  return { openMs, runMs, adapter }
}

console.log(
  `WebGPU sweep benchmark — ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, Node ${process.version}`,
)
const rows: string[][] = [
  [
    'space',
    'points',
    'scalar solve()',
    'cpu kernel, 1 core',
    `cpu kernel, ${availableParallelism()} cores (warm pool)`,
    'webgpu, end to end',
    'webgpu, warm',
    'adapter',
  ],
]
for (const [name, space] of Object.entries(standardSpaces(SCALE))) {
  const plan = planSweep(space)
  const scalar = scalarLoopRate(space, plan)
  await sweep(plan, { backend: 'cpu' }) // warm the CPU kernel (V8 optimizes it while it runs)
  const [cpuResult, cpuMs] = await timed(() => sweep(plan, { backend: 'cpu' }))
  // Every core through a pool that already runs (as in a long session or a shard job); the
  // first run starts the workers and compiles the kernel in each.
  const pool = createNodeWorkerPool()
  await sweep(plan, { workers: pool })
  const [, allMs] = await timed(() => sweep(plan, { workers: pool }))
  await pool.terminate()
  const notices: string[] = []
  const [gpuResult, gpuMs] = await timed(() =>
    sweep(plan, { backend: 'webgpu', gpu: createNodeWebGpu(), onNotice: (m) => notices.push(m) }),
  )
  const same = JSON.stringify(gpuResult.reduction) === JSON.stringify(cpuResult.reduction)
  const warm = await webgpuWarm(plan)
  rows.push([
    name,
    plan.total.toLocaleString('en-US'),
    shortRate(scalar),
    vsScalar(perSecond(plan.total, cpuMs), scalar),
    vsScalar(perSecond(plan.total, allMs), scalar),
    `${vsScalar(perSecond(plan.total, gpuMs), scalar)}${same ? '' : ' (DIFFERS from cpu!)'}`,
    `${vsScalar(perSecond(plan.total, warm.runMs), scalar)}, open ${(warm.openMs / 1000).toFixed(1)} s`,
    warm.adapter,
  ])
  for (const n of notices) console.log(`  ${n}`)
}
const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)))
for (const r of rows) console.log(r.map((c, j) => c.padEnd(widths[j]!)).join('  '))
console.log(
  'configurations per second (×: ratio to the scalar loop). "end to end" opens the GPU (child process, adapter, shader compile) and refines in f64; "warm" is the sweep alone.',
)
