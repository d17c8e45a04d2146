import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chips } from '@mlsysim/hardware'
import { workloads } from '@mlsysim/workloads'
import { describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'mlsysim-validate-'))
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return name
}

/** A fresh directory holding `files` (paths may have folders). */
function workDirWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mlsysim-course-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

const provenance = "provenance: { kind: illustrative, ref: 'a test entry', verified: '2025-01-01' }"

describe('mlsysim validate catalog', () => {
  it('reports the built-in catalogs', async () => {
    const r = await cli(['validate', 'catalog', '--json'])
    expect(r.code).toBe(0)
    const report = json<{ valid: boolean; builtIn: Record<string, number> }>(r)
    expect(report.valid).toBe(true)
    expect(report.builtIn.chips).toBe(chips.size)
    expect(report.builtIn.workloads).toBe(workloads.size)
    const text = await cli(['validate', 'catalog'])
    expect(text.stdout).toMatch(/^valid: built-in catalogs, \d+ entries\n/)
  })

  it('validates a user’s hardware file, a node using a chip of the same file', async () => {
    const file = write(
      'npu.yaml',
      [
        'chips:',
        `  - { id: ValidateNPU1, name: Validate NPU, vendor: Example, tier: edge, releaseYear: 2025, compute: { peak: 50 TFLOP/s }, memory: { capacity: 8 GiB, bandwidth: 100 GB/s }, ${provenance} }`,
        'nodes:',
        `  - { id: ValidateNode1, name: Validate node, accelerator: ValidateNPU1, acceleratorsPerNode: 4, intraNodeBandwidth: 50 GB/s, ${provenance} }`,
      ].join('\n'),
    )
    const r = await cli(['validate', 'catalog', file, '--json'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(json<{ files: unknown[] }>(r).files).toEqual([
      { file, kind: 'hardware', entries: { chips: ['ValidateNPU1'], nodes: ['ValidateNode1'] } },
    ])
  })

  it('validates a user’s workloads file', async () => {
    const file = write(
      'models.yaml',
      `ValidateMLP:\n  family: generic\n  name: Validate MLP\n  architecture: MLP\n  parameters: 1M\n  inferenceFlops: 2 MFLOP\n  ${provenance}\n`,
    )
    const r = await cli(['validate', 'catalog', file], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('valid: models.yaml: 1 workloads (ValidateMLP)')
  })

  it('names the file, the entry and the field of a bad entry (exit 1)', async () => {
    const file = write(
      'bad.yaml',
      `chips:\n  - { id: ValidateBad1, name: Bad, vendor: Example, tier: edge, releaseYear: 2025, compute: { peak: 50 TFLOP/s }, memory: { capacity: 100 GB/s, bandwidth: 100 GB/s }, ${provenance} }\n`,
    )
    const r = await cli(['validate', 'catalog', file], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: bad\.yaml: chips\[0\]: invalid hardware 'ValidateBad1':\n {2}memory\.capacity: /,
    )
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('rejects an unknown target', async () => {
    const r = await cli(['validate', 'catalogue'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("(got 'catalogue') (did you mean catalog?)")
  })
})

const track = (hardware: string) =>
  [
    'id: iphone',
    'label: iPhone',
    'category: Mobile ML',
    `hardwareRef: ${hardware}`,
    'defaultModelRef: MobileNetV2',
    'stakeholder: Mobile product engineer',
    'primaryMetrics: [latency]',
    'guardrailMetrics: []',
    'dominantConstraints: [battery]',
    'evidence: estimate',
  ].join('\n')

describe('mlsysim validate curriculum', () => {
  it('passes the shipped course, listing every check', async () => {
    const r = await cli(['validate', 'curriculum'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^check\s+title\s+status\s+errors\s+warnings\n/)
    expect(r.stdout).toMatch(/^c01\s+.+\s+passed\s+0\s+\d+$/m)
    expect(r.stdout).toMatch(/\nvalid: the shipped course; 0 errors, \d+ warnings?\n$/)
    const report = json<{ ok: boolean; issues: unknown[]; checks: Array<{ id: string; status: string }> }>(
      await cli(['validate', 'curriculum', '--json']),
    )
    expect(report.ok).toBe(true)
    expect(report.checks.every((c) => c.status !== 'failed')).toBe(true)
  })

  it('checks a course directory on top of the shipped course, naming file and line', async () => {
    const good = workDirWith({ 'tracks/iphone.yaml': track('iPhone15Pro') })
    const ok = await cli(['validate', 'curriculum', '.', '--extend'], { cwd: good })
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/valid: \. \(1 file\); 0 errors/)
    const bad = workDirWith({ 'tracks/iphone.yaml': track('iPhone15') })
    const r = await cli(['validate', 'curriculum', '.', '--extend'], { cwd: bad })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^error: tracks\/iphone\.yaml:4: error \[c10\] track 'iphone' › hardwareRef: 'iPhone15' is not in the hardware catalog; did you mean iPhone15Pro/m,
    )
    expect(r.stderr).toMatch(/invalid: \. \(1 file\); 1 error, /)
  })

  it('reports a missing directory, a file instead of one, and --extend without a directory', async () => {
    expect((await cli(['validate', 'curriculum', 'nowhere'])).stderr).toBe(
      "error: cannot read course directory 'nowhere': no such directory\n",
    )
    const dir = workDirWith({ 'a.yaml': 'x: 1\n' })
    expect((await cli(['validate', 'curriculum', 'a.yaml'], { cwd: dir })).stderr).toContain(
      "'a.yaml' is a file",
    )
    expect((await cli(['validate', 'curriculum', '--extend'])).stderr).toContain(
      '--extend needs a course directory to add',
    )
  })
})
