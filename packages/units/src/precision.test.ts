import { describe, expect, it } from 'vitest'
import { bytesPerElement, PRECISIONS, resolvePrecision } from './precision.js'

describe('precisions', () => {
  it.each([
    ['fp32', 4],
    ['tf32', 4],
    ['bf16', 2],
    ['fp16', 2],
    ['fp8', 1],
    ['int8', 1],
    ['fp4', 0.5],
    ['int4', 0.5],
  ])('%s is %d bytes', (name, bytes) => {
    expect(bytesPerElement(name)).toBe(bytes)
  })

  it('normalizes case and common spellings', () => {
    expect(resolvePrecision('FP16')).toBe('fp16')
    expect(resolvePrecision(' bfloat16 ')).toBe('bf16')
    expect(resolvePrecision('half')).toBe('fp16')
    expect(resolvePrecision('e4m3')).toBe('fp8')
  })

  it('rejects an unknown precision and lists the valid ones', () => {
    expect(() => bytesPerElement('fp12')).toThrowError(
      'unknown precision "fp12"; valid precisions are fp32, tf32, bf16, fp16, fp8, int8, fp4, int4',
    )
    expect(PRECISIONS).toHaveLength(8)
  })
})
