import { listSolvers } from '@mlsysim/core'
import { describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'

const resnet = { workload: 'ResNet50', hardware: 'A100', batchSize: 1, precision: 'fp16' }

describe('mlsysim solve', () => {
  it('prints the whole result as JSON in SI units, nothing on stderr', async () => {
    const r = await cli(['solve', 'single-node', '--input', JSON.stringify(resnet), '--json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const result = json<Record<string, unknown>>(r)
    expect(result.feasible).toBe(true)
    expect(result.bottleneck).toBe('compute')
    // 8.2 GFLOP / (312 TFLOP/s × 0.5) + 0.015 ms + 50 × 0.01 ms, in seconds.
    expect(result.latency).toBeCloseTo(0.5675641025641026e-3, 15)
    expect(result.memoryCapacity).toBe(80 * 2 ** 30)
    expect(result).toHaveProperty('ironLaw.terms')
  })

  it('reads the input from standard input or YAML', async () => {
    const fromStdin = await cli(['solve', 'single-node', '--input', '-', '--json'], {
      stdin: JSON.stringify(resnet),
    })
    const fromYaml = await cli(['solve', 'single-node', '--input', '-', '--json'], {
      stdin: 'workload: ResNet50\nhardware: A100\n',
    })
    expect(json(fromStdin)).toEqual(json(fromYaml))
  })

  it('accepts inline definitions and strings with units', async () => {
    const chip = {
      id: 'TestNPU',
      name: 'Test NPU',
      vendor: 'Example',
      tier: 'edge',
      releaseYear: 2025,
      compute: { peak: '100 TFLOP/s' },
      memory: { capacity: '16 GiB', bandwidth: '200 GB/s' },
      provenance: { kind: 'illustrative', ref: 'a test chip', verified: '2025-01-01' },
    }
    const r = await cli([
      'solve',
      'single-node',
      '--input',
      JSON.stringify({ workload: 'ResNet50', hardware: chip, batchSize: 64 }),
      '--json',
    ])
    expect(r.code, r.stderr).toBe(0)
    const result = json<{ memoryCapacity: number; peakFlopsActual: number }>(r)
    expect(result.memoryCapacity).toBe(16 * 2 ** 30)
    // η = 0.5 of 100 TFLOP/s.
    expect(result.peakFlopsActual).toBe(50e12)
  })

  it('prints a readable summary by default, with units', async () => {
    const r = await cli(['solve', 'single-node', '--input', JSON.stringify(resnet)])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^single-node — Single-node roofline\nfeasible — binding: compute\n/)
    expect(r.stdout).toMatch(/^latency\s+0\.568 ms$/m)
    expect(r.stdout).toMatch(/^memoryFootprint\s+51\.2 MB$/m)
  })

  it('exits 2 for an infeasible design, still printing the result', async () => {
    const r = await cli([
      'solve',
      'single-node',
      '--input',
      '{"workload":"Llama3_70B","hardware":"H100"}',
      '--json',
    ])
    expect(r.code).toBe(2)
    expect(json<{ feasible: boolean }>(r).feasible).toBe(false)
    expect(r.stderr).toBe('infeasible: memory capacity\n')
  })

  it('names each bad field, the value and what is allowed (exit 1, no stack trace)', async () => {
    const r = await cli([
      'solve',
      'single-node',
      '--input',
      '{"workload":"ResNet50","hardware":"A100","batchSize":-4}',
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      "error: invalid input to solver 'single-node':\n  batchSize: must be a whole number ≥ 1 (got -4)\nsee 'mlsysim solve single-node --help' for its input keys\n",
    )
  })

  it('rejects unknown solvers, malformed JSON and missing files', async () => {
    const unknown = await cli(['solve', 'singel-node'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^error: unknown solver 'singel-node'; did you mean single-node/)
    const malformed = await cli(['solve', 'single-node', '--input', '{"workload":'])
    expect(malformed.code).toBe(1)
    expect(malformed.stderr).toMatch(/^error: the input \(inline\) is not valid JSON or YAML: /)
    const missing = await cli(['solve', 'single-node', '--input', 'missing.json'])
    expect(missing.stderr).toBe("error: cannot read input 'missing.json': no such file\n")
    // Inline JSON that is not an object is read as JSON (not looked up as a file name).
    const list = await cli(['solve', 'single-node', '--input', ' [1, 2]'])
    expect(list.code).toBe(1)
    expect(list.stderr).toMatch(
      /^error: invalid input to solver 'single-node':\n {2}\(input\): must be an object/,
    )
  })

  it('lists the solvers, and shows a solver’s keys under --help', async () => {
    const list = json<Array<{ id: string }>>(await cli(['solve', '--list', '--json']))
    expect(list.map((s) => s.id)).toEqual(listSolvers().map((s) => s.id))
    const help = await cli(['solve', 'serving', '--help'])
    expect(help.stdout).toMatch(/Solver serving — .+\n.+\n {2}input keys: {2}workload, hardware, seqLen/)
  })
})
