// User catalogs from JSON or YAML text, validated by the same schemas as the built-in data.
import { describe, expect, it } from 'vitest'
import { CatalogError, chips, fleets, getFleet, getHardware, loadHardwareFile } from './index.js'

const YAML_CATALOG = `
chips:
  - id: LabNPU_Y
    name: Lab NPU (YAML)
    aliases: [lab-npu-y]
    vendor: Lab
    tier: edge
    releaseYear: 2026
    compute: { peak: 40 TOPS, precisions: { int8: 40 TOPS } }
    memory: { capacity: 16 GiB, bandwidth: 120 GB/s }
    interconnect: { name: PCIe Gen4 x4, bandwidth: 8 GB/s, direction: per_direction }
    tdp: 12 W
    provenance: { kind: estimate, ref: lab measurements, verified: '2026-11-27', notes: median of 5 runs }
nodes:
  - id: LabNode_Y
    name: 4 × Lab NPU
    accelerator: LabNPU_Y
    acceleratorsPerNode: 4
    provenance: { kind: illustrative, ref: lab rack, verified: '2026-11-27' }
fleets:
  - id: LabFleet_Y
    name: Lab fleet
    node: LabNode_Y
    count: 2
    fabric: 100GbE
    region: Quebec
    provenance: { kind: illustrative, ref: lab rack, verified: '2026-11-27' }
`

describe('loadHardwareFile', () => {
  it('loads a YAML document; entries may use entries defined above them', () => {
    const added = loadHardwareFile(YAML_CATALOG, 'yaml')
    expect(added).toMatchObject({ chips: ['LabNPU_Y'], nodes: ['LabNode_Y'], fleets: ['LabFleet_Y'] })
    expect(getHardware('lab-npu-y')).toMatchObject({
      tdp: 12,
      memory: { capacity: 16 * 2 ** 30, bandwidth: 120e9 },
    })
    const fleet = getFleet('LabFleet_Y')
    expect(fleet.totalAccelerators).toBe(8)
    expect(fleet.node.intraNodeBandwidth).toBe(8e9)
    expect(fleet.effectivePue).toBe(1.06)
  })

  it('loads JSON with numbers already in SI units', () => {
    const json = JSON.stringify({
      chips: [
        {
          id: 'LabNPU_J',
          name: 'Lab NPU (JSON)',
          vendor: 'Lab',
          tier: 'tiny',
          releaseYear: 2026,
          compute: { peak: 1e9 },
          memory: { capacity: 2e6, bandwidth: 1e9 },
          provenance: { kind: 'convention', ref: 'test', verified: '2026-11-27' },
        },
      ],
    })
    expect(loadHardwareFile(json, 'json').chips).toEqual(['LabNPU_J'])
    expect(chips.get('LabNPU_J').compute.peak).toBe(1e9)
  })

  it('names the section, index and field of a bad entry', () => {
    const bad = `
chips:
  - id: BadNPU
    name: Bad
    vendor: Lab
    tier: edge
    releaseYear: 2026
    compute: { peak: 1 TOPS }
    memory: { capacity: 1 GB, bandwidth: 1 GB }
    provenance: { kind: datasheet, ref: x, verified: '2026-11-27' }
`
    try {
      loadHardwareFile(bad)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError)
      const message = (error as Error).message
      expect(message).toMatch(/^chips\[0\]: invalid hardware 'BadNPU':/)
      expect(message).toMatch(/memory\.bandwidth: .*size in bytes/)
      expect(message).toMatch(/provenance\.url: a datasheet source needs a url/)
    }
    expect(chips.has('BadNPU')).toBe(false)
  })

  it('says what a field holds, that it is missing, and which key a typo meant', () => {
    const typos = `
chips:
  - id: TypoNPU
    name: Typo
    vendor: Lab
    tier: Edge
    releaseYear: '2026'
    compute: { peak: 1 TOPS, precisions: { fp9: 1 TOPS } }
    memory: { capacity: 1 GB, bandwith: 1 GB/s }
    provenance: { kind: convention, ref: x, verified: '2026-11-27' }
`
    expect(() => loadHardwareFile(typos)).toThrow(
      [
        "chips[0]: invalid hardware 'TypoNPU':",
        `  tier: must be one of "cloud", "edge", "mobile", "workstation", "tiny" (got 'Edge')`,
        "  releaseYear: must be a number (got '2026')",
        "  compute.precisions: unknown field 'fp9'; did you mean fp4, fp6, fp8?",
        '  memory.bandwidth: is required (a bandwidth, e.g. "3.35 TB/s")',
        "  memory: unknown field 'bandwith'; did you mean bandwidth?",
      ].join('\n'),
    )
    expect(() => loadHardwareFile('chip: []')).toThrow(
      "(document): unknown field 'chip'; did you mean chips?",
    )
  })

  it('rejects unknown sections, duplicate ids and unreadable text', () => {
    expect(() => loadHardwareFile('gpus: []')).toThrow(/invalid catalog file:\n {2}\(document\): .*gpus/s)
    expect(() =>
      loadHardwareFile(
        JSON.stringify({
          fleets: [
            {
              id: 'Research_256',
              name: 'x',
              node: 'DGX_H100',
              count: 1,
              fabric: '10GbE',
              provenance: { kind: 'convention', ref: 'x', verified: '2026-11-27' },
            },
          ],
        }),
        'json',
      ),
    ).toThrow(/fleets\[0\]: fleet 'Research_256' is already defined/)
    expect(() => loadHardwareFile('{ not json', 'json')).toThrow(/could not read the JSON catalog/)
    expect(fleets.get('Research_256').count).toBe(32)
  })
})
