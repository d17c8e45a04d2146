// Every number carries provenance, and the provenance rules hold: datasheet, literature and
// industry reports cite a URL, estimates and derived values say how, dates are real.
import { provenanceSchema } from '@mlsysim/units'
import { describe, expect, it } from 'vitest'
import {
  boards,
  chipSchema,
  chips,
  coolingClasses,
  datacenters,
  fabrics,
  facility,
  fallbacks,
  fleets,
  getHardware,
  grids,
  networkEnergy,
  nodes,
  numericPaths,
  platforms,
  pods,
  pricing,
  provenanceOf,
  racks,
  reliability,
  switchFabric,
  tech,
  valueAtPath,
} from './index.js'

const allEntries = () => [
  ...chips.list(),
  ...boards.list(),
  ...nodes.list(),
  ...fabrics.list(),
  ...fleets.list(),
  ...pods.list(),
  ...grids.list(),
  ...datacenters.list(),
  ...coolingClasses.list(),
  ...racks.list(),
]

/** Every sourced group of a constant table (objects holding a `provenance`). */
function groups(value: unknown, path = ''): { path: string; group: Record<string, unknown> }[] {
  if (value === null || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  if ('provenance' in record) return [{ path, group: record }]
  return Object.entries(record).flatMap(([k, v]) => groups(v, path ? `${path}.${k}` : k))
}

describe('provenance of catalog entries', () => {
  it.each(allEntries().map((e) => [`${e.kind} ${e.id}`, e] as const))(
    '%s: valid provenance on the entry and every override',
    (_label, entry) => {
      expect(provenanceSchema.safeParse(entry.provenance).success).toBe(true)
      const sources = ('sources' in entry ? entry.sources : undefined) ?? {}
      for (const [path, p] of Object.entries(sources)) {
        expect(provenanceSchema.safeParse(p).success, path).toBe(true)
        expect(valueAtPath(entry, path), `sources names a missing field '${path}'`).toBeDefined()
      }
    },
  )

  it('every number of every chip resolves to a valid provenance', () => {
    let numbers = 0
    for (const chip of [...chips.list(), ...boards.list().map((b) => getHardware(b.id))]) {
      for (const path of numericPaths(chip)) {
        numbers++
        expect(provenanceSchema.safeParse(provenanceOf(chip, path)).success, `${chip.id}.${path}`).toBe(true)
      }
    }
    expect(numbers).toBeGreaterThan(700) // 78 chips and mounted boards, ~10 numbers each
  })

  it('carries over the original ids and verification dates', () => {
    expect(chips.get('H100').provenance).toMatchObject({
      id: 'prov:nvidia-h100-datasheet',
      verified: '2026-03-06',
    })
    expect(chips.get('V100_PCIe').provenance).toMatchObject({ verified: '2026-06-10' })
    expect(chips.get('Gaudi3').provenance.verified).toBe('2025-03-06')
    expect(chips.get('TPUv5p').sources?.['memory.sramCapacity']).toMatchObject({
      kind: 'derived',
      verified: '2026-08-11',
    })
    expect(grids.get('Iowa').provenance.kind).toBe('illustrative')
    expect(grids.get('Quebec').provenance.id).toBe('prov:hydro-quebec-grid')
    expect(fleets.get('Lab_64_H100').provenance.kind).toBe('illustrative')
  })

  it('per-field overrides win over the entry provenance, nearest enclosing path first', () => {
    const m2 = chips.get('AppleM2')
    expect(provenanceOf(m2, 'tdp').kind).toBe('estimate')
    expect(provenanceOf(m2, 'compute.peak').kind).toBe('datasheet')
    const a100 = chips.get('A100')
    expect(provenanceOf(a100, 'migProfiles.2.smCount').url).toBe(
      'https://docs.nvidia.com/datacenter/tesla/mig-user-guide/',
    )
  })

  it("a board mounted as a chip keeps the chip's sources for the chip's numbers", () => {
    const pi5 = getHardware('RaspberryPi5')
    expect(provenanceOf(pi5, 'compute.peak').kind).toBe('estimate') // BCM2712 NEON estimate
    expect(provenanceOf(pi5, 'memory.capacity').url).toBe(
      'https://www.raspberrypi.com/products/raspberry-pi-5/',
    )
    expect(provenanceOf(pi5, 'memory.bandwidth').kind).toBe('derived')
    expect(provenanceOf(pi5, 'unitCost').url).toBe('https://www.raspberrypi.com/products/raspberry-pi-5/')
  })

  it.each(
    groups({ tech, pricing, reliability, platforms, switchFabric, networkEnergy, facility, fallbacks }).map(
      (g) => [g.path, g.group] as const,
    ),
  )('table group %s has a valid provenance', (_path, group) => {
    expect(provenanceSchema.safeParse(group.provenance).success).toBe(true)
    expect(numericPaths(group).length).toBeGreaterThan(0)
  })
})

describe('provenance rules are enforced by the schema', () => {
  const base = {
    id: 'X1',
    name: 'X1',
    vendor: 'Test',
    tier: 'edge',
    releaseYear: 2024,
    compute: { peak: '1 TFLOP/s' },
    memory: { capacity: '1 GB', bandwidth: '10 GB/s' },
  } as const

  it('rejects an entry without provenance', () => {
    const result = chipSchema.safeParse(base)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('provenance')
  })

  it('rejects a datasheet without url and an estimate without notes', () => {
    const noUrl = chipSchema.safeParse({
      ...base,
      provenance: { kind: 'datasheet', ref: 'x', verified: '2026-01-01' },
    })
    expect(noUrl.error?.issues.map((i) => i.path.join('.'))).toContain('provenance.url')
    const noNotes = chipSchema.safeParse({
      ...base,
      provenance: { kind: 'convention', ref: 'x', verified: '2026-01-01' },
      sources: { tdp: { kind: 'estimate', ref: 'guess', verified: '2026-01-01' } },
      tdp: '5 W',
    })
    expect(noNotes.error?.issues.map((i) => i.path.join('.'))).toContain('sources.tdp.notes')
  })

  it('rejects a source for a field the entry does not have, and an unreal date', () => {
    const ghost = chipSchema.safeParse({
      ...base,
      provenance: { kind: 'convention', ref: 'x', verified: '2026-01-01' },
      sources: { tdp: { kind: 'convention', ref: 'x', verified: '2026-01-01' } },
    })
    expect(ghost.error?.issues[0]?.message).toMatch(/sources names 'tdp'/)
    const badDate = chipSchema.safeParse({
      ...base,
      provenance: { kind: 'convention', ref: 'x', verified: '2026-02-30' },
    })
    expect(badDate.success).toBe(false)
  })
})
