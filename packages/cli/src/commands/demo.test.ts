import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { cli } from '../../test/cli.js'
import { SPACES } from '../../test/paths.js'
import { DEMO_SPACE } from '../demo-space.js'

describe('mlsysim demo', () => {
  it('embeds examples/spaces/llm-serving.yaml exactly', () => {
    expect(DEMO_SPACE).toEqual(parseYaml(readFileSync(`${SPACES}llm-serving.yaml`, 'utf8')))
  })

  it('sweeps 1.2 million serving configurations and prints the Pareto front', async () => {
    const r = await cli(['demo', '--threads', '1'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    // 37 cloud accelerators × 4 precisions × 256 batch sizes × 32 context lengths.
    expect(r.stdout).toMatch(/^LLM serving \(Llama-3 8B\) across the cloud catalog\n1,212,416 points on cpu/)
    expect(r.stdout).toMatch(/\nPareto front \(minimize itl, maximize tokensPerSecond\): \d+ points/)
    const front = r.stdout.slice(r.stdout.indexOf('Pareto front'))
    expect(front).toMatch(/hardware\s+precision\s+batchSize\s+seqLen\s+itl\s+tokensPerSecond/)
  })

  it('takes no arguments', async () => {
    const r = await cli(['demo', 'llm-serving.yaml'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("'mlsysim demo' takes no arguments")
  })
})
