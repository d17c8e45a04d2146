// Lookup by id or alias, did-you-mean errors, boards as chips, listing, filtering and sorting.
import { RegistryError } from '@mlsysim/units'
import { describe, expect, it } from 'vitest'
import {
  boards,
  chipNumericFields,
  chips,
  fabrics,
  fleets,
  getBoard,
  getDatacenter,
  getFabric,
  getFleet,
  getGrid,
  getHardware,
  getNode,
  grids,
  numericField,
  peakAt,
  provenanceOf,
  selectChips,
  type Tier,
} from './index.js'

describe('lookup by id or alias', () => {
  it.each([
    ['H100', 'H100'],
    ['h100', 'H100'],
    ['H100-SXM5', 'H100'],
    ['nvidia h100 sxm5', 'H100'],
    ['Jetson Orin NX', 'JetsonOrinNX'],
    ['esp32-s3', 'ESP32_S3'],
    ['Ironwood', 'TPUv7'],
    ['TPU v6e', 'TPUv6'],
    ['RTX 4090', 'RTX4090'],
    ['Edge TPU', 'Coral'],
  ])('%s → %s', (name, id) => {
    expect(getHardware(name).id).toBe(id)
  })

  it('resolves fabric, fleet, node, grid and datacenter aliases', () => {
    expect(getFabric('100GbE').id).toBe('Ethernet_100G')
    expect(getFabric('IB NDR').id).toBe('InfiniBand_NDR')
    expect(getFabric('ib-hdr').id).toBe('InfiniBand_HDR')
    expect(getFabric('1.6TbE').bandwidth).toBe(200e9)
    expect(getFleet('lab-64-h100').totalAccelerators).toBe(64)
    expect(getNode('dgx-h100').accelerator.id).toBe('H100')
    expect(getGrid('us').name).toBe('US Average')
    expect(getDatacenter('us-hyperscale').grid.id).toBe('US_Avg')
  })

  it("getHardware also takes an entry's display name, case-insensitively", () => {
    expect(getHardware('NVIDIA H100').id).toBe('H100')
    expect(getHardware('nvidia h100').id).toBe('H100')
    expect(getHardware('Google TPU v4').id).toBe('TPUv4')
    expect(getHardware('Seeed Studio XIAO ESP32S3 Sense').id).toBe('XIAO_ESP32S3_Sense')
  })

  it('a miss suggests the nearest ids', () => {
    // H20 (added by this catalog) is one edit away from H10 too.
    expect(() => getHardware('H10')).toThrow("unknown hardware 'H10'; did you mean H100, H20, H200?")
    try {
      getHardware('H10')
    } catch (error) {
      expect(error).toBeInstanceOf(RegistryError)
      expect((error as RegistryError).suggestions).toEqual(['H100', 'H20', 'H200'])
    }
    expect(() => getFleet('Research_265')).toThrow(/unknown fleet 'Research_265'; did you mean Research_256/)
    expect(() => getGrid('Quebek')).toThrow(/did you mean Quebec/)
    expect(() => getFabric('InfiniBand_NRD')).toThrow(/did you mean InfiniBand_NDR/)
  })

  it('a hardware miss also suggests boards', () => {
    expect(() => getHardware('RaspberryPi')).toThrow(/did you mean .*RaspberryPi[45]/)
  })

  it('no board name collides with a chip name, so getHardware is unambiguous', () => {
    for (const board of boards.list()) {
      for (const name of [board.id, ...board.aliases]) expect(chips.has(name), name).toBe(false)
    }
  })
})

describe('boards resolve to their chip as mounted', () => {
  it("Raspberry Pi 5: BCM2712 compute with the board's memory and price", () => {
    const pi = getHardware('Raspberry Pi 5')
    expect(pi.id).toBe('RaspberryPi5')
    expect(pi.compute).toEqual(chips.get('BCM2712').compute)
    expect(pi.memory.capacity).toBe(8 * 2 ** 30)
    expect(pi.memory.bandwidth).toBeCloseTo(17.07e9, -6)
    expect(pi.unitCost).toBe(80)
    expect(pi.tier).toBe('edge')
  })

  it('XIAO ESP32S3 Sense: ESP32-S3 SRAM and compute, 8 MB PSRAM, 8 MB flash', () => {
    const xiao = getHardware('XIAOML Kit')
    // 8 MB PSRAM and 8 MB flash are 64-Mbit parts: binary megabytes.
    expect(xiao.memory).toMatchObject({
      capacity: 8 * 2 ** 20,
      sramCapacity: 520 * 1024,
      flashCapacity: 8 * 2 ** 20,
      flashBandwidth: 0.08e9,
    })
    expect(xiao.compute.peak).toBe(0.5e9)
    expect(xiao.dispatchTax).toBe(1e-3)
    // The $13.99 is the Sense board's price (camera and microphone included), not the plain board's.
    expect(xiao.unitCost).toBe(13.99)
    expect(provenanceOf(xiao, 'unitCost').ref).toMatch(/^XIAO ESP32S3 Sense retail price/)
  })

  it('Arduino Nano 33 BLE Sense is the nRF52840 unchanged but renamed', () => {
    const nano = getHardware('Arduino Nano 33 BLE')
    const chip = chips.get('nRF52840')
    expect(nano.memory).toEqual(chip.memory)
    expect(nano.compute).toEqual(chip.compute)
    expect(nano.name).toBe('Arduino Nano 33 BLE Sense')
  })

  it('Coral USB Accelerator: Edge TPU with its 8 MB parameter SRAM and 2 W', () => {
    const usb = getHardware('coral-usb')
    expect(usb.compute.peak).toBe(4e12)
    expect(usb.memory.capacity).toBe(8e6)
    expect(usb.tdp).toBe(2)
    expect(getBoard('Coral Dev Board').hostProcessor).toMatch(/i\.MX 8M/)
  })

  it('returns the same frozen object each time', () => {
    expect(getHardware('RaspberryPi4')).toBe(getHardware('rpi4'))
    expect(Object.isFrozen(getHardware('RaspberryPi4'))).toBe(true)
  })
})

describe('listing, filtering and sorting', () => {
  it('filters by tier, vendor and year', () => {
    const tiny = selectChips({ tier: 'tiny' }).map((c) => c.id)
    expect(tiny).toEqual(
      expect.arrayContaining([
        'ESP32_S3',
        'nRF52840',
        'HimaxWE1',
        'OuraRing',
        'LockstepSafetyMCU_Reference',
        'STM32H747',
      ]),
    )
    expect(selectChips({ tier: 'tiny' }).every((c) => c.tier === 'tiny')).toBe(true)
    const amd = selectChips({ vendor: 'amd' }).map((c) => c.id)
    expect(amd).toEqual(['MI250X', 'MI300X', 'MI325X', 'MI355X'])
    const recent = selectChips({ vendor: ['NVIDIA'], tier: 'cloud', yearFrom: 2025 }).map((c) => c.id)
    expect(recent).toEqual(['B300', 'GB300_NVL72'])
    expect(selectChips({ yearTo: 2017 }).every((c) => c.releaseYear <= 2017)).toBe(true)
  })

  it('sorts by any numeric field, missing values last', () => {
    const byBandwidth = selectChips({ tier: 'cloud', sortBy: 'memory.bandwidth', order: 'desc' })
    expect(byBandwidth[0]!.id).toBe('Cerebras_CS3') // 21 PB/s on-wafer SRAM
    for (let i = 1; i < byBandwidth.length; i++) {
      expect(byBandwidth[i - 1]!.memory.bandwidth).toBeGreaterThanOrEqual(byBandwidth[i]!.memory.bandwidth)
    }
    const byCost = selectChips({ tier: 'cloud', sortBy: 'unitCost' })
    expect(byCost[0]!.id).toBe('T4')
    expect(byCost.at(-1)!.unitCost).toBeUndefined()
    const byFp8 = selectChips({ sortBy: (c) => c.compute.precisions.fp8, order: 'desc', tier: 'cloud' })
    expect(byFp8[0]!.id).toBe('GB300_NVL72')
  })

  it('rejects a tier, sort field or order that does not exist instead of returning nothing', () => {
    expect(() => selectChips({ tier: 'edgee' as Tier })).toThrow(
      "unknown tier 'edgee'; tiers are cloud, edge, mobile, workstation, tiny",
    )
    expect(() => selectChips({ sortBy: 'memory.bandwith' })).toThrow(
      /cannot sort by 'memory\.bandwith': no chip has a numeric field there; did you mean memory\.bandwidth\?/,
    )
    expect(() => selectChips({ sortBy: 'tdp', order: 'down' as 'desc' })).toThrow(
      "order must be 'asc' or 'desc', got 'down'",
    )
    // Every precision key is a sort field, even where no chip quotes it yet.
    expect(chipNumericFields()).toEqual(expect.arrayContaining(['tdp', 'compute.precisions.fp64_tensor']))
    expect(selectChips({ sortBy: 'compute.precisions.fp64_tensor' })).toHaveLength(chips.size)
  })

  it('reads numeric fields by path and peaks by precision name', () => {
    const h100 = chips.get('H100')
    expect(numericField(h100, 'compute.precisions.fp8')).toBe(1979e12)
    expect(numericField(h100, 'nvlink.direction')).toBeUndefined()
    expect(peakAt(h100, 'FP8')).toBe(1979e12)
    expect(peakAt(h100, 'bfloat16')).toBe(989e12) // no bf16 key: falls back to peak, as the original
    expect(peakAt(h100, 'fp32')).toBe(989e12) // the original's quirk: missing fp32 falls back to peak
    expect(() => peakAt(h100, 'fp7')).toThrow(/unknown precision "fp7"/)
  })

  it('counts every registry', () => {
    expect(chips.size).toBe(67) // 45 original + 15 current parts + 7 kit/MLPerf Tiny chips
    expect(boards.size).toBe(11)
    expect(fabrics.size).toBe(10)
    expect(fleets.size).toBe(8)
    expect(grids.size).toBe(12)
  })
})

describe('microcontroller memories are binary sizes', () => {
  it("ST's Kbytes and Mbytes of flash and SRAM are 1024-byte units", () => {
    const KiB = 2 ** 10
    const MiB = 2 ** 20
    expect(chips.get('STM32L4R5').memory).toMatchObject({ flashCapacity: 2 * MiB, sramCapacity: 640 * KiB })
    expect(chips.get('STM32F746').memory).toMatchObject({ flashCapacity: 1 * MiB, sramCapacity: 320 * KiB })
    expect(chips.get('STM32H747').memory).toMatchObject({ flashCapacity: 2 * MiB, sramCapacity: 1 * MiB })
    expect(chips.get('STM32H7A3').memory.flashCapacity).toBe(2 * MiB)
    // The original's nRF52840 already uses binary sizes: the convention these follow.
    expect(chips.get('nRF52840').memory).toMatchObject({ flashCapacity: 1 * MiB, sramCapacity: 256 * KiB })
  })

  it("the WiseEye2's SRAM is the figure its cited source gives", () => {
    const we2 = chips.get('HX6538')
    expect(we2.memory.sramCapacity).toBe(2.4e6)
    expect(provenanceOf(we2, 'memory.sramCapacity').ref).toMatch(/2\.4 MB SRAM/)
  })
})

describe('external memory of MCU boards', () => {
  it('Nicla Vision runs from the STM32H747 as mounted and records its SDRAM and QSPI flash', () => {
    const nicla = getHardware('Nicla Vision')
    expect(nicla.memory).toEqual(chips.get('STM32H747').memory)
    expect(getBoard('Nicla Vision').externalMemory).toEqual([
      { kind: 'SDRAM', capacity: 8e6 },
      { kind: 'Quad-SPI flash', capacity: 16e6 },
    ])
  })
})
