import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referenceResult, registerSweepTestSolver, SWEEP_TEST_MODES } from '../../test/sweep-fixtures.js'
import { createNodeWorkerPool } from '../node.js'
import { solve } from '../solver/solve.js'
import {
  cpuBackend,
  registerSweepBackend,
  type SweepBackend,
  SweepBackendUnavailableError,
  type SweepWorkerPool,
} from './backend.js'
import { compileCpuKernel } from './cpu-kernel.js'
import {
  parseShard,
  SweepCancelledError,
  type SweepEvent,
  SweepOptionError,
  type SweepProgress,
  sweep,
  sweepEvents,
  sweepSync,
} from './engine.js'
import { numbersDigest, planSweep, type SweepPlan } from './plan.js'
import {
  mergeSweepResults,
  parseSweepResult,
  SweepMergeError,
  type SweepResult,
  serializeSweepResult,
} from './result.js'
import type { SweepSpaceInput } from './space.js'
import type { SweepTableChunk } from './table.js'

registerSweepTestSolver()

/** A random space over the synthetic solver: any axes in any order, constraints, objectives, reductions. */
const testSpace: fc.Arbitrary<SweepSpaceInput> = fc
  .record({
    order: fc.shuffledSubarray(['mode', 'flag', 'scale', 'x', 'n', 't'], { minLength: 1 }),
    mode: fc.shuffledSubarray([...SWEEP_TEST_MODES], { minLength: 1 }),
    flag: fc.shuffledSubarray([false, true], { minLength: 1 }),
    scale: fc.uniqueArray(fc.constantFrom(0.5, 1, 2, 0), { minLength: 1, maxLength: 3 }),
    x: fc.uniqueArray(fc.constantFrom(-3, -1, 0, 0.5, 1, 2, 3), { minLength: 1, maxLength: 5 }),
    n: fc.uniqueArray(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 4 }),
    t: fc.uniqueArray(fc.constantFrom('1 s', '500 ms', 2, '250 ms'), { minLength: 1, maxLength: 3 }),
    constraints: fc.subarray([
      'ok',
      'y >= -4',
      'time <= 9',
      'not ok or x > 0',
      'ratio < 3 or ratio != ratio',
    ]),
    objectives: fc.shuffledSubarray(
      [
        { minimize: 'y' },
        { maximize: 'sum' },
        { minimize: 'time' },
        { minimize: 'ratio' },
        { maximize: 'x * 2 + n' },
      ],
      { maxLength: 3 },
    ),
    topK: fc.integer({ min: 0, max: 5 }),
    pareto: fc.boolean(),
    histogramAll: fc.boolean(),
    heatmap: fc.boolean(),
  })
  .map((r) => {
    const values: Record<string, unknown[]> = {
      mode: r.mode,
      flag: r.flag,
      scale: r.scale,
      x: r.x,
      n: r.n,
      t: r.t,
    }
    const axes = Object.fromEntries(r.order.map((key) => [key, values[key]!]))
    const first = r.order[0]!
    const last = r.order[r.order.length - 1]!
    return {
      solver: 'sweep-test',
      axes,
      derived: { twiceY: 'y * 2' },
      constraints: r.constraints,
      objectives: r.objectives,
      keep: {
        topK: r.topK,
        pareto: r.pareto && r.objectives.length >= 2,
        histograms: [
          { of: first },
          { of: 'twiceY', bins: 6, range: [-6, 10], where: r.histogramAll ? 'all' : 'feasible' },
          { of: 'time', bins: 4, range: ['100 ms', '10 s'], scale: 'log' },
        ],
        heatmaps: r.heatmap ? [{ x: last, y: { of: 'sum', bins: 3, range: [-10, 40] }, metric: 'time' }] : [],
      },
    } as SweepSpaceInput
  })

const roundTrip = (r: SweepResult) => parseSweepResult(serializeSweepResult(r))

describe('the CPU kernel', () => {
  it('reproduces the brute-force reference on random spaces, for any chunking (property)', () => {
    fc.assert(
      fc.property(testSpace, fc.integer({ min: 1, max: 40 }), (space, chunkSize) => {
        const plan = planSweep(space)
        expect(sweepSync(plan, { chunkSize })).toEqual(referenceResult(plan))
      }),
      { numRuns: 60 },
    )
  })

  it('skips invalid combinations and lists them', () => {
    const plan = planSweep({
      solver: 'sweep-test',
      axes: { mode: ['fast', 'broken', 'slow'], x: [1, 2] },
      objectives: [{ minimize: 'y' }],
    })
    const result = sweepSync(plan)
    // 3 modes × 2 x = 6 points; the 2 of 'broken' are invalid.
    expect(result.counts).toEqual({ points: 6, valid: 4, invalid: 2, feasible: 4 })
    expect(result.invalidCombinations).toEqual({
      count: 1,
      listed: [{ combination: 1, coordinates: { mode: 'broken' }, message: 'mode: broken on purpose' }],
    })
    // y = x·s + k: fast (k = 1) at x = 1 gives 2, the smallest.
    expect(result.topK[0]!.points[0]).toMatchObject({
      index: 0,
      coordinates: { mode: 'fast', x: 1 },
      metrics: { y: 2 },
    })
  })

  it('numeric values the solver rejects only with other inputs are invalid exactly where solve() rejects them, in any order', () => {
    // distributed checks tpSize × ppSize × epSize against the fleet (256 GPUs): tpSize 3 never
    // divides it; tpSize 8 with ppSize 64 neither, though each divides it alone.
    const fixed = { workload: 'Llama3_70B', fleet: 'Research_256', batchSize: 512 }
    const validity = (tpSize: number, ppSize: number) => {
      try {
        solve('distributed', { ...fixed, tpSize, ppSize })
        return true
      } catch {
        return false
      }
    }
    for (const [axes, kinds] of [
      // tpSize 3 fails alone; ppSize never changes the verdict: only tpSize is bound per combination.
      [{ tpSize: [3, 8], ppSize: [1, 4] }, ['categorical', 'numeric']],
      [{ tpSize: [8, 3], ppSize: [4, 1] }, ['categorical', 'numeric']],
      // 8 × 64 fails together: both are.
      [{ tpSize: [1, 8], ppSize: [1, 64] }, ['categorical', 'categorical']],
    ] as [Record<string, number[]>, string[]][]) {
      const plan = planSweep({ solver: 'distributed', fixed, axes, keep: { table: true } })
      expect(plan.axes.map((a) => a.kind)).toEqual(kinds)
      const rows: boolean[] = []
      const result = sweepSync(plan, {
        onTable: (chunk) => {
          const index = chunk.columns[0]!
          for (let i = 0; i < chunk.rows; i++) rows[index[i]!] = true
        },
      })
      let expectedValid = 0
      for (let index = 0; index < plan.total; index++) {
        const [t, p] = plan.radix.digits(index)
        const ok = validity(plan.axes[0]!.values[t!] as number, plan.axes[1]!.values[p!] as number)
        expect(rows[index] === true, `${JSON.stringify(axes)} #${index}`).toBe(ok)
        if (ok) expectedValid++
      }
      expect(result.counts.valid).toBe(expectedValid)
    }
    // Without such checks the axes stay columns (no per-point binding).
    const fine = planSweep({
      solver: 'distributed',
      fixed,
      axes: { tpSize: [1, 2, 4, 8], ppSize: [1, 2, 4] },
    })
    expect(fine.axes.map((a) => a.kind)).toEqual(['numeric', 'numeric'])
    // Bound per combination, a space can pass the combination limit: the message says why.
    expect(() =>
      planSweep(
        {
          solver: 'distributed',
          fixed,
          axes: { tpSize: [3, 8], microbatchCount: { from: 1, to: 1000, step: 1 } },
        },
        { maxCombinations: 1 },
      ),
    ).toThrow(
      /^invalid sweep space: axes: distributed checks tpSize against other inputs \(tpSize=3, microbatchCount=1: tpSize × ppSize × epSize = 3 × 1 × 1 = 3 must divide .*\), so those axes are bound per combination: the categorical axes tpSize \(2\) make 2 combinations; the limit is 1\./,
    )
  })

  it('hoists each term to the loop level of the inputs it reads', () => {
    const plan = planSweep({
      solver: 'sweep-test',
      axes: { mode: ['fast', 'slow'], x: [1, 2], t: [1, 2] },
      objectives: [{ minimize: 'time' }, { minimize: 'double' }],
    })
    const source = compileCpuKernel(plan).source
    const [prelude, rest] = source.split('return function chunk') as [string, string]
    // s·2 reads only s, which is the same in every combination here: computed once, before the loop.
    expect(prelude).toMatch(/const v\d+ = \(v\d+ \* v\d+\);/)
    const [outer, inner] = rest.split('for (; $d2 <') as [string, string]
    // k (from mode) is loaded per combination in `case 0`; |x| on axis 1 in `case 1`; t·k, t·|x| per row.
    expect(outer).toMatch(/case 0:[\s\S]*\$combos\[\$cb \+ 0\][\s\S]*case 1:[\s\S]*Math\.abs/)
    expect(inner).not.toMatch(/Math\.abs|\$combos/)
    expect(inner).toMatch(/const v\d+ = \(v\d+ \* v\d+\);/)
    expect(sweepSync(plan)).toEqual(referenceResult(plan))
  })

  it('prunes the branches a space never takes, with the values of the full graph', () => {
    const space = (isTraining: boolean[]) =>
      planSweep({
        solver: 'single-node',
        fixed: { workload: 'Llama3_8B' },
        axes: {
          hardware: { ids: ['H100', 'A100'] },
          isTraining,
          batchSize: { from: 1, to: 512, factor: 2, scale: 'log' },
        },
        constraints: ['feasible'],
        objectives: [{ minimize: 'latency' }, { minimize: 'memoryFootprint' }],
        keep: { topK: 20 },
      })
    const rowStatements = (plan: SweepPlan) =>
      compileCpuKernel(plan)
        .source.split('for (; $d1 <')[1]!
        .split('\n')
        .filter((l) => /^\s+const v\d+ =/.test(l)).length
    const inference = space([false])
    const both = space([false, true])
    // With isTraining fixed to false, the training footprint (activations, optimizer state) is
    // not computed per row; with both modes it must be.
    expect(rowStatements(inference)).toBeLessThan(rowStatements(both) - 5)
    expect(sweepSync(inference)).toEqual(referenceResult(inference))
    expect(sweepSync(both)).toEqual(referenceResult(both))
  })
})

describe('shards', () => {
  it('merge into exactly the single-run result, through JSON, for random spaces and shard counts (property)', () => {
    fc.assert(
      fc.property(
        testSpace,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 25 }),
        (space, count, chunkSize) => {
          const plan = planSweep(space)
          const whole = sweepSync(plan)
          const shards = Array.from({ length: count }, (_, index) =>
            roundTrip(sweepSync(plan, { shard: { index, count }, chunkSize })),
          )
          for (const [index, s] of shards.entries()) expect(s.shard).toEqual({ index, count })
          // Merge in reverse order: order does not matter.
          const merged = mergeSweepResults([...shards].reverse())
          expect(merged).toEqual(whole)
          expect(serializeSweepResult(merged)).toBe(serializeSweepResult(whole))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('refuse to merge other spaces or overlapping slices', () => {
    const a = sweepSync({ solver: 'sweep-test', axes: { x: [1, 2, 3] } }, { shard: '0/2' })
    const b = sweepSync({ solver: 'sweep-test', axes: { x: [1, 2, 4] } }, { shard: '1/2' })
    expect(() => mergeSweepResults([a, b])).toThrow(SweepMergeError)
    expect(() => mergeSweepResults([a, b])).toThrow(/another space/)
    expect(() => mergeSweepResults([a, a])).toThrow(/overlap/)
    // Named (the CLI passes file names), the message says which results clash and where.
    expect(() => mergeSweepResults([a, b], { names: ['a.json', 'b.json'] })).toThrow(
      /^b\.json is of another space than a\.json \(fingerprint /,
    )
    const whole = sweepSync({ solver: 'sweep-test', axes: { x: [1, 2, 3, 4, 5, 6] } })
    const third = sweepSync({ solver: 'sweep-test', axes: { x: [1, 2, 3, 4, 5, 6] } }, { shard: '1/3' })
    expect(() => mergeSweepResults([third, whole], { names: ['s1.json', 'all.json'] })).toThrow(
      'all.json and s1.json overlap: both cover the indices [2, 4); each index may be in one result only (the same shard twice, or shards of different counts?)',
    )
    const part = mergeSweepResults([a])
    expect(part.complete).toBe(false)
    expect(part.reduction.ranges).toEqual([[0, 1]])
  })

  it('fingerprint the numbers the solver bound, so results of machines with other catalogs do not merge', () => {
    const values = Float64Array.from([1, 2, 3])
    expect(numbersDigest([values])).toBe(numbersDigest([Float64Array.from([1, 2, 3])]))
    expect(numbersDigest([values])).not.toBe(numbersDigest([Float64Array.from([1, 2, 3.0000000000000004])]))
    expect(numbersDigest([Float64Array.from([0])])).not.toBe(numbersDigest([Float64Array.from([-0])]))
    expect(numbersDigest([values, Uint8Array.from([1])])).not.toBe(
      numbersDigest([values, Uint8Array.from([0])]),
    )
    // Same space, same fingerprint; a scale bound differently (another axis value) changes it.
    const a = planSweep({ solver: 'sweep-test', axes: { scale: [1, 2], x: [1] } })
    expect(planSweep({ solver: 'sweep-test', axes: { scale: [1, 2], x: [1] } }).fingerprint).toBe(
      a.fingerprint,
    )
    expect(planSweep({ solver: 'sweep-test', axes: { scale: [1, 3], x: [1] } }).fingerprint).not.toBe(
      a.fingerprint,
    )
  })

  it('parse "i/n" and reject shards outside their count', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 })
    expect(() => parseShard('8/8')).toThrow(/in \[0, 7\] \(shards are 0-based\)/)
    expect(() => parseShard('1-8')).toThrow(/must be written i\/n/)
    expect(() => parseShard({ index: 0, count: 0 })).toThrow(SweepOptionError)
  })

  it('keep non-finite values and −0 through JSON', () => {
    const r = sweepSync({
      solver: 'sweep-test',
      axes: { mode: ['zero'], x: [0, 1, -1] },
      objectives: [{ minimize: 'ratio' }, { maximize: 'ratio', name: 'largestRatio' }],
      keep: { topK: 3 },
    })
    // ratio = x/0: NaN at x = 0 (never kept), +∞ at 1, −∞ at −1.
    expect(r.topK[0]!.points.map((p) => p.metrics.ratio)).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ])
    expect(roundTrip(r)).toEqual(r)
    expect(serializeSweepResult(r)).toContain('{"$float":"-Infinity"}')
    expect(() => parseSweepResult('{"format":"other"}')).toThrow(/not a sweep result/)
  })
})

/** Cloud hardware × batch × precision for single-node, with the table. */
const cloudSpace: SweepSpaceInput = {
  solver: 'single-node',
  fixed: { workload: 'Llama3_8B', seqLen: 4096 },
  axes: {
    hardware: { catalog: { tier: 'cloud' } },
    precision: ['fp16', 'bf16', 'fp8', 'int8', 'fp32'],
    isTraining: [false, true],
    batchSize: { from: 1, to: 1024, factor: 2, scale: 'log' },
  },
  // memoryUtilization is single-node's model output (footprint / capacity), no derived metric.
  constraints: ['feasible', 'memoryUtilization <= 0.9'],
  objectives: [
    { minimize: 'latency' },
    { maximize: 'throughput' },
    { minimize: 'energy / batchSize', name: 'energyPerSample' },
  ],
  keep: {
    topK: 5,
    pareto: ['latency', 'energyPerSample'],
    histograms: [{ of: 'hardware' }, { of: 'mfu', bins: 10, range: [0, 1] }],
    heatmaps: [{ x: 'batchSize', y: 'precision', metric: 'throughput' }],
    table: {
      columns: [
        'hardware',
        'precision',
        'isTraining',
        'batchSize',
        'latency',
        'throughput',
        'mfu',
        'energy',
        'memoryFootprint',
        'feasible',
        'memoryUtilization',
      ],
    },
  },
}

describe('single-node over the real catalogs', () => {
  let plan: SweepPlan
  beforeAll(() => {
    plan = planSweep(cloudSpace)
  })

  it('agrees with solve() point by point on a sample of rows', async () => {
    const chunks: SweepTableChunk[] = []
    const result = await sweep(plan, { chunkSize: 997, onTable: (chunk) => void chunks.push(chunk) })
    expect(result.complete).toBe(true)
    expect(chunks.map((c) => c.start)).toEqual(chunks.map((_, i) => i * 997))
    const rows = chunks.reduce((n, c) => n + c.rows, 0)
    expect(rows).toBe(plan.total)
    const names = chunks[0]!.schema.map((c) => c.name)
    const column = (name: string) => names.indexOf(name)
    // Every 37th row: over a hundred points across the chips, precisions, modes and batches.
    let checked = 0
    for (const chunk of chunks) {
      for (let r = chunk.start % 37 === 0 ? 0 : 37 - (chunk.start % 37); r < chunk.rows; r += 37) {
        const value = (name: string) => chunk.columns[column(name)]![r]!
        const hardware = chunk.schema[column('hardware')]!.labels![value('hardware')]!
        const precision = chunk.schema[column('precision')]!.labels![value('precision')]!
        const isTraining = value('isTraining') === 1
        const expected = solve('single-node', {
          workload: 'Llama3_8B',
          seqLen: 4096,
          hardware,
          precision: precision as 'fp16',
          isTraining,
          batchSize: value('batchSize'),
        })
        expect(value('index')).toBe(chunk.start + r)
        expect(value('latency')).toBe(expected.latency)
        expect(value('throughput')).toBe(expected.throughput)
        expect(value('mfu')).toBe(expected.mfu)
        expect(value('energy')).toBe(expected.energy)
        expect(value('memoryFootprint')).toBe(expected.memoryFootprint)
        expect(value('feasible')).toBe(expected.feasible ? 1 : 0)
        expect(value('memoryUtilization')).toBe(expected.memoryUtilization)
        expect(value('meetsConstraints')).toBe(expected.feasible && expected.memoryUtilization <= 0.9 ? 1 : 0)
        checked++
      }
    }
    expect(checked).toBeGreaterThanOrEqual(100)
  })

  it('keeps the same top-k, Pareto front, histograms and heatmaps as the brute-force reference', () => {
    expect(sweepSync(plan)).toEqual(referenceResult(plan))
  })

  it('materializes kept points with solve()’s values', () => {
    const result = sweepSync(plan)
    const best = result.topK[0]!.points[0]!
    const expected = solve('single-node', {
      workload: 'Llama3_8B',
      seqLen: 4096,
      hardware: best.coordinates.hardware as string,
      precision: best.coordinates.precision as 'fp16',
      isTraining: best.coordinates.isTraining === 'true',
      batchSize: best.coordinates.batchSize as number,
    })
    expect(best.metrics.latency).toBe(expected.latency)
    expect(best.metrics.memoryUtilization).toBe(expected.memoryUtilization)
    // The latency ranking is sorted and every kept point is feasible.
    const latencies = result.topK[0]!.points.map((p) => p.metrics.latency as number)
    expect([...latencies].sort((a, b) => a - b)).toEqual(latencies)
    expect(
      result.topK[0]!.points.every(
        (p) => p.metrics.feasible === true && (p.metrics.memoryUtilization as number) <= 0.9,
      ),
    ).toBe(true)
  })
})

describe('single-node memoryUtilization, a model output', () => {
  // Llama-3.1-8B training at seqLen 2048 on an 80 GiB H100 (85.9 GB): 16 B/param of state is
  // 128.5 GB before activations, over capacity at any batch; inference holds the 16.06 GB of
  // fp16 weights, 16.06e9 / 85,899,345,920 = 0.187 of it, and 8.03 GB at int8 (0.093).
  const space: SweepSpaceInput = {
    solver: 'single-node',
    fixed: { workload: 'Llama3_8B', hardware: 'H100' },
    axes: {
      precision: ['fp16', 'int8'],
      isTraining: [false, true],
      batchSize: { from: 1, to: 64, factor: 2, scale: 'log' },
    },
    constraints: ['memoryUtilization <= 0.9'],
    objectives: [{ maximize: 'memoryUtilization' }],
    keep: { topK: 28 },
  }

  it('is constrained like any output, and equals solve()’s memoryFootprint / capacity', () => {
    const plan = planSweep(space)
    expect(plan.metrics.get('memoryUtilization')!.source.kind).toBe('output')
    const result = sweepSync(plan)
    expect(result.counts.points).toBe(28)
    // Only the 14 inference points fit under 90%; every training point is over capacity.
    expect(result.counts.feasible).toBe(14)
    const kept = result.topK[0]!.points
    expect(kept).toHaveLength(14)
    for (const point of kept) {
      const expected = solve('single-node', {
        workload: 'Llama3_8B',
        hardware: 'H100',
        precision: point.coordinates.precision as 'fp16',
        isTraining: point.coordinates.isTraining === 'true',
        batchSize: point.coordinates.batchSize as number,
      })
      expect(point.coordinates.isTraining).toBe('false')
      expect(point.metrics.memoryUtilization).toBe(expected.memoryUtilization)
      expect(expected.memoryUtilization).toBe(expected.memoryFootprint / expected.memoryCapacity)
    }
    // fp16 weights: 16.06e9 B / 80 GiB.
    expect(kept[0]!.metrics.memoryUtilization).toBe(16.06e9 / (80 * 2 ** 30))
    expect(sweepSync(plan)).toEqual(referenceResult(plan))
  })

  it('is a model output, so a derived metric may not take its name', () => {
    expect(() =>
      planSweep({ ...space, derived: { memoryUtilization: 'memoryFootprint / capacity' } }),
    ).toThrow("derived.memoryUtilization: 'memoryUtilization' is already a model output of single-node")
  })
})

describe('progress, events and cancellation', () => {
  const space: SweepSpaceInput = {
    solver: 'sweep-test',
    axes: { mode: ['fast', 'slow'], x: { from: 0, to: 99, step: 1 }, n: { from: 0, to: 49, step: 1 } },
    objectives: [{ minimize: 'y' }],
  }

  it('reports progress up to the total, with rate and ETA', async () => {
    const events: SweepProgress[] = []
    const result = await sweep(space, {
      chunkSize: 1000,
      progressInterval: 0,
      onProgress: (p) => events.push(p),
    })
    expect(result.counts.points).toBe(10_000)
    const done = events.map((e) => e.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done[done.length - 1]).toBe(10_000)
    expect(events.every((e) => e.total === 10_000 && e.backend === 'cpu (calling thread)')).toBe(true)
    expect(events[events.length - 1]!.etaSeconds).toBe(0)
    expect(events.every((e) => e.rate >= 0)).toBe(true)
  })

  it('stops on abort with the reason and the partial counts', async () => {
    const controller = new AbortController()
    const run = sweep(space, {
      chunkSize: 1000,
      progressInterval: 0,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 3000) controller.abort(new Error('enough'))
      },
    })
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SweepCancelledError)
    const cancelled = error as SweepCancelledError
    expect((cancelled.reason as Error).message).toBe('enough')
    expect(cancelled.message).toMatch(
      /^sweep cancelled after 3,000 of 10,000 points \([\d,]+ feasible\): enough$/,
    )
    expect(cancelled.partial.counts.points).toBe(3000)
    expect(cancelled.partial.complete).toBe(false)
    expect(cancelled.partial.reduction.ranges).toEqual([[0, 3000]])
  })

  it('rejects at once when the signal is already aborted', async () => {
    await expect(sweep(space, { signal: AbortSignal.abort('no') })).rejects.toThrow(
      /sweep cancelled after 0 of 10,000 points \(0 feasible\): no/,
    )
  })

  it('streams events and returns the result; leaving the loop early cancels', async () => {
    const tableSpace = { ...space, keep: { table: { columns: ['y'], where: 'feasible' as const } } }
    const iterator = sweepEvents(tableSpace, { chunkSize: 2500, progressInterval: 0 })
    const seen: SweepEvent['type'][] = []
    let next = await iterator.next()
    while (!next.done) {
      seen.push(next.value.type)
      next = await iterator.next()
    }
    expect(next.value.counts.points).toBe(10_000)
    expect(seen.filter((t) => t === 'table')).toHaveLength(4)
    expect(seen[seen.length - 1]).toBe('progress')

    let tables = 0
    for await (const event of sweepEvents(tableSpace, { chunkSize: 1000 })) {
      if (event.type === 'table') tables++
      if (tables === 2) break
    }
    expect(tables).toBe(2)
  })
})

describe('backends', () => {
  const space: SweepSpaceInput = {
    solver: 'sweep-test',
    axes: { mode: ['fast', 'slow', 'broken'], x: [1, 2, 3], n: [1, 2] },
    objectives: [{ minimize: 'y' }, { minimize: 'time' }],
    keep: { pareto: true },
  }

  it('auto uses the CPU until a WebGPU backend registers and a GPU is given; an unavailable one falls back with a notice', async () => {
    const opened: string[] = []
    const unavailable: SweepBackend = {
      name: 'webgpu',
      async open(_plan, options) {
        opened.push(options.auto ? 'webgpu (auto)' : 'webgpu')
        throw new SweepBackendUnavailableError('no adapter')
      },
    }
    registerSweepBackend(unavailable)
    const notices: string[] = []
    const expected = sweepSync(space)
    // No GPU given: the WebGPU backend is not even tried.
    expect(await sweep(space, { onNotice: (m) => notices.push(m) })).toEqual(expected)
    expect(opened).toEqual([])
    expect(await sweep(space, { gpu: {}, onNotice: (m) => notices.push(m) })).toEqual(expected)
    expect(await sweep(space, { gpu: {}, backend: 'webgpu', onNotice: (m) => notices.push(m) })).toEqual(
      expected,
    )
    expect(opened).toEqual(['webgpu (auto)', 'webgpu'])
    expect(notices).toEqual([
      'the webgpu backend cannot run here (no adapter); using the CPU backend',
      'the webgpu backend cannot run here (no adapter); using the CPU backend',
    ])
    await expect(sweep(space, { backend: 'metal' })).rejects.toThrow(
      "unknown sweep backend 'metal'; registered backends are cpu, webgpu",
    )
  })

  it('a registered backend receives the plan and chunk ranges and its partials are merged', async () => {
    const ranges: [number, number][] = []
    const delegating: SweepBackend = {
      name: 'recording',
      async open(plan, options) {
        const inner = await cpuBackend.open(plan, options)
        return {
          ...inner,
          description: 'recording',
          concurrency: 3,
          chunkSize: 5,
          evaluate: (s, e) => {
            ranges.push([s, e])
            return inner.evaluate(s, e)
          },
        }
      },
    }
    registerSweepBackend(delegating)
    const result = await sweep(space, { backend: 'recording', shard: '1/2' })
    expect(result).toEqual(sweepSync(space, { shard: '1/2' }))
    // Shard 1 of 2 of 18 points is [9, 18), in chunks of 5.
    expect(ranges.sort((a, b) => a[0] - b[0])).toEqual([
      [9, 14],
      [14, 18],
    ])
  })
})

describe('worker threads', () => {
  let pool: SweepWorkerPool
  beforeAll(() => {
    pool = createNodeWorkerPool({ threads: 2 })
  })
  afterAll(async () => {
    await pool.terminate()
  })

  it('give exactly the calling-thread result, the table in index order', async () => {
    const plan = planSweep({ ...cloudSpace, keep: { ...cloudSpace.keep, table: { columns: ['latency'] } } })
    const chunks: SweepTableChunk[] = []
    const result = await sweep(plan, { workers: pool, chunkSize: 613, onTable: (c) => void chunks.push(c) })
    expect(result).toEqual(sweepSync(plan))
    expect(chunks.map((c) => c.start)).toEqual(chunks.map((_, i) => i * 613))
    const index = chunks.flatMap((c) => [...c.columns[0]!])
    expect(index).toEqual(Array.from({ length: plan.total }, (_, i) => i))
  })

  it('cancel with partial counts', async () => {
    const controller = new AbortController()
    const run = sweep(
      { solver: 'sweep-test', axes: { x: { from: 0, to: 999, step: 1 }, n: { from: 0, to: 999, step: 1 } } },
      {
        workers: pool,
        chunkSize: 10_000,
        progressInterval: 0,
        signal: controller.signal,
        onProgress: () => controller.abort('stop'),
      },
    )
    const error = (await run.catch((e: unknown) => e)) as SweepCancelledError
    expect(error).toBeInstanceOf(SweepCancelledError)
    expect(error.reason).toBe('stop')
    expect(error.partial.counts.points % 10_000).toBe(0)
    expect(error.partial.counts.points).toBeGreaterThan(0)
    expect(error.partial.counts.points).toBeLessThan(1_000_000)
  })
})
