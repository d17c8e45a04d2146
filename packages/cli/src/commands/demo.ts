/**
 * `mlsysim demo`: sweeps the embedded LLM-serving space (1.2 million configurations of
 * accelerator × precision × batch × context length) and prints the Pareto front of latency
 * against throughput. No arguments, no files: a first look at what the sweep engine does.
 */
import { parseSweepSpace } from '@mlsysim/core'
import {
  type CommandSpec,
  choiceOption,
  expectPositionals,
  parseCommandArgs,
  wholeNumberOption,
} from '../args.js'
import { DEMO_SPACE } from '../demo-space.js'
import type { Context } from '../io.js'
import { BACKENDS, runSpace, threadsDefault } from './sweep.js'

export const demoSpec: CommandSpec = {
  name: 'demo',
  summary: 'sweep 1.2M LLM serving configurations and print the Pareto front',
  usage: ['demo [--backend auto|cpu|webgpu] [--threads N] [--json]'],
  description: [
    "Sweeps Llama-3 8B serving across every cloud accelerator in the catalog × 4 precisions × 256 batch sizes × 32 context lengths (1,212,416 configurations) with the 'serving' solver, keeps the designs whose time to first token is at most 1 s, and prints the best ones by inter-token latency and by tokens per second, and the Pareto front between the two.",
    'The space is the one in examples/spaces/llm-serving.yaml; copy it to explore your own.',
  ],
  options: {
    backend: { type: 'string', value: 'B', description: 'auto (default), cpu or webgpu' },
    threads: { type: 'string', value: 'N', description: 'CPU worker threads (default: all cores)' },
    json: { type: 'boolean', description: 'print the summary as one JSON object' },
  },
  examples: [
    ['mlsysim demo', 'the sweep, with a progress bar, then the Pareto front'],
    ['mlsysim demo --json | jq .pareto.points[0]', 'the fastest design on the front, as JSON'],
  ],
}

export async function demoCommand(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(demoSpec, argv)
  expectPositionals(demoSpec, positionals, 0, 0, 'no arguments')
  const backend = choiceOption('backend', values.backend as string | undefined, BACKENDS) ?? 'auto'
  const threads = wholeNumberOption('threads', values.threads as string | undefined) ?? threadsDefault()
  return runSpace(
    parseSweepSpace(DEMO_SPACE),
    { backend, outs: [], threads, json: values.json === true, source: 'the demo space' },
    ctx,
  )
}
