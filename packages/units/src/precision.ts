/**
 * Numeric precisions and their storage size. fp4/int4 pack two values per byte.
 */
import { UnitError } from './errors.js'

export const PRECISION_BYTES = Object.freeze({
  fp32: 4,
  tf32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  fp4: 0.5,
  int4: 0.5,
})

export type Precision = keyof typeof PRECISION_BYTES

export const PRECISIONS = Object.freeze(Object.keys(PRECISION_BYTES) as Precision[])

/** Spellings found in configs and papers, mapped to the canonical key. */
const ALIASES: Readonly<Record<string, Precision>> = {
  float32: 'fp32',
  float: 'fp32',
  single: 'fp32',
  bfloat16: 'bf16',
  float16: 'fp16',
  half: 'fp16',
  float8: 'fp8',
  e4m3: 'fp8',
  e5m2: 'fp8',
  float4: 'fp4',
  nvfp4: 'fp4',
  mxfp4: 'fp4',
}

export function isPrecision(name: string): name is Precision {
  return Object.hasOwn(PRECISION_BYTES, name)
}

/** Canonical precision key for a name ("FP16", "bfloat16", "int8"); an unknown name is an error listing the valid ones. */
export function resolvePrecision(name: string): Precision {
  const key = typeof name === 'string' ? name.trim().toLowerCase() : ''
  if (isPrecision(key)) return key
  const alias = ALIASES[key]
  if (alias) return alias
  throw new UnitError(
    `unknown precision ${JSON.stringify(name)}; valid precisions are ${PRECISIONS.join(', ')}`,
    name,
    PRECISIONS.join(' | '),
  )
}

/** Bytes per element of a precision (0.5 for 4-bit formats). */
export function bytesPerElement(name: string): number {
  return PRECISION_BYTES[resolvePrecision(name)]
}
