/** The worker-thread entry of the CPU sweep backend in Node (started by `createNodeWorkerPool`). */
import { parentPort } from 'node:worker_threads'
import { createWorkerHandler, type WorkerRequest } from './sweep/worker-runtime.js'

if (!parentPort) throw new Error('node-worker.js runs as a worker thread (createNodeWorkerPool starts it)')
const port = parentPort
const handle = createWorkerHandler((message, transfer) => port.postMessage(message, transfer))
port.on('message', (request: WorkerRequest) => handle(request))
