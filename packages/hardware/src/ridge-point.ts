/**
 * The roofline ridge point: the arithmetic intensity (FLOP/B) above which a kernel is
 * compute-bound on a chip. As in the original, a precision the chip does not list falls
 * back to its dense FP16/BF16 `peak`.
 */
import { resolvePrecision } from '@mlsysim/units'
import type { Chip } from './schema/chip.js'
import { isPrecisionKey, PRECISION_KEYS } from './schema/precision-keys.js'

/** Peak FLOP/s of a chip at a precision ("fp8", "FP16", "bfloat16", "fp16_sparse"). */
export function peakAt(chip: Chip, precision?: string): number {
  if (precision === undefined) return chip.compute.peak
  const key = precision.trim().toLowerCase()
  if (isPrecisionKey(key)) return chip.compute.precisions[key] ?? chip.compute.peak
  let canonical: string
  try {
    canonical = resolvePrecision(precision)
  } catch {
    throw new RangeError(
      `unknown precision ${JSON.stringify(precision)}; valid keys are ${PRECISION_KEYS.join(', ')}`,
    )
  }
  return chip.compute.precisions[canonical] ?? chip.compute.peak
}

/** FLOP per byte at which compute time equals memory time: peak / memory bandwidth. H100 FP16: 989e12 / 3.35e12 ≈ 295. */
export function ridgePoint(chip: Chip, precision?: string): number {
  return peakAt(chip, precision) / chip.memory.bandwidth
}
