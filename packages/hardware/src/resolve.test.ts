// Inline definitions for the solver: ids or objects in, resolved entries out, errors with paths.
import { describe, expect, it } from 'vitest'
import {
  CatalogError,
  fleets,
  getFleet,
  resolveChip,
  resolveDatacenter,
  resolveFabric,
  resolveFleet,
  resolveGrid,
  resolveNode,
} from './index.js'

const PROV = { kind: 'illustrative', ref: 'test fixture', verified: '2026-11-27' } as const
const KWH = 3.6e6

describe('resolveFleet', () => {
  it('accepts ids for members: 4 × DGX A100 over IB HDR', () => {
    const fleet = resolveFleet({ node: 'DGX_A100', count: 4, fabric: 'InfiniBand_HDR' })
    expect(fleet.totalAccelerators).toBe(32)
    expect(fleet.node.intraNodeBandwidth).toBe(300e9)
    expect(fleet.fabric).toMatchObject({ bandwidth: 25e9, latency: expect.closeTo(7e-6, 15) })
    expect(fleet.effectivePue).toBe(1.12) // no datacenter or region: best-air cooling
    expect(fleet.id).toBe('DGX_A100x4_InfiniBand_HDR')
    expect(fleet.provenance.kind).toBe('illustrative')
  })

  it('accepts an id, an alias, or a resolved fleet unchanged', () => {
    expect(resolveFleet('research-256')).toBe(getFleet('Research_256'))
    const again = resolveFleet(getFleet('Frontier_8K'))
    expect(again).toEqual(getFleet('Frontier_8K'))
  })

  it('takes the PUE from the datacenter, then the region', () => {
    expect(
      resolveFleet({ node: 'DGX_H100', count: 2, fabric: '100GbE', region: 'Poland' }).effectivePue,
    ).toBe(1.58)
    expect(
      resolveFleet({
        node: 'DGX_H100',
        count: 2,
        fabric: '100GbE',
        region: 'Poland',
        datacenter: 'Quebec_Hydro',
      }).effectivePue,
    ).toBe(1.06)
  })

  it('accepts inline node, chip and fabric definitions', () => {
    const fleet = resolveFleet({
      node: {
        id: 'MyNode',
        name: 'Four L4s',
        accelerator: 'L4',
        acceleratorsPerNode: 4,
        provenance: PROV,
      },
      count: 3,
      fabric: { id: 'MyEth', name: '25GbE', bandwidth: '25 Gbps', provenance: PROV },
    })
    // L4 has no NVLink: intra-node bandwidth falls back to its PCIe link per direction (64 GB/s total / 2).
    expect(fleet.node.intraNodeBandwidth).toBe(32e9)
    expect(fleet.fabric).toMatchObject({
      bandwidth: 3.125e9,
      latency: 5e-6,
      topology: 'fat-tree',
      oversubscription: 1,
    })
    expect(fleet.totalAccelerators).toBe(12)
  })

  it('names the path of a bad member', () => {
    expect(() => resolveFleet({ node: 'DGX_H10', count: 4, fabric: 'IB NDR' })).toThrow(
      /invalid fleet:\n {2}node: unknown node 'DGX_H10'; did you mean DGX_H100/,
    )
    try {
      resolveFleet({
        node: { id: 'N', name: 'N', accelerator: 'H10', acceleratorsPerNode: 8, provenance: PROV },
        count: 0,
        fabric: { id: 'F', name: 'F', bandwidth: '80 GiB', provenance: PROV },
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError)
      const paths = (error as CatalogError).issues.map((i) => i.path)
      expect(paths).toEqual(expect.arrayContaining(['node.accelerator', 'count', 'fabric.bandwidth']))
      expect((error as Error).message).toMatch(
        /node\.accelerator: unknown hardware 'H10'; did you mean H100, H20, H200\?/,
      )
      expect((error as Error).message).toMatch(/fabric\.bandwidth: .*size in bytes/)
    }
  })

  it('rejects unknown keys and derived values that disagree', () => {
    expect(() => resolveFleet({ node: 'DGX_H100', count: 1, fabric: '100GbE', gpus: 8 } as never)).toThrow(
      /gpus/,
    )
    expect(() =>
      resolveFleet({ node: 'DGX_H100', count: 1, fabric: '100GbE', totalAccelerators: 16 }),
    ).toThrow(/totalAccelerators 16 disagrees/)
  })

  it('a catalog fleet needs an id, a name and a provenance', () => {
    expect(() => fleets.add({ node: 'DGX_H100', count: 2, fabric: '100GbE' })).toThrow(
      /needs id, name, provenance/,
    )
  })
})

describe('resolveChip, resolveNode, resolveFabric, resolveGrid, resolveDatacenter', () => {
  it('resolveChip: an id, a board id, or an inline chip with units', () => {
    expect(resolveChip('A100').compute.peak).toBe(312e12)
    expect(resolveChip('RaspberryPi4').id).toBe('RaspberryPi4')
    const npu = resolveChip({
      id: 'MyNPU',
      name: 'My NPU',
      vendor: 'Me',
      tier: 'edge',
      releaseYear: 2026,
      compute: { peak: '50 TOPS', precisions: { int8: '50 TOPS' } },
      memory: { capacity: '8 GiB', bandwidth: '100 GB/s' },
      provenance: PROV,
    })
    expect(npu).toMatchObject({
      kind: 'chip',
      aliases: [],
      dispatchTax: 1e-5,
      memory: { capacity: 8 * 2 ** 30 },
    })
    expect(() => resolveChip({ ...npu, compute: { peak: -1, precisions: {} } })).toThrow(
      /compute\.peak: -1 is out of range/,
    )
  })

  it('resolveNode: per-direction intra-node bandwidth from the chip, or an explicit one', () => {
    expect(resolveNode('DGX_B200').intraNodeBandwidth).toBe(900e9)
    const node = resolveNode({
      id: 'H200x8',
      name: '8 × H200',
      accelerator: 'H200',
      acceleratorsPerNode: 8,
      nicsPerNode: 8,
      provenance: PROV,
    })
    expect(node.intraNodeBandwidth).toBe(450e9) // corrected NVLink direction
    expect(node.psusPerNode).toBe(2)
    expect(
      () =>
        resolveNode({
          id: 'X',
          name: 'X',
          accelerator: 'TPUv6',
          acceleratorsPerNode: 4,
          provenance: PROV,
        }).intraNodeBandwidth,
    ).toThrow(/intraNodeBandwidth: chip 'TPUv6' has no scale-up or host link/)
  })

  it('resolveFabric: topology spellings and oversubscription', () => {
    const f = resolveFabric({
      id: 'Torus',
      name: 'torus',
      bandwidth: '400 Gbps',
      topology: 'torus_3d',
      oversubscription: 2,
      provenance: PROV,
    })
    expect(f).toMatchObject({ topology: 'torus-3d', oversubscription: 2, bandwidth: 50e9 })
    expect(() =>
      resolveFabric({ id: 'B', name: 'b', bandwidth: '1 Gbps', topology: 'star', provenance: PROV }),
    ).toThrow(/topology must be one of fat-tree, ring, torus-3d, dragonfly/)
    expect(() =>
      resolveFabric({ id: 'B', name: 'b', bandwidth: '1 Gbps', oversubscription: 0.5, provenance: PROV }),
    ).toThrow(/oversubscription/)
  })

  it('resolveGrid and resolveDatacenter: units per joule, PUE override', () => {
    const grid = resolveGrid({
      id: 'Lab',
      name: 'Lab grid',
      carbonIntensity: '300 g/kWh',
      pue: 1.2,
      wue: '1 L/kWh',
      renewableShare: '40 %',
      source: 'mixed',
      provenance: PROV,
    })
    expect(grid.carbonIntensity).toBeCloseTo(0.3 / KWH, 20)
    expect(grid.renewableShare).toBeCloseTo(0.4, 12)
    expect(resolveDatacenter('France_Nuclear').pue).toBe(1.12)
    const dc = resolveDatacenter({ id: 'DC', name: 'dc', grid: 'Norway', pueOverride: 1.3, provenance: PROV })
    expect(dc.pue).toBe(1.3)
    expect(dc.grid.id).toBe('Norway')
    expect(() => resolveGrid({ ...grid, pue: 0.9 })).toThrow(/pue: .*≥ 1/)
  })
})
