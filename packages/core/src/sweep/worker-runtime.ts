/**
 * What a sweep worker does, independent of the kind of worker: it compiles each kernel it is
 * sent once, runs chunks of it on request and posts back partial results (table columns are
 * transferred, not copied). Node's worker entry and the Web Worker entry wire it to their ports.
 */
import {
  type ChunkFunction,
  type CpuKernelSpec,
  instantiateKernel,
  runChunk,
  type TableRows,
} from './cpu-runtime.js'
import type { SweepPartial } from './reductions.js'

export type WorkerRequest =
  | { readonly type: 'load'; readonly specId: string; readonly spec: CpuKernelSpec }
  | {
      readonly type: 'run'
      readonly job: number
      readonly specId: string
      readonly start: number
      readonly end: number
    }
  | { readonly type: 'release'; readonly specId: string }

export type WorkerResponse =
  | {
      readonly type: 'done'
      readonly job: number
      readonly partial: SweepPartial
      readonly table?: TableRows
    }
  | { readonly type: 'error'; readonly job: number; readonly message: string }

/** Handles requests; `post` sends a response with the buffers to transfer. */
export function createWorkerHandler(
  post: (message: WorkerResponse, transfer: ArrayBuffer[]) => void,
): (request: WorkerRequest) => void {
  const kernels = new Map<string, { spec: CpuKernelSpec; chunk: ChunkFunction }>()
  return (request) => {
    switch (request.type) {
      case 'load':
        kernels.set(request.specId, { spec: request.spec, chunk: instantiateKernel(request.spec) })
        return
      case 'release':
        kernels.delete(request.specId)
        return
      case 'run': {
        const kernel = kernels.get(request.specId)
        if (!kernel) {
          post(
            {
              type: 'error',
              job: request.job,
              message: `kernel ${request.specId} was not loaded in this worker`,
            },
            [],
          )
          return
        }
        try {
          const { partial, table } = runChunk(kernel.chunk, kernel.spec.layout, request.start, request.end)
          if (!table) {
            post({ type: 'done', job: request.job, partial }, [])
            return
          }
          // Copy the trimmed views into their own buffers, then hand those over without copying again.
          const own = {
            rows: table.rows,
            index: table.index.slice(),
            meetsConstraints: table.meetsConstraints.slice(),
            columns: table.columns.map((c) => c.slice()),
          }
          const transfer = [
            own.index.buffer,
            own.meetsConstraints.buffer,
            ...own.columns.map((c) => c.buffer),
          ] as ArrayBuffer[]
          post({ type: 'done', job: request.job, partial, table: own }, transfer)
        } catch (error) {
          post(
            {
              type: 'error',
              job: request.job,
              message: error instanceof Error ? (error.stack ?? error.message) : String(error),
            },
            [],
          )
        }
        return
      }
    }
  }
}
