// The WebGPU path of the built binary: Dawn runs in a child process, so a crash there cannot
// take the CLI down. The sweep must complete, on the CPU, with exactly the CPU's results, and
// stderr must say what happened. On this project's machines the adapter is Mesa's lavapipe.
// (A crash in the middle of a sweep is forced deterministically in src/commands/sweep-gpu.test.ts.)
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { lavapipeIcd } from '@mlsysim/core/node'
import { describe, expect, it } from 'vitest'
import type { SweepSummary } from '../src/sweep-summary.js'
import { SMALL_GPU_SPACE, SMALL_SPACE, workDir } from './spaces.js'

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const env = { PATH: process.env.PATH ?? '' }

const comparable = (s: SweepSummary) => ({
  evaluated: s.evaluated,
  feasible: s.feasible,
  topK: s.topK,
  pareto: s.pareto,
})

function cpuSummary(args: string[], cwd: string): SweepSummary {
  const r = spawnSync(process.execPath, [BIN, ...args, '--backend', 'cpu', '--json'], {
    cwd,
    encoding: 'utf8',
    env,
  })
  return JSON.parse(r.stdout) as SweepSummary
}

/** Pids of the processes whose parent is `pid` and whose command line contains `text`. */
function childrenOf(pid: number, text: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8')
        const parent = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]
        return parent === String(pid) && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text)
      } catch {
        return false
      }
    })
    .map(Number)
}

/**
 * Runs the binary and SIGKILLs its WebGPU child process `delayMs` after it appears.
 * Resolves with the exit code and output.
 */
function sweepKillingGpu(args: string[], cwd: string, delayMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }>((resolve) => {
    const cli = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let killed = false
    cli.stdout.on('data', (d) => (stdout += d))
    cli.stderr.on('data', (d) => (stderr += d))
    const poll = setInterval(() => {
      const [child] = childrenOf(cli.pid!, 'node-child')
      if (child === undefined) return
      clearInterval(poll)
      setTimeout(() => {
        try {
          process.kill(child, 'SIGKILL')
          killed = true
        } catch {
          // Already gone: the assertions below then fail, saying the child was not killed.
        }
      }, delayMs)
    }, 20)
    cli.on('exit', (code) => {
      clearInterval(poll)
      resolve({ code, stdout, stderr, killed })
    })
  })
}

describe('mlsysim sweep --backend webgpu (built binary)', { timeout: 120_000 }, () => {
  it('uses a space the WebGPU backend runs whole', () => {
    expect(SMALL_GPU_SPACE).not.toBe(SMALL_SPACE)
    expect(SMALL_GPU_SPACE).not.toContain('metric: throughput')
  })

  it('runs on the WebGPU adapter with exactly the CPU backend’s results', () => {
    const dir = workDir({ 'space.yaml': SMALL_GPU_SPACE })
    const r = spawnSync(process.execPath, [BIN, 'sweep', 'space.yaml', '--backend', 'webgpu', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      env,
    })
    expect(r.status, r.stderr).toBe(0)
    const s = JSON.parse(r.stdout) as SweepSummary
    expect(comparable(s)).toEqual(comparable(cpuSummary(['sweep', 'space.yaml'], dir)))
    if (lavapipeIcd()) {
      expect(s.backend).toMatch(/^webgpu \(/)
      // The engine's closing notice: what ran on the device and what was refined in f64.
      expect(r.stderr).toMatch(/^note: webgpu \(.+\): 42 points on the device; /)
    } else {
      expect(r.stderr).toMatch(/^note: the webgpu backend cannot run here/)
    }
  })

  it('reports a WebGPU child process killed while it starts, and reruns on the CPU', async () => {
    const dir = workDir({ 'space.yaml': SMALL_GPU_SPACE })
    const r = await sweepKillingGpu(['sweep', 'space.yaml', '--backend', 'webgpu', '--json'], dir, 0)
    expect(r.killed).toBe(true)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/^webgpu failed: .*SIGKILL.*; the sweep runs again on the cpu backend\n/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const s = JSON.parse(r.stdout) as SweepSummary
    expect(s.backend).toBe('cpu (calling thread)')
    expect(comparable(s)).toEqual(comparable(cpuSummary(['sweep', 'space.yaml'], dir)))
  })
})
