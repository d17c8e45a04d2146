/**
 * The sweep engine: plans a space, opens a backend, walks the (shard's) index range in chunks,
 * merges the backends' partial reductions, streams the table in index order, reports progress
 * and stops on an AbortSignal with the partial counts.
 */
import {
  cpuBackend,
  getSweepBackend,
  kernelOf,
  type SweepBackendSession,
  SweepBackendUnavailableError,
  type SweepChunkResult,
  type SweepWorkerPool,
  sweepBackendNames,
} from './backend.js'
import { runChunk } from './cpu-runtime.js'
import { shardRange } from './mixed-radix.js'
import { type PlanOptions, planSweep, type SweepPlan } from './plan.js'
import { mergePartials, type SweepPartial } from './reductions.js'
import { emptyPartial, resultOf, type SweepResult } from './result.js'
import type { SweepSpace, SweepSpaceInput } from './space.js'
import { type SweepTableChunk, tableChunkOf, tableSchemaOf } from './table.js'

/** Shard `index` of `count` (0-based), or "i/n" as the CLI writes it. */
export type ShardOption = { readonly index: number; readonly count: number } | string

export interface SweepProgress {
  /** Points evaluated so far (in this shard). */
  readonly done: number
  /** Points to evaluate (in this shard). */
  readonly total: number
  readonly feasible: number
  readonly elapsedSeconds: number
  /** Points per second so far. */
  readonly rate: number
  /** Seconds left at the current rate (undefined before the first chunk). */
  readonly etaSeconds: number | undefined
  /** The backend in use, e.g. "cpu (4 workers)". */
  readonly backend: string
}

export type SweepEvent =
  | { readonly type: 'progress'; readonly progress: SweepProgress }
  | { readonly type: 'table'; readonly chunk: SweepTableChunk }
  | { readonly type: 'notice'; readonly message: string }

export interface SweepOptions extends PlanOptions {
  /** 'auto' (default: WebGPU when registered and a GPU is given, else CPU), 'cpu', 'webgpu' or another registered backend. */
  backend?: 'auto' | 'cpu' | 'webgpu' | (string & {})
  /** A WebGPU `GPU` for the WebGPU backend (`navigator.gpu`, or the `webgpu` package's `create([])`); never taken from globals. */
  gpu?: unknown
  /** Workers for the CPU backend (`createNodeWorkerPool` from `@mlsysim/core/node`, `createWebWorkerPool`). */
  workers?: SweepWorkerPool
  /** Evaluate only this shard's contiguous slice of the index space. */
  shard?: ShardOption
  /** Points per chunk (default: the backend's choice). */
  chunkSize?: number
  signal?: AbortSignal
  onProgress?: (progress: SweepProgress) => void
  /** Receives the table's chunks in index order (when the space keeps a table); awaited. */
  onTable?: (chunk: SweepTableChunk) => void | Promise<void>
  /** Backend fallbacks and other things worth telling. */
  onNotice?: (message: string) => void
  /** At most one progress event per this many milliseconds (default 100; the last always comes). */
  progressInterval?: number
}

/** Bad engine options (a shard outside its count, an unknown backend, …). */
export class SweepOptionError extends Error {
  override readonly name = 'SweepOptionError'
}

/** The sweep was cancelled: `reason` is the signal's reason, `partial` the result of the chunks that finished. */
export class SweepCancelledError extends Error {
  override readonly name = 'SweepCancelledError'
  constructor(
    readonly reason: unknown,
    readonly partial: SweepResult,
    readonly progress: SweepProgress,
  ) {
    super(
      `sweep cancelled after ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} points (${progress.feasible.toLocaleString('en-US')} feasible)${
        reason instanceof Error ? `: ${reason.message}` : reason !== undefined ? `: ${String(reason)}` : ''
      }`,
    )
  }
}

/** Reads "i/n" (0-based i) or checks { index, count }. */
export function parseShard(shard: ShardOption): { index: number; count: number } {
  let index: number
  let count: number
  if (typeof shard === 'string') {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(shard)
    if (!match)
      throw new SweepOptionError(`shard ${JSON.stringify(shard)} must be written i/n, e.g. 0/8 (0-based)`)
    index = Number(match[1])
    count = Number(match[2])
  } else {
    index = shard.index
    count = shard.count
  }
  if (!Number.isInteger(count) || count < 1)
    throw new SweepOptionError(`shard count ${count} must be a whole number ≥ 1`)
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new SweepOptionError(
      `shard index ${index} must be a whole number in [0, ${count - 1}] (shards are 0-based)`,
    )
  }
  return { index, count }
}

function isPlan(input: unknown): input is SweepPlan {
  return (
    input !== null &&
    typeof input === 'object' &&
    'radix' in input &&
    'fingerprint' in input &&
    'model' in input
  )
}

/** A plan from a space (or the plan itself). */
export function toPlan(
  input: SweepPlan | SweepSpace | SweepSpaceInput,
  options: PlanOptions = {},
): SweepPlan {
  return isPlan(input) ? input : planSweep(input as SweepSpaceInput, options)
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function openSession(
  plan: SweepPlan,
  options: SweepOptions,
  points: number,
  notice: (message: string) => void,
): Promise<SweepBackendSession> {
  const choice = options.backend ?? 'auto'
  const backendOptions = {
    ...(options.gpu !== undefined ? { gpu: options.gpu } : {}),
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    points,
    onNotice: notice,
  }
  if (choice === 'cpu') return cpuBackend.open(plan, backendOptions)
  const fallback = async (why: string) => {
    notice(`${why}; using the CPU backend`)
    return cpuBackend.open(plan, backendOptions)
  }
  const tryOpen = async (name: string, auto = false) => {
    const backend = getSweepBackend(name)!
    try {
      return await backend.open(plan, auto ? { ...backendOptions, auto } : backendOptions)
    } catch (error) {
      if (error instanceof SweepBackendUnavailableError)
        return fallback(`the ${name} backend cannot run here (${error.message})`)
      throw error
    }
  }
  if (choice === 'auto') {
    if (getSweepBackend('webgpu') && options.gpu !== undefined) return tryOpen('webgpu', true)
    return cpuBackend.open(plan, backendOptions)
  }
  if (!getSweepBackend(choice)) {
    throw new SweepOptionError(
      `unknown sweep backend '${choice}'; registered backends are ${sweepBackendNames().join(', ')}${
        choice === 'webgpu' ? ' (the WebGPU backend registers itself when its module is imported)' : ''
      }`,
    )
  }
  if (choice === 'webgpu' && options.gpu === undefined)
    return fallback(
      'no GPU was given (pass options.gpu: navigator.gpu in browsers, create([]) from the webgpu package in Node)',
    )
  return tryOpen(choice)
}

/** Runs a plan, sending events to `emit` (awaited for table chunks). */
async function drive(
  plan: SweepPlan,
  options: SweepOptions,
  emit: (event: SweepEvent) => void | Promise<void>,
): Promise<SweepResult> {
  const shard = options.shard !== undefined ? parseShard(options.shard) : undefined
  const { start, end } = shard
    ? shardRange(plan.total, shard.index, shard.count)
    : { start: 0, end: plan.total }
  const signal = options.signal
  if (options.chunkSize !== undefined && !(Number.isInteger(options.chunkSize) && options.chunkSize >= 1)) {
    throw new SweepOptionError(`chunkSize ${options.chunkSize} must be a whole number ≥ 1`)
  }
  const started = now()
  let reduction: SweepPartial = emptyPartial(plan)
  let done = 0
  const progress = (): SweepProgress => {
    const elapsedSeconds = (now() - started) / 1000
    const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0
    return {
      done,
      total: end - start,
      feasible: reduction.feasible,
      elapsedSeconds,
      rate,
      etaSeconds: done > 0 && rate > 0 ? (end - start - done) / rate : undefined,
      backend: session?.description ?? 'none',
    }
  }
  let session: SweepBackendSession | undefined
  const cancelled = () =>
    new SweepCancelledError(signal?.reason, resultOf(plan, reduction, shard), progress())
  if (signal?.aborted) throw cancelled()
  session = await openSession(plan, options, end - start, (message) => {
    void emit({ type: 'notice', message })
  })
  const chunkSize = options.chunkSize ?? session.chunkSize
  const schema = tableSchemaOf(plan)
  const interval = options.progressInterval ?? 100
  let lastProgress = Number.NEGATIVE_INFINITY
  let lastYield = now()
  const inFlight = new Map<
    number,
    Promise<{ ordinal: number; start: number; end: number; result: SweepChunkResult }>
  >()
  const tables = new Map<number, SweepTableChunk>()
  let nextOrdinal = 0
  let nextTable = 0
  let next = start
  let aborted: Promise<'aborted'> | undefined
  if (signal)
    aborted = new Promise((resolve) =>
      signal.addEventListener('abort', () => resolve('aborted'), { once: true }),
    )

  try {
    for (;;) {
      while (next < end && inFlight.size < session.concurrency && !signal?.aborted) {
        const ordinal = nextOrdinal++
        const s = next
        const e = Math.min(end, next + chunkSize)
        next = e
        inFlight.set(
          ordinal,
          session.evaluate(s, e).then((result) => ({ ordinal, start: s, end: e, result })),
        )
      }
      if (signal?.aborted) throw cancelled()
      if (inFlight.size === 0) break
      const settled = await (aborted
        ? Promise.race([...inFlight.values(), aborted])
        : Promise.race(inFlight.values()))
      if (settled === 'aborted') throw cancelled()
      inFlight.delete(settled.ordinal)
      reduction = mergePartials(reduction, settled.result.partial, plan.keep.topK)
      done += settled.end - settled.start
      if (settled.result.table)
        tables.set(settled.ordinal, tableChunkOf(schema, settled.start, settled.end, settled.result.table))
      while (tables.has(nextTable)) {
        const chunk = tables.get(nextTable)!
        tables.delete(nextTable++)
        await emit({ type: 'table', chunk })
      }
      const t = now()
      if (t - lastProgress >= interval && next < end) {
        lastProgress = t
        await emit({ type: 'progress', progress: progress() })
      }
      // Let timers, UI events and abort signals in between chunks.
      if (t - lastYield > 20) {
        await yieldToEventLoop()
        lastYield = now()
      }
    }
    await emit({ type: 'progress', progress: progress() })
  } finally {
    await session.close()
  }
  return resultOf(plan, reduction, shard)
}

/**
 * Sweeps a design space (or a plan) and resolves with what it keeps. Cancelling through
 * `signal` rejects with a SweepCancelledError carrying the partial result.
 */
export async function sweep(
  input: SweepPlan | SweepSpace | SweepSpaceInput,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const plan = toPlan(input, options)
  return drive(plan, options, async (event) => {
    if (event.type === 'progress') options.onProgress?.(event.progress)
    else if (event.type === 'table') await options.onTable?.(event.chunk)
    else options.onNotice?.(event.message)
  })
}

/**
 * The same sweep as an async iterator of events (progress, table chunks in index order,
 * notices); the iterator's return value is the result. Stopping the iteration early cancels.
 */
export async function* sweepEvents(
  input: SweepPlan | SweepSpace | SweepSpaceInput,
  options: SweepOptions = {},
): AsyncGenerator<SweepEvent, SweepResult, undefined> {
  const plan = toPlan(input, options)
  const controller = new AbortController()
  const outer = options.signal
  const forward = () => controller.abort(outer?.reason)
  if (outer?.aborted) forward()
  else outer?.addEventListener('abort', forward, { once: true })
  const queue: { event: SweepEvent; taken?: () => void }[] = []
  let wake: (() => void) | undefined
  let finished = false
  let result: SweepResult | undefined
  let failure: unknown
  const run = drive(plan, { ...options, signal: controller.signal }, (event) => {
    if (event.type !== 'table') {
      queue.push({ event })
      wake?.()
      return
    }
    return new Promise<void>((taken) => {
      queue.push({ event, taken })
      wake?.()
    })
  }).then(
    (r) => {
      result = r
    },
    (error: unknown) => {
      failure = error
    },
  )
  void run.finally(() => {
    finished = true
    wake?.()
  })
  let current: { taken?: () => void } | undefined
  try {
    for (;;) {
      const item = queue.shift()
      if (item) {
        current = item
        yield item.event
        current = undefined
        item.taken?.()
        continue
      }
      if (finished) break
      await new Promise<void>((resolve) => {
        wake = resolve
      })
      wake = undefined
    }
  } finally {
    outer?.removeEventListener('abort', forward)
    if (!finished) {
      controller.abort(new Error('the event consumer stopped iterating'))
      current?.taken?.()
      for (const item of queue.splice(0)) item.taken?.()
      await run
    }
  }
  if (failure !== undefined) throw failure
  return result!
}

export interface SweepSyncOptions extends PlanOptions {
  shard?: ShardOption
  chunkSize?: number
  onTable?: (chunk: SweepTableChunk) => void
}

/** Sweeps on the calling thread without yielding (CPU kernel): for scripts, tests and small spaces. */
export function sweepSync(
  input: SweepPlan | SweepSpace | SweepSpaceInput,
  options: SweepSyncOptions = {},
): SweepResult {
  const plan = toPlan(input, options)
  const shard = options.shard !== undefined ? parseShard(options.shard) : undefined
  const { start, end } = shard
    ? shardRange(plan.total, shard.index, shard.count)
    : { start: 0, end: plan.total }
  const { spec, chunk } = kernelOf(plan)
  const size = options.chunkSize ?? 1 << 16
  const schema = tableSchemaOf(plan)
  let reduction = emptyPartial(plan)
  for (let s = start; s < end; s += size) {
    const e = Math.min(end, s + size)
    const { partial, table } = runChunk(chunk, spec.layout, s, e)
    reduction = mergePartials(reduction, partial, plan.keep.topK)
    if (table) options.onTable?.(tableChunkOf(schema, s, e, table))
  }
  return resultOf(plan, reduction, shard)
}
