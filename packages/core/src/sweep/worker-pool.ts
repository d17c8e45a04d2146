/**
 * A pool of sweep workers behind the `SweepWorkerPool` interface, for any kind of worker that
 * can post messages (Node worker threads, Web Workers): each worker compiles a kernel once, and
 * chunks go to whichever worker is free, first come first served.
 */
import type { SweepChunkResult, SweepWorkerPool } from './backend.js'
import type { CpuKernelSpec } from './cpu-runtime.js'
import type { WorkerRequest, WorkerResponse } from './worker-runtime.js'

/** One worker, as the pool sees it. */
export interface WorkerEndpoint {
  post(request: WorkerRequest): void
  /** Registers the handler of responses and of the worker failing (crash, load error). */
  listen(onMessage: (response: WorkerResponse) => void, onError: (error: Error) => void): void
  terminate(): Promise<void> | void
}

interface Job {
  readonly id: number
  readonly spec: CpuKernelSpec
  readonly specId: string
  readonly start: number
  readonly end: number
  resolve(result: SweepChunkResult): void
  reject(error: Error): void
}

interface Slot {
  readonly endpoint: WorkerEndpoint
  readonly loaded: Set<string>
  job?: Job
  failed?: Error
}

/** Compiled kernels a worker keeps (the most recently loaded). */
export const KERNELS_PER_WORKER = 4

/** A pool over ready workers. */
export function createSweepWorkerPool(endpoints: readonly WorkerEndpoint[]): SweepWorkerPool {
  const slots: Slot[] = endpoints.map((endpoint) => ({ endpoint, loaded: new Set<string>() }))
  const queue: Job[] = []
  let nextJob = 0
  let terminated = false

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job || slot.failed || queue.length === 0) continue
      const job = queue.shift()!
      slot.job = job
      if (!slot.loaded.has(job.specId)) {
        // Keep a few warm kernels per worker; forget the oldest beyond that.
        while (slot.loaded.size >= KERNELS_PER_WORKER) {
          const oldest = slot.loaded.values().next().value as string
          slot.loaded.delete(oldest)
          slot.endpoint.post({ type: 'release', specId: oldest })
        }
        slot.endpoint.post({ type: 'load', specId: job.specId, spec: job.spec })
        slot.loaded.add(job.specId)
      }
      slot.endpoint.post({ type: 'run', job: job.id, specId: job.specId, start: job.start, end: job.end })
    }
    if (queue.length > 0 && slots.every((s) => s.failed)) {
      const error = slots[0]!.failed!
      for (const job of queue.splice(0)) job.reject(error)
    }
  }

  for (const slot of slots) {
    slot.endpoint.listen(
      (response) => {
        const job = slot.job
        if (!job || job.id !== response.job) return
        slot.job = undefined
        if (response.type === 'done')
          job.resolve(
            response.table
              ? { partial: response.partial, table: response.table }
              : { partial: response.partial },
          )
        else job.reject(new Error(`sweep worker failed on [${job.start}, ${job.end}): ${response.message}`))
        dispatch()
      },
      (error) => {
        slot.failed = error
        const job = slot.job
        slot.job = undefined
        job?.reject(error)
        dispatch()
      },
    )
  }

  return {
    size: slots.length,
    run(spec, specId, start, end) {
      if (terminated) return Promise.reject(new Error('the sweep worker pool was terminated'))
      return new Promise<SweepChunkResult>((resolve, reject) => {
        queue.push({ id: nextJob++, spec, specId, start, end, resolve, reject })
        dispatch()
      })
    },
    release(specId) {
      for (const slot of slots) {
        if (slot.loaded.delete(specId) && !slot.failed) slot.endpoint.post({ type: 'release', specId })
      }
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i]!.specId === specId) queue.splice(i, 1)[0]!.reject(new Error('the sweep was closed'))
      }
    },
    async terminate() {
      terminated = true
      for (const job of queue.splice(0)) job.reject(new Error('the sweep worker pool was terminated'))
      await Promise.all(slots.map((s) => s.endpoint.terminate()))
    },
  }
}
