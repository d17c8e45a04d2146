/**
 * Which peak FLOP/s a precision runs at on a chip. The original reads the precision's own
 * entry and otherwise the chip's headline peak (dense FP16/BF16). With the physically
 * correct default, fp32 without its own entry falls back to the CUDA-core FP32 figure
 * (`fp32_cuda`) rather than the tensor-core FP16 peak.
 */
import type { Chip } from '@mlsysim/hardware'
import type { Precision } from '@mlsysim/units'
import type { Fidelity } from '../solver/fidelity.js'

export interface PeakChoice {
  readonly peak: number
  /** The precision key the peak was read from ("peak" for the headline figure). */
  readonly source: string
}

export function peakForPrecision(chip: Chip, precision: Precision, fidelity: Fidelity): PeakChoice {
  const precisions = chip.compute.precisions as Partial<Record<string, number>>
  const own = precisions[precision]
  if (own !== undefined) return { peak: own, source: precision }
  if (fidelity === 'default' && precision === 'fp32' && precisions.fp32_cuda !== undefined) {
    return { peak: precisions.fp32_cuda, source: 'fp32_cuda' }
  }
  return { peak: chip.compute.peak, source: 'peak' }
}

/**
 * The trace line of a precision that runs at the headline (FP16/BF16) peak because the chip
 * lists no peak of its own for it (`headline`: `peakForPrecision` answered with source
 * "peak"); undefined otherwise, and for 16-bit precisions, whose peak the headline is.
 */
export function headlinePeakNote(chip: Chip, precision: Precision, headline: boolean): string | undefined {
  if (!headline || precision === 'fp16' || precision === 'bf16') return undefined
  return `Precision ${precision} has no listed peak on ${chip.name}; using the headline FP16 peak.`
}
