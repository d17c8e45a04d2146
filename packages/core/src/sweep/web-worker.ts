/**
 * The Web Worker entry of the CPU sweep backend (bundle it as a module worker, or use
 * `@mlsysim/core/sweep-worker`): it runs generated kernels for `createWebWorkerPool`.
 */
import { createWorkerHandler, type WorkerRequest, type WorkerResponse } from './worker-runtime.js'

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer: ArrayBuffer[]): void
  onmessage: ((event: { data: WorkerRequest }) => void) | null
}

const scope = globalThis as unknown as WorkerScope
const handle = createWorkerHandler((message, transfer) => scope.postMessage(message, transfer))
scope.onmessage = (event) => handle(event.data)
