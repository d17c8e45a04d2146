// Forced failures of the WebGPU path, in-process and deterministic: the engine's backend
// registry (registerSweepBackend) and the GPU handle the CLI takes (io.webgpu) are the hooks.
// Whatever breaks, the sweep completes on the CPU with the CPU's exact results, and stderr
// says what happened.
import { readFileSync } from 'node:fs'
import {
  cpuBackend,
  createWebGpuBackend,
  registerSweepBackend,
  type SweepBackend,
  SweepBackendUnavailableError,
  webgpuBackend,
} from '@mlsysim/core'
import { createNodeWebGpu, lavapipeIcd } from '@mlsysim/core/node'
import { afterEach, describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'
import { SPACES } from '../../test/paths.js'
import { workDir } from '../../test/spaces.js'
import { run } from '../index.js'
import type { SweepSummary } from '../sweep-summary.js'

const comparable = (s: SweepSummary) => ({
  evaluated: s.evaluated,
  feasible: s.feasible,
  topK: s.topK,
  pareto: s.pareto,
})

/** A GPU handle the engine accepts as a runner host; the fake backends below never use it. */
const fakeGpu = { openSweepRunner: () => Promise.reject(new Error('not used')) }

afterEach(() => registerSweepBackend(webgpuBackend))

describe('sweep: forced WebGPU failures', () => {
  it('runs a large space on every core when WebGPU cannot run it', async () => {
    const unavailable = {
      openSweepRunner: () =>
        Promise.reject(Object.assign(new Error('no adapter here'), { name: 'GpuUnavailableError' })),
    }
    const r = await cli(['demo', '--backend', 'webgpu', '--threads', '2', '--json'], { webgpu: unavailable })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe(
      'note: the webgpu backend cannot run here (no adapter here); using the CPU backend\n',
    )
    const s = json<SweepSummary>(r)
    expect(s.evaluated).toBe(1_212_416)
    expect(s.backend).toBe('cpu (2 workers)')
  })

  it('reports a backend that throws while opening, and reruns on the CPU', async () => {
    const broken: SweepBackend = {
      name: 'webgpu',
      open: () => Promise.reject(new Error('VK_ERROR_DEVICE_LOST while creating the pipeline')),
    }
    registerSweepBackend(broken)
    const dir = workDir()
    const r = await cli(['sweep', 'space.yaml', '--backend', 'webgpu', '--json', '--out', 't.csv'], {
      cwd: dir,
      webgpu: fakeGpu,
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe(
      'webgpu failed: VK_ERROR_DEVICE_LOST while creating the pipeline; the sweep runs again on the cpu backend\n',
    )
    const cpu = json<SweepSummary>(
      await cli(['sweep', 'space.yaml', '--backend', 'cpu', '--json'], { cwd: dir }),
    )
    expect(comparable(json<SweepSummary>(r))).toEqual(comparable(cpu))
  })

  it('reports a backend that breaks mid-sweep, and reruns the whole sweep on the CPU, tables included', async () => {
    let chunks = 0
    const flaky: SweepBackend = {
      name: 'webgpu',
      async open(plan) {
        const cpu = await cpuBackend.open(plan, {})
        return {
          description: 'webgpu (flaky test adapter)',
          concurrency: 1,
          chunkSize: 8,
          async evaluate(start, end) {
            if (++chunks === 3) throw new Error('the device was lost')
            return cpu.evaluate(start, end)
          },
          close: () => cpu.close(),
        }
      },
    }
    registerSweepBackend(flaky)
    const dir = workDir()
    const r = await cli(['sweep', 'space.yaml', '--backend', 'webgpu', '--json', '--out', 'gpu.csv'], {
      cwd: dir,
      webgpu: fakeGpu,
    })
    expect(chunks).toBe(3)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('webgpu failed: the device was lost; the sweep runs again on the cpu backend\n')
    const cpu = await cli(['sweep', 'space.yaml', '--backend', 'cpu', '--json', '--out', 'cpu.csv'], {
      cwd: dir,
    })
    expect(comparable(json<SweepSummary>(r))).toEqual(comparable(json<SweepSummary>(cpu)))
    // The table written during the failed attempt was started over: no duplicated rows.
    expect(readFileSync(`${dir}/gpu.csv`, 'utf8')).toBe(readFileSync(`${dir}/cpu.csv`, 'utf8'))
  })

  it('says why when the backend cannot run here, and runs on the CPU', async () => {
    registerSweepBackend({
      name: 'webgpu',
      open: () => Promise.reject(new SweepBackendUnavailableError('no adapter')),
    })
    const dir = workDir()
    const r = await cli(['sweep', 'space.yaml', '--backend', 'webgpu', '--json'], {
      cwd: dir,
      webgpu: fakeGpu,
    })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('note: the webgpu backend cannot run here (no adapter); using the CPU backend\n')
  })

  // The real thing: Dawn in its child process on this machine's adapter (Mesa lavapipe, which
  // the repository's setup script installs), killed after the first chunks came back.
  it.runIf(lavapipeIcd() !== undefined)(
    'finishes on the CPU when the WebGPU child process is killed mid-sweep',
    { timeout: 120_000 },
    async () => {
      // Small device chunks (256 rows): thousands of round trips, so the sweep is surely still
      // running on the device when the first progress report arrives.
      registerSweepBackend(createWebGpuBackend({ maxRows: 256 }))
      let child: number | undefined
      let killed = false
      let stderr = ''
      let stdout = ''
      const space = `${SPACES}llm-serving.yaml`
      const code = await run(['sweep', space, '--backend', 'webgpu', '--shard', '0/8', '--json'], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: {
          write: (s: string) => {
            stderr += s
            // A progress line from the device: kill the process the device lives in.
            if (!killed && child !== undefined && /\] +\d+\.\d% .*webgpu \(/.test(s)) {
              process.kill(child, 'SIGKILL')
              killed = true
            }
            return true
          },
        },
        isTTY: { stdout: false, stderr: true },
        env: { NO_COLOR: '1' },
        webgpu: createNodeWebGpu({ onChild: ({ pid }) => (child = pid) }),
      })
      expect(killed).toBe(true)
      expect(code, stderr).toBe(0)
      expect(stderr).toMatch(
        /note: the webgpu backend failed mid-sweep \(the WebGPU child process \(pid \d+\) ended with signal SIGKILL\); the rest of the sweep runs on the CPU backend\n/,
      )
      const s = JSON.parse(stdout) as SweepSummary
      expect(s.backend).toMatch(/^cpu \(after webgpu failed: /)
      const cpu = json<SweepSummary>(
        await cli(['sweep', space, '--backend', 'cpu', '--shard', '0/8', '--json']),
      )
      expect(comparable(s)).toEqual(comparable(cpu))
    },
  )
})
