/**
 * Lowering: a workload at a precision → the hardware-agnostic summary the solvers use
 * (operations, parameters, weight bytes, layers, arithmetic intensity).
 *
 * The rules are the original's, exactly, because the conformance cases were computed with them:
 * - a workload with `modelSize` and no `parameters` (DLRM) weighs `modelSize` bytes whatever
 *   the precision, counts 0 parameters, and does `inferenceFlops ?? 0` operations;
 * - otherwise weights = parameters × bytes per element, and operations = `inferenceFlops`,
 *   falling back to 2 × parameters (2 × active parameters for MoE, whose weights still count
 *   every expert);
 * - diffusion: `inferenceFlops` is one denoising step, so operations = per step × steps, and
 *   layers are not reported;
 * - only transformer, MoE, SSM and CNN-like families report layers.
 * Intensity = operations / weight bytes (FLOP per byte of weights read once).
 */
import { bytesPerElement } from '@mlsysim/units'
import type { Workload } from './schema.js'

export interface LoweredWorkload {
  /** FLOP of one unit of work (see the workload's `flopConvention`); diffusion: all steps. */
  totalOps: number
  parameterCount: number
  weightBytes: number
  layers: number | undefined
  /** totalOps / weightBytes, FLOP per byte. */
  arithmeticIntensity: number
}

/** Bytes per element from a precision name ("fp16", "bf16", "int4") or a positive number of bytes. */
export function resolveBytesPerElement(precision: string | number): number {
  if (typeof precision === 'number') {
    if (!Number.isFinite(precision) || precision <= 0) {
      throw new RangeError(
        `precision ${precision} bytes per element is not allowed: must be a finite number > 0`,
      )
    }
    return precision
  }
  return bytesPerElement(precision)
}

/** Families whose lowering reports `layers` (the original's Transformer, MoE, SSM and CNN types). */
const REPORTS_LAYERS = new Set(['transformer', 'moe', 'ssm', 'cnn', 'tinyml'])

export function lower(workload: Workload, precision: string | number = 'fp16'): LoweredWorkload {
  const bpe = resolveBytesPerElement(precision)
  const { parameters, modelSize, inferenceFlops } = workload
  if (parameters === undefined) {
    if (modelSize === undefined) {
      throw new Error(
        `workload '${workload.id}' has neither parameters nor modelSize, so it cannot be lowered`,
      )
    }
    const ops = inferenceFlops ?? 0
    return {
      totalOps: ops,
      parameterCount: 0,
      weightBytes: modelSize,
      layers: undefined,
      arithmeticIntensity: modelSize > 0 ? ops / modelSize : 0,
    }
  }
  const weightBytes = parameters * bpe
  const computeParameters = workload.family === 'moe' ? workload.activeParameters : parameters
  const perUnit = inferenceFlops ?? 2 * computeParameters
  const totalOps = workload.family === 'diffusion' ? perUnit * workload.denoisingSteps : perUnit
  return {
    totalOps,
    parameterCount: parameters,
    weightBytes,
    layers: REPORTS_LAYERS.has(workload.family) ? workload.layers : undefined,
    arithmeticIntensity: totalOps / weightBytes,
  }
}
