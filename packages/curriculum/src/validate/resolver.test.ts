// Resolvers: from plain lists (a user's own catalog), from the real packages, or none at all.
import { listSolvers } from '@mlsysim/core'
import { chips } from '@mlsysim/hardware'
import { describe, expect, it } from 'vitest'
import { course } from '../data/index.js'
import { packageResolver } from './package-resolver.js'
import { resolverFromLists } from './resolver.js'
import { validateCourse } from './validate-course.js'

describe('resolverFromLists', () => {
  const resolver = resolverFromLists({
    hardware: ['H100', 'A100'],
    systems: ['Lab_64_H100'],
    workloads: ['Llama3_8B'],
    solvers: [{ id: 'single-node', inputKeys: ['workload', 'hardware'], outputKeys: ['latency'] }],
  })

  it('answers membership exactly and suggests near ids', () => {
    expect(resolver.hardware.has('H100')).toBe(true)
    expect(resolver.hardware.has('h100')).toBe(false)
    expect(resolver.hardware.suggest('H10')).toEqual(['H100'])
    expect(resolver.solver('single-node')?.inputKeys).toEqual(['workload', 'hardware'])
    expect(resolver.solver('serving')).toBeUndefined()
  })

  it('validates the course against a catalog that lacks most of its ids', () => {
    const result = validateCourse(course, { resolver })
    expect(result.ok).toBe(false)
    const c10 = result.issues.filter((i) => i.check === 'c10')
    expect(c10.some((i) => i.message.includes("'OuraRing' is not in the hardware catalog"))).toBe(true)
  })
})

describe('packageResolver', () => {
  it('sees every chip, board, fleet, workload and solver of the real packages', () => {
    const resolver = packageResolver()
    expect(chips.ids().every((id) => resolver.hardware.has(id))).toBe(true)
    // Boards resolve by alias too (the kits' short names).
    expect(resolver.hardware.has('XIAO_ESP32S3')).toBe(true)
    expect(resolver.systems.has('Lab_64_H100')).toBe(true)
    expect(resolver.workloads.has('Llama3_8B')).toBe(true)
    expect(resolver.solverIds()).toEqual(listSolvers().map((s) => s.id))
    expect(resolver.solver('single-node')?.walls).toEqual([1, 2])
  })
})

describe('validating without a resolver', () => {
  it('skips catalog and solver references and says so', () => {
    const result = validateCourse(course, { resolver: false })
    expect(result.ok).toBe(true)
    expect(result.checks.filter((c) => c.status === 'partial').map((c) => c.id)).toEqual([
      'c05',
      'c06',
      'c07',
      'c10',
      'c13',
    ])
  })
})
