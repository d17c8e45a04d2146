/**
 * Current workstation and mobile parts the original lacks. GeForce peaks are dense FP16/BF16
 * tensor rates with FP32 accumulation — what training and most inference frameworks use, and
 * half the FP16-accumulate rate on GeForce parts.
 */
import type { ChipInput } from '../../schema/chip.js'

const CHECKED = '2026-11-27'

export const edgeCurrentChips: ChipInput[] = [
  {
    id: 'RTX4090',
    name: 'NVIDIA GeForce RTX 4090',
    aliases: ['RTX 4090', 'GeForce RTX 4090'],
    vendor: 'NVIDIA',
    tier: 'workstation',
    releaseYear: 2022,
    compute: {
      peak: '165.2 TFLOP/s',
      precisions: {
        fp16: '165.2 TFLOP/s',
        bf16: '165.2 TFLOP/s',
        fp8: '330.3 TFLOP/s',
        int8: '660.6 TOPS',
        int4: '1321.2 TOPS',
        fp32: '82.6 TFLOP/s',
        fp16_sparse: '330.4 TFLOP/s',
        fp8_sparse: '660.6 TFLOP/s',
        int8_sparse: '1321.2 TOPS',
      },
      smCount: 128,
    },
    memory: { capacity: '24 GiB', bandwidth: '1008 GB/s', technology: 'GDDR6X', l2Cache: '72 MB' },
    interconnect: { name: 'PCIe Gen4 x16', bandwidth: '32 GB/s', direction: 'per_direction' },
    tdp: '450 W',
    unitCost: '$1,599',
    provenance: {
      kind: 'datasheet',
      ref: 'NVIDIA Ada GPU Architecture whitepaper, Table 1 (RTX 4090: FP16 tensor with FP32 accumulate 165.2/330.4* TFLOPS, FP8 330.3/660.6*, INT8 660.6/1321.2* TOPS, FP32 82.6 TFLOPS, 24 GB GDDR6X at 1008 GB/s, 72 MB L2, 450 W TGP; * sparse)',
      url: 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf',
      verified: CHECKED,
    },
    sources: {
      unitCost: {
        kind: 'datasheet',
        ref: 'NVIDIA GeForce RTX 4090 launch price (US MSRP $1,599)',
        url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4090/',
        verified: CHECKED,
      },
    },
  },
  {
    id: 'RTX5090',
    name: 'NVIDIA GeForce RTX 5090',
    aliases: ['RTX 5090', 'GeForce RTX 5090'],
    vendor: 'NVIDIA',
    tier: 'workstation',
    releaseYear: 2025,
    compute: {
      peak: '209.5 TFLOP/s',
      precisions: {
        fp16: '209.5 TFLOP/s',
        bf16: '209.5 TFLOP/s',
        fp4: '1676 TFLOP/s',
        fp4_sparse: '3352 TFLOP/s',
        fp32: '104.8 TFLOP/s',
      },
      smCount: 170,
    },
    memory: { capacity: '32 GiB', bandwidth: '1792 GB/s', technology: 'GDDR7' },
    interconnect: { name: 'PCIe Gen5 x16', bandwidth: '64 GB/s', direction: 'per_direction' },
    tdp: '575 W',
    unitCost: '$1,999',
    provenance: {
      kind: 'datasheet',
      ref: 'NVIDIA GeForce RTX 5090 product page (3,352 AI TOPS, 21,760 CUDA cores, 32 GB GDDR7 on a 512-bit bus at 1,792 GB/s, 575 W total graphics power, US MSRP $1,999)',
      url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/',
      verified: CHECKED,
    },
    sources: {
      'compute.peak': {
        kind: 'derived',
        ref: "Derived from NVIDIA's 3,352 AI TOPS (FP4 with 2:4 sparsity)",
        url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/',
        verified: CHECKED,
        notes:
          'Dense FP4 = 3,352 / 2 = 1,676; each doubling of operand width halves the tensor rate → FP16 (FP16 accumulate) 419; GeForce parts run FP16/BF16 with FP32 accumulate at half that (as the Ada whitepaper shows for the RTX 4090) → 209.5 TFLOP/s.',
      },
      'compute.precisions': {
        kind: 'derived',
        ref: "Derived from NVIDIA's RTX 5090 AI TOPS and CUDA-core count",
        url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/',
        verified: CHECKED,
        notes:
          'fp4 = 3,352 sparse AI TOPS / 2; fp16/bf16 as for peak; fp32 = 21,760 CUDA cores × 2 FLOP × 2.41 GHz boost ≈ 104.8 TFLOP/s. FP8 is left out: its accumulate rate on GeForce Blackwell is not published.',
      },
    },
  },
  {
    id: 'AppleM4Max',
    name: 'Apple M4 Max (40-core GPU)',
    aliases: ['M4 Max', 'MacBook Pro M4 Max'],
    vendor: 'Apple',
    tier: 'workstation',
    releaseYear: 2024,
    compute: { peak: '16.2 TFLOP/s', precisions: { int8: '38 TOPS' } },
    memory: { capacity: '128 GiB', bandwidth: '546 GB/s', technology: 'LPDDR5X' },
    provenance: {
      kind: 'datasheet',
      ref: 'Apple Newsroom, "New MacBook Pro features M4 family of chips and Apple Intelligence" (M4 Max: up to 16-core CPU, 40-core GPU, up to 128 GB unified memory at 546 GB/s)',
      url: 'https://www.apple.com/newsroom/2024/10/new-macbook-pro-features-m4-family-of-chips-and-apple-intelligence/',
      verified: CHECKED,
    },
    sources: {
      'compute.precisions.int8': {
        kind: 'datasheet',
        ref: 'Apple Newsroom, "Apple introduces M4 chip" (16-core Neural Engine, 38 trillion operations per second; shared by the M4 family)',
        url: 'https://www.apple.com/newsroom/2024/05/apple-introduces-m4-chip/',
        verified: CHECKED,
      },
      'compute.peak': {
        kind: 'estimate',
        ref: 'GPU FP32 peak estimated from the core count (Apple publishes no TFLOP/s figure)',
        verified: CHECKED,
        notes:
          "40 GPU cores × 128 FP32 lanes × 2 FLOP (FMA) × ≈1.58 GHz ≈ 16.2 TFLOP/s; Apple GPUs run FP16 at the FP32 rate. Same method as the original's MacBookM3Max estimate (14.2 TFLOP/s).",
      },
    },
    notes:
      'int8 is the 16-core Neural Engine; peak is the GPU. Apple\'s "128GB" of unified memory is 128 GiB of LPDDR5X, as the original\'s MacBookM3Max has it. Apple publishes no TDP for the chip.',
  },
  {
    id: 'Snapdragon8Elite',
    name: 'Snapdragon 8 Elite',
    aliases: ['Snapdragon 8 Elite', 'SM8750'],
    vendor: 'Qualcomm',
    tier: 'mobile',
    releaseYear: 2024,
    compute: { peak: '65 TOPS' },
    memory: { capacity: '12 GB', bandwidth: '84.8 GB/s', technology: 'LPDDR5X-5300' },
    provenance: {
      kind: 'datasheet',
      ref: 'Qualcomm Snapdragon 8 Elite Mobile Platform product page (Oryon CPU up to 4.32 GHz, Hexagon NPU 45% faster than Snapdragon 8 Gen 3, LPDDR5X up to 5300 MHz, up to 24 GB)',
      url: 'https://www.qualcomm.com/smartphones/products/8-series/snapdragon-8-elite-mobile-platform',
      verified: CHECKED,
    },
    sources: {
      'compute.peak': {
        kind: 'estimate',
        ref: "NPU peak estimated from Qualcomm's relative claim (Qualcomm publishes no TOPS figure)",
        verified: CHECKED,
        notes:
          "The original's Snapdragon8Gen3 estimate (45 TOPS) × Qualcomm's stated 1.45× NPU speed-up ≈ 65 TOPS.",
      },
      'memory.bandwidth': {
        kind: 'derived',
        ref: 'LPDDR5X at 5300 MHz (10,600 MT/s) on a 64-bit bus',
        verified: CHECKED,
        notes: '10.6e9 transfers/s × 8 B = 84.8 GB/s.',
      },
      'memory.capacity': {
        kind: 'convention',
        ref: "A 12 GB flagship phone, as for the original's Snapdragon8Gen3 (the SoC supports up to 24 GB)",
        verified: CHECKED,
      },
    },
    notes: 'Phone power is not published per SoC and is left out.',
  },
]
