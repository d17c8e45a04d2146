/**
 * Sweep throughput of single-node over the whole catalog × batch × precision:
 *
 *   scalar solve() per point · model.evaluate() per point · the generated columnar kernel on
 *   one core (calling thread) · the kernel on every core (worker threads)
 *
 * for three workloads of the kernel: counting feasible points (everything but the memory check
 * is pruned or hoisted), ranking latency and throughput, and a full keep set.
 *
 * Run: `pnpm bench` in packages/core. Numbers depend on the machine (and on whoever else uses
 * it: each warm figure is the best of three), so they are reported, never asserted.
 * BENCH_BATCHES (default 1024) and BENCH_SAMPLE (default 20,000) size the run.
 */
import { availableParallelism, cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { chips } from '@mlsysim/hardware'
import { workloads } from '@mlsysim/workloads'
import {
  inputsOf,
  planSweep,
  type SweepSpaceInput,
  serializeSweepResult,
  sweep,
  sweepSync,
} from '../src/index.js'
import { createNodeWorkerPool } from '../src/node.js'
import { shortRate } from './measure.js'
import { samplePoints, scalarLoopRate } from './scalar-loop.js'

const PRECISIONS = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'fp4', 'int4']
const BATCHES = Number(process.env.BENCH_BATCHES ?? 1024)

const countOnly: SweepSpaceInput = {
  solver: 'single-node',
  axes: {
    hardware: { catalog: 'all' },
    workload: { catalog: 'all' },
    precision: PRECISIONS,
    batchSize: { from: 1, to: BATCHES, step: 1 },
  },
  constraints: ['feasible'],
}

const twoObjectives: SweepSpaceInput = {
  ...countOnly,
  objectives: [{ minimize: 'latency' }, { maximize: 'throughput' }],
  keep: { topK: 10 },
}

const everything: SweepSpaceInput = {
  ...countOnly,
  constraints: ['feasible', 'memoryFootprint / capacity <= 0.9'],
  objectives: [
    { minimize: 'latency' },
    { maximize: 'throughput' },
    { minimize: 'energy / batchSize', name: 'energyPerSample' },
  ],
  keep: {
    topK: 10,
    pareto: ['latency', 'energyPerSample'],
    histograms: [{ of: 'hardware' }, { of: 'latency', bins: 60, range: ['1 us', '1000 s'], scale: 'log' }],
    heatmaps: [{ x: 'precision', y: 'hardware', metric: 'mfu' }],
  },
}

function time<T>(run: () => T): { value: T; seconds: number } {
  const start = performance.now()
  const value = run()
  return { value, seconds: (performance.now() - start) / 1000 }
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now()
  const value = await run()
  return { value, seconds: (performance.now() - start) / 1000 }
}

/** Best of `rounds` rates: on a shared machine the best round is the least disturbed. */
function best(rounds: number, rate: () => number): number {
  let top = 0
  for (let r = 0; r < rounds; r++) top = Math.max(top, rate())
  return top
}

async function bestAsync(rounds: number, rate: () => Promise<number>): Promise<number> {
  let top = 0
  for (let r = 0; r < rounds; r++) top = Math.max(top, await rate())
  return top
}

async function main() {
  const threads = availableParallelism()
  console.log(
    `single-node sweep benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${threads} cores`,
  )
  const planned = time(() => planSweep(countOnly))
  const plan = planned.value
  console.log(
    `space: ${chips.size} chips × ${workloads.size} workloads × ${PRECISIONS.length} precisions × ${BATCHES} batch sizes = ${plan.total.toLocaleString('en-US')} configurations (${plan.combinations.count.toLocaleString('en-US')} categorical combinations bound in ${planned.seconds.toFixed(2)} s, ${plan.combinations.invalid.length} rejected by the solver)`,
  )

  // Scalar loops over an evenly spread sample of valid points.
  const sampleSize = Number(process.env.BENCH_SAMPLE ?? 20_000)
  const sample = samplePoints(plan, sampleSize)
  const modelInputs = sample.map((i) => inputsOf(plan, i))
  const solveRate = scalarLoopRate(countOnly, plan, sampleSize)
  const evaluateRate = best(3, () => {
    const run = time(() => modelInputs.filter((inputs) => plan.model.evaluate(inputs).feasible === 1).length)
    return sample.length / run.seconds
  })

  const rows: [string, number, number][] = [
    ['scalar: solve() per point', solveRate, solveRate],
    ['scalar: model.evaluate() per point', evaluateRate, evaluateRate],
  ]
  const pool = createNodeWorkerPool({ threads })
  try {
    for (const [label, space] of [
      ['feasible count', countOnly],
      ['latency + throughput, top-10 each', twoObjectives],
      ['3 objectives top-10, Pareto, 2 histograms, heatmap mean', everything],
    ] as const) {
      const p = planSweep(space)
      // The first run includes generating the kernel and V8 optimizing it; then the plan is warm.
      const cold = time(() => sweepSync(p))
      const warm = best(3, () => p.total / time(() => sweepSync(p)).seconds)
      rows.push([`kernel, 1 core: ${label}`, p.total / cold.seconds, warm])
      const coldAll = await timeAsync(() => sweep(p, { workers: pool }))
      const warmAll = await bestAsync(
        3,
        async () => p.total / (await timeAsync(() => sweep(p, { workers: pool }))).seconds,
      )
      rows.push([`kernel, ${threads} cores: ${label}`, p.total / coldAll.seconds, warmAll])
      if (serializeSweepResult(coldAll.value) !== serializeSweepResult(cold.value)) {
        throw new Error('worker and calling-thread results differ')
      }
    }
  } finally {
    await pool.terminate()
  }

  console.log('')
  console.log(
    '| configuration | configurations/s, first run | configurations/s, warm | × solve() | × model.evaluate() |',
  )
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const [label, cold, warm] of rows) {
    console.log(
      `| ${label} | ${shortRate(cold)} | ${shortRate(warm)} | ${(warm / solveRate).toFixed(0)} | ${(warm / evaluateRate).toFixed(0)} |`,
    )
  }
  console.log('')
  console.log(
    `Scalar rates: ${sample.length} points spread over the space. "first run" includes generating the kernel and JIT warm-up; "warm" re-runs the same plan (best of 3). Load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}.`,
  )
}

await main()
