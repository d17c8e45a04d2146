/**
 * `mlsysim sweep space.yaml`: evaluates a design space on the CPU (worker threads for large
 * spaces) or WebGPU, with a progress bar on a terminal, and prints what the space keeps: counts,
 * top-k per objective, the Pareto front. `--shard i/n` evaluates one slice; `--out x.json`
 * saves a result that `mlsysim sweep --merge` combines into exactly the single run's result;
 * `--out x.csv|.ndjson|.arrow|.parquet` streams the full table when the space keeps one.
 */

import { availableParallelism } from 'node:os'
import {
  loadSweepSpace,
  MetricExpressionError,
  MixedRadixError,
  mergeSweepResults,
  parseShard,
  parseSweepResult,
  planSweep,
  SweepCancelledError,
  SweepMergeError,
  SweepOptionError,
  type SweepOptions,
  type SweepPlan,
  type SweepProgress,
  type SweepResult,
  type SweepSpace,
  SweepSpaceError,
  type SweepTableChunk,
  type SweepWorkerPool,
  serializeSweepResult,
  sweep,
  tableFormatOf,
  WEBGPU_AUTO_MIN_POINTS,
} from '@mlsysim/core'
import { createNodeWorkerPool, openTableFile, type TableFileSink } from '@mlsysim/core/node'
import {
  type CommandSpec,
  choiceOption,
  expectPositionals,
  parseCommandArgs,
  wholeNumberOption,
} from '../args.js'
import { EXIT, UsageError } from '../errors.js'
import { hasGpuDevice, nodeGpu } from '../gpu.js'
import { type Context, fileErrorReason } from '../io.js'
import { progressBar } from '../progress.js'
import { isUserError, registerUserErrors } from '../report-error.js'
import { renderSummary, type SweepRunInfo, summaryOf } from '../sweep-summary.js'

registerUserErrors(SweepSpaceError, SweepOptionError, SweepMergeError, MetricExpressionError, MixedRadixError)

export const BACKENDS = ['auto', 'cpu', 'webgpu'] as const
export type BackendChoice = (typeof BACKENDS)[number]

/** Below this many points the calling thread beats starting worker threads. */
export const WORKER_THRESHOLD = 1_000_000

export const sweepSpec: CommandSpec = {
  name: 'sweep',
  summary: 'sweep a design space (CPU or WebGPU), shard it, merge shards, export tables',
  usage: [
    'sweep <space.yaml | space.json | -> [--backend auto|cpu|webgpu] [--shard i/n] [--out FILE]… [--threads N] [--json]',
    'sweep --merge <result.json>… [--out merged.json] [--json]',
  ],
  description: [
    'A space names a solver, fixed inputs, axes (lists, ranges, catalog selections), derived metrics, constraints, objectives and what to keep (top-k, Pareto front, histograms, heatmaps, the full table); `mlsysim schema space` prints its JSON Schema. The summary goes to stdout; the progress bar to stderr, and only on a terminal.',
    `--backend auto uses WebGPU on a machine with a GPU device for sweeps (or shards) of ${WEBGPU_AUTO_MIN_POINTS.toLocaleString('en-US')} points or more, else the CPU (software adapters such as lavapipe emulate a GPU on the same cores, far slower); --backend webgpu uses whatever adapter there is. GPU work runs in a child process: if it cannot start, fails or crashes, that is reported on stderr and the sweep completes on the CPU. The CPU backend uses worker threads (--threads, default all cores) for slices of a million points or more.`,
    '--shard i/n (0-based) evaluates the i-th of n contiguous slices. Save each shard with --out shard-i.json (counts, top-k, Pareto candidates, histograms: kilobytes), then `mlsysim sweep --merge shard-*.json` prints exactly the summary of one run over the whole space. --out with .csv, .ndjson, .arrow or .parquet streams the full table (when the space has keep.table), for DuckDB, pandas or polars.',
    'Exit codes: 0 ok, 1 bad input (the space names the path of each problem), 2 no point of the whole space is feasible.',
  ],
  options: {
    backend: { type: 'string', value: 'B', description: 'auto (default), cpu or webgpu' },
    shard: { type: 'string', value: 'i/n', description: 'evaluate only shard i of n (0-based), e.g. 0/8' },
    out: {
      type: 'string',
      value: 'FILE',
      multiple: true,
      description:
        'save the result (.json) or stream the table (.csv, .ndjson, .arrow, .parquet); repeatable',
    },
    threads: {
      type: 'string',
      value: 'N',
      description: 'CPU worker threads (default: all cores; 1: no workers)',
    },
    merge: { type: 'boolean', description: 'merge saved results (shards) instead of sweeping' },
    json: { type: 'boolean', description: 'print the summary as one JSON object' },
  },
  examples: [
    [
      'mlsysim sweep examples/spaces/llm-serving.yaml',
      '1.2M LLM serving configurations, Pareto front of latency and throughput',
    ],
    ['mlsysim sweep space.yaml --json | jq .pareto', 'the summary for scripts'],
    [
      'mlsysim sweep space.yaml --shard 0/4 --out shard-0.json',
      'one of four shards (e.g. a Slurm array task)',
    ],
    ['mlsysim sweep --merge shard-*.json', 'the four shards, merged: the same summary as one run'],
    ['mlsysim sweep space.yaml --out table.parquet', 'the full table, for DuckDB/pandas/polars'],
  ],
}

export interface SweepRunOptions {
  readonly backend: BackendChoice
  readonly shard?: string
  readonly outs: readonly string[]
  /** Worker threads for the CPU backend. */
  readonly threads: number
  readonly json: boolean
  /** Where the space came from, for messages. */
  readonly source: string
}

interface Outputs {
  readonly results: readonly string[]
  readonly tables: readonly string[]
}

function classifyOutputs(outs: readonly string[], tableAllowed: boolean): Outputs {
  const results: string[] = []
  const tables: string[] = []
  for (const out of outs) {
    if (/\.json$/i.test(out)) results.push(out)
    else if (tableFormatOf(out)) {
      if (!tableAllowed) {
        throw new UsageError(`--out ${out}: merged results have no table; only a .json result can be written`)
      }
      tables.push(out)
    } else {
      throw new UsageError(
        `--out ${out}: unknown file type; use .json (the result, mergeable) or .csv, .ndjson, .arrow, .parquet (the table)`,
      )
    }
  }
  return { results, tables }
}

/** Worker threads when --threads is not given: every core. */
export const threadsDefault = (): number => Math.max(1, availableParallelism())

interface Evaluated {
  readonly result: SweepResult
  /** The backend as the engine described it last ("cpu (2 workers)", "webgpu (…)"). */
  readonly backend: string
}

/**
 * Worker threads started on first use. The GPU path passes them for the CPU backend the engine
 * falls back to when WebGPU cannot run (no adapter, a software one under auto): a large space
 * then still runs on every core, and a GPU run starts no threads.
 */
function lazyWorkerPool(threads: number): SweepWorkerPool {
  let pool: SweepWorkerPool | undefined
  return {
    size: threads,
    run: (spec, specId, start, end) => {
      pool ??= createNodeWorkerPool({ threads })
      return pool.run(spec, specId, start, end)
    },
    release: (specId) => pool?.release(specId),
    terminate: async () => {
      await pool?.terminate()
    },
  }
}

/** Worker threads for the CPU backend where the slice is large enough to pay for them. */
const wantsWorkers = (points: number, threads: number) => threads > 1 && points >= WORKER_THRESHOLD

/** The CPU backend: the calling thread, or worker threads when the slice is large. */
async function runOnCpu(
  plan: SweepPlan,
  shard: string | undefined,
  points: number,
  threads: number,
  hooks: SweepHooks,
): Promise<Evaluated> {
  const pool = wantsWorkers(points, threads) ? createNodeWorkerPool({ threads }) : undefined
  try {
    return await runEngine(plan, { backend: 'cpu', ...(pool ? { workers: pool } : {}) }, shard, hooks)
  } finally {
    await pool?.terminate()
  }
}

/**
 * The WebGPU backend (or 'auto', which may choose it). The engine falls back to the CPU by
 * itself when WebGPU cannot run here or breaks mid-sweep (its notices say so); an error the GPU
 * path throws otherwise is returned, for the caller to report and rerun on the CPU.
 */
async function runOnGpu(
  plan: SweepPlan,
  backend: 'auto' | 'webgpu',
  gpu: unknown,
  shard: string | undefined,
  threads: number,
  hooks: SweepHooks,
): Promise<Evaluated | { readonly failure: Error }> {
  const workers = wantsWorkers(slicePoints(plan, shard), threads) ? lazyWorkerPool(threads) : undefined
  try {
    return await runEngine(plan, { backend, gpu, ...(workers ? { workers } : {}) }, shard, hooks)
  } catch (error) {
    if (error instanceof SweepCancelledError || isUserError(error)) throw error
    return { failure: error instanceof Error ? error : new Error(String(error)) }
  } finally {
    await workers?.terminate()
  }
}

async function runEngine(
  plan: SweepPlan,
  backend: Pick<SweepOptions, 'backend' | 'gpu' | 'workers'>,
  shard: string | undefined,
  hooks: SweepHooks,
): Promise<Evaluated> {
  let description: string | undefined
  const result = await sweep(plan, {
    ...backend,
    ...(shard !== undefined ? { shard } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    onProgress: (p) => {
      description = p.backend
      hooks.onProgress(p)
    },
    onTable: hooks.onTable,
    onNotice: hooks.onNotice,
  })
  return { result, backend: description ?? String(backend.backend) }
}

/** Where a sweep's events go, whichever backend runs it. */
export interface SweepHooks {
  readonly signal?: AbortSignal
  onProgress(p: SweepProgress): void
  onTable(chunk: SweepTableChunk): Promise<void>
  onNotice(message: string): void
}

/** Points in the slice a shard (or the whole run) evaluates. */
function slicePoints(plan: SweepPlan, shard: string | undefined): number {
  if (shard === undefined) return plan.total
  const { index, count } = parseShard(shard)
  return Math.floor(((index + 1) * plan.total) / count) - Math.floor((index * plan.total) / count)
}

/**
 * A space whose every categorical combination the solver rejects has nothing to evaluate:
 * that is bad input (exit 1), not an infeasible design (exit 2).
 */
function rejectAllInvalid(plan: SweepPlan, source: string): void {
  const { count, valid, invalid } = plan.combinations
  if (valid.includes(1)) return
  const first = invalid[0]
  const where =
    first && Object.keys(first.coordinates).length > 0
      ? ` (${Object.entries(first.coordinates)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')})`
      : ''
  throw new UsageError(
    `${source}: the solver rejects every point of the space${count > 1 ? ` (all ${count.toLocaleString('en-US')} combinations of its categorical axes)` : ''}, so nothing can be evaluated${first ? `; the first${where}: ${first.message}` : ''}`,
  )
}

/** Sweeps a space and prints its summary; shared by `sweep` and `demo`. */
export async function runSpace(space: SweepSpace, options: SweepRunOptions, ctx: Context): Promise<number> {
  const plan = planSweep(space)
  rejectAllInvalid(plan, options.source)
  const outputs = classifyOutputs(options.outs, true)
  if (outputs.tables.length > 0 && !plan.keep.table) {
    throw new UsageError(
      `--out ${outputs.tables[0]} writes the full table, but ${options.source} keeps none; add 'table: true' (or table: { columns, where }) under 'keep'`,
    )
  }
  if (options.shard !== undefined) parseShard(options.shard)
  const points = slicePoints(plan, options.shard)
  const bar = progressBar(ctx)
  let sinks: TableFileSink[] = []
  // Every output is checked (and its folder made) before the first point is evaluated.
  for (const path of outputs.results) await ctx.prepareOutput(path, 'the sweep result')
  const openSinks = async () => {
    sinks = await Promise.all(
      outputs.tables.map((path) =>
        openTableFile(ctx.resolvePath(path)).catch((error: unknown) => {
          throw new UsageError(`cannot write the table '${path}': ${fileErrorReason(error)}`)
        }),
      ),
    )
  }
  const hooks: SweepHooks = {
    ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    onProgress: (p) => bar.update(p),
    onTable: async (chunk) => {
      for (const sink of sinks) await sink.write(chunk)
    },
    onNotice: (message) => {
      bar.clear()
      ctx.note(`${ctx.err.yellow('note:')} ${message}`)
    },
  }
  const started = performance.now()
  // auto: WebGPU only where a GPU device exists (see gpu.ts); the engine then decides by size.
  const given = ctx.io.webgpu
  const gpuChoice =
    options.backend === 'webgpu' || (options.backend === 'auto' && (given !== undefined || hasGpuDevice()))
  let evaluated: Evaluated | undefined
  try {
    if (gpuChoice) {
      await openSinks()
      const gpu = await runOnGpu(
        plan,
        options.backend === 'webgpu' ? 'webgpu' : 'auto',
        given ?? nodeGpu(),
        options.shard,
        options.threads,
        hooks,
      )
      if ('failure' in gpu) {
        bar.clear()
        ctx.note(
          `${ctx.err.yellow('webgpu failed:')} ${gpu.failure.message}; the sweep runs again on the cpu backend`,
        )
        if (ctx.debug && gpu.failure.stack) ctx.note(ctx.err.dim(gpu.failure.stack))
        const partial = sinks
        sinks = []
        await Promise.all(partial.map((s) => s.close()))
      } else evaluated = gpu
    }
    if (!evaluated) {
      await openSinks()
      evaluated = await runOnCpu(plan, options.shard, points, options.threads, hooks)
    }
    // Closed here, so that an error writing a table's end is reported.
    const open = sinks
    sinks = []
    await Promise.all(open.map((s) => s.close()))
  } catch (error) {
    bar.clear()
    if (error instanceof SweepCancelledError) {
      ctx.note(`${ctx.err.yellow('cancelled:')} ${error.message}`)
      return 130
    }
    throw error
  } finally {
    await Promise.all(sinks.map((s) => s.close().catch(() => {})))
  }
  bar.clear()
  const seconds = (performance.now() - started) / 1000
  const run: SweepRunInfo = { backend: evaluated.backend, seconds }
  return finish(evaluated.result, run, plan, outputs.results, options.json, ctx)
}

async function finish(
  result: SweepResult,
  run: SweepRunInfo,
  plan: SweepPlan | undefined,
  resultFiles: readonly string[],
  json: boolean,
  ctx: Context,
): Promise<number> {
  for (const file of resultFiles) {
    // The CLI stores how the result was produced next to it, so a merge can report it.
    const saved: SweepResult & { run: SweepRunInfo } = { ...result, run }
    await ctx.writeText(file, `${serializeSweepResult(saved)}\n`, 'the sweep result')
  }
  const summary = summaryOf(result, run)
  if (json) ctx.printJson(summary)
  else ctx.print(renderSummary(result, summary, plan, ctx))
  if (result.complete && result.counts.feasible === 0) {
    ctx.note(
      `${ctx.err.red('infeasible:')} no point of the space meets its constraints (${result.space.constraints.join(' and ') || 'feasible'})`,
    )
    return EXIT.infeasible
  }
  return EXIT.ok
}

async function readResult(path: string, ctx: Context): Promise<SweepResult & { run?: SweepRunInfo }> {
  const text = await ctx.readText(path, 'sweep result')
  try {
    return parseSweepResult(text)
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new UsageError(
        `${path}: not valid JSON (${error.message}); --merge reads the results that 'mlsysim sweep <space> --out result.json' writes`,
      )
    if (error instanceof SweepMergeError) throw new SweepMergeError(`${path}: ${error.message}`)
    throw error
  }
}

async function mergeCommand(files: readonly string[], outs: readonly string[], json: boolean, ctx: Context) {
  if (files.length === 0)
    throw new UsageError('--merge needs the result files to merge (written by --out x.json)')
  const outputs = classifyOutputs(outs, false)
  const results = []
  for (const file of files) results.push(await readResult(file, ctx))
  const merged = mergeSweepResults(results, { names: files })
  const backends = [...new Set(results.map((r) => r.run?.backend ?? 'unknown'))]
  const run: SweepRunInfo = {
    backend: backends.join(', '),
    seconds: results.reduce((sum, r) => sum + (r.run?.seconds ?? 0), 0),
  }
  let plan: SweepPlan | undefined
  try {
    // Only for units in the printed tables; a merge itself needs no solver or catalog.
    plan = json ? undefined : planSweep(merged.space)
  } catch {
    plan = undefined
  }
  if (!merged.complete) {
    ctx.warn(
      `the merged results cover ${merged.counts.points.toLocaleString('en-US')} of ${merged.total.toLocaleString('en-US')} points; is a shard missing?`,
    )
  }
  return finish(merged, run, plan, outputs.results, json, ctx)
}

export async function sweepCommand(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(sweepSpec, argv)
  const outs = (values.out as string[] | undefined) ?? []
  const json = values.json === true
  if (values.merge === true) {
    for (const option of ['backend', 'shard', 'threads'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to --merge`)
    }
    return mergeCommand(positionals, outs, json, ctx)
  }
  expectPositionals(sweepSpec, positionals, 1, 1, 'one space file (YAML or JSON), or - for standard input')
  const source = positionals[0]!
  const backend = choiceOption('backend', values.backend as string | undefined, BACKENDS) ?? 'auto'
  const threads = wholeNumberOption('threads', values.threads as string | undefined) ?? threadsDefault()
  const text = await ctx.readText(source, 'space')
  const space = loadSweepSpace(text, { source: source === '-' ? 'standard input' : source })
  return runSpace(
    space,
    {
      backend,
      ...(values.shard !== undefined ? { shard: values.shard as string } : {}),
      outs,
      threads,
      json,
      source: source === '-' ? 'the space' : source,
    },
    ctx,
  )
}
