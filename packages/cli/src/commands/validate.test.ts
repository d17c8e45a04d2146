import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chips } from '@mlsysim/hardware'
import { workloads } from '@mlsysim/workloads'
import { describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'mlsysim-validate-'))
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return name
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
