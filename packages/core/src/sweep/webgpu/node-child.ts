/**
 * The child process that runs WebGPU sweep kernels in Node (started by `createNodeWebGpu` in
 * node-host.ts). Dawn, a native addon, can take its process down (a driver fault, a mutex
 * assertion); here that costs only this process: the parent sees it exit, says so and finishes
 * the sweep on the CPU.
 *
 * The `create()` result is held in a module variable for the life of the process: it is the
 * only owner of Dawn's native instance, and Dawn's event polling keeps a raw pointer to it, so
 * collecting it while a mapAsync or onSubmittedWorkDone is pending crashes or hangs the process.
 */
import type { GpuKernelSpec } from './kernel.js'
import { type GpuRunner, type GpuRunnerOptions, GpuUnavailableError, openGpuRunner } from './runner.js'

export type ChildRequest =
  | { type: 'open'; spec: GpuKernelSpec; options: GpuRunnerOptions; flags: string[] }
  | { type: 'run'; id: number; start: number; rowCount: number }
  | { type: 'close' }

export type ChildResponse =
  | { type: 'opened'; info: GpuRunner['info'] }
  | { type: 'unavailable'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; output: Awaited<ReturnType<GpuRunner['run']>> }
  | { type: 'error'; id: number; name: string; message: string }
  | { type: 'closed' }

if (!process.send) throw new Error('node-child runs as a child process (createNodeWebGpu starts it)')
const send = (message: ChildResponse) => process.send!(message)

/** Held until the process exits (see above). */
let heldGpu: unknown
let runner: GpuRunner | undefined

async function open(request: Extract<ChildRequest, { type: 'open' }>): Promise<void> {
  let create: (flags: string[]) => unknown
  try {
    ;({ create } = (await import('webgpu')) as unknown as { create: (flags: string[]) => unknown })
  } catch (error) {
    send({
      type: 'unavailable',
      message: `the 'webgpu' package cannot be loaded: ${(error as Error).message}`,
    })
    return
  }
  try {
    heldGpu = create(request.flags)
    runner = await openGpuRunner(
      heldGpu as Parameters<typeof openGpuRunner>[0],
      request.spec,
      request.options,
    )
    send({ type: 'opened', info: runner.info })
  } catch (error) {
    if (error instanceof GpuUnavailableError) send({ type: 'unavailable', message: error.message })
    else send({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

process.on('message', (request: ChildRequest) => {
  if (request.type === 'open') void open(request)
  else if (request.type === 'run') {
    if (!runner) {
      send({ type: 'error', id: request.id, name: 'Error', message: 'no kernel is open' })
      return
    }
    runner.run(request.start, request.rowCount).then(
      (output) => send({ type: 'result', id: request.id, output }),
      (error: unknown) =>
        send({
          type: 'error',
          id: request.id,
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
  } else if (request.type === 'close') {
    const closing = runner ? runner.close() : Promise.resolve()
    void closing.finally(() => {
      send({ type: 'closed' })
      // Dawn may keep handles open; nothing is left to do here.
      setTimeout(() => process.exit(0), 10)
      void heldGpu
    })
  }
})
process.on('disconnect', () => process.exit(0))
