/**
 * Technology-class tables (the original's `Hardware.Tech`): memory and interconnect latency,
 * energy per operation and per byte moved, effective energy per FLOP by architecture class.
 * Keys are the original's, camel-cased (`Tech.Op.FlopFp16` → `tech.op.flopFp16`).
 */
import { deepFreeze, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import {
  CXL_PCIE_GEN5_BW,
  ENERGY_HIERARCHY_CONVENTIONS,
  HOROWITZ_ENERGY,
  MEMORY_INTERFACE_BANDWIDTH_TIERS,
  MEMORY_LATENCY_HIERARCHY,
  ON_CHIP_MEMORY_ENERGY,
  STORAGE_TIER_CONVENTIONS,
} from '../data/provenance.js'
import { parseEntry } from '../errors.js'
import { sourcedGroup } from './sourced-group.js'

const seconds = () => quantitySchema('seconds', { positive: true })
const bandwidth = () => quantitySchema('bytesPerSecond', { positive: true })
const joules = () => quantitySchema('joules', { positive: true })
const perFlop = () => quantitySchema('joulesPerFlop', { positive: true })
const perByte = () => quantitySchema('joulesPerByte', { positive: true })

const memoryLevel = sourcedGroup({
  name: z.string(),
  latency: seconds(),
  energyPerAccess: joules(),
  energyPerByte: perByte().optional(),
})
const bandwidthTier = sourcedGroup({
  name: z.string(),
  bandwidth: bandwidth(),
  latency: seconds().optional(),
})
const linkLatency = sourcedGroup({ name: z.string(), latency: seconds() })
const opEnergy = sourcedGroup({ name: z.string(), energy: perFlop() })
const movementEnergy = sourcedGroup({ name: z.string(), energyPerByte: perByte() })
const computeEnergy = sourcedGroup({ name: z.string(), energyPerFlop: perFlop() })

export const techSchema = z.strictObject({
  memory: z.strictObject({
    dram: memoryLevel,
    l1: memoryLevel,
    l2: memoryLevel,
    register: memoryLevel,
    ddr4_3200: bandwidthTier,
    hbm2: bandwidthTier,
    hbm3: bandwidthTier,
    gddr6x: bandwidthTier,
  }),
  storage: z.strictObject({
    hostDram: bandwidthTier,
    nvmeGen3: bandwidthTier,
    nvmeGen4: bandwidthTier,
    nvmeGen5: bandwidthTier,
    systemMemory: bandwidthTier,
    cxlPcieGen5: bandwidthTier,
  }),
  interconnect: z.strictObject({ nvlink: linkLatency, pcieGen5: linkLatency }),
  op: z.strictObject({
    addFp16: opEnergy,
    addFp32: opEnergy,
    addInt32: opEnergy,
    addInt8: opEnergy,
    flopFp16: opEnergy,
    flopFp32: opEnergy,
    opInt8: opEnergy,
  }),
  movement: z.strictObject({
    register: movementEnergy,
    l1: movementEnergy,
    l2: movementEnergy,
    nvme: movementEnergy,
    network: movementEnergy,
  }),
  effectiveCompute: z.strictObject({
    cpu: computeEnergy,
    gpu: computeEnergy,
    tpu: computeEnergy,
    asic: computeEnergy,
  }),
})

export type Tech = z.output<typeof techSchema>

const mem = (name: string, bw: string) => ({
  name,
  bandwidth: bw,
  provenance: MEMORY_INTERFACE_BANDWIDTH_TIERS,
})
const sto = (name: string, bw: string) => ({ name, bandwidth: bw, provenance: STORAGE_TIER_CONVENTIONS })
const op = (name: string, energy: string) => ({ name, energy, provenance: HOROWITZ_ENERGY })
const move = (name: string, energyPerByte: string) => ({
  name,
  energyPerByte,
  provenance: ENERGY_HIERARCHY_CONVENTIONS,
})
const eff = (name: string, energyPerFlop: string) => ({
  name,
  energyPerFlop,
  provenance: ENERGY_HIERARCHY_CONVENTIONS,
})

export const tech: Tech = deepFreeze(
  parseEntry(
    techSchema,
    {
      memory: {
        dram: {
          name: 'DRAM (off-chip)',
          latency: '300 ns',
          energyPerAccess: '640 pJ',
          energyPerByte: '160 pJ/B',
          provenance: HOROWITZ_ENERGY,
        },
        l1: {
          name: 'L1 / SRAM',
          latency: '1 ns',
          energyPerAccess: '0.5 pJ',
          provenance: ON_CHIP_MEMORY_ENERGY,
        },
        l2: { name: 'L2 cache', latency: '4 ns', energyPerAccess: '2 pJ', provenance: ON_CHIP_MEMORY_ENERGY },
        register: {
          name: 'Register file',
          latency: '0.3 ns',
          energyPerAccess: '0.1 pJ',
          provenance: ON_CHIP_MEMORY_ENERGY,
        },
        ddr4_3200: mem('DDR4-3200', '51.2 GB/s'),
        hbm2: mem('HBM2', '900 GB/s'),
        hbm3: mem('HBM3', '1600 GB/s'),
        gddr6x: mem('GDDR6X', '760 GB/s'),
      },
      storage: {
        hostDram: sto('Host DRAM', '200 GB/s'),
        nvmeGen3: sto('NVMe SSD (Gen3)', '3.5 GB/s'),
        nvmeGen4: { ...sto('NVMe SSD (Gen4)', '7 GB/s'), latency: '100 us' },
        nvmeGen5: sto('NVMe SSD (Gen5)', '14 GB/s'),
        systemMemory: sto('System memory (DDR4/5)', '50 GB/s'),
        cxlPcieGen5: {
          name: 'CXL memory over PCIe Gen5 x16',
          bandwidth: '64 GB/s',
          provenance: CXL_PCIE_GEN5_BW,
        },
      },
      interconnect: {
        nvlink: { name: 'NVLink', latency: '500 ns', provenance: MEMORY_LATENCY_HIERARCHY },
        pcieGen5: { name: 'PCIe Gen5', latency: '1000 ns', provenance: MEMORY_LATENCY_HIERARCHY },
      },
      op: {
        addFp16: op('FP16 add (45 nm)', '0.4 pJ/flop'),
        addFp32: op('FP32 add (45 nm)', '0.9 pJ/flop'),
        addInt32: op('INT32 add (45 nm)', '0.1 pJ/flop'),
        addInt8: op('INT8 add (45 nm)', '0.03 pJ/flop'),
        flopFp16: op('FP16 multiply-add (45 nm)', '1.1 pJ/flop'),
        flopFp32: op('FP32 multiply-add (45 nm)', '3.7 pJ/flop'),
        opInt8: op('INT8 multiply-add (45 nm)', '0.2 pJ/flop'),
      },
      movement: {
        register: move('Register-file data movement', '0.1 pJ/B'),
        l1: move('L1 / SRAM data movement', '1 pJ/B'),
        l2: move('L2 cache data movement', '5 pJ/B'),
        nvme: move('NVMe SSD data movement', '1000 pJ/B'),
        network: move('Network data movement', '10000 pJ/B'),
      },
      effectiveCompute: {
        cpu: eff('CPU effective FLOP energy', '100 pJ/flop'),
        gpu: eff('GPU effective FLOP energy', '10 pJ/flop'),
        tpu: eff('TPU / systolic-array effective FLOP energy', '1 pJ/flop'),
        asic: eff('Custom low-precision ASIC effective FLOP energy', '0.1 pJ/flop'),
      },
    },
    'technology table',
  ),
)
