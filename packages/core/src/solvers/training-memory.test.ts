import { getWorkload } from '@mlsysim/workloads'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { around, boundInputs, expectInputError } from '../../test/solver-fixtures.js'
import { solve } from '../solver/solve.js'
import { expertParametersOf, type TrainingMemoryResult, trainingMemory } from './training-memory.js'

const run = (input: Record<string, unknown>, fidelity: 'default' | 'mlsysim-0.1.2' = 'default') =>
  solve(
    'training-memory',
    { workload: 'Llama2_7B', hardware: 'H100', batchSize: 64, seqLen: 2048, ...input },
    { fidelity },
  ) as TrainingMemoryResult

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('training-memory: input errors', () => {
  const base = { workload: 'Llama2_7B', hardware: 'H100', batchSize: 8 }
  it('names the field, the value and what is allowed', () => {
    expectInputError('training-memory', { ...base, batchSize: 0 }, 'batchSize', /≥ 1.*got 0/)
    expectInputError(
      'training-memory',
      { workload: 'Llama2_7B', hardware: 'H100' },
      'batchSize',
      /whole number/,
    )
    expectInputError('training-memory', { ...base, zeroStage: 5 }, 'zeroStage', /≥ 0 and ≤ 3.*got 5/)
    expectInputError('training-memory', { ...base, optimizer: 'lion' }, 'optimizer', /adam, adamw, sgd, none/)
    expectInputError(
      'training-memory',
      { ...base, activationCheckpointing: 'partial' },
      'activationCheckpointing',
      /none, selective, full/,
    )
    expectInputError('training-memory', { ...base, tpSize: 0 }, 'tpSize', /≥ 1/)
    expectInputError('training-memory', { ...base, trainableFraction: 1.5 }, 'trainableFraction', /≤ 1/)
    expectInputError('training-memory', { ...base, precision: 'fp12' }, 'precision', /fp12/)
  })

  it('rejects workloads without transformer layers', () => {
    expectInputError(
      'training-memory',
      { ...base, workload: 'ResNet50' },
      'workload',
      /cnn workload; training memory is modeled for transformer and moe/,
    )
  })

  it('accepts optimizer names in any case', () => {
    expect(run({ optimizer: 'AdamW' }).optimizer).toBe('adamw')
  })
})

describe('training-memory: default model, hand-derived', () => {
  it('TP 4 with sequence parallelism divides the activations by 4; the original does not', () => {
    // Llama-2-7B, b = 64, s = 2048, selective: 34·s·b·h·L = 34 × 2048 × 64 × 4096 × 32 B
    const full = 34 * 2048 * 64 * 4096 * 32
    expect(run({ tpSize: 4 }, 'mlsysim-0.1.2').activationsBytes).toBe(full)
    expect(run({ tpSize: 4 }).activationsBytes).toBe(full / 4)
    // full recomputation keeps the 2·s·b·h layer inputs whole in both (Korthikanti Table 2)
    expect(run({ tpSize: 4, activationCheckpointing: 'full' }).activationsBytes).toBe(
      2 * 2048 * 64 * 4096 * 32,
    )
  })

  it('a 1F1B stage holds min(PP, GA) microbatches of activations on ⌈L/PP⌉ layers', () => {
    // PP 4, GA 8, DP 1: microbatch ⌈64/8⌉ = 8 samples, 8 layers per stage, 4 in flight
    const r = run({ ppSize: 4, gradientAccumulationSteps: 8 })
    expect(r.microbatch).toBe(8)
    expect(r.layersPerStage).toBe(8)
    expect(r.activationsBytes).toBe(34 * 2048 * 8 * 4096 * 8 * 4)
    // the original: one microbatch in flight
    expect(run({ ppSize: 4, gradientAccumulationSteps: 8 }, 'mlsysim-0.1.2').activationsBytes).toBe(
      34 * 2048 * 8 * 4096 * 8,
    )
    // pipeline buffers 2·b·s·h·2 B ÷ TP (1 here) on top of 5% of the gradients
    expect(rel(r.buffersBytes, 0.05 * r.gradientsBytes + 2 * 8 * 2048 * 4096 * 2)).toBeLessThan(1e-12)
  })

  it('fp32 training keeps no separate master copy: Adam 8 B/param, SGD 0', () => {
    // 7e9 parameters: default Adam fp32 8 B → 56 GB; the original counts 12 B → 84 GB
    expect(rel(run({ precision: 'fp32' }).optimizerBytes, 7e9 * 8)).toBeLessThan(1e-12)
    expect(rel(run({ precision: 'fp32' }, 'mlsysim-0.1.2').optimizerBytes, 7e9 * 12)).toBeLessThan(1e-12)
    expect(run({ precision: 'fp32', optimizer: 'sgd' }).optimizerBytes).toBe(0)
    expect(rel(run({ precision: 'bf16', optimizer: 'sgd' }).optimizerBytes, 7e9 * 4)).toBeLessThan(1e-12)
  })

  it('expert parallelism shards only the experts of Mixtral-8x7B', () => {
    // P = 46.7e9, active 12.9e9, 8 experts, top-2: p_e = (46.7 − 12.9)e9 / 6 = 5.6333e9,
    // experts 8·p_e = 45.0667e9, shared 1.6333e9.
    const mixtral = getWorkload('Mixtral_8x7B')
    const experts = expertParametersOf(mixtral)
    expect(rel(experts, (8 * (46.7e9 - 12.9e9)) / 6)).toBeLessThan(1e-12)
    const r = solve('training-memory', {
      workload: 'Mixtral_8x7B',
      hardware: 'H100',
      batchSize: 8,
      epSize: 8,
    }) as TrainingMemoryResult
    expect(rel(r.parametersPerRank, 46.7e9 - experts + experts / 8)).toBeLessThan(1e-12)
    const o = solve(
      'training-memory',
      { workload: 'Mixtral_8x7B', hardware: 'H100', batchSize: 8, epSize: 8 },
      { fidelity: 'mlsysim-0.1.2' },
    ) as TrainingMemoryResult
    expect(rel(o.parametersPerRank, 46.7e9 / 8)).toBeLessThan(1e-12)
    expect(expertParametersOf(getWorkload('Llama2_7B'))).toBe(0)
  })

  it('reports feasibility against the chip capacity', () => {
    const small = run({ tpSize: 8, ppSize: 4, dpSize: 8, zeroStage: 3, batchSize: 8 })
    expect(small.feasible).toBe(true)
    expect(small.bindingConstraint).toBe('none')
    expect(rel(small.utilization, small.totalBytes / (80 * 2 ** 30))).toBeLessThan(1e-12)
    const big = run({ workload: 'Llama3_70B' })
    expect(big.feasible).toBe(false)
    expect(big.bindingConstraint).toBe('memory capacity')
    expect(big.constraintTrace.join(' ')).toMatch(/Memory Wall: FAILED/)
  })
})

describe('training-memory: properties', () => {
  const arb = fc.record({
    tp: fc.constantFrom(1, 2, 4, 8),
    pp: fc.constantFrom(1, 2, 4),
    dp: fc.constantFrom(1, 2, 8, 64),
    ep: fc.constantFrom(1, 2, 8),
    zero: fc.constantFrom(0, 1, 2),
    ga: fc.constantFrom(1, 2, 8),
    strategy: fc.constantFrom('none', 'selective', 'full'),
    workload: fc.constantFrom('Llama2_7B', 'Mixtral_8x7B', 'GPT3'),
    fidelity: fc.constantFrom('default' as const, 'mlsysim-0.1.2' as const),
  })

  it('a higher ZeRO stage never raises per-rank memory; every term is ≥ 0', () => {
    fc.assert(
      fc.property(arb, (x) => {
        const input = {
          workload: x.workload,
          tpSize: x.tp,
          ppSize: x.pp,
          dpSize: x.dp,
          epSize: x.ep,
          gradientAccumulationSteps: x.ga,
          activationCheckpointing: x.strategy,
        }
        const lower = run({ ...input, zeroStage: x.zero }, x.fidelity)
        const higher = run({ ...input, zeroStage: x.zero + 1 }, x.fidelity)
        expect(higher.totalBytes).toBeLessThanOrEqual(lower.totalBytes)
        for (const key of [
          'weightsBytes',
          'gradientsBytes',
          'optimizerBytes',
          'activationsBytes',
          'buffersBytes',
        ] as const) {
          expect(lower[key]).toBeGreaterThanOrEqual(0)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('more tensor parallelism never raises per-rank memory', () => {
    fc.assert(
      fc.property(arb, (x) => {
        const input = {
          workload: x.workload,
          ppSize: x.pp,
          dpSize: x.dp,
          zeroStage: x.zero,
          activationCheckpointing: x.strategy,
        }
        expect(run({ ...input, tpSize: 2 * x.tp }, x.fidelity).totalBytes).toBeLessThanOrEqual(
          run({ ...input, tpSize: x.tp }, x.fidelity).totalBytes,
        )
      }),
      { numRuns: 40 },
    )
  })
})

describe('training-memory: scalar = interpreter = columnar; derivatives = finite differences', () => {
  for (const fidelity of ['default', 'mlsysim-0.1.2'] as const) {
    it(fidelity, () => {
      const base = boundInputs(
        trainingMemory,
        { workload: 'Mixtral_8x7B', hardware: 'H100', batchSize: 64, epSize: 2 },
        fidelity,
      )
      expectBackendsAgree(
        trainingMemory.model,
        around(base, {
          batchSize: fc.integer({ min: 1, max: 4096 }),
          seqLen: fc.integer({ min: 1, max: 32768 }),
          tpSize: fc.integer({ min: 1, max: 16 }),
          ppSize: fc.integer({ min: 1, max: 16 }),
          dpSize: fc.integer({ min: 1, max: 512 }),
          epSize: fc.integer({ min: 1, max: 8 }),
          zeroStage: fc.integer({ min: 0, max: 3 }),
          gradientAccumulationSteps: fc.integer({ min: 1, max: 16 }),
          trainableFraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
          communicationBufferFraction: positive(1e-4, 0.2),
          activationsSplitByTp: fc.constantFrom(0, 1),
          activationQuadratic: fc.constantFrom(0, 5),
        }),
        {
          smooth: ['trainableFraction', 'communicationBufferFraction', 'seqLen'],
          differentiable: [
            'weightsBytes',
            'gradientsBytes',
            'optimizerBytes',
            'activationsBytes',
            'buffersBytes',
            'totalBytes',
            'utilization',
          ],
        },
      )
    })
  }
})
