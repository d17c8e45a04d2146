/**
 * The SoCs and microcontrollers of the course kits and the MLPerf Tiny reference boards
 * (the boards themselves are in `boards.ts`). Microcontroller throughput and memory bandwidth
 * follow the original's nRF52840 entry so that tiny parts compare like for like:
 * FP32 = clock × 1 FLOP/cycle, INT8 = clock × 2 OP/cycle (dual 16-bit MAC), SRAM = clock × 4 B,
 * internal flash = clock × 1 B. These are estimates of peak, and say so.
 * ST's "Kbytes"/"Mbytes" of flash and SRAM are binary (2 Mbytes = 2048 Kbytes), written here
 * as KiB/MiB like the original's nRF52840 (1 MiB flash, 256 KiB SRAM).
 */
import type { Provenance } from '@mlsysim/units'
import type { ChipInput } from '../../schema/chip.js'

const CHECKED = '2026-11-27'

function mcuConvention(clockMHz: number): Provenance {
  return {
    kind: 'estimate',
    ref: "MCU peak convention of the original's nRF52840 entry",
    verified: CHECKED,
    notes: `From the ${clockMHz} MHz core clock: FP32 ${clockMHz} MFLOP/s (1 FLOP/cycle), INT8 ${2 * clockMHz} MOPS (2 OP/cycle), SRAM ${(4 * clockMHz) / 1000} GB/s (4 B/cycle), flash ${clockMHz / 1000} GB/s (1 B/cycle). Cortex-M7 parts can dual-issue, so this is a lower bound for them.`,
  }
}

/** Sources for the estimated MCU figures, by dotted path. */
function mcuSources(clockMHz: number) {
  const p = mcuConvention(clockMHz)
  return {
    'compute.peak': p,
    'compute.precisions': p,
    'memory.bandwidth': p,
    'memory.sramBandwidth': p,
    'memory.flashBandwidth': p,
  }
}

const SEEED_WE2_SRAM: Provenance = {
  kind: 'industry_report',
  ref: 'Seeed Studio Grove Vision AI V2 wiki (WiseEye2 HX6538 with 2.4 MB SRAM + external flash)',
  url: 'https://wiki.seeedstudio.com/grove_vision_ai_v2/',
  verified: CHECKED,
  notes:
    'The figure Seeed quotes for the whole on-chip SRAM; Himax does not publish a breakdown on its product page.',
}

export const kitChips: ChipInput[] = [
  {
    id: 'STM32H747',
    name: 'STMicroelectronics STM32H747 (Cortex-M7 480 MHz + Cortex-M4)',
    aliases: ['STM32H747AII6', 'STM32H747AI'],
    vendor: 'STMicroelectronics',
    tier: 'tiny',
    releaseYear: 2019,
    compute: {
      peak: '480 MFLOP/s',
      precisions: { fp32: '480 MFLOP/s', int8: '960 MOPS' },
      clockRate: '480 MHz',
    },
    memory: {
      capacity: '2 MiB',
      bandwidth: '0.48 GB/s',
      sramCapacity: '1 MiB',
      sramBandwidth: '1.92 GB/s',
      flashCapacity: '2 MiB',
      flashBandwidth: '0.48 GB/s',
    },
    provenance: {
      kind: 'datasheet',
      ref: 'STM32H747AI product page (dual-core Cortex-M7 480 MHz + Cortex-M4 240 MHz, 2 Mbytes flash, 1 Mbyte RAM)',
      url: 'https://www.st.com/en/microcontrollers-microprocessors/stm32h747ai.html',
      verified: CHECKED,
    },
    sources: mcuSources(480),
    notes:
      'The Arduino Nicla Vision SoC. Only the Cortex-M7 is counted; the M4 core (240 MHz) is left out of peak.',
  },
  {
    id: 'STM32L4R5',
    name: 'STMicroelectronics STM32L4R5 (Cortex-M4F 120 MHz)',
    aliases: ['STM32L4R5ZI', 'STM32L4R5ZIT6'],
    vendor: 'STMicroelectronics',
    tier: 'tiny',
    releaseYear: 2017,
    compute: {
      peak: '120 MFLOP/s',
      precisions: { fp32: '120 MFLOP/s', int8: '240 MOPS' },
      clockRate: '120 MHz',
    },
    memory: {
      capacity: '2 MiB',
      bandwidth: '0.12 GB/s',
      sramCapacity: '640 KiB',
      sramBandwidth: '0.48 GB/s',
      flashCapacity: '2 MiB',
      flashBandwidth: '0.12 GB/s',
    },
    provenance: {
      kind: 'datasheet',
      ref: 'STM32L4R5ZI product page (Arm Cortex-M4 with FPU at 120 MHz, 2 Mbytes flash, 640 Kbytes SRAM)',
      url: 'https://www.st.com/en/microcontrollers-microprocessors/stm32l4r5zi.html',
      verified: CHECKED,
    },
    sources: mcuSources(120),
    notes: 'MCU of the NUCLEO-L4R5ZI MLPerf Tiny reference board.',
  },
  {
    id: 'STM32H7A3',
    name: 'STMicroelectronics STM32H7A3 (Cortex-M7 280 MHz)',
    aliases: ['STM32H7A3ZI', 'STM32H7A3ZIT6Q'],
    vendor: 'STMicroelectronics',
    tier: 'tiny',
    releaseYear: 2020,
    compute: {
      peak: '280 MFLOP/s',
      precisions: { fp32: '280 MFLOP/s', int8: '560 MOPS' },
      clockRate: '280 MHz',
    },
    memory: {
      capacity: '2 MiB',
      bandwidth: '0.28 GB/s',
      sramCapacity: '1.4 MiB',
      sramBandwidth: '1.12 GB/s',
      flashCapacity: '2 MiB',
      flashBandwidth: '0.28 GB/s',
    },
    provenance: {
      kind: 'datasheet',
      ref: 'STM32H7A3ZI product page (Arm Cortex-M7 at 280 MHz, 2 Mbytes flash, 1.4 Mbytes RAM)',
      url: 'https://www.st.com/en/microcontrollers-microprocessors/stm32h7a3zi.html',
      verified: CHECKED,
    },
    sources: mcuSources(280),
    notes: 'MCU of the NUCLEO-H7A3ZI-Q MLPerf Tiny reference board.',
  },
  {
    id: 'STM32F746',
    name: 'STMicroelectronics STM32F746 (Cortex-M7 216 MHz)',
    aliases: ['STM32F746NG', 'STM32F746NGH6'],
    vendor: 'STMicroelectronics',
    tier: 'tiny',
    releaseYear: 2015,
    compute: {
      peak: '216 MFLOP/s',
      precisions: { fp32: '216 MFLOP/s', int8: '432 MOPS' },
      clockRate: '216 MHz',
    },
    memory: {
      capacity: '1 MiB',
      bandwidth: '0.216 GB/s',
      sramCapacity: '320 KiB',
      sramBandwidth: '0.864 GB/s',
      flashCapacity: '1 MiB',
      flashBandwidth: '0.216 GB/s',
    },
    provenance: {
      kind: 'datasheet',
      ref: 'STM32F746NG product page (Arm Cortex-M7 at 216 MHz, 1 Mbyte flash, 320 Kbytes SRAM)',
      url: 'https://www.st.com/en/microcontrollers-microprocessors/stm32f746ng.html',
      verified: CHECKED,
    },
    sources: mcuSources(216),
    notes: 'MCU of the STM32F746 Discovery kit (32F746GDISCOVERY), an MLPerf Tiny reference platform.',
  },
  {
    id: 'HX6538',
    name: 'Himax WiseEye2 HX6538 (Cortex-M55 + Ethos-U55)',
    aliases: ['WiseEye2', 'WE2', 'Himax WE2'],
    vendor: 'Himax',
    tier: 'tiny',
    releaseYear: 2023,
    compute: { peak: '51.2 GOPS', precisions: { int8: '51.2 GOPS' }, clockRate: '400 MHz' },
    memory: { capacity: '2.4 MB', bandwidth: '1.6 GB/s', sramCapacity: '2.4 MB', sramBandwidth: '1.6 GB/s' },
    provenance: {
      kind: 'datasheet',
      ref: 'Himax WiseEye2 AI processor product page (Arm Cortex-M55 up to 400 MHz with Ethos-U55 microNPU; on-chip SRAM)',
      url: 'https://www.himax.com.tw/products/wiseeye-ai-sensing/wiseeye2-ai-processor/',
      verified: CHECKED,
    },
    sources: {
      'compute.peak': {
        kind: 'estimate',
        ref: 'Ethos-U55 peak from its MAC array',
        verified: CHECKED,
        notes:
          'Assumes the 64-MAC Ethos-U55 configuration at 400 MHz: 64 × 2 × 400e6 = 51.2 GOPS INT8. Himax does not publish the MAC count on its product page; treat as order of magnitude.',
      },
      'compute.precisions': {
        kind: 'estimate',
        ref: 'Ethos-U55 peak from its MAC array',
        verified: CHECKED,
        notes: 'As compute.peak.',
      },
      'memory.capacity': SEEED_WE2_SRAM,
      'memory.sramCapacity': SEEED_WE2_SRAM,
      'memory.bandwidth': {
        kind: 'estimate',
        ref: 'SRAM bandwidth by the MCU convention (4 B per 400 MHz cycle)',
        verified: CHECKED,
        notes: '400e6 × 4 B = 1.6 GB/s; the NPU has its own wider SRAM path, so this is a lower bound.',
      },
      'memory.sramBandwidth': {
        kind: 'estimate',
        ref: 'SRAM bandwidth by the MCU convention (4 B per 400 MHz cycle)',
        verified: CHECKED,
        notes: '400e6 × 4 B = 1.6 GB/s.',
      },
    },
    notes:
      "The Grove Vision AI V2 processor; models live in on-chip SRAM, weights stream from the board's external flash.",
  },
  {
    id: 'BCM2711',
    name: 'Broadcom BCM2711 (4× Cortex-A72 1.5 GHz)',
    aliases: ['BCM2711B0'],
    vendor: 'Broadcom',
    tier: 'edge',
    releaseYear: 2019,
    compute: { peak: '48 GFLOP/s', precisions: { fp32: '48 GFLOP/s' }, clockRate: '1.5 GHz' },
    memory: { capacity: '4 GiB', bandwidth: '12.8 GB/s', technology: 'LPDDR4-3200' },
    provenance: {
      kind: 'datasheet',
      ref: 'Raspberry Pi documentation, BCM2711 (quad-core Cortex-A72 64-bit SoC at 1.5 GHz; LPDDR4-3200)',
      url: 'https://www.raspberrypi.com/documentation/computers/processors.html',
      verified: CHECKED,
    },
    sources: {
      'compute.peak': {
        kind: 'estimate',
        ref: 'NEON FP32 peak from core count and clock',
        verified: CHECKED,
        notes:
          '4 cores × 1.5 GHz × 8 FLOP/cycle (one 128-bit FMA: 4 lanes × 2) = 48 GFLOP/s. Cortex-A72 (Armv8.0) has no FP16 arithmetic, so FP16 runs at this FP32 rate.',
      },
      'compute.precisions': {
        kind: 'estimate',
        ref: 'NEON FP32 peak from core count and clock',
        verified: CHECKED,
        notes: 'As compute.peak.',
      },
      'memory.bandwidth': {
        kind: 'derived',
        ref: 'LPDDR4-3200 on a 32-bit bus',
        verified: CHECKED,
        notes: '3.2e9 transfers/s × 4 B = 12.8 GB/s.',
      },
      'memory.capacity': {
        kind: 'convention',
        ref: 'The 4 GB Raspberry Pi 4 configuration (boards carry 1, 2, 4 or 8 GB)',
        verified: CHECKED,
      },
    },
    notes: 'The Raspberry Pi 4 SoC. Power is a board property (see RaspberryPi4).',
  },
  {
    id: 'BCM2712',
    name: 'Broadcom BCM2712 (4× Cortex-A76 2.4 GHz)',
    aliases: ['BCM2712C1'],
    vendor: 'Broadcom',
    tier: 'edge',
    releaseYear: 2023,
    compute: {
      peak: '307.2 GFLOP/s',
      precisions: { fp16: '307.2 GFLOP/s', fp32: '153.6 GFLOP/s' },
      clockRate: '2.4 GHz',
    },
    memory: { capacity: '8 GiB', bandwidth: '17.07 GB/s', technology: 'LPDDR4X-4267' },
    provenance: {
      kind: 'datasheet',
      ref: 'Raspberry Pi documentation, BCM2712 (quad-core Cortex-A76 at 2.4 GHz, 512 KB L2 per core, 2 MB shared L3; 32-bit LPDDR4X-4267)',
      url: 'https://www.raspberrypi.com/documentation/computers/processors.html',
      verified: CHECKED,
    },
    sources: {
      'compute.peak': {
        kind: 'estimate',
        ref: 'NEON peak from core count and clock',
        verified: CHECKED,
        notes:
          '4 cores × 2.4 GHz × 16 FLOP/cycle (two 128-bit FMA pipes × 4 FP32 lanes × 2) = 153.6 GFLOP/s FP32; Armv8.2 FP16 arithmetic doubles the lanes → 307.2 GFLOP/s FP16.',
      },
      'compute.precisions': {
        kind: 'estimate',
        ref: 'NEON peak from core count and clock',
        verified: CHECKED,
        notes: 'As compute.peak.',
      },
      'memory.bandwidth': {
        kind: 'derived',
        ref: 'LPDDR4X-4267 on a 32-bit bus',
        verified: CHECKED,
        notes: '4.267e9 transfers/s × 4 B = 17.07 GB/s.',
      },
      'memory.capacity': {
        kind: 'convention',
        ref: 'The 8 GB Raspberry Pi 5 configuration (boards carry 2, 4, 8 or 16 GB)',
        verified: CHECKED,
      },
    },
    notes: 'The Raspberry Pi 5 SoC.',
  },
]
