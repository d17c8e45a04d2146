/**
 * Keys of a chip's per-precision peak table. The dense formats match @mlsysim/units'
 * PRECISIONS; the rest are what datasheets quote besides them: 2:4 structured-sparse rates
 * (`*_sparse`), FP32 on CUDA cores rather than tensor cores (`fp32_cuda`), FP64, FP6 and
 * microscaling integer formats. A closed list, so a typo ("fp8_sprase") is an error.
 */
import { z } from 'zod'

const DENSE = ['fp64', 'fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp6', 'fp4', 'int8', 'int4'] as const

export const PRECISION_KEYS = [
  ...DENSE,
  'fp64_tensor',
  'fp32_cuda',
  'mxint4',
  'tf32_sparse',
  'bf16_sparse',
  'fp16_sparse',
  'fp8_sparse',
  'fp6_sparse',
  'fp4_sparse',
  'int8_sparse',
  'int4_sparse',
] as const

export type PrecisionKey = (typeof PRECISION_KEYS)[number]

export const precisionKeySchema = z.enum(PRECISION_KEYS)

export function isPrecisionKey(name: string): name is PrecisionKey {
  return (PRECISION_KEYS as readonly string[]).includes(name)
}
