import { describe, expect, it } from 'vitest'
import { getWorkload } from './catalog.js'
import { lower, resolveBytesPerElement } from './lower.js'
import { parseWorkload } from './validate.js'

const prov = { kind: 'convention', ref: 'test fixture', verified: '2026-11-27' } as const

describe('lower', () => {
  it('weights = parameters × bytes per element, for names and numbers', () => {
    const llama = getWorkload('Llama3_8B')
    expect(lower(llama, 'fp32').weightBytes).toBe(32.12e9)
    expect(lower(llama, 'int4').weightBytes).toBe(4.015e9)
    expect(lower(llama, 1).weightBytes).toBe(8.03e9)
    // fp16 by default, as in the original
    expect(lower(llama).weightBytes).toBe(16.06e9)
    expect(lower(llama, 'int8').arithmeticIntensity).toBe(2) // 16.06 GFLOP / 8.03 GB
  })

  it('falls back to 2 × parameters (2 × active for MoE) without a FLOP count', () => {
    const dense = parseWorkload({
      id: 'D',
      name: 'd',
      family: 'transformer',
      architecture: 'Transformer',
      provenance: prov,
      parameters: 1.7e9,
      layers: 24,
    })
    expect(lower(dense, 'bf16')).toEqual({
      totalOps: 3.4e9,
      parameterCount: 1.7e9,
      weightBytes: 3.4e9,
      layers: 24,
      arithmeticIntensity: 1,
    })
    const moe = parseWorkload({
      id: 'M',
      name: 'm',
      family: 'moe',
      architecture: 'MoE Transformer',
      provenance: prov,
      parameters: 100e9,
      activeParameters: 10e9,
      layers: 10,
      experts: 16,
      activeExpertsPerToken: 2,
    })
    const lowered = lower(moe, 'fp8')
    expect(lowered.totalOps).toBe(20e9) // 2 × 10B active
    expect(lowered.weightBytes).toBe(100e9) // all experts are resident
    expect(lowered.arithmeticIntensity).toBe(0.2)
  })

  it('multiplies diffusion per-step FLOP by the denoising steps, falling back to 2 × parameters per step', () => {
    const sd = parseWorkload({
      id: 'S',
      name: 's',
      family: 'diffusion',
      architecture: 'U-Net',
      provenance: prov,
      parameters: 1e9,
      denoisingSteps: 25,
      resolution: 1024,
    })
    expect(lower(sd, 'fp16').totalOps).toBe(50e9) // 2 × 1e9 × 25
    expect(lower(sd, 'fp16').layers).toBeUndefined()
  })

  it('uses modelSize when parameters are absent, whatever the precision', () => {
    const dlrm = getWorkload('DLRM')
    expect(lower(dlrm, 'fp32')).toEqual({
      totalOps: 0,
      parameterCount: 0,
      weightBytes: 100e9,
      layers: undefined,
      arithmeticIntensity: 0,
    })
    const sized = parseWorkload({
      id: 'R',
      name: 'r',
      family: 'generic',
      architecture: 'MLP',
      provenance: prov,
      modelSize: 1e9,
      inferenceFlops: 4e9,
    })
    expect(lower(sized, 'int8').arithmeticIntensity).toBe(4)
  })

  it('does not report layers for generic entries, as the original plain Workload does not', () => {
    const g = parseWorkload({
      id: 'G',
      name: 'g',
      family: 'generic',
      architecture: 'MLP',
      provenance: prov,
      parameters: 10,
      layers: 3,
    })
    expect(lower(g, 'fp16').layers).toBeUndefined()
  })

  it('rejects unknown precisions and non-positive sizes', () => {
    expect(() => lower(getWorkload('ResNet50'), 'fp12')).toThrow(
      /unknown precision "fp12"; valid precisions are fp32, tf32/,
    )
    expect(() => resolveBytesPerElement(0)).toThrow(
      'precision 0 bytes per element is not allowed: must be a finite number > 0',
    )
    expect(() => resolveBytesPerElement(Number.NaN)).toThrow(/not allowed/)
  })
})
