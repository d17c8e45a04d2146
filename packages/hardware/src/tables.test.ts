// Every value of the original's constant tables (mlsysim.md §3.4, §5.2, §5.3), in SI units.
import { describe, expect, it } from 'vitest'
import {
  facility,
  fallbacks,
  networkEnergy,
  platforms,
  pricing,
  reliability,
  switchFabric,
  tech,
} from './index.js'

const pJ = 1e-12
const ns = 1e-9
const us = 1e-6
const GB = 1e9
const HOUR = 3600
const KWH = 3.6e6
const MONTH = 30 * 24 * HOUR
const TB = 1e12
const rel = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-12)

describe('tech (mlsysim.md §3.4)', () => {
  it('memory: latency and Horowitz 45 nm energy, interface bandwidths', () => {
    const m = tech.memory
    rel(m.dram.latency, 300 * ns)
    rel(m.dram.energyPerAccess, 640 * pJ)
    rel(m.dram.energyPerByte!, 160 * pJ)
    rel(m.l1.latency, 1 * ns)
    rel(m.l1.energyPerAccess, 0.5 * pJ)
    rel(m.l2.latency, 4 * ns)
    rel(m.l2.energyPerAccess, 2 * pJ)
    rel(m.register.latency, 0.3 * ns)
    rel(m.register.energyPerAccess, 0.1 * pJ)
    expect([m.ddr4_3200, m.hbm2, m.hbm3, m.gddr6x].map((t) => t.bandwidth)).toEqual([
      51.2 * GB,
      900 * GB,
      1600 * GB,
      760 * GB,
    ])
  })

  it('storage tiers and interconnect latency', () => {
    const s = tech.storage
    expect(
      [s.hostDram, s.nvmeGen3, s.nvmeGen4, s.nvmeGen5, s.systemMemory, s.cxlPcieGen5].map((t) => t.bandwidth),
    ).toEqual([200 * GB, 3.5 * GB, 7 * GB, 14 * GB, 50 * GB, 64 * GB])
    rel(s.nvmeGen4.latency!, 100 * us)
    rel(tech.interconnect.nvlink.latency, 500 * ns)
    rel(tech.interconnect.pcieGen5.latency, 1000 * ns)
  })

  it('energy per operation, per byte moved, per effective FLOP', () => {
    const op = tech.op
    const pairs: [number, number][] = [
      [op.addFp16.energy, 0.4],
      [op.addFp32.energy, 0.9],
      [op.addInt32.energy, 0.1],
      [op.addInt8.energy, 0.03],
      [op.flopFp16.energy, 1.1],
      [op.flopFp32.energy, 3.7],
      [op.opInt8.energy, 0.2],
      [tech.movement.register.energyPerByte, 0.1],
      [tech.movement.l1.energyPerByte, 1],
      [tech.movement.l2.energyPerByte, 5],
      [tech.movement.nvme.energyPerByte, 1000],
      [tech.movement.network.energyPerByte, 10_000],
      [tech.effectiveCompute.cpu.energyPerFlop, 100],
      [tech.effectiveCompute.gpu.energyPerFlop, 10],
      [tech.effectiveCompute.tpu.energyPerFlop, 1],
      [tech.effectiveCompute.asic.energyPerFlop, 0.1],
    ]
    for (const [actual, picojoules] of pairs) rel(actual, picojoules * pJ)
  })
})

describe('pricing (mlsysim.md §5.2)', () => {
  it('cloud: $0.12/kWh, $0.09/GB egress, GPU $4/h ($3/h utility bill), inference $2.5/h, TPU v4 $4/h', () => {
    const c = pricing.cloud
    rel(c.electricity, 0.12 / KWH)
    rel(c.egress, 0.09 / GB)
    rel(c.gpuTraining, 4 / HOUR)
    rel(c.gpuTrainingUtilityScenario, 3 / HOUR)
    rel(c.gpuInference, 2.5 / HOUR)
    rel(c.tpuV4, 4 / HOUR)
  })

  it('storage per TB-month, labeling per item, fleet per GPU-hour', () => {
    rel(pricing.storage.s3Standard, 23 / TB / MONTH)
    rel(pricing.storage.glacier, 1 / TB / MONTH)
    rel(pricing.storage.nvmeLow, 100 / TB / MONTH)
    rel(pricing.storage.nvmeHigh, 300 / TB / MONTH)
    rel(pricing.storage.glacierRetrieval, 0.02 / GB)
    const l = pricing.labeling
    expect([l.crowdLow, l.crowdHigh, l.boxLow, l.boxHigh, l.medicalLow, l.medicalHigh]).toEqual([
      0.01, 0.05, 0.05, 0.2, 50, 200,
    ])
    rel(pricing.fleet.gpuHour, 2 / HOUR)
    rel(pricing.fleet.spotGpuHour, 0.7 / HOUR)
    rel(pricing.fleet.internalChargeback, 2.5 / HOUR)
    rel(pricing.fleet.carbonPerGpu, 0.16 / HOUR)
    expect(pricing.fleet.sources?.carbonPerGpu?.kind).toBe('estimate')
  })

  it('capital and on-premises', () => {
    expect(pricing.capital).toMatchObject({
      annualMaintenanceRatio: 0.05,
      dgxH100Node: 350_000,
      h100GpuPurchase: 30_000,
    })
    rel(pricing.onPremises.electricity, 0.07 / KWH)
  })
})

describe('reliability (mlsysim.md §5.3)', () => {
  it('MTTFs in hours as the original states them, and in seconds', () => {
    expect(reliability.mttfHours).toEqual({
      gpu: 50_000,
      nic: 150_000,
      psu: 100_000,
      pcieSwitch: 200_000,
      cable: 50_000,
      torSwitch: 300_000,
      hbm: 200_000,
      dgxNodeComposite: 1_000,
    })
    for (const [key, hours] of Object.entries(reliability.mttfHours)) {
      expect(reliability.mttf[key as keyof typeof reliability.mttf]).toBe(hours * HOUR)
    }
    expect(reliability.components.psu.failureMode).toBe('capacitor aging')
  })

  it('recovery profile, node recovery and SDC rate', () => {
    expect(reliability.recovery).toMatchObject({
      heartbeatTimeout: 30,
      reschedule: 60,
      detection: 60,
      restart: 180,
      warmup: 120,
      checkpointWriteBandwidth: 100 * GB,
    })
    expect(reliability.nodeRecovery).toMatchObject({ low: 600, high: 1800 })
    expect(reliability.sdc.ratePerGpuHour).toBe(1e-6)
  })
})

describe('platforms, switch fabric and network energy (mlsysim.md §5.3)', () => {
  it('deployment envelopes', () => {
    expect(platforms.cloud).toMatchObject({ ram: 100 * 2 ** 30, storage: 10e12, typicalLatencyBudget: 0.2 })
    expect(platforms.cloud.latencyRange).toEqual({ min: 0.1, max: 0.5 })
    expect(platforms.cloud).toMatchObject({ computeThreshold: 1000e12, bandwidthThreshold: 1000 * GB })
    expect(platforms.edge).toMatchObject({
      ram: 32e9,
      storage: 1e12,
      typicalLatencyBudget: 0.05,
      computeThreshold: 1e15,
      bandwidthThreshold: 270 * GB,
    })
    expect(platforms.edge.latencyRange).toEqual({ min: 0.01, max: 0.1 })
    expect(platforms.mobile).toMatchObject({ ram: 8e9, storage: 256e9, typicalLatencyBudget: 0.03 })
    expect(platforms.mobile.powerRange).toEqual({ min: 3, max: 5 })
    expect(platforms.mobile.latencyRange).toEqual({ min: 0.005, max: 0.05 })
    expect(platforms.tiny).toMatchObject({
      ram: 512 * 1024,
      storage: 4e6,
      typicalLatencyBudget: 0.1,
      computeThreshold: 1e12,
      powerThreshold: 1e-3,
    })
    expect(platforms.tiny.latencyRange).toEqual({ min: 0.001, max: 0.01 })
  })

  it('switch ASICs in B/s, optics power, α and hop latencies', () => {
    expect(switchFabric.switchAsic51T2).toBe(51.2e12 / 8)
    expect(switchFabric.switchAsic102T4).toBe(102.4e12 / 8)
    expect([switchFabric.opticsPluggable400G, switchFabric.opticsCpo400G]).toEqual([20, 10])
    rel(switchFabric.alphaNdr, 1.5 * us)
    rel(switchFabric.alphaRoce, 5 * us)
    rel(switchFabric.hopLatency, 0.6 * us)
    rel(switchFabric.fecLatencyLow, 100 * ns)
    rel(switchFabric.fecLatencyHigh, 200 * ns)
  })

  it('network energy: 100 mJ/MB over 5G, ~1 µJ/KB in the datacenter', () => {
    rel(networkEnergy.cellular5g, 0.1 / 1e6)
    rel(networkEnergy.datacenter, 1e-6 / 1e3)
  })

  it('tables are frozen', () => {
    expect(Object.isFrozen(pricing.cloud)).toBe(true)
    expect(() => {
      ;(pricing.capital as { annualMaintenanceRatio: number }).annualMaintenanceRatio = 0.5
    }).toThrow(TypeError)
  })
})

describe('facility anchors and solver fallbacks (mlsysim.md §2.0, §2.3, §5.2)', () => {
  it('WUE by cooling technology and the 30 kW air-cooling limit', () => {
    rel(facility.wue.airCooled, 0.5 / KWH)
    rel(facility.wue.evaporative, 1.8 / KWH)
    expect(facility.wue.liquid).toBe(0)
    expect(facility.rack.airCoolingLimit).toBe(30_000)
  })

  it('fallback bandwidths, latencies and the H100 reference peak', () => {
    expect(fallbacks).toMatchObject({
      storageBandwidth: 1 * GB,
      interconnectBandwidth: 100 * GB,
      pcieBandwidth: 64 * GB,
      referencePeak: 989e12,
    })
    rel(fallbacks.intraNodeLatency, 500 * ns)
    rel(fallbacks.interNodeLatency, 5 * us)
  })
})
