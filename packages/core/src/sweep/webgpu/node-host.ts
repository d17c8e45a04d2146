/**
 * WebGPU for sweeps in Node (exported from `@mlsysim/core/node`): Dawn (the `webgpu` package)
 * runs in a child process, so that a native crash or hang ends that process, not the sweep —
 * the session reports it and finishes on the CPU backend.
 *
 *   sweep(space, { backend: 'webgpu', gpu: createNodeWebGpu() })
 *
 * Without a hardware GPU it uses Mesa's software Vulkan driver (lavapipe): VK_ICD_FILENAMES is
 * pointed at lvp_icd.json when that exists and the caller has not chosen a driver, and
 * XDG_RUNTIME_DIR at an existing 0700 directory (the Vulkan loader warns otherwise).
 */
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { WebGpuRunnerHost } from './backend.js'
import type { GpuKernelSpec } from './kernel.js'
import type { ChildRequest, ChildResponse } from './node-child.js'
import {
  type GpuChunkOutput,
  type GpuRunner,
  type GpuRunnerOptions,
  GpuUnavailableError,
  openGpuRunner,
} from './runner.js'

/** Where Debian's Mesa puts lavapipe's Vulkan driver manifest. */
export const LAVAPIPE_ICD_DIRECTORY = '/usr/share/vulkan/icd.d'

export interface NodeWebGpuOptions {
  /** Flags for the webgpu package's `create()` (default none). */
  flags?: readonly string[]
  /** Run Dawn in a child process (default true). In-process is faster to start and unprotected. */
  isolate?: boolean
  /**
   * The Vulkan driver: 'auto' (default) uses lavapipe when its manifest exists and
   * VK_ICD_FILENAMES / VK_DRIVER_FILES are unset; 'system' leaves the loader's choice (a
   * hardware GPU); a path names a driver manifest.
   */
  vulkanDriver?: 'auto' | 'system' | (string & {})
  /** A chunk that takes longer than this is a hang: the child process is ended (default 10 minutes). */
  chunkTimeoutMs?: number
  /** Called with each child process started (its pid), e.g. to watch it. */
  onChild?: (child: { readonly pid: number }) => void
}

/** The child process running Dawn ended (crashed, killed, or hung past the timeout). */
export class GpuProcessCrashedError extends Error {
  override readonly name = 'GpuProcessCrashedError'
}

/** lvp_icd*.json under /usr/share/vulkan/icd.d, if Mesa's lavapipe is installed. */
export function lavapipeIcd(directory = LAVAPIPE_ICD_DIRECTORY): string | undefined {
  for (const name of ['lvp_icd.json', 'lvp_icd.x86_64.json', 'lvp_icd.aarch64.json']) {
    const path = join(directory, name)
    if (existsSync(path)) return path
  }
  return undefined
}

/** The environment Dawn needs here: a Vulkan driver and a private runtime directory. */
export function webgpuEnvironment(
  base: NodeJS.ProcessEnv = process.env,
  driver: NodeWebGpuOptions['vulkanDriver'] = 'auto',
): NodeJS.ProcessEnv {
  const env = { ...base }
  if (driver !== 'auto' && driver !== 'system') env.VK_ICD_FILENAMES = driver
  else if (driver === 'auto' && !env.VK_ICD_FILENAMES && !env.VK_DRIVER_FILES) {
    const icd = lavapipeIcd()
    if (icd) env.VK_ICD_FILENAMES = icd
  }
  const runtime = env.XDG_RUNTIME_DIR
  let usable = false
  try {
    usable = runtime !== undefined && statSync(runtime).isDirectory()
  } catch {
    usable = false
  }
  if (!usable) env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'mlsysim-xdg-')) // created 0700
  return env
}

/** The child's entry: TypeScript with tsx's loader when this module runs from source (tests). */
function childTarget(): { path: string; execArgv: string[] } {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return { path: new URL('./node-child.js', here).pathname, execArgv: [] }
  const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href
  return {
    path: new URL('./node-child.ts', here).pathname,
    execArgv: ['--conditions=@mlsysim/source', '--import', tsx],
  }
}

/** Opens kernels in a fresh child process each (one per sweep session). */
async function openInChild(
  spec: GpuKernelSpec,
  runnerOptions: GpuRunnerOptions,
  options: NodeWebGpuOptions,
): Promise<GpuRunner> {
  const { path, execArgv } = childTarget()
  const child: ChildProcess = fork(path, [], {
    execArgv,
    env: webgpuEnvironment(process.env, options.vulkanDriver),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  options.onChild?.({ pid: child.pid ?? -1 })
  let stderr = ''
  child.stderr?.on('data', (data: Buffer) => {
    stderr = (stderr + data.toString()).slice(-4000)
  })
  const lastWords = () => {
    const lines = stderr
      .split('\n')
      .filter((l) => l.trim() && !/artificially reduced/.test(l))
      .slice(-3)
    return lines.length > 0 ? `; it said: ${lines.join(' | ')}` : ''
  }
  type Waiter = {
    resolve: (r: ChildResponse) => void
    reject: (e: Error) => void
    timer?: ReturnType<typeof setTimeout>
  }
  const waiting = new Map<number | 'open' | 'close', Waiter>()
  let ended: Error | undefined
  const fail = (error: Error) => {
    ended ??= error
    for (const [key, w] of waiting) {
      if (w.timer) clearTimeout(w.timer)
      if (key === 'close') w.resolve({ type: 'closed' })
      else w.reject(ended)
    }
    waiting.clear()
  }
  child.on('exit', (code, signal) => {
    fail(
      new GpuProcessCrashedError(
        `the WebGPU child process (pid ${child.pid}) ended ${signal ? `with signal ${signal}` : `with exit code ${code}`}${lastWords()}`,
      ),
    )
  })
  child.on('error', (error) =>
    fail(new GpuProcessCrashedError(`the WebGPU child process failed: ${error.message}`)),
  )
  child.on('message', (message: ChildResponse) => {
    const key =
      message.type === 'result' || message.type === 'error'
        ? message.id
        : message.type === 'closed'
          ? 'close'
          : 'open'
    const w = waiting.get(key)
    if (!w) return
    waiting.delete(key)
    if (w.timer) clearTimeout(w.timer)
    w.resolve(message)
  })
  const request = (key: number | 'open' | 'close', message: ChildRequest, timeoutMs?: number) =>
    new Promise<ChildResponse>((resolve, reject) => {
      if (ended) return reject(ended)
      const w: Waiter = { resolve, reject }
      if (timeoutMs !== undefined)
        w.timer = setTimeout(() => {
          const error = new GpuProcessCrashedError(
            `the WebGPU child process (pid ${child.pid}) did not answer within ${Math.round(timeoutMs / 1000)} s (a hang); it was ended${lastWords()}`,
          )
          fail(error)
          child.kill('SIGKILL')
        }, timeoutMs)
      waiting.set(key, w)
      child.send(message)
    })

  const timeout = options.chunkTimeoutMs ?? 10 * 60_000
  const opened = await request(
    'open',
    {
      type: 'open',
      spec,
      options: { settleFraction: 0.8, ...runnerOptions },
      flags: [...(options.flags ?? [])],
    },
    timeout,
  ).catch((error: Error) => ({ type: 'failed' as const, message: error.message }))
  if (opened.type !== 'opened') {
    child.kill('SIGKILL')
    const message = 'message' in opened ? opened.message : 'no answer'
    if (opened.type === 'unavailable') throw new GpuUnavailableError(message)
    throw new GpuProcessCrashedError(`the WebGPU child process could not open the kernel: ${message}`)
  }
  // An idle child must not keep the parent alive.
  child.unref()
  child.channel?.unref()
  let next = 0
  let closed = false
  return {
    info: opened.info,
    async run(start, rowCount): Promise<GpuChunkOutput> {
      const id = next++
      child.channel?.ref()
      try {
        const reply = await request(id, { type: 'run', id, start, rowCount }, timeout)
        if (reply.type === 'result') return reply.output
        const error = new Error(reply.type === 'error' ? reply.message : `unexpected reply ${reply.type}`)
        if (reply.type === 'error') error.name = reply.name
        throw error
      } finally {
        if (waiting.size === 0) child.channel?.unref()
      }
    },
    async close() {
      if (closed) return
      closed = true
      if (ended) return
      child.channel?.ref()
      await request('close', { type: 'close' }, 10_000).catch(() => undefined)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}

/**
 * A GPU for sweeps in Node: pass it as `gpu` with `backend: 'webgpu'` (or 'auto'). Each sweep
 * session starts its own child process running Dawn (unless `isolate: false`).
 */
export function createNodeWebGpu(options: NodeWebGpuOptions = {}): WebGpuRunnerHost {
  return {
    async openSweepRunner(spec, runnerOptions) {
      if (options.isolate === false) {
        const env = webgpuEnvironment(process.env, options.vulkanDriver)
        for (const key of ['VK_ICD_FILENAMES', 'XDG_RUNTIME_DIR'] as const)
          if (env[key] !== undefined && process.env[key] === undefined) process.env[key] = env[key]
        let create: (flags: string[]) => unknown
        try {
          ;({ create } = (await import('webgpu')) as unknown as { create: (flags: string[]) => unknown })
        } catch (error) {
          throw new GpuUnavailableError(`the 'webgpu' package cannot be loaded: ${(error as Error).message}`)
        }
        // openGpuRunner holds the GPU object until the runner closes.
        return openGpuRunner(
          create([...(options.flags ?? [])]) as Parameters<typeof openGpuRunner>[0],
          spec,
          {
            settleFraction: 0.8,
            ...runnerOptions,
          },
        )
      }
      return openInChild(spec, runnerOptions, options)
    },
  }
}
