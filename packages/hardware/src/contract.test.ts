// The numbers other packages code against (the solver's conformance cases depend on them).
import { describe, expect, it } from 'vitest'
import {
  coolingClasses,
  datacenters,
  getFleet,
  getGrid,
  getHardware,
  getNode,
  perDirection,
  pricing,
  reliability,
} from './index.js'

const GiB = 2 ** 30
const HOUR = 3600
const KWH = 3.6e6

describe('solver contract', () => {
  it('A100: peak 312 TFLOP/s, 2039 GB/s, 80 GiB, 0.015 ms dispatch, 400 W', () => {
    const a100 = getHardware('A100')
    expect(a100.compute.peak).toBe(312e12)
    expect(a100.memory.bandwidth).toBe(2039e9)
    expect(a100.memory.capacity).toBe(80 * GiB)
    expect(a100.dispatchTax).toBeCloseTo(0.015e-3, 15)
    expect(a100.tdp).toBe(400)
  })

  it('H100: 989 TFLOP/s, 3.35 TB/s, 85,899,345,920 B, 0.01 ms, 700 W, $25,000, NVLink 900 GB/s bidirectional', () => {
    const h100 = getHardware('H100')
    expect(h100.compute.peak).toBe(989e12)
    expect(h100.memory.bandwidth).toBe(3.35e12)
    expect(h100.memory.capacity).toBe(85_899_345_920)
    expect(h100.dispatchTax).toBe(1e-5)
    expect(h100.tdp).toBe(700)
    expect(h100.unitCost).toBe(25_000)
    expect(h100.nvlink).toMatchObject({ bandwidth: 900e9, direction: 'bidirectional_total' })
    expect(perDirection(h100.nvlink!)).toBe(450e9)
  })

  it('H200 NVLink is stored bidirectional with a machine-readable correction', () => {
    const h200 = getHardware('H200')
    expect(h200.nvlink?.direction).toBe('bidirectional_total')
    expect(h200.corrections).toContainEqual(
      expect.objectContaining({ path: 'nvlink.direction', original: 'per_direction' }),
    )
  })

  it('DGX nodes feed the per-direction NVLink bandwidth, 8 NICs and 2 PSUs', () => {
    // H100 900/2, A100 600/2, B200 1800/2 GB/s.
    expect(getNode('DGX_H100')).toMatchObject({
      acceleratorsPerNode: 8,
      intraNodeBandwidth: 450e9,
      nicsPerNode: 8,
      psusPerNode: 2,
    })
    expect(getNode('DGX_A100').intraNodeBandwidth).toBe(300e9)
    expect(getNode('DGX_B200').intraNodeBandwidth).toBe(900e9)
  })

  it.each([
    ['Research_256', 32, 'Ethernet_100G', 12.5e9, 50e-6],
    ['Training_1K', 128, 'InfiniBand_HDR', 25e9, 7e-6],
    ['Production_2K', 256, 'InfiniBand_HDR', 25e9, 7e-6],
    ['Frontier_8K', 1024, 'InfiniBand_NDR', 50e9, 5e-6],
    ['Training_10K', 1250, 'InfiniBand_NDR', 50e9, 5e-6],
    ['Reference_25K_H100', 3125, 'InfiniBand_NDR', 50e9, 5e-6],
    ['Mega_100K', 12_500, 'InfiniBand_NDR', 50e9, 5e-6],
    ['Lab_64_H100', 8, 'InfiniBand_NDR', 50e9, 5e-6],
  ])('%s: %i × DGX_H100 over %s', (id, count, fabric, bandwidth, latency) => {
    const fleet = getFleet(id)
    expect(fleet.count).toBe(count)
    expect(fleet.node.id).toBe('DGX_H100')
    expect(fleet.fabric.id).toBe(fabric)
    expect(fleet.fabric.bandwidth).toBe(bandwidth)
    expect(fleet.fabric.latency).toBeCloseTo(latency, 15)
    expect(fleet.fabric.oversubscription).toBe(1)
    expect(fleet.fabric.topology).toBe('fat-tree')
    expect(fleet.totalAccelerators).toBe(count * 8)
    expect(fleet.effectivePue).toBe(1.12)
  })

  it('US_Avg: "US Average", 429 g/kWh, PUE 1.12, WUE 1.8 L/kWh', () => {
    const us = getGrid('US_Avg')
    expect(us.name).toBe('US Average')
    expect(us.carbonIntensity).toBeCloseTo(429e-3 / KWH, 20)
    expect(us.pue).toBe(1.12)
    expect(us.wue).toBeCloseTo(1.8 / KWH, 20)
    expect(datacenters.get('US_Hyperscale').pue).toBe(1.12)
  })

  it('cooling, prices and reliability', () => {
    expect(coolingClasses.get('BestAir').pue).toBe(1.12)
    expect(pricing.cloud.electricity).toBeCloseTo(0.12 / KWH, 20)
    expect(pricing.onPremises.electricity).toBeCloseTo(0.07 / KWH, 20)
    expect(pricing.capital.annualMaintenanceRatio).toBe(0.05)
    expect(reliability.mttf.gpu).toBe(50_000 * HOUR)
    expect(reliability.mttf.nic).toBe(150_000 * HOUR)
    expect(reliability.mttf.psu).toBe(100_000 * HOUR)
    expect(reliability.mttfHours).toMatchObject({ gpu: 50_000, nic: 150_000, psu: 100_000 })
  })

  it('reproduces the golden cluster MTBF of Research_256 from the MTTFs', () => {
    // Node failure rate: 8/50k + 8/150k + 2/100k per hour → MTBF 4285.7 h; ÷ 32 nodes = 133.93 h = 482,142.857 s.
    const fleet = getFleet('Research_256')
    const { mttf } = reliability
    const nodeRate =
      fleet.node.acceleratorsPerNode / mttf.gpu +
      fleet.node.nicsPerNode / mttf.nic +
      fleet.node.psusPerNode / mttf.psu
    expect(1 / nodeRate / fleet.count).toBeCloseTo(482_142.857_142_857_1, 6)
  })
})
