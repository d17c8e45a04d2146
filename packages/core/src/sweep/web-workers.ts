/**
 * Web Workers for the CPU sweep backend in browsers. The pool needs a way to start a worker
 * running `web-worker.ts`; by default it uses `new Worker(new URL('./web-worker.js',
 * import.meta.url), { type: 'module' })`, the form bundlers (Vite, webpack, esbuild with a
 * plugin) recognize and bundle. Pass `createWorker` to start it another way (Vite's
 * `?worker` import of `@mlsysim/core/sweep-worker`, a CSP-approved URL, …).
 */
import type { SweepWorkerPool } from './backend.js'
import { createSweepWorkerPool, type WorkerEndpoint } from './worker-pool.js'
import type { WorkerRequest, WorkerResponse } from './worker-runtime.js'

/** The part of the DOM `Worker` the pool uses. */
export interface WebWorkerLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void
  terminate(): void
}

export interface WebWorkerPoolOptions {
  /** Workers to start (default: navigator.hardwareConcurrency, else 4). */
  threads?: number
  /** Starts one worker running the sweep worker entry. */
  createWorker?: () => WebWorkerLike
}

interface BrowserGlobals {
  Worker?: new (url: URL, options: { type: 'module' }) => WebWorkerLike
  navigator?: { hardwareConcurrency?: number }
}

function defaultWorker(): WebWorkerLike {
  const Worker = (globalThis as BrowserGlobals).Worker
  if (!Worker)
    throw new Error('Web Workers are not available here; sweep on the calling thread, or pass createWorker')
  return new Worker(new URL('./web-worker.js', import.meta.url), { type: 'module' })
}

function endpoint(worker: WebWorkerLike): WorkerEndpoint {
  return {
    post: (request: WorkerRequest) => worker.postMessage(request),
    listen(onMessage, onError) {
      worker.addEventListener('message', (event) => onMessage(event.data as WorkerResponse))
      worker.addEventListener('error', (event) =>
        onError(new Error(`sweep web worker failed: ${event.message ?? 'unknown error'}`)),
      )
    },
    terminate: () => worker.terminate(),
  }
}

/** A pool of Web Workers running CPU sweep kernels. */
export function createWebWorkerPool(options: WebWorkerPoolOptions = {}): SweepWorkerPool {
  const threads =
    options.threads ?? Math.max(1, (globalThis as BrowserGlobals).navigator?.hardwareConcurrency ?? 4)
  const create = options.createWorker ?? defaultWorker
  return createSweepWorkerPool(Array.from({ length: threads }, () => endpoint(create())))
}
