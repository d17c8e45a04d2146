/**
 * The three standard spaces of the WebGPU benchmark (shared by the Node run and the Chromium
 * page): single-node across the whole hardware catalog × batch × precision, LLM serving over
 * sequence length and batch, distributed training over TP × PP × fleet (DP) × microbatches.
 * BENCH_SCALE (default 1) multiplies the numeric axes' lengths.
 */
import type { SweepSpaceInput } from '../src/index.js'

export function standardSpaces(scale = 1): Record<string, SweepSpaceInput> {
  const n = (count: number) => Math.max(2, Math.round(count * scale))
  return {
    'single-node (catalog × batch × precision)': {
      solver: 'single-node',
      fixed: { workload: 'Llama3_8B', seqLen: 2048 },
      axes: {
        hardware: { catalog: 'all' },
        precision: ['fp32', 'bf16', 'fp16', 'fp8', 'int8'],
        batchSize: { from: 1, to: n(1024), step: 1 },
      },
      constraints: ['feasible', 'memoryUtilization <= 0.9'],
      objectives: [{ minimize: 'latency' }, { maximize: 'throughput' }],
      keep: { topK: 10, pareto: true, histograms: [{ of: 'hardware' }] },
    },
    'serving (seq-len × batch)': {
      solver: 'serving',
      fixed: { workload: 'Llama3_70B' },
      axes: {
        hardware: { ids: ['A100', 'H100', 'H200', 'B200', 'MI300X'] },
        precision: ['fp16', 'fp8'],
        seqLen: { from: 256, to: 131_072, count: n(200), scale: 'log', integer: true },
        batchSize: { from: 1, to: n(256), step: 1 },
      },
      derived: { tokensPerSecond: 'batchSize / itl' },
      constraints: ['feasible', 'ttft <= 2 s', 'itl <= 100 ms'],
      objectives: [{ minimize: 'ttft' }, { maximize: 'tokensPerSecond' }],
      keep: { topK: 10, pareto: true },
    },
    'distributed (TP × PP × DP × microbatches)': {
      solver: 'distributed',
      fixed: { workload: 'Llama3_70B', precision: 'bf16' },
      axes: {
        fleet: { catalog: 'all' },
        tpSize: [1, 2, 4, 8],
        ppSize: [1, 2, 4, 8, 16],
        microbatchCount: { from: 1, to: n(64), step: 1 },
        batchSize: { from: 256, to: n(256) * 64, step: 256 },
      },
      constraints: ['nodeFeasible', 'bubbleFraction <= 0.3'],
      objectives: [{ minimize: 'stepTime' }, { maximize: 'mfu' }],
      keep: { topK: 10, pareto: true },
    },
  }
}
