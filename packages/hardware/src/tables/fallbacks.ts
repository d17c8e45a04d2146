/**
 * The hardware figures the original's solvers fall back to when an entry lacks a field
 * (mlsysim.md §2.0 and §2.3), kept here beside the catalog so a solver and its documentation
 * cite one number: storage 1 GB/s (checkpointing), scale-out link 100 GB/s (weight streaming),
 * PCIe 64 GB/s (offload path), intra-node α 500 ns (NVLink), inter-node α 5 µs (InfiniBand NDR),
 * and the H100 FP16 peak used to turn GPU-days into FLOP.
 */
import { deepFreeze, quantitySchema } from '@mlsysim/units'
import { parseEntry } from '../errors.js'
import { sourcedGroup } from './sourced-group.js'

export const fallbacksSchema = sourcedGroup({
  storageBandwidth: quantitySchema('bytesPerSecond', { positive: true }),
  interconnectBandwidth: quantitySchema('bytesPerSecond', { positive: true }),
  pcieBandwidth: quantitySchema('bytesPerSecond', { positive: true }),
  intraNodeLatency: quantitySchema('seconds', { positive: true }),
  interNodeLatency: quantitySchema('seconds', { positive: true }),
  referencePeak: quantitySchema('flopPerSecond', { positive: true }),
})

export type Fallbacks = ReturnType<typeof fallbacksSchema.parse>

export const fallbacks: Fallbacks = deepFreeze(
  parseEntry(
    fallbacksSchema,
    {
      storageBandwidth: '1 GB/s',
      interconnectBandwidth: '100 GB/s',
      pcieBandwidth: '64 GB/s',
      intraNodeLatency: '500 ns',
      interNodeLatency: '5 us',
      referencePeak: '989 TFLOP/s',
      provenance: {
        kind: 'convention',
        ref: 'mlsysim 0.1.2 engine/calibration.py @32253d9 (FALLBACK_STORAGE/INTERCONNECT/PCIE_BANDWIDTH_GB_S, REFERENCE_HARDWARE_TFLOPS) and engine/solvers/utils.py latency fallbacks',
        verified: '2026-11-27',
      },
    },
    'fallback table',
  ),
)
