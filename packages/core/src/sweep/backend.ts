/**
 * Backends evaluate slices of a plan's index space and return partial reductions, which the
 * engine merges (exactly, in any order). The CPU backend is built in; others (WebGPU) register
 * themselves with `registerSweepBackend` and are chosen with `backend: 'webgpu'` or `'auto'`.
 * A backend never reaches for globals: the GPU, or the worker pool, comes in its options.
 */
import { compileCpuKernel } from './cpu-kernel.js'
import {
  type ChunkFunction,
  type CpuKernelSpec,
  instantiateKernel,
  runChunk,
  type TableRows,
} from './cpu-runtime.js'
import type { SweepPlan } from './plan.js'
import type { SweepPartial } from './reductions.js'

/** What a backend returns for [start, end). */
export interface SweepChunkResult {
  readonly partial: SweepPartial
  /** The rows the plan's table keeps (only when the plan has `keep.table`). */
  readonly table?: TableRows
}

export interface SweepBackendOptions {
  /** A WebGPU `GPU` object (`navigator.gpu`, or the `webgpu` package's `create([])`). */
  readonly gpu?: unknown
  /** Worker pool for the CPU backend (omitted: the calling thread). */
  readonly workers?: SweepWorkerPool
  readonly signal?: AbortSignal
  /**
   * Set when the engine picked this backend for `backend: 'auto'`: the backend may decline
   * (SweepBackendUnavailableError) where it would not pay off, e.g. a space too small for a GPU dispatch.
   */
  readonly auto?: boolean
  /** Points this run evaluates (a shard's slice, else the whole space): what `auto` weighs. */
  readonly points?: number
  /** Things worth telling mid-sweep (a fallback after a lost device, refinement counts); the engine forwards them as notices. */
  readonly onNotice?: (message: string) => void
}

/** An open backend for one plan. */
export interface SweepBackendSession {
  /** Shown in progress and notices, e.g. "cpu (4 workers)". */
  readonly description: string
  /** Chunks the engine keeps in flight at once. */
  readonly concurrency: number
  /** Points per chunk this backend works best with (the engine may use less at the end). */
  readonly chunkSize: number
  /** Evaluates [start, end) of the plan. */
  evaluate(start: number, end: number): Promise<SweepChunkResult>
  close(): Promise<void>
}

/** A backend: opens sessions for plans. */
export interface SweepBackend {
  readonly name: string
  /** Opens a session; throws SweepBackendUnavailableError when it cannot run here (no adapter, no GPU given). */
  open(plan: SweepPlan, options: SweepBackendOptions): Promise<SweepBackendSession>
}

/** A backend cannot run here; with `backend: 'auto'` (and for WebGPU without an adapter) the engine falls back to the CPU. */
export class SweepBackendUnavailableError extends Error {
  override readonly name = 'SweepBackendUnavailableError'
}

/** A pool of workers that run CPU kernels (Node worker threads or Web Workers). */
export interface SweepWorkerPool {
  readonly size: number
  /** Runs [start, end) of a kernel in a free worker; `specId` identifies the kernel so each worker compiles it once. */
  run(spec: CpuKernelSpec, specId: string, start: number, end: number): Promise<SweepChunkResult>
  /** Forgets a kernel (frees its tables in every worker). Workers also keep only their few most recent kernels. */
  release(specId: string): void
  terminate(): Promise<void>
}

/** Points per chunk on the calling thread: small enough to stay responsive, large enough to amortize. */
export const CPU_CHUNK_SIZE = 1 << 16
/** Points per chunk sent to a worker. */
export const WORKER_CHUNK_SIZE = 1 << 20

interface CompiledKernel {
  readonly spec: CpuKernelSpec
  readonly id: string
  chunk?: ChunkFunction
}

const kernels = new WeakMap<SweepPlan, CompiledKernel>()
let kernelCounter = 0

/**
 * A plan's kernel, generated once per plan. The chunk function is kept too: V8 optimizes it
 * while it runs, so sweeping the same plan again (shards in one process, repeated runs, a
 * benchmark) starts warm. Workers keep their compiled kernels by `id` the same way.
 */
export function kernelOf(plan: SweepPlan): { spec: CpuKernelSpec; id: string; chunk: ChunkFunction } {
  let kernel = kernels.get(plan)
  if (!kernel) {
    kernel = { spec: compileCpuKernel(plan), id: `${plan.fingerprint}-${++kernelCounter}` }
    kernels.set(plan, kernel)
  }
  kernel.chunk ??= instantiateKernel(kernel.spec)
  return kernel as { spec: CpuKernelSpec; id: string; chunk: ChunkFunction }
}

/** The built-in CPU backend: the generated kernel on the calling thread, or spread over a worker pool. */
export const cpuBackend: SweepBackend = {
  name: 'cpu',
  async open(plan, options) {
    const pool = options.workers
    if (pool && pool.size > 0) {
      let kernel = kernels.get(plan)
      if (!kernel) {
        kernel = { spec: compileCpuKernel(plan), id: `${plan.fingerprint}-${++kernelCounter}` }
        kernels.set(plan, kernel)
      }
      const { spec, id } = kernel
      return {
        description: `cpu (${pool.size} worker${pool.size === 1 ? '' : 's'})`,
        concurrency: pool.size * 2,
        chunkSize: WORKER_CHUNK_SIZE,
        evaluate: (start, end) => pool.run(spec, id, start, end),
        close: async () => {},
      }
    }
    const { spec, chunk } = kernelOf(plan)
    return {
      description: 'cpu (calling thread)',
      concurrency: 1,
      chunkSize: CPU_CHUNK_SIZE,
      evaluate: async (start, end) => runChunk(chunk, spec.layout, start, end),
      close: async () => {},
    }
  },
}

const BACKENDS = new Map<string, SweepBackend>([['cpu', cpuBackend]])

/** Registers a backend under its name (the WebGPU backend registers itself as 'webgpu'). */
export function registerSweepBackend(backend: SweepBackend): void {
  BACKENDS.set(backend.name, backend)
}

/** A registered backend, or undefined. */
export function getSweepBackend(name: string): SweepBackend | undefined {
  return BACKENDS.get(name)
}

/** Names of the registered backends. */
export function sweepBackendNames(): string[] {
  return [...BACKENDS.keys()]
}
