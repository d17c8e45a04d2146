/**
 * Compression (wall 13, Fidelity): the original's CompressionModel — the size, speed and
 * accuracy trade of quantization and pruning.
 *
 * Quantization to b bits from a b₀-bit baseline: ratio r = b₀/b. Accuracy delta from survey
 * medians (Gholami et al. 2021): 0 at ≥ 16 bits, the FP8 figure at 8 bits, the INT4 figure
 * from 4 to 15 bits, the sub-INT4 figure below. A memory-bound model (at the baseline, by
 * the roofline of its weights) speeds up r×; a compute-bound one by the chip's low-precision
 * peak over the baseline peak (at most r), or not at all without such a path.
 *
 * Pruning to sparsity s: r = 1/(1 − s) (100 at s = 1). Accuracy −0.1% up to 50% sparsity,
 * then −0.01·e^{2s} (Blalock et al. 2020). Structured sparsity speeds up r×; 2:4 (n_m) 2× at
 * 50% sparsity; unstructured saves storage only. Distillation is a no-op here.
 *
 * The original 0.1.2 (fidelity 'mlsysim-0.1.2') always measures from FP32, compares the
 * low-precision peak with the headline (FP16) peak, and finds no 16-bit path (the registry
 * lists FP16 as the headline, not as a precision entry); the default measures from
 * `baselinePrecision`, compares peaks at that precision, and reads 16 bits at the headline.
 */
import { bytesPerElement, type Precision, type Sourced } from '@mlsysim/units'
import { lower } from '@mlsysim/workloads'
import { z } from 'zod'
import { QUANT_ACCURACY_DELTA } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { memoryBound } from '../physics/roofline.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import { hardwareField, integerField, numberField, precisionField, workloadField } from '../solver/fields.js'
import { FULL_SPARSITY_RATIO, N_M_SPARSITY, PRUNING_ACCURACY } from './node-constants.js'
import { peakForPrecision } from './peak-for-precision.js'
import { bytesText } from './trace-format.js'

export const COMPRESSION_METHODS = ['quantization', 'pruning', 'distillation'] as const
export const SPARSITY_TYPES = ['unstructured', 'structured', 'n_m'] as const

export const compressionInput = z.strictObject({
  workload: workloadField(),
  hardware: hardwareField(),
  method: z
    .enum(COMPRESSION_METHODS, { error: 'must be quantization, pruning or distillation' })
    .default('quantization'),
  /** Bits per weight after quantization. */
  targetBitwidth: integerField({ min: 1, max: 64 }).default(8),
  /** Fraction of weights removed by pruning, in [0, 1]. */
  sparsity: numberField({ min: 0, max: 1 }).default(0),
  sparsityType: z
    .enum(SPARSITY_TYPES, { error: 'must be unstructured, structured or n_m' })
    .default('unstructured'),
  /** Precision the sizes and speedups are measured from. */
  baselinePrecision: precisionField().default('fp32'),
})
export type CompressionInput = z.output<typeof compressionInput>

const FP32: Precision = 'fp32'

const model = defineModel('compression', (b) => {
  const quantization = b.input('quantization', 'count', { symbol: '\\text{quant}' }).gt(0)
  const pruning = b.input('pruning', 'count', { symbol: '\\text{prune}' }).gt(0)
  const structured = b.input('structured', 'count', { symbol: '\\text{struct}' }).gt(0)
  const nm = b.input('nmSparsity', 'count', { symbol: '\\text{2:4}' }).gt(0)
  const bits = b.input('targetBitwidth', 'count', { symbol: 'b' })
  const baselineBits = b.input('baselineBits', 'count', { symbol: 'b_0' })
  const sparsity = b.input('sparsity', 'count', { symbol: 's' })
  const originalSize = b.input('originalSize', 'bytes', { symbol: 'W_0' })
  const ops = b.input('operations', 'flop', { symbol: '\\text{OPs}' })
  const peak = b.input('baselinePeak', 'flopPerSecond', { symbol: 'R_0' })
  const lowPeak = b.input('lowPrecisionPeak', 'flopPerSecond', {
    symbol: 'R_b',
    description: '0 = no such path',
  })
  const bandwidth = b.input('memoryBandwidth', 'bytesPerSecond', { symbol: 'BW' })
  const one = b.constant(1)

  const c = (name: string, value: Sourced, symbol: string) => sourcedConstant(b, name, value, 'count', symbol)
  const memBound = memoryBound.fragment(b, { ops, bytes: originalSize, peak, bandwidth }).gt(0)

  const quantRatio = baselineBits.div(bits)
  const quantDelta = b.select(
    bits.ge(16),
    0,
    b.select(
      bits.eq(8),
      c('QUANT_ACCURACY_DELTA_FP8', QUANT_ACCURACY_DELTA.fp8, '\\Delta_{fp8}'),
      b.select(
        bits.ge(4),
        c('QUANT_ACCURACY_DELTA_INT4', QUANT_ACCURACY_DELTA.int4, '\\Delta_{int4}'),
        c('QUANT_ACCURACY_DELTA_SUB_INT4', QUANT_ACCURACY_DELTA.subInt4, '\\Delta_{<4}'),
      ),
    ),
  )
  const quantSpeedup = b.select(
    memBound,
    quantRatio,
    b.select(lowPeak.gt(b.constant(0, 'flopPerSecond')), lowPeak.div(peak).min(quantRatio), one),
  )

  const pruneRatio = b.select(
    sparsity.lt(1),
    one.div(one.sub(sparsity)),
    c('FULL_SPARSITY_RATIO', FULL_SPARSITY_RATIO, 'r_{max}'),
  )
  const pruneDelta = b.select(
    sparsity.le(c('PRUNING_ACCURACY_THRESHOLD', PRUNING_ACCURACY.threshold, 's_0')),
    c('PRUNING_MILD_DELTA', PRUNING_ACCURACY.mildDelta, '\\Delta_{mild}'),
    c('PRUNING_STEEP_COEFFICIENT', PRUNING_ACCURACY.steepCoefficient, 'a')
      .mul(sparsity.mul(c('PRUNING_STEEP_EXPONENT', PRUNING_ACCURACY.steepExponent, 'k')).exp())
      .neg(),
  )
  const nmHit = sparsity
    .sub(c('N_M_SPARSITY', N_M_SPARSITY.sparsity, 's_{2:4}'))
    .abs()
    .lt(c('N_M_TOLERANCE', N_M_SPARSITY.tolerance, '\\epsilon'))
  const pruneSpeedup = b.select(
    structured,
    pruneRatio,
    b.select(nm.and(nmHit), c('N_M_SPEEDUP', N_M_SPARSITY.speedup, 'x_{2:4}'), one),
  )

  const ratio = b.let(
    'compressionRatio',
    b.select(quantization, quantRatio, b.select(pruning, pruneRatio, one)),
    {
      symbol: 'r',
    },
  )
  return {
    compressionRatio: ratio,
    originalSizeBytes: originalSize,
    compressedSizeBytes: originalSize.div(ratio),
    estimatedAccuracyDelta: b.select(quantization, quantDelta, b.select(pruning, pruneDelta, 0)),
    memorySavingsPct: one.sub(one.div(ratio)).mul(100),
    inferenceSpeedup: b.select(quantization, quantSpeedup, b.select(pruning, pruneSpeedup, one)),
    baselineMemoryBound: memBound,
  }
})

export interface CompressionResult extends SolverResultBase {
  readonly originalSizeBytes: number
  readonly compressedSizeBytes: number
  readonly compressionRatio: number
  /** Signed fraction: −0.005 is −0.5 percentage points of accuracy. */
  readonly estimatedAccuracyDelta: number
  /** (1 − 1/r)·100, percent. */
  readonly memorySavingsPct: number
  readonly inferenceSpeedup: number
  /** Whether the baseline is memory-bound (so quantization's speedup is the full ratio). */
  readonly baselineMemoryBound: boolean
  readonly method: (typeof COMPRESSION_METHODS)[number]
  readonly baselinePrecision: Precision
}

export const compression = defineGraphSolver({
  id: 'compression',
  title: 'Compression (quantization and pruning)',
  walls: [13],
  description: 'Size, speedup and estimated accuracy change of quantizing or pruning a workload on a device.',
  input: compressionInput,
  resultKeys: [
    'originalSizeBytes',
    'compressedSizeBytes',
    'compressionRatio',
    'estimatedAccuracyDelta',
    'memorySavingsPct',
    'inferenceSpeedup',
    'baselineMemoryBound',
    'method',
    'baselinePrecision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['sparsity'],
  bind(input, context) {
    const original = context.fidelity === ORIGINAL
    const baseline = original ? FP32 : input.baselinePrecision
    const chip = input.hardware
    const bits = input.targetBitwidth
    const key = bits <= 8 ? `int${bits}` : `fp${bits}`
    const listed = (chip.compute.precisions as Partial<Record<string, number>>)[key]
    // The registry's headline peak is dense FP16: the default reads 16 bits there (and 32 bits
    // as fp32), where the original finds no 'fp16' entry and assumes no faster path.
    const lowPrecisionPeak = original
      ? (listed ?? 0)
      : bits === 16
        ? chip.compute.peak
        : bits === 32
          ? peakForPrecision(chip, FP32, context.fidelity).peak
          : (listed ?? 0)
    const lowered = lower(input.workload, bytesPerElement(baseline))
    return {
      quantization: input.method === 'quantization' ? 1 : 0,
      pruning: input.method === 'pruning' ? 1 : 0,
      structured: input.sparsityType === 'structured' ? 1 : 0,
      nmSparsity: input.sparsityType === 'n_m' ? 1 : 0,
      targetBitwidth: bits,
      baselineBits: bytesPerElement(baseline) * 8,
      originalSize: lowered.weightBytes,
      operations: lowered.totalOps,
      baselinePeak: original ? chip.compute.peak : peakForPrecision(chip, baseline, context.fidelity).peak,
      lowPrecisionPeak,
      memoryBandwidth: chip.memory.bandwidth,
    }
  },
  finish(input, o, context): CompressionResult {
    const baseline = context.fidelity === ORIGINAL ? FP32 : input.baselinePrecision
    const what =
      input.method === 'quantization'
        ? `quantization to ${input.targetBitwidth} bits`
        : input.method === 'pruning'
          ? `${input.sparsityType} pruning at ${(input.sparsity * 100).toFixed(0)}% sparsity`
          : 'distillation (not modeled: no change)'
    return {
      originalSizeBytes: o.originalSizeBytes,
      compressedSizeBytes: o.compressedSizeBytes,
      compressionRatio: o.compressionRatio,
      estimatedAccuracyDelta: o.estimatedAccuracyDelta,
      memorySavingsPct: o.memorySavingsPct,
      inferenceSpeedup: o.inferenceSpeedup,
      baselineMemoryBound: o.baselineMemoryBound === 1,
      method: input.method,
      baselinePrecision: baseline,
      feasible: true,
      bindingConstraint: 'accuracy',
      constraintTrace: [
        `Fidelity Wall: ${what} of ${input.workload.name} from ${baseline}: ${bytesText(o.originalSizeBytes)} → ${bytesText(o.compressedSizeBytes)} (${o.compressionRatio.toPrecision(3)}×), ${o.inferenceSpeedup.toPrecision(3)}× faster on ${input.hardware.name} (${o.baselineMemoryBound === 1 ? 'memory' : 'compute'}-bound baseline), accuracy ${(o.estimatedAccuracyDelta * 100).toFixed(2)} points.`,
      ],
    }
  },
})
