/**
 * The space `mlsysim demo` sweeps, embedded so that the demo runs from the installed package
 * alone. It is examples/spaces/llm-serving.yaml, object for object (a test keeps them equal).
 */
import type { SweepSpaceInput } from '@mlsysim/core'

export const DEMO_SPACE: SweepSpaceInput = {
  name: 'LLM serving (Llama-3 8B) across the cloud catalog',
  description:
    'Inter-token latency against aggregate decode throughput for every cloud accelerator, precision, batch size and context length, under a one-second time-to-first-token budget.',
  solver: 'serving',
  fixed: { workload: 'Llama3_8B', efficiency: 0.5 },
  axes: {
    hardware: { catalog: { tier: 'cloud' } },
    precision: ['fp16', 'fp8', 'int8', 'fp4'],
    batchSize: { from: 1, to: 256, step: 1 },
    seqLen: { from: 256, to: 32768, count: 32, scale: 'log', integer: true },
  },
  derived: { tokensPerSecond: 'batchSize / itl' },
  constraints: ['feasible', 'ttft <= 1 s'],
  objectives: [{ minimize: 'itl' }, { maximize: 'tokensPerSecond' }],
  keep: {
    topK: 5,
    pareto: true,
    histograms: [{ of: 'itl', bins: 12, scale: 'log', range: ['250 us', '500 ms'] }],
  },
}
