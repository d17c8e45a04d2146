// The contract of the installed command, checked on the built binary (turbo builds this
// package before its tests): exit codes, stdout for data, stderr for people, no stack traces.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tableFromIPC } from 'apache-arrow'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SweepSummary } from '../src/sweep-summary.js'
import { PLANS } from './paths.js'
import { SMALL_SPACE_POINTS, workDir } from './spaces.js'

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

function mlsysim(args: string[], options: { cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    // Pipes on every stream: what a script or CI sees. NO_COLOR unset, so colour would show if misused.
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
  })
}

const NO_STACK = /\n\s+at .+:\d+:\d+/

beforeAll(() => {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: build the package first (pnpm exec tsc -b tsconfig.json)`)
})

// Each spawn starts Node and loads the catalogs: about a second on a busy two-core machine.
describe('the mlsysim binary', { timeout: 60_000 }, () => {
  it('starts with a shebang and prints its version', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    const r = mlsysim(['--version'])
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${manifest.version}\n`, ''])
  })

  it('prints help without colour when piped', () => {
    const r = mlsysim(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Commands:')
    expect(r.stdout).not.toContain('\u001b[')
  })

  it('solve: JSON on stdout, nothing on stderr', () => {
    const r = mlsysim(['solve', 'single-node', '--input', '-', '--json'], {
      input: '{"workload":"ResNet50","hardware":"A100"}',
    })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    // 8.2 GFLOP / (312 TFLOP/s × 0.5) + 0.015 ms + 50 × 0.01 ms, in seconds.
    expect(JSON.parse(r.stdout).latency).toBeCloseTo(0.5675641025641026e-3, 15)
  })

  it('bad input: exit 1, the field named on stderr, no stack trace', () => {
    const r = mlsysim([
      'solve',
      'single-node',
      '--input',
      '{"workload":"ResNet50","hardware":"A100","efficiency":3}',
    ])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(
      "error: invalid input to solver 'single-node':\n  efficiency: must be a number",
    )
    expect(r.stderr).toContain('(got 3)')
    expect(r.stderr).not.toMatch(NO_STACK)
  })

  it('an infeasible design: exit 2', () => {
    const r = mlsysim(['eval', 'Llama3_70B', 'H100'])
    expect(r.status).toBe(2)
    expect(r.stdout).toContain('Level 1: Memory Feasibility [FAIL]')
    expect(r.stderr).toMatch(/^infeasible: /)
  })

  it('a failing plan assertion: exit 3', () => {
    const r = mlsysim(['eval', join(PLANS, 'llama3-8b-h100-decode-budget.yaml')])
    expect(r.status).toBe(3)
    expect(r.stderr).toMatch(
      /^assertion failed: 1 of 2\n {2}performance\.latency \(5\.6 ms\) exceeds max \(5 ms\)\n$/,
    )
  })

  it('sweep --json piped: one JSON object, no progress bar', () => {
    const dir = workDir()
    const r = mlsysim(['sweep', 'space.yaml', '--json'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect((JSON.parse(r.stdout) as SweepSummary).evaluated).toBe(SMALL_SPACE_POINTS)
  })

  it('shards merged equal the single run; the exports read back', () => {
    const dir = workDir()
    const single = JSON.parse(
      mlsysim(['sweep', 'space.yaml', '--json', '--out', 't.csv', '--out', 't.arrow'], { cwd: dir }).stdout,
    )
    for (const i of [0, 1]) {
      const r = mlsysim(['sweep', 'space.yaml', '--shard', `${i}/2`, '--out', `s${i}.json`], { cwd: dir })
      expect(r.status, r.stderr).toBe(0)
    }
    const merged = mlsysim(['sweep', '--merge', 's0.json', 's1.json', '--json'], { cwd: dir })
    expect(merged.status, merged.stderr).toBe(0)
    const m = JSON.parse(merged.stdout) as SweepSummary
    for (const key of ['evaluated', 'feasible', 'topK', 'pareto'] as const)
      expect(m[key]).toEqual(single[key])
    const csv = readFileSync(join(dir, 't.csv'), 'utf8').trimEnd().split('\n')
    expect(csv).toHaveLength(SMALL_SPACE_POINTS + 1)
    const arrow = tableFromIPC(readFileSync(join(dir, 't.arrow')))
    expect(arrow.numRows).toBe(SMALL_SPACE_POINTS)
    expect(arrow.schema.fields.map((f) => f.name)).toEqual(csv[0]!.split(','))
  })

  it('demo: the embedded 1.2M-point sweep on worker threads', () => {
    const r = mlsysim(['demo', '--threads', '2', '--json'])
    expect(r.status, r.stderr).toBe(0)
    const s = JSON.parse(r.stdout) as SweepSummary
    expect(s.evaluated).toBe(1_212_416)
    expect(s.backend).toBe('cpu (2 workers)')
    expect(s.pareto?.points.length).toBeGreaterThan(0)
  })

  it('stops quietly when the reader closes the pipe', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" zoo hardware | head -n 1`], {
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^id\s+name/)
    expect(r.stderr).toBe('')
  })
})
