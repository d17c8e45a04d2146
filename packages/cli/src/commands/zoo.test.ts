import { boards, chips, fleets, grids } from '@mlsysim/hardware'
import { workloads } from '@mlsysim/workloads'
import { describe, expect, it } from 'vitest'
import { cli, json } from '../../test/cli.js'

const lines = (text: string) => text.trimEnd().split('\n')

describe('mlsysim zoo', () => {
  it('lists every chip and board as an aligned table with units', async () => {
    const r = await cli(['zoo', 'hardware'])
    expect(r.code).toBe(0)
    const [header, rule, ...rows] = lines(r.stdout)
    expect(header).toMatch(/^id\s+name\s+kind\s+tier\s+year\s+peak\s+memory\s+bandwidth\s+TDP\s+price$/)
    expect(rule).toMatch(/^─+( +─+)+$/)
    expect(rows).toHaveLength(chips.size + boards.size)
    // H100: 989 TFLOP/s dense fp16, 80 GiB (a whole number of KiB: binary prefix), 3.35 TB/s, 700 W.
    const h100 = rows.find((row) => row.startsWith('H100 '))!
    expect(h100).toMatch(/\bchip\s+cloud\s+2022\s+989 TFLOP\/s\s+80 GiB\s+3\.35 TB\/s\s+700 W\s+\$\S+$/)
    // Right-aligned numbers: every row ends its peak column at the same place as the header.
    const peakEnd = header!.indexOf('peak') + 'peak'.length
    for (const row of rows) expect(row[peakEnd - 1], row).not.toBe(' ')
    expect(r.stderr).toBe('')
    const terminal = await cli(['zoo', 'hardware'], { isTTY: true, env: { NO_COLOR: '1' } })
    expect(terminal.stderr).toBe(`${chips.size + boards.size} hardware\n`)
  })

  it('filters by tier and shows boards with their chip’s compute', async () => {
    const r = await cli(['zoo', 'hardware', '--tier', 'tiny'])
    const rows = lines(r.stdout).slice(2)
    const expected =
      chips.list((c) => c.tier === 'tiny').length + boards.list((b) => b.tier === 'tiny').length
    expect(rows).toHaveLength(expected)
    for (const row of rows) expect(row).toMatch(/\s(chip|board)\s+tiny\s/)
    const xiao = rows.find((row) => row.startsWith('XIAO_ESP32S3_Sense '))!
    // The ESP32-S3's 500 MFLOP/s on a board that adds 8 MB of PSRAM and costs $14.
    expect(xiao).toMatch(/board\s+tiny\s+2023\s+500 MFLOP\/s\s+.+\$14$/)
  })

  it('prints full entries in SI units as JSON', async () => {
    const r = await cli(['zoo', 'hardware', '--tier', 'cloud', '--json'])
    expect(r.stderr).toBe('')
    const entries = json<Array<{ id: string; kind: string; tier: string; memory?: { capacity: number } }>>(r)
    expect(entries.every((e) => e.tier === 'cloud')).toBe(true)
    expect(entries.find((e) => e.id === 'H100')?.memory?.capacity).toBe(80 * 2 ** 30)
    expect(entries.find((e) => e.id === 'H100')).toHaveProperty('provenance')
  })

  it('lists workloads, filtered by family', async () => {
    const all = json<unknown[]>(await cli(['zoo', 'workloads', '--json']))
    expect(all).toHaveLength(workloads.size)
    const r = await cli(['zoo', 'workloads', '--family', 'ssm'])
    const rows = lines(r.stdout).slice(2)
    expect(rows.length).toBe(workloads.list((w) => w.family === 'ssm').length)
    // Mamba-130M: 130M parameters, 2 FLOP per parameter per token = 260 MFLOP.
    expect(rows.find((row) => row.startsWith('Mamba_130M '))).toMatch(/130M\s+260 MFLOP\s+per token$/)
  })

  it('lists fleets and grids', async () => {
    const f = await cli(['zoo', 'fleets'])
    expect(lines(f.stdout)).toHaveLength(fleets.size + 2)
    // Research_256: 32 DGX H100 servers × 8 = 256 accelerators.
    expect(lines(f.stdout).find((row) => row.startsWith('Research_256 '))).toMatch(/DGX_H100\s+32\s+256\s/)
    const g = await cli(['zoo', 'grids'])
    expect(lines(g.stdout)).toHaveLength(grids.size + 2)
    // 429 g/kWh is stored per joule (1.19e-7 kg/J) and shown the way grids are quoted.
    expect(g.stdout).toMatch(/g\/kWh/)
    const gridJson = json<Array<{ id: string; carbonIntensity: number }>>(
      await cli(['zoo', 'grids', '--json']),
    )
    expect(gridJson.map((x) => x.id)).toEqual(grids.ids())
  })

  it('lists solvers', async () => {
    const r = await cli(['zoo', 'solvers'])
    expect(r.stdout).toMatch(/^single-node\s+1, 2\s+graph\s+Single-node roofline$/m)
  })

  it('rejects a wrong catalog, tier or family, naming the allowed values', async () => {
    const wrong = await cli(['zoo', 'hardwre'])
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toBe('')
    expect(wrong.stderr).toContain(
      "the catalog must be one of hardware, workloads, fleets, grids, solvers (got 'hardwre') (did you mean hardware?)",
    )
    const tier = await cli(['zoo', 'hardware', '--tier', 'clod'])
    expect(tier.code).toBe(1)
    expect(tier.stderr).toContain("--tier must be one of cloud, edge, mobile, workstation, tiny (got 'clod')")
    const family = await cli(['zoo', 'grids', '--family', 'ssm'])
    expect(family.code).toBe(1)
    expect(family.stderr).toContain('--family filters workloads only, not grids')
    const none = await cli(['zoo'])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain(
      "'mlsysim zoo' needs one catalog: hardware, workloads, fleets, grids, solvers",
    )
  })

  it('names an unknown option and the nearest known one', async () => {
    const r = await cli(['zoo', 'hardware', '--jsn'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^error: unknown option '--jsn' for 'mlsysim zoo' \(did you mean --json\?\); allowed: --tier/,
    )
    expect(r.stderr).toContain("see 'mlsysim zoo --help'")
  })
})
