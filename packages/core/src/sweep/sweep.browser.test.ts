/**
 * The sweep engine in Chromium: the main entry (no Node built-ins) plans over the real
 * catalogs, runs the generated kernel on the page's thread and in Web Workers, and writes the
 * table as CSV, Arrow and Parquet with the libraries' browser builds.
 */
import { tableFromIPC } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { solve } from '../solver/solve.js'
import { sweep, sweepSync } from './engine.js'
import { planSweep } from './plan.js'
import { mergeSweepResults } from './result.js'
import { type SweepTableChunk, writeTable } from './table.js'
import { createWebWorkerPool } from './web-workers.js'

const space = {
  solver: 'single-node',
  fixed: { workload: 'Llama3_8B' },
  axes: {
    hardware: { ids: ['H100', 'A100', 'B200'] },
    precision: ['fp16', 'fp8'],
    batchSize: { from: 1, to: 512, factor: 2, scale: 'log' as const },
  },
  constraints: ['feasible'],
  objectives: [{ minimize: 'latency' }, { maximize: 'throughput' }],
  keep: { topK: 3, pareto: true, table: { columns: ['hardware', 'precision', 'batchSize', 'latency'] } },
}

describe('sweeps in the browser', () => {
  it('run on the page’s thread and agree with solve()', async () => {
    const plan = planSweep(space)
    expect(plan.total).toBe(3 * 2 * 10)
    const chunks: SweepTableChunk[] = []
    const result = await sweep(plan, { chunkSize: 16, onTable: (c) => void chunks.push(c) })
    expect(result.complete).toBe(true)
    expect(result).toEqual(sweepSync(plan))
    const best = result.topK[0]!.points[0]!
    const expected = solve('single-node', {
      workload: 'Llama3_8B',
      hardware: best.coordinates.hardware as string,
      precision: best.coordinates.precision as 'fp16',
      batchSize: best.coordinates.batchSize as number,
    })
    expect(best.metrics.latency).toBe(expected.latency)
    const latency = chunks.flatMap((c) => [...c.columns[4]!])
    expect(latency).toHaveLength(60)
    // Row 0 is H100, fp16, batch 1.
    expect(latency[0]).toBe(
      solve('single-node', { workload: 'Llama3_8B', hardware: 'H100', precision: 'fp16', batchSize: 1 })
        .latency,
    )

    const csv = new TextDecoder().decode(await writeTable(chunks, 'csv'))
    expect(csv.split('\n')[1]).toMatch(/^0,H100,fp16,1,/)
    expect(tableFromIPC(await writeTable(chunks, 'arrow')).numRows).toBe(60)
    const parquet = await writeTable(chunks, 'parquet')
    // "PAR1" at both ends of a Parquet file.
    expect(new TextDecoder().decode(parquet.subarray(0, 4))).toBe('PAR1')
    expect(new TextDecoder().decode(parquet.subarray(parquet.length - 4))).toBe('PAR1')
  })

  it('run in Web Workers with the same result, and shards merge', async () => {
    const plan = planSweep(space)
    const pool = createWebWorkerPool({
      threads: 2,
      createWorker: () => new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module' }),
    })
    try {
      const result = await sweep(plan, { workers: pool, chunkSize: 7 })
      expect(result).toEqual(sweepSync(plan))
      const shards = await Promise.all(
        [0, 1, 2].map((index) => sweep(plan, { workers: pool, shard: { index, count: 3 } })),
      )
      expect(mergeSweepResults(shards)).toEqual(result)
    } finally {
      await pool.terminate()
    }
  })
})
