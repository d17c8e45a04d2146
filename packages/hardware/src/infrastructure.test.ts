// Grids, cooling, datacenters, racks and pods: every row of mlsysim.md §5.1–5.3.
import { describe, expect, it } from 'vitest'
import { coolingClasses, datacenters, getGrid, grids, pods, racks } from './index.js'

const KWH = 3.6e6

// Key, name, gCO2/kWh, PUE, WUE L/kWh, source, renewable % (– where the original has none).
const GRIDS: [string, string, number, number, number, string, number | undefined][] = [
  ['China_Avg', 'China Average', 555, 1.4, 1.8, 'coal', 30],
  ['EU_Avg', 'EU Average', 270, 1.12, 1.8, 'mixed', undefined],
  ['France', 'France (Nuclear)', 50, 1.12, 1.8, 'nuclear', undefined],
  ['Germany', 'Germany (Coal+Wind)', 385, 1.12, 1.8, 'mixed', 46],
  ['Iceland', 'Iceland (Geothermal)', 28, 1.06, 0, 'geothermal', 100],
  ['India_Avg', 'India Average', 720, 1.58, 1.8, 'coal', 22],
  ['Iowa', 'Iowa (Coal/Gas Reference)', 680, 1.12, 1.8, 'coal_gas', 12],
  ['Norway', 'Norway (Hydro)', 10, 1.06, 0, 'hydro', 98],
  ['Poland', 'Poland (Coal)', 820, 1.58, 1.8, 'coal', 17],
  ['Quebec', 'Quebec (Hydro)', 20, 1.06, 0, 'hydro', 99],
  ['Texas', 'Texas (ERCOT)', 400, 1.12, 1.8, 'mixed', 28],
  ['US_Avg', 'US Average', 429, 1.12, 1.8, 'mixed', 21],
]

describe('grids (mlsysim.md §5.1)', () => {
  it('has the 12 grids', () => {
    expect(grids.ids().sort()).toEqual(GRIDS.map((g) => g[0]).sort())
  })

  it.each(GRIDS)('%s', (id, name, g, pue, wue, source, renewable) => {
    const grid = getGrid(id)
    expect(grid.name).toBe(name)
    expect(grid.carbonIntensity * KWH * 1000).toBeCloseTo(g, 9) // back to g/kWh
    expect(grid.pue).toBe(pue)
    expect(grid.wue * KWH).toBeCloseTo(wue, 12)
    expect(grid.source).toBe(source)
    if (renewable === undefined) expect(grid.renewableShare).toBeUndefined()
    else expect(grid.renewableShare).toBeCloseTo(renewable / 100, 12)
  })

  it('keeps coordinates where the original has them', () => {
    expect(getGrid('US_Avg')).toMatchObject({ lat: 39.8283, lon: -98.5795 })
    expect(getGrid('EU_Avg').lat).toBeUndefined()
  })
})

describe('cooling, datacenters, racks, pods (mlsysim.md §5.2–5.3)', () => {
  it('cooling classes: PUE and WUE', () => {
    const rows = coolingClasses.list().map((c) => [c.id, c.pue, Math.round(c.wue * KWH * 10) / 10])
    expect(rows).toEqual([
      ['LiquidCooled', 1.06, 0],
      ['BestAir', 1.12, 1.8],
      ['Typical', 1.4, 1.8],
      ['Legacy', 1.58, 1.8],
      ['StateOfArt', 1.1, 1.8],
      ['SimpleAir', 1.5, 1.8],
    ])
  })

  it('datacenters sit on their grids and take the grid PUE', () => {
    const rows = datacenters.list().map((d) => [d.id, d.grid.id, d.pue])
    expect(rows).toEqual([
      ['Quebec_Hydro', 'Quebec', 1.06],
      ['Norway_Hydro', 'Norway', 1.06],
      ['US_Hyperscale', 'US_Avg', 1.12],
      ['EU_Average', 'EU_Avg', 1.12],
      ['France_Nuclear', 'France', 1.12],
      ['Iowa_Reference', 'Iowa', 1.12],
      ['Poland_Coal', 'Poland', 1.58],
    ])
  })

  it('racks: 12 kW air, 70 and 100 kW liquid', () => {
    expect(racks.list().map((r) => [r.id, r.power, r.cooling])).toEqual([
      ['Traditional', 12_000, 'air'],
      ['AI_Standard', 70_000, 'liquid'],
      ['AI_High', 100_000, 'liquid'],
    ])
  })

  it('TPU v4 pod: 4096 chips, 131 TB, 3 MW', () => {
    expect(pods.get('TPUv4_4096')).toMatchObject({
      chips: 4096,
      memory: 131e12,
      power: 3e6,
      chip: { id: 'TPUv4' },
    })
  })
})
