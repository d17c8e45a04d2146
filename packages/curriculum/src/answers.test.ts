// Numeric predictions' answers computed with @mlsysim/core's real solver, checked against
// hand derivations from the catalog figures.
import { listSolvers, solve } from '@mlsysim/core'
import { describe, expect, it } from 'vitest'
import { AnswerError, computeNumericAnswer, withinTolerance } from './answers.js'
import { course } from './data/index.js'
import type { NumericPrediction } from './schema/index.js'

function numeric(labId: string, partId: string): NumericPrediction {
  const p = course.labs.find((l) => l.id === labId)!.parts.find((x) => x.id === partId)!.prediction!
  if (p.kind !== 'numeric') throw new Error(`${labId} ${partId} is not numeric`)
  return p
}

const solveFn = (id: string, input: unknown) => solve(id, input)

describe('computed answers', () => {
  it('V1-02 A: Llama-3-8B decode A100 → H100 speeds up by about the HBM bandwidth ratio', () => {
    // Traffic per token = W + 0.1·W·B = 16.06 GB × 1.1 = 17.666 GB; overhead = dispatch + 32 layers × 0.01 ms.
    // A100: 17.666 GB / 2.039 TB/s = 8.664 ms + 0.015 ms + 0.32 ms = 8.999 ms.
    // H100: 17.666 GB / 3.35 TB/s = 5.273 ms + 0.010 ms + 0.32 ms = 5.603 ms → 1.606×.
    const answer = computeNumericAnswer(numeric('v1_02_physics_of_deployment', 'A'), solveFn)
    expect(answer).toBeCloseTo(1.606, 2)
    // The compute ratio (989/312 ≈ 3.2×) is far off: the memory wall is the lesson.
    expect(answer).toBeLessThan(2)
  })

  it('V2-10 B: one 128K-token request to Llama-2-70B holds 42.95 GB of KV cache', () => {
    // 2 (K,V) × 80 layers × 8 KV heads × 128 head dim × 131,072 tokens × 1 request × 2 B = 42,949,672,960 B.
    const prediction = numeric('v2_10_inference_economy', 'B')
    expect(computeNumericAnswer(prediction, solveFn)).toBeCloseTo(42.94967296, 6)
    // The plan's 320 GB (all 64 heads) is not accepted within the 10% tolerance.
    expect(withinTolerance(prediction, 42.95, 320)).toBe(false)
    expect(withinTolerance(prediction, 42.95, 45)).toBe(true)
  })

  it('V1-10 B: 90% unstructured sparsity gives no speedup on an H100', () => {
    const prediction = numeric('v1_10_compression_paradox', 'B')
    // Unstructured zeros still occupy dense kernels: speedup 1.
    expect(computeNumericAnswer(prediction, solveFn)).toBe(1)
    expect(withinTolerance(prediction, 1, 10)).toBe(false)
  })

  it('every computed answer runs a solver the core has', () => {
    const ids = new Set(listSolvers().map((s) => s.id))
    const runs = course.labs.flatMap((l) =>
      l.parts.flatMap((p) =>
        p.prediction?.kind === 'numeric' && p.prediction.compute
          ? [
              p.prediction.compute.run,
              ...(p.prediction.compute.divideBy ? [p.prediction.compute.divideBy] : []),
            ]
          : [],
      ),
    )
    expect(runs.map((r) => r.solver).filter((s) => !ids.has(s))).toEqual([])
  })

  it('converts base units to the prediction’s unit and ratios to percent', () => {
    const fake = (id: string) => ({ out: id === 'a' ? 3e9 : 1.5e9 })
    const base: NumericPrediction = {
      kind: 'numeric',
      prompt: 'p',
      unit: 'GB',
      tolerancePct: 5,
      compute: { run: { solver: 'a', input: {}, output: 'out' } },
    }
    expect(computeNumericAnswer(base, fake)).toBe(3)
    expect(
      computeNumericAnswer(
        {
          ...base,
          unit: '%',
          compute: { run: base.compute!.run, divideBy: { solver: 'b', input: {}, output: 'out' } },
        },
        fake,
      ),
    ).toBe(200)
    expect(computeNumericAnswer({ ...base, compute: undefined, value: 7 }, fake)).toBe(7)
  })

  it('refuses non-numeric outputs and unconvertible units', () => {
    const base: NumericPrediction = {
      kind: 'numeric',
      prompt: 'p',
      unit: 'GB',
      tolerancePct: 5,
      compute: { run: { solver: 's', input: {}, output: 'missing' } },
    }
    expect(() => computeNumericAnswer(base, () => ({}))).toThrow(AnswerError)
    expect(() => computeNumericAnswer(base, () => ({}))).toThrow(
      "solver 's' returned undefined for output 'missing'",
    )
    expect(() =>
      computeNumericAnswer(
        { ...base, unit: 'km', compute: { run: { ...base.compute!.run, output: 'x' } } },
        () => ({ x: 1 }),
      ),
    ).toThrow("cannot convert a solver result to 'km'")
  })
})
