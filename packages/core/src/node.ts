/**
 * @mlsysim/core/node — the Node-only parts of the sweep engine: worker threads for the CPU
 * backend (all cores by default) and writing sweep tables to files. The main entry stays free
 * of Node built-ins so it runs in browsers.
 */
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SweepWorkerPool } from './sweep/backend.js'
import { type SweepOptions, sweep } from './sweep/engine.js'
import type { SweepPlan } from './sweep/plan.js'
import type { SweepResult } from './sweep/result.js'
import type { SweepSpace, SweepSpaceInput } from './sweep/space.js'
import { createTableWriter, type SweepTableChunk, type TableFormat, tableFormatOf } from './sweep/table.js'
import { createSweepWorkerPool, type WorkerEndpoint } from './sweep/worker-pool.js'
import type { WorkerResponse } from './sweep/worker-runtime.js'

export {
  createNodeWebGpu,
  GpuProcessCrashedError,
  LAVAPIPE_ICD_DIRECTORY,
  lavapipeIcd,
  type NodeWebGpuOptions,
  webgpuEnvironment,
} from './sweep/webgpu/node-host.js'

export interface NodeWorkerPoolOptions {
  /** Worker threads to start (default: os.availableParallelism()). */
  threads?: number
}

/**
 * When this module runs from its TypeScript source (tests, `tsx`), the worker is TypeScript
 * too: a small bootstrap registers tsx's loader in the worker, then imports it, with the
 * workspace's source condition.
 */
function workerTarget(): { url: URL; execArgv?: string[] } {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return { url: new URL('./node-worker.js', here) }
  const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'))
  const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href
  const entry = new URL('./node-worker.ts', here).href
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`
  return {
    url: new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`),
    execArgv: ['--conditions=@mlsysim/source'],
  }
}

function endpoint(worker: Worker): WorkerEndpoint {
  let exited = false
  return {
    post: (request) => worker.postMessage(request),
    listen(onMessage, onError) {
      worker.on('message', (response: WorkerResponse) => onMessage(response))
      worker.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))))
      worker.on('exit', (code) => {
        exited = true
        if (code !== 0) onError(new Error(`sweep worker thread exited with code ${code}`))
      })
    },
    async terminate() {
      if (!exited) await worker.terminate()
    },
  }
}

/** A pool of worker threads running CPU sweep kernels. Terminate it when done (or use `sweepOnAllCores`). */
export function createNodeWorkerPool(options: NodeWorkerPoolOptions = {}): SweepWorkerPool {
  const threads = options.threads ?? availableParallelism()
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`threads ${threads} must be a whole number ≥ 1`)
  const { url, execArgv } = workerTarget()
  const workers = Array.from({ length: threads }, () => new Worker(url, execArgv ? { execArgv } : {}))
  // A pool with idle workers must not keep the process alive.
  for (const worker of workers) worker.unref()
  return createSweepWorkerPool(workers.map(endpoint))
}

/** `sweep` on worker threads (all cores unless `threads`), the pool started and stopped around it. */
export async function sweepOnAllCores(
  input: SweepPlan | SweepSpace | SweepSpaceInput,
  options: Omit<SweepOptions, 'workers'> & NodeWorkerPoolOptions = {},
): Promise<SweepResult> {
  const { threads, ...rest } = options
  const pool = createNodeWorkerPool(threads !== undefined ? { threads } : {})
  try {
    return await sweep(input, { ...rest, workers: pool })
  } finally {
    await pool.terminate()
  }
}

/** Something that receives a sweep's table chunks and writes them to a file. */
export interface TableFileSink {
  readonly path: string
  readonly format: TableFormat
  write(chunk: SweepTableChunk): Promise<void>
  /** Writes the end of the file and closes it. */
  close(): Promise<void>
}

/**
 * Opens a file for a sweep table; the format follows the extension (.csv, .ndjson/.jsonl,
 * .arrow/.arrows/.feather, .parquet) unless given; missing parent folders are created.
 * Rejects (with Node's error: EACCES, EISDIR, …) when the file cannot be opened, so a caller
 * learns it before the sweep runs. Pass `sink.write` as `onTable`.
 */
export async function openTableFile(path: string, format?: TableFormat): Promise<TableFileSink> {
  const chosen = format ?? tableFormatOf(path)
  if (!chosen)
    throw new RangeError(
      `cannot tell the table format of '${path}'; use .csv, .ndjson, .arrow or .parquet, or pass the format`,
    )
  const writer = await createTableWriter(chosen)
  // Shards write into a folder per job (`shards/3.parquet`): make it, as `mkdir -p` would.
  await mkdir(dirname(path), { recursive: true })
  const stream = createWriteStream(path)
  // A stream error (disk full, a vanished folder) is also reported by the pending write or
  // end callback; this listener only keeps it from being an unhandled 'error' event.
  let failure: Error | undefined
  stream.on('error', (error) => {
    failure ??= error
  })
  // Fail here, before any point is evaluated, when the file cannot be created.
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', resolve)
    stream.once('error', reject)
  })
  const put = (data: Uint8Array | string) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure)
      if (data.length === 0) return resolve()
      stream.write(data, (error) => (error ? reject(error) : resolve()))
    })
  return {
    path,
    format: chosen,
    write: async (chunk) => put(await writer.write(chunk)),
    async close() {
      await put(await writer.finish())
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      )
    },
  }
}
