// Pins every original entry's headline numbers to the tables of mlsysim.md §3.2–3.3 (the
// Python original). Compared through `withOriginalValues`, so a deliberate correction keeps
// this table honest: the corrected entry must still reproduce the original's value.
import { describe, expect, it } from 'vitest'
import { getHardware, withOriginalValues } from './index.js'

const T = 1e12
const G = 1e9
const GiB = 2 ** 30
const MiB = 2 ** 20
const KiB = 2 ** 10
const GB = 1e9
const MB = 1e6
const ms = 1e-3

interface Row {
  id: string
  year: number
  peak: number
  capacity: number
  bandwidth: number
  tdp?: number
  unitCost?: number
  dispatchMs: number
  precisions?: Record<string, number>
}

// Transcribed from mlsysim.md §3.2 (cloud) — value for value. T4 is in the original registry
// (cloud/T4.yaml) but not in that table; its row comes from the YAML.
const cloud: Row[] = [
  {
    id: 'V100',
    year: 2017,
    peak: 125 * T,
    capacity: 32 * GiB,
    bandwidth: 900 * GB,
    tdp: 300,
    unitCost: 10_000,
    dispatchMs: 0.02,
    precisions: { fp32: 15.7 * T },
  },
  {
    id: 'V100_PCIe',
    year: 2017,
    peak: 112 * T,
    capacity: 32 * GiB,
    bandwidth: 900 * GB,
    tdp: 250,
    unitCost: 10_000,
    dispatchMs: 0.02,
    precisions: { fp32: 14 * T },
  },
  {
    id: 'A100',
    year: 2020,
    peak: 312 * T,
    capacity: 80 * GiB,
    bandwidth: 2039 * GB,
    tdp: 400,
    unitCost: 15_000,
    dispatchMs: 0.015,
    precisions: { fp32: 19.5 * T, tf32: 156 * T, int8: 624 * T, fp16_sparse: 624 * T },
  },
  {
    id: 'H100',
    year: 2022,
    peak: 989 * T,
    capacity: 80 * GiB,
    bandwidth: 3.35e12,
    tdp: 700,
    unitCost: 25_000,
    dispatchMs: 0.01,
    precisions: { tf32: 494 * T, fp8: 1979 * T, int8: 1979 * T, fp32_cuda: 67 * T },
  },
  {
    id: 'H200',
    year: 2023,
    peak: 989 * T,
    capacity: 131 * GiB,
    bandwidth: 4.8e12,
    tdp: 700,
    unitCost: 35_000,
    dispatchMs: 0.01,
    precisions: { tf32: 494 * T, fp8: 1979 * T, int8: 1979 * T, fp32_cuda: 67 * T },
  },
  {
    id: 'B200',
    year: 2024,
    peak: 2250 * T,
    capacity: 192 * GiB,
    bandwidth: 8e12,
    tdp: 1000,
    unitCost: 40_000,
    dispatchMs: 0.008,
    precisions: { fp8: 4500 * T, fp4: 9000 * T, int4: 9000 * T },
  },
  {
    id: 'GB200_NVL72',
    year: 2024,
    peak: 162e15,
    capacity: 13.5 * 2 ** 40,
    bandwidth: 576e12,
    tdp: 120_000,
    unitCost: 3_000_000,
    dispatchMs: 0.005,
    precisions: { fp16: 162e15, bf16: 162e15, fp8: 324e15, fp4: 648e15 },
  },
  {
    id: 'MI250X',
    year: 2021,
    peak: 383 * T,
    capacity: 128 * GiB,
    bandwidth: 3.2e12,
    tdp: 500,
    dispatchMs: 0.015,
    precisions: { fp32: 47.9 * T, int8: 383 * T },
  },
  {
    id: 'MI300X',
    year: 2023,
    peak: 1307 * T,
    capacity: 192 * GiB,
    bandwidth: 5.3e12,
    tdp: 750,
    unitCost: 15_000,
    dispatchMs: 0.012,
    precisions: { fp8: 2614 * T, int8: 2614 * T, fp32: 163.4 * T },
  },
  {
    id: 'Gaudi2',
    year: 2022,
    peak: 432 * T,
    capacity: 96 * GiB,
    bandwidth: 2.45e12,
    tdp: 600,
    dispatchMs: 0.02,
    precisions: { fp8: 865 * T },
  },
  {
    id: 'Gaudi3',
    year: 2024,
    peak: 1835 * T,
    capacity: 128 * GiB,
    bandwidth: 3.7e12,
    tdp: 900,
    dispatchMs: 0.01,
    precisions: { fp8: 1835 * T },
  },
  {
    id: 'Trainium2',
    year: 2024,
    peak: 380 * T,
    capacity: 96 * GiB,
    bandwidth: 2.4e12,
    tdp: 500,
    dispatchMs: 0.02,
    precisions: { fp8: 760 * T },
  },
  {
    id: 'T4',
    year: 2018,
    peak: 65 * T,
    capacity: 16 * GiB,
    bandwidth: 320 * GB,
    tdp: 70,
    unitCost: 2500,
    dispatchMs: 0.03,
    precisions: { int8: 130 * T },
  },
  {
    id: 'TPUv1',
    year: 2017,
    peak: 92 * T,
    capacity: 8 * GiB,
    bandwidth: 34 * GB,
    tdp: 75,
    dispatchMs: 0.05,
    precisions: { int8: 92 * T },
  },
  {
    id: 'TPUv2',
    year: 2018,
    peak: 45 * T,
    capacity: 16 * GiB,
    bandwidth: 700 * GB,
    tdp: 200,
    dispatchMs: 0.04,
    precisions: { bf16: 45 * T },
  },
  {
    id: 'TPUv3',
    year: 2019,
    peak: 105 * T,
    capacity: 32 * GiB,
    bandwidth: 900 * GB,
    tdp: 250,
    dispatchMs: 0.04,
    precisions: { bf16: 105 * T },
  },
  {
    id: 'TPUv4',
    year: 2021,
    peak: 275 * T,
    capacity: 32 * GiB,
    bandwidth: 1200 * GB,
    tdp: 200,
    dispatchMs: 0.04,
    precisions: { bf16: 275 * T },
  },
  {
    id: 'TPUv5p',
    year: 2023,
    peak: 459 * T,
    capacity: 95 * GiB,
    bandwidth: 2.76e12,
    tdp: 300,
    dispatchMs: 0.04,
    precisions: { int8: 918 * T },
  },
  {
    id: 'TPUv6',
    year: 2024,
    peak: 918 * T,
    capacity: 32 * GiB,
    bandwidth: 1600 * GB,
    tdp: 300,
    dispatchMs: 0.04,
    precisions: {},
  },
  {
    id: 'Cerebras_CS3',
    year: 2024,
    peak: 125e15,
    capacity: 44 * GiB,
    bandwidth: 21e15,
    tdp: 23_000,
    unitCost: 2_000_000,
    dispatchMs: 0.001,
    precisions: {},
  },
  {
    id: 'Groq_LPU',
    year: 2020,
    peak: 188 * T,
    capacity: 230 * MB,
    bandwidth: 80e12,
    tdp: 215,
    dispatchMs: 0.001,
    precisions: { int8: 750 * T },
  },
  {
    id: 'Graphcore_GC200',
    year: 2020,
    peak: 250 * T,
    capacity: 900 * MB,
    bandwidth: 45e12,
    dispatchMs: 0.001,
    precisions: {},
  },
  {
    id: 'DMatrix_Corsair',
    year: 2024,
    peak: 2400 * T,
    capacity: 2 * GiB,
    bandwidth: 150e12,
    tdp: 600,
    dispatchMs: 0.001,
    precisions: { mxint4: 9600 * T },
  },
  {
    id: 'Untether_speedAI240',
    year: 2023,
    peak: 2e15,
    capacity: 238 * MB,
    bandwidth: 1e15,
    dispatchMs: 0.001,
    precisions: { bf16: 1e15 },
  },
  {
    id: 'IntelSGX',
    year: 2020,
    peak: 1 * T,
    capacity: 128 * MiB,
    bandwidth: 10 * GB,
    dispatchMs: 5,
    precisions: { fp32: 1 * T },
  },
  {
    id: 'ReferenceCPU',
    year: 2024,
    peak: 1 * T,
    capacity: 64 * GiB,
    bandwidth: 50 * GB,
    tdp: 150,
    dispatchMs: 0.1,
    precisions: { fp32: 1 * T },
  },
]

// mlsysim.md §3.3 (edge, mobile, workstation, tiny).
const devices: Row[] = [
  {
    id: 'Coral',
    year: 2019,
    peak: 4 * T,
    capacity: 1 * GB,
    bandwidth: 8 * GB,
    tdp: 2,
    dispatchMs: 1,
    precisions: {},
  },
  {
    id: 'DriveThor',
    year: 2025,
    peak: 1000 * T,
    capacity: 64 * GiB,
    bandwidth: 546 * GB,
    tdp: 100,
    dispatchMs: 0.1,
    precisions: { fp8: 1000 * T, int8: 1000 * T, fp4: 2000 * T },
  },
  {
    id: 'GenericServer',
    year: 2024,
    peak: 1 * T,
    capacity: 128 * GB,
    bandwidth: 100 * GB,
    tdp: 300,
    dispatchMs: 0.1,
    precisions: {},
  },
  {
    id: 'JetsonAGXOrin',
    year: 2022,
    peak: 275 * T,
    capacity: 64 * GiB,
    bandwidth: 204 * GB,
    tdp: 60,
    dispatchMs: 0.2,
    precisions: { int8: 275 * T },
  },
  {
    id: 'JetsonOrinNX',
    year: 2023,
    peak: 25 * T,
    capacity: 16 * GB,
    bandwidth: 102 * GB,
    tdp: 25,
    dispatchMs: 0.2,
    precisions: { int8: 100 * T },
  },
  {
    id: 'JetsonOrinNano',
    year: 2023,
    peak: 10 * T,
    capacity: 8 * GB,
    bandwidth: 68 * GB,
    tdp: 15,
    dispatchMs: 0.2,
    precisions: { int8: 40 * T },
  },
  {
    id: 'NUC_Movidius',
    year: 2020,
    peak: 1 * T,
    capacity: 16 * GB,
    bandwidth: 25 * GB,
    tdp: 15,
    dispatchMs: 2,
    precisions: {},
  },
  {
    id: 'RoboTaxi',
    year: 2022,
    peak: 5.2 * T,
    capacity: 32 * GiB,
    bandwidth: 200 * GB,
    tdp: 60,
    dispatchMs: 0.2,
    precisions: { int8: 254 * T },
  },
  {
    id: 'AppleM2',
    year: 2022,
    peak: 15.8 * T,
    capacity: 16 * GiB,
    bandwidth: 100 * GB,
    tdp: 20,
    dispatchMs: 1.5,
    precisions: {},
  },
  {
    id: 'iPhone15Pro',
    year: 2023,
    peak: 35 * T,
    capacity: 8 * GiB,
    bandwidth: 51.2 * GB,
    tdp: 5,
    dispatchMs: 1,
    precisions: {},
  },
  {
    id: 'Pixel8',
    year: 2023,
    peak: 15 * T,
    capacity: 8 * GB,
    bandwidth: 60 * GB,
    tdp: 5,
    dispatchMs: 1.2,
    precisions: {},
  },
  {
    id: 'Snapdragon8Gen3',
    year: 2023,
    peak: 45 * T,
    capacity: 12 * GB,
    bandwidth: 77 * GB,
    tdp: 5,
    dispatchMs: 1.5,
    precisions: {},
  },
  {
    id: 'DGX_Spark',
    year: 2025,
    peak: 125 * T,
    capacity: 128 * GB,
    bandwidth: 273 * GB,
    tdp: 200,
    unitCost: 3000,
    dispatchMs: 0.01,
    precisions: { fp8: 250 * T, fp4: 500 * T, fp4_sparse: 1000 * T },
  },
  {
    id: 'MacBookM3Max',
    year: 2023,
    peak: 14.2 * T,
    capacity: 128 * GiB,
    bandwidth: 400 * GB,
    tdp: 100,
    dispatchMs: 0.05,
    precisions: {},
  },
  {
    id: 'ESP32_S3',
    year: 2022,
    peak: 0.5 * G,
    capacity: 4 * MB,
    bandwidth: 0.08 * GB,
    tdp: 0.4,
    dispatchMs: 1,
    precisions: { int8: 2.4 * G },
  },
  {
    id: 'nRF52840',
    year: 2018,
    peak: 64e6,
    capacity: 1 * MiB,
    bandwidth: 0.064 * GB,
    tdp: 0.015,
    dispatchMs: 0.5,
    precisions: { int8: 128e6 },
  },
  {
    id: 'HimaxWE1',
    year: 2020,
    peak: 0.2 * G,
    capacity: 2 * MiB,
    bandwidth: 0.1 * GB,
    tdp: 0.005,
    dispatchMs: 2,
    precisions: {},
  },
  {
    id: 'OuraRing',
    year: 2024,
    peak: 0.1 * G,
    capacity: 2 * MiB,
    bandwidth: 0.08 * GB,
    tdp: 0.02,
    dispatchMs: 2,
    precisions: { int8: 0.2 * G },
  },
  {
    id: 'LockstepSafetyMCU_Reference',
    year: 2024,
    peak: 0.8 * G,
    capacity: 4 * MiB,
    bandwidth: 1.6 * GB,
    tdp: 1,
    dispatchMs: 0.001,
    precisions: {},
  },
]

const close = (actual: number | undefined, expected: number) => {
  expect(actual).toBeDefined()
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12)
}

describe('the original registry, value for value (mlsysim.md §3.2–3.3)', () => {
  it('has all 45 original chips', () => {
    expect(cloud.length + devices.length).toBe(45)
  })

  it.each([...cloud, ...devices])('$id', (row) => {
    const chip = withOriginalValues(getHardware(row.id))
    expect(chip.id).toBe(row.id)
    expect(chip.releaseYear).toBe(row.year)
    close(chip.compute.peak, row.peak)
    close(chip.memory.capacity, row.capacity)
    close(chip.memory.bandwidth, row.bandwidth)
    if (row.tdp === undefined) expect(chip.tdp).toBeUndefined()
    else close(chip.tdp, row.tdp)
    if (row.unitCost === undefined) expect(chip.unitCost).toBeUndefined()
    else close(chip.unitCost, row.unitCost)
    close(chip.dispatchTax, row.dispatchMs * ms)
    // The precision table is the original's exactly: no key added or dropped.
    expect(Object.keys(chip.compute.precisions).sort()).toEqual(Object.keys(row.precisions ?? {}).sort())
    for (const [key, value] of Object.entries(row.precisions ?? {}))
      close(chip.compute.precisions[key], value)
  })
})

describe('secondary fields of the original', () => {
  it('H100: 132 SMs, 50 MB L2, 256 KiB RF and 228 KiB shared memory per SM, 2 TB storage at 7 GB/s, 164 kg', () => {
    const h100 = getHardware('H100')
    expect(h100.compute.smCount).toBe(132)
    expect(h100.memory).toMatchObject({
      l2Cache: 50e6,
      registerFilePerSm: 256 * KiB,
      sharedMemoryPerSm: 228 * KiB,
    })
    expect(h100.storage).toEqual({ capacity: 2e12, bandwidth: 7e9 })
    expect(h100.embodiedCarbon).toBe(164)
    expect(h100.interconnect).toEqual({ name: 'PCIe Gen5 x16', bandwidth: 64e9, direction: 'per_direction' })
  })

  it('A100: 150 kg embodied, MIG profiles 14/28/42/98 SMs at 10/20/40/80 GiB', () => {
    const a100 = getHardware('A100')
    expect(a100.embodiedCarbon).toBe(150)
    expect(a100.migProfiles?.map((p) => [p.name, p.smCount, p.memory / GiB])).toEqual([
      ['1g.10gb', 14, 10],
      ['2g.20gb', 28, 20],
      ['3g.40gb', 42, 40],
      ['7g.80gb', 98, 80],
    ])
    expect(a100.nvlink).toMatchObject({ bandwidth: 600e9, direction: 'bidirectional_total' })
  })

  it('links of the original: PCIe, NVLink, RoCE, ICI and the rack-scale switches', () => {
    expect(getHardware('V100').interconnect?.bandwidth).toBe(15.75e9)
    expect(getHardware('B200').nvlink).toMatchObject({ bandwidth: 1800e9, direction: 'bidirectional_total' })
    expect(getHardware('Gaudi2').nvlink).toMatchObject({ bandwidth: 300e9, direction: 'per_direction' })
    expect(getHardware('TPUv5p').nvlink).toMatchObject({
      name: 'ICI',
      bandwidth: 1200e9,
      direction: 'bidirectional_total',
    })
    expect(getHardware('GB200_NVL72').interconnect?.bandwidth).toBe(130e12)
    expect(getHardware('GB200_NVL72').acceleratorCount).toBe(72)
    expect(getHardware('Cerebras_CS3').interconnect?.bandwidth).toBe(1.2e12)
    expect(getHardware('DriveThor').interconnect?.bandwidth).toBe(12.5e9) // 100 Gbps
    expect(getHardware('RoboTaxi').interconnect?.bandwidth).toBe(3.75e9) // 30 Gbps
  })

  it('memory hierarchies of the tiny parts and TPU v5p VMEM', () => {
    expect(getHardware('TPUv5p').memory.sramCapacity).toBe(128 * MiB)
    expect(getHardware('IntelSGX').memory.sramCapacity).toBe(128 * MiB)
    expect(getHardware('ESP32_S3').memory).toMatchObject({
      sramCapacity: 520 * KiB,
      sramBandwidth: 0.96e9,
      flashCapacity: 4e6,
      flashBandwidth: 0.08e9,
    })
    expect(getHardware('nRF52840').memory).toMatchObject({
      sramCapacity: 256 * KiB,
      sramBandwidth: 0.256e9,
      flashCapacity: 1 * MiB,
      flashBandwidth: 0.064e9,
    })
    expect(getHardware('OuraRing').memory).toMatchObject({
      sramCapacity: 512 * KiB,
      sramBandwidth: 0.25e9,
      flashCapacity: 2 * MiB,
      flashBandwidth: 0.04e9,
    })
    expect(getHardware('LockstepSafetyMCU_Reference').memory).toMatchObject({
      sramCapacity: 1 * MiB,
      sramBandwidth: 3.2e9,
      flashCapacity: 4 * MiB,
      flashBandwidth: 0.4e9,
    })
    expect(getHardware('LockstepSafetyMCU_Reference').compute.clockRate).toBe(400e6)
  })

  it('power envelopes, batteries, storage and prices', () => {
    expect(getHardware('DriveThor')).toMatchObject({
      tdpMin: 50,
      tdpMax: 150,
      storage: { capacity: 512 * GiB, bandwidth: 4e9 },
    })
    expect(getHardware('JetsonAGXOrin')).toMatchObject({ tdpMin: 15, tdpMax: 60 })
    expect(getHardware('JetsonOrinNano')).toMatchObject({ tdpMin: 7, tdpMax: 15 })
    expect(getHardware('RoboTaxi')).toMatchObject({
      tdpMin: 30,
      tdpMax: 120,
      storage: { capacity: 256 * GiB, bandwidth: 1e9 },
    })
    expect(getHardware('ESP32_S3')).toMatchObject({ tdpMin: 0.05, tdpMax: 1.2, embodiedCarbon: 5 })
    expect(getHardware('OuraRing')).toMatchObject({ tdpMin: 0.0001, tdpMax: 0.05 })
    expect(getHardware('LockstepSafetyMCU_Reference')).toMatchObject({ tdpMin: 0.2, tdpMax: 1.5 })
    expect(getHardware('iPhone15Pro').batteryCapacity).toBe(15 * 3600) // 15 Wh
    expect(getHardware('OuraRing').batteryCapacity).toBeCloseTo(0.06 * 3600, 9) // 0.06 Wh
    expect(getHardware('DGX_Spark')).toMatchObject({
      unitCost: 3000,
      unitCostMax: 5000,
      storage: { capacity: 4e12, bandwidth: 7e9 },
    })
    expect(getHardware('H200').storage).toEqual({ capacity: 4e12, bandwidth: 7e9 })
  })
})
