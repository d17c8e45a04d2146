import { planJsonSchema } from '@mlsysim/core'
import { describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'

describe('mlsysim schema', () => {
  it('prints the plan JSON Schema', async () => {
    const r = await cli(['schema', 'plan'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const schema = json<Record<string, unknown>>(r)
    expect(schema).toEqual(JSON.parse(JSON.stringify(planJsonSchema())))
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['version', 'name', 'workload', 'hardware', 'constraints']),
    )
  })

  it('names the allowed formats for an unknown one', async () => {
    const r = await cli(['schema', 'plans'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: the format must be one of plan/)
  })
})

describe('mlsysim schema space', () => {
  it('prints the sweep space JSON Schema', async () => {
    const r = await cli(['schema', 'space'])
    expect(r.code).toBe(0)
    const schema = json<{ title: string; properties: Record<string, unknown>; required?: string[] }>(r)
    expect(schema.title).toBe('MLSys·im sweep space')
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['solver', 'fixed', 'axes', 'derived', 'constraints', 'objectives', 'keep']),
    )
    expect(schema.required).toContain('solver')
  })
})

describe('mlsysim schema curriculum', () => {
  it('prints the course document JSON Schema', async () => {
    const r = await cli(['schema', 'curriculum'])
    expect(r.code).toBe(0)
    const schema = json<{ $schema: string; properties: Record<string, unknown> }>(r)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['labs', 'offerings', 'tracks']))
  })
})
