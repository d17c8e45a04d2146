/**
 * The `webgpu` sweep backend: generated WGSL in bounded f32 on the device, reductions on the
 * device, exact f64 refinement of the few points that need it on the CPU (refine.ts). It
 * registers itself with the engine when this module loads.
 *
 * The GPU is supplied, never taken from globals: `options.gpu` is a WebGPU `GPU`
 * (`navigator.gpu`; in Node `create([])` from the `webgpu` package, run in this process) or a
 * runner host (`createNodeWebGpu()` from `@mlsysim/core/node`, which runs Dawn in a child
 * process so that a driver crash cannot take the sweep down). If the device is lost or the
 * child process dies mid-sweep, the session says so and finishes on the CPU kernel.
 */
import {
  cpuBackend,
  registerSweepBackend,
  type SweepBackend,
  type SweepBackendOptions,
  type SweepBackendSession,
  SweepBackendUnavailableError,
  type SweepChunkResult,
} from '../backend.js'
import { compileCpuKernel } from '../cpu-kernel.js'
import { instantiateKernel, type TableRows } from '../cpu-runtime.js'
import type { SweepPlan } from '../plan.js'
import { mergePartials } from '../reductions.js'
import { isGpuLike } from './gpu-types.js'
import { compileGpuKernel, type GpuKernelSpec, GpuKernelUnsupportedError } from './kernel.js'
import { createRefiner, type RefineStats } from './refine.js'
import { type GpuRunner, type GpuRunnerOptions, GpuUnavailableError, openGpuRunner } from './runner.js'

/** Something that opens kernels where the GPU lives (e.g. a child process); `createNodeWebGpu` makes one. */
export interface WebGpuRunnerHost {
  openSweepRunner(spec: GpuKernelSpec, options: GpuRunnerOptions): Promise<GpuRunner>
}

export function isWebGpuRunnerHost(value: unknown): value is WebGpuRunnerHost {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { openSweepRunner?: unknown }).openSweepRunner === 'function'
  )
}

/** With `backend: 'auto'`, spaces smaller than this stay on the CPU: a dispatch does not pay for itself. */
export const WEBGPU_AUTO_MIN_POINTS = 1 << 18

/** An open WebGPU session, with what refinement did so far. */
export interface WebGpuSweepSession extends SweepBackendSession {
  readonly adapter: string
  readonly stats: Readonly<RefineStats>
  /** Whether the session fell back to the CPU kernel (device lost, child process died). */
  readonly fellBack: boolean
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '0%'
  const p = (100 * part) / whole
  return `${p < 0.01 && p > 0 ? '<0.01' : p.toFixed(p < 1 ? 2 : 1)}%`
}

/** A summary of a session's refinement, as the notice at its end says it. */
export function describeRefineStats(adapter: string, stats: RefineStats): string {
  const heatmapPoints =
    stats.heatmapPoints > 0
      ? `, and ${stats.heatmapPoints.toLocaleString('en-US')} (${percent(stats.heatmapPoints, stats.points)}) were feasible points in the cells of metric heatmaps (their exact min/max/mean need f64 values)`
      : ''
  const parts = [
    `webgpu (${adapter}): ${stats.points.toLocaleString('en-US')} points on the device; ${stats.unsure.toLocaleString('en-US')} (${percent(stats.unsure, stats.points)}) lay within f32 rounding of a constraint boundary, bin edge or rounding step and ${stats.candidates.toLocaleString('en-US')} were top-k/Pareto candidates${heatmapPoints} — all of those were evaluated in f64 on the CPU`,
  ]
  if (stats.cpuChunks > 0)
    parts.push(
      `${stats.cpuChunks} chunk(s) had more such points than the lists hold and ran whole on the CPU`,
    )
  if (stats.boundViolations > 0)
    parts.push(
      `WARNING: ${stats.boundViolations} candidate(s) the device called surely feasible were infeasible in f64 (an f32 error bound failed; the counts may differ from the CPU backend's — please report the space)`,
    )
  return parts.join('; ')
}

function concatTables(parts: readonly TableRows[]): TableRows {
  if (parts.length === 1) return parts[0]!
  const rows = parts.reduce((n, p) => n + p.rows, 0)
  const index = new Float64Array(rows)
  const meets = new Uint8Array(rows)
  const columns = parts[0]!.columns.map((c) => new (c.constructor as Float64ArrayConstructor)(rows))
  let at = 0
  for (const p of parts) {
    index.set(p.index, at)
    meets.set(p.meetsConstraints, at)
    p.columns.forEach((c, j) => {
      ;(columns[j] as unknown as { set(a: ArrayLike<number>, o: number): void }).set(c, at)
    })
    at += p.rows
  }
  return { rows, index, meetsConstraints: meets, columns }
}

async function openRunner(gpu: unknown, spec: GpuKernelSpec, options: GpuRunnerOptions): Promise<GpuRunner> {
  if (isWebGpuRunnerHost(gpu)) return gpu.openSweepRunner(spec, options)
  if (isGpuLike(gpu)) return openGpuRunner(gpu, spec, options)
  throw new SweepBackendUnavailableError(
    'options.gpu is neither a WebGPU GPU object (navigator.gpu, or create([]) from the webgpu package) nor a runner host (createNodeWebGpu() from @mlsysim/core/node)',
  )
}

export interface WebGpuBackendOptions {
  /** Upper bound on rows per device chunk (default 2²⁰; the device's limits may lower it). */
  readonly maxRows?: number
  /** Below this many points, `backend: 'auto'` keeps the CPU (default WEBGPU_AUTO_MIN_POINTS). */
  readonly autoMinPoints?: number
  /** Let `backend: 'auto'` choose a software adapter too (default false: the CPU backend is faster). */
  readonly autoOnSoftwareAdapter?: boolean
  /** Workgroups per dimension at most (tests force the 2-D dispatch with small values). */
  readonly maxWorkgroupsPerDimension?: number
  /** Entries of the unsure and candidate lists (tests force their overflow with small values). */
  readonly listCapacity?: number
}

/** A WebGPU backend with its own settings (the registered one uses the defaults). */
export function createWebGpuBackend(settings: WebGpuBackendOptions = {}): SweepBackend {
  return {
    name: 'webgpu',
    async open(plan: SweepPlan, options: SweepBackendOptions): Promise<WebGpuSweepSession> {
      const gpu = options.gpu
      if (gpu === undefined)
        throw new SweepBackendUnavailableError(
          'no GPU was given (pass options.gpu: navigator.gpu in browsers, createNodeWebGpu() from @mlsysim/core/node in Node)',
        )
      const minimum = settings.autoMinPoints ?? WEBGPU_AUTO_MIN_POINTS
      const points = options.points ?? plan.total
      if (options.auto && points < minimum)
        throw new SweepBackendUnavailableError(
          `${points === plan.total ? 'the space has' : 'this shard of the space has'} ${points.toLocaleString('en-US')} points; below ${minimum.toLocaleString('en-US')} the CPU kernel finishes before a GPU dispatch pays for itself (choose backend: 'webgpu' to use it anyway)`,
        )
      let spec: GpuKernelSpec
      try {
        spec = compileGpuKernel(plan)
      } catch (error) {
        if (error instanceof GpuKernelUnsupportedError) throw new SweepBackendUnavailableError(error.message)
        throw error
      }
      let runner: GpuRunner
      try {
        runner = await openRunner(gpu, spec, {
          ...(settings.maxRows !== undefined ? { maxRows: settings.maxRows } : {}),
          ...(settings.maxWorkgroupsPerDimension !== undefined
            ? { maxWorkgroupsPerDimension: settings.maxWorkgroupsPerDimension }
            : {}),
          ...(settings.listCapacity !== undefined ? { listCapacity: settings.listCapacity } : {}),
          ...(options.auto && !settings.autoOnSoftwareAdapter ? { softwareAdapter: 'refuse' as const } : {}),
        })
      } catch (error) {
        if (error instanceof GpuUnavailableError || (error as Error)?.name === 'GpuUnavailableError')
          throw new SweepBackendUnavailableError((error as Error).message)
        throw error
      }
      const cpuSpec = compileCpuKernel(plan)
      const refiner = createRefiner(plan, spec, cpuSpec, instantiateKernel(cpuSpec))
      const adapter = runner.info.adapter
      const notice = options.onNotice ?? (() => {})
      let fellBack = false
      let description = `webgpu (${adapter})`
      const fallBack = (error: unknown) => {
        if (fellBack) return
        fellBack = true
        description = `cpu (after webgpu failed: ${adapter})`
        notice(
          `the webgpu backend failed mid-sweep (${error instanceof Error ? error.message : String(error)}); the rest of the sweep runs on the CPU backend`,
        )
        void runner.close().catch(() => {})
      }

      // After a failure the rest runs on the CPU: on the worker pool when one was given.
      const workers = options.workers && options.workers.size > 0 ? options.workers : undefined
      let cpuSession: Promise<SweepBackendSession> | undefined
      const onCpu = async (start: number, end: number): Promise<SweepChunkResult> => {
        if (!workers) return refiner.cpu(start, end)
        cpuSession ??= cpuBackend.open(plan, { workers })
        return (await cpuSession).evaluate(start, end)
      }

      const evaluate = async (start: number, end: number): Promise<SweepChunkResult> => {
        if (fellBack) return onCpu(start, end)
        let partial: SweepChunkResult['partial'] | undefined
        const tables: TableRows[] = []
        for (let s = start; s < end; s += runner.info.maxRows) {
          const e = Math.min(end, s + runner.info.maxRows)
          let result: SweepChunkResult
          if (fellBack) result = await onCpu(s, e)
          else {
            try {
              result = refiner.refine(s, await runner.run(s, e - s))
            } catch (error) {
              fallBack(error)
              result = await onCpu(s, e)
            }
          }
          partial = partial ? mergePartials(partial, result.partial, plan.keep.topK) : result.partial
          if (result.table) tables.push(result.table)
        }
        return { partial: partial!, ...(tables.length > 0 ? { table: concatTables(tables) } : {}) }
      }

      let closed = false
      return {
        get description() {
          return description
        },
        adapter,
        get stats() {
          return refiner.stats
        },
        get fellBack() {
          return fellBack
        },
        // Two chunks in flight: one on the device while the CPU refines the other (after a
        // failure, two per worker, as the CPU backend keeps them).
        get concurrency() {
          return fellBack && workers ? workers.size * 2 : 2
        },
        chunkSize: runner.info.maxRows,
        evaluate,
        async close() {
          if (closed) return
          closed = true
          if (refiner.stats.points > 0) notice(describeRefineStats(adapter, refiner.stats))
          if (!fellBack) await runner.close()
          if (cpuSession) await (await cpuSession).close()
        },
      }
    },
  }
}

/** The registered `webgpu` backend. */
export const webgpuBackend: SweepBackend = createWebGpuBackend()

registerSweepBackend(webgpuBackend)
