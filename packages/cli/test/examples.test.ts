// Every example space in the repository validates and runs. The LLM-serving space has 1.2M
// points, so it runs one 64th of itself here (the demo test runs all of it).
import { readFileSync } from 'node:fs'
import { loadSweepSpace, planSweep } from '@mlsysim/core'
import { describe, expect, it } from 'vitest'
import type { SweepSummary } from '../src/sweep-summary.js'
import { cli, json } from './cli.js'
import { SPACES, spaceFiles } from './paths.js'

describe('examples/spaces', () => {
  it('holds the three spaces the README promises', () => {
    expect(spaceFiles().sort()).toEqual(['llm-serving.yaml', 'tinyml-kws.yaml', 'training-parallelism.yaml'])
  })

  it.each(spaceFiles())('%s validates, sizes as its header says, and runs', async (file) => {
    const text = readFileSync(`${SPACES}${file}`, 'utf8')
    const plan = planSweep(loadSweepSpace(text, { source: file }))
    // The header states the size as "… = N configurations" or "… = N plans".
    const stated = Number(/= ([\d,]+) (configurations|plans)/.exec(text)?.[1]?.replace(/,/g, ''))
    expect(plan.total).toBe(stated)
    const shard = plan.total > 100_000 ? ['--shard', '0/64'] : []
    const r = await cli(['sweep', `${SPACES}${file}`, ...shard, '--threads', '1', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const s = json<SweepSummary>(r)
    expect(s.evaluated).toBe(shard.length > 0 ? Math.floor(plan.total / 64) : plan.total)
    expect(s.feasible).toBeGreaterThan(0)
    expect(s.pareto?.points.length).toBeGreaterThan(0)
  })

  it('llm-serving is at least a million points', () => {
    const plan = planSweep(loadSweepSpace(readFileSync(`${SPACES}llm-serving.yaml`, 'utf8')))
    expect(plan.total).toBeGreaterThanOrEqual(1_000_000)
  })
})
