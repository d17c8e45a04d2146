import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'
import { PLANS, planFiles } from '../../test/paths.js'

interface Evaluation {
  scenarioName: string
  feasibility: { status: string; metrics: Record<string, number> }
  performance: { status: string; metrics: Record<string, number> }
  macro: { status: string; metrics: Record<string, number> }
  assertionsPassed?: boolean
  violations?: string[]
}

describe('mlsysim eval <workload> <hardware>', () => {
  it('prints the scorecard and exits 0 when the design fits', async () => {
    const r = await cli(['eval', 'ResNet50', 'A100'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('Scenario: ResNet50 on A100')
    expect(r.stdout).toContain('Level 1: Memory Feasibility [PASS]')
    // 8.2 GFLOP / (312 TFLOP/s × 0.5) + 0.015 ms dispatch + 50 layers × 0.01 ms = 0.568 ms
    expect(r.stdout).toMatch(/latency\s+0\.568 ms/)
    expect(r.stdout).toContain('Level 3: Macro [SKIPPED]')
  })

  it('passes batch, precision, efficiency and sequence length through', async () => {
    const r = json<Evaluation & { plan: Record<string, Record<string, unknown>> }>(
      await cli([
        'eval',
        'Llama3_8B',
        'H100',
        '--batch',
        '8',
        '--precision',
        'fp8',
        '--efficiency',
        '0.4',
        '--seq-len',
        '1024',
        '--json',
      ]),
    )
    expect(r.plan.workload).toEqual({ name: 'Llama3_8B', batchSize: 8, seqLen: 1024 })
    expect(r.plan.hardware).toMatchObject({ name: 'H100', precision: 'fp8', efficiency: 0.4 })
    // fp8 weights: 8.03e9 parameters × 1 B = 8.03 GB, against 16.06 GB in fp16.
    expect(r.feasibility.metrics.memoryUsed).toBeLessThan(9e9)
    expect(r.feasibility.metrics.memoryUsed).toBeGreaterThan(8e9)
  })

  it('exits 2 with the reason on stderr when the design does not fit', async () => {
    const r = await cli(['eval', 'Llama3_70B', 'H100'])
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('Level 1: Memory Feasibility [FAIL]')
    expect(r.stderr).toMatch(
      /^infeasible: Llama3_70B on H100\n {2}Memory Wall: FAILED — needs 141 GB of 85\.9 GB/,
    )
  })

  it('evaluates a training step with --training', async () => {
    const inference = json<Evaluation>(await cli(['eval', 'ResNet50', 'A100', '--batch', '32', '--json']))
    const r = await cli(['eval', 'ResNet50', 'A100', '--batch', '32', '--training', '--json'])
    const training = json<Evaluation>(r)
    expect(training.scenarioName).toBe('ResNet50 training on A100')
    // Weights + gradients + optimizer state + activations: more memory than inference, and
    // forward + backward (3× the FLOP) per sample: a longer step.
    expect(training.feasibility.metrics.memoryUsed).toBeGreaterThan(inference.feasibility.metrics.memoryUsed!)
    expect(training.performance.metrics.latency).toBeGreaterThan(inference.performance.metrics.latency!)
  })

  it('names a misspelt workload or hardware with suggestions and the command that lists them', async () => {
    const hw = await cli(['eval', 'Llama3_8B', 'H10'])
    expect(hw.code).toBe(1)
    expect(hw.stdout).toBe('')
    expect(hw.stderr).toBe(
      "error: unknown hardware 'H10'; did you mean H100, H20, H200?\n'mlsysim zoo hardware' lists them\n",
    )
    const wl = await cli(['eval', 'Lama3_8B', 'H100'])
    expect(wl.stderr).toMatch(/^error: unknown workload 'Lama3_8B'; did you mean Llama3_8B/)
  })

  it('rejects bad option values, naming the option and what is allowed', async () => {
    const cases: Array<[string[], string]> = [
      [['--batch', '0'], "--batch must be a whole number ≥ 1 (got '0')"],
      [['--batch', '2.5'], "--batch must be a whole number ≥ 1 (got '2.5')"],
      [
        ['--efficiency', '1.5'],
        "--efficiency must be a number > 0 and ≤ 1 (the fraction of peak sustained) (got '1.5')",
      ],
      [['--precision', 'fp9'], '--precision must be one of fp32, tf32, bf16, fp16, fp8, int8, fp4, int4'],
      [['--fidelity', 'python'], '--fidelity must be one of default, mlsysim-0.1.2'],
      [['--seq-len'], "option '--seq-len' needs a value (N)"],
    ]
    for (const [options, message] of cases) {
      const r = await cli(['eval', 'Llama3_8B', 'H100', ...options])
      expect(r.code, options.join(' ')).toBe(1)
      expect(r.stderr).toContain(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('accepts precision aliases and warns above 0.6 efficiency, as the original does', async () => {
    const r = await cli(['eval', 'ResNet50', 'A100', '--precision', 'half', '--efficiency', '0.7', '--json'])
    expect(r.code).toBe(0)
    expect(json<{ plan: { hardware: { precision: string } } }>(r).plan.hardware.precision).toBe('fp16')
    expect(r.stderr).toBe('warning: efficiency 0.7 is above 0.6; sustained fractions that high are rare\n')
  })

  it('follows the original with --fidelity mlsysim-0.1.2', async () => {
    const r = await cli(['eval', 'ResNet50', 'A100', '--fidelity', 'mlsysim-0.1.2'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Fidelity: mlsysim-0.1.2')
  })
})

describe('mlsysim eval <plan>', () => {
  it('runs every example plan with the exit code its header promises', async () => {
    const files = planFiles()
    expect(files.length).toBeGreaterThanOrEqual(4)
    const seen = new Set<number>()
    for (const file of files) {
      const text = readFileSync(`${PLANS}${file}`, 'utf8')
      const promised = Number(/mlsysim eval exits (\d)/.exec(text)?.[1])
      const r = await cli(['eval', `${PLANS}${file}`])
      expect(r.code, `${file}\n${r.stderr}`).toBe(promised)
      expect(r.stdout).toContain('MLSys·im SYSTEM EVALUATION')
      seen.add(promised)
    }
    // The examples cover success, infeasible and a failed assertion.
    expect([...seen].sort()).toEqual([0, 2, 3])
  })

  it('exits 3 and lists the failed assertion on stderr', async () => {
    const r = await cli(['eval', 'examples/plans/llama3-8b-h100-decode-budget.yaml'], {
      cwd: `${PLANS}../../`,
    })
    expect(r.code).toBe(3)
    expect(r.stdout).toContain('✗ performance.latency (5.6 ms) exceeds max (5 ms)')
    expect(r.stderr).toBe('assertion failed: 1 of 2\n  performance.latency (5.6 ms) exceeds max (5 ms)\n')
  })

  it('reads a plan from standard input and prints JSON', async () => {
    const plan = readFileSync(`${PLANS}resnet50-a100-inference.yaml`, 'utf8')
    const r = await cli(['eval', '-', '--json'], { stdin: plan })
    expect(r.code).toBe(0)
    const e = json<Evaluation>(r)
    expect(e.assertionsPassed).toBe(true)
    expect(e.performance.metrics.latency).toBeCloseTo(0.5675641025641026e-3, 15)
  })

  it('fills the macro level for a fleet with ops', async () => {
    const e = json<Evaluation>(await cli(['eval', `${PLANS}llama3-70b-training-256-h100.yaml`, '--json']))
    expect(e.macro.status).toBe('PASS')
    expect(e.macro.metrics.tco).toBeGreaterThan(0)
    expect(e.performance.metrics.scalingEfficiency).toBeGreaterThan(0)
    expect(e.performance.metrics.scalingEfficiency).toBeLessThan(1)
  })

  it('names the field of a bad plan, with no stack trace', async () => {
    const bad =
      'version: "1.0"\nname: x\nworkload:\n  name: ResNet50\n  batch_sise: 4\nhardware:\n  name: A100\n'
    const r = await cli(['eval', '-'], { stdin: bad })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: invalid plan:\n {2}workload\.batch_sise: unknown workload key 'batch_sise' \(did you mean 'batch_size'/,
    )
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('reports a missing file, and a single argument that is not a file', async () => {
    const missing = await cli(['eval', 'nowhere/plan.yaml'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe("error: cannot read plan 'nowhere/plan.yaml': no such file\n")
    const one = await cli(['eval', 'Llama3_8B'])
    expect(one.code).toBe(1)
    expect(one.stderr).toContain("'Llama3_8B' is not a plan file")
    const flags = await cli(['eval', `${PLANS}resnet50-a100-inference.yaml`, '--batch', '4'])
    expect(flags.code).toBe(1)
    expect(flags.stderr).toContain("--batch applies to 'mlsysim eval <workload> <hardware>'")
  })
})
