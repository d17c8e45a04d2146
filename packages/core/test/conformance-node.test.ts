// Conformance of the node and serving solvers with the Python original's golden values
// (fixtures/conformance.json: tests/test_golden_regressions.py, tests/test_formulas.py and
// engine/empirical.py), plus the published comparisons of its accuracy page (reference §7.1)
// where they apply to the current engine. Exact values compare at a relative 1e-9 under the
// fidelity they were computed with; the empirical anchors' ranges must hold under both models.
import { readFileSync } from 'node:fs'
import { getWorkload, kvCacheBytesPerToken } from '@mlsysim/workloads'
import { describe, expect, it } from 'vitest'
import { calcBottleneck, type Fidelity, kvCacheSize, solve } from '../src/index.js'

interface ConformanceCase {
  id: string
  solver: string
  inputs: Record<string, unknown>
  expected: Record<string, unknown>
}

const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/conformance.json', import.meta.url), 'utf8'),
) as {
  cases: ConformanceCase[]
}
const byId = (id: string): ConformanceCase => {
  const found = cases.find((c) => c.id === id)
  if (!found) throw new Error(`conformance case ${id} is missing from the fixture`)
  return found
}

/** Fixture keys carry their unit; results are SI. */
const RESULT_KEY: Record<string, [string, number]> = {
  latency_ms: ['latency', 1e-3],
  throughput_per_s: ['throughput', 1],
  memoryFootprint_GB: ['memoryFootprint', 1e9],
  arithmeticIntensity_flop_per_byte: ['arithmeticIntensity', 1],
  mfu: ['mfu', 1],
  energy_J: ['energy', 1],
  ttft_ms: ['ttft', 1e-3],
  itl_ms: ['itl', 1e-3],
  kvCache_GB: ['kvCacheBytes', 1e9],
  weights_GB: ['weightBytes', 1e9],
  totalMemory_GB: ['totalMemoryBytes', 1e9],
  memoryUtilization: ['memoryUtilization', 1],
}

function expectRelative(actual: number, expected: number, what: string, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(
    tolerance,
  )
}

function checkCase(id: string, solverId: string, fidelity: Fidelity): Record<string, unknown> {
  const c = byId(id)
  const result = solve(solverId, c.inputs, { fidelity }) as Record<string, unknown>
  for (const [key, value] of Object.entries(c.expected)) {
    if (key === 'feasible' || key === 'overheadDominated') expect(result[key], key).toBe(value)
    else if (key === 'bottleneck') expect(result.bottleneck).toBe(String(value).toLowerCase())
    else {
      const mapped = RESULT_KEY[key]
      if (!mapped) throw new Error(`no mapping for fixture key ${key}`)
      const [name, scale] = mapped
      expectRelative(result[name] as number, (value as number) * scale, `${id} ${name}`)
    }
  }
  return result
}

const BOTH: readonly Fidelity[] = ['mlsysim-0.1.2', 'default']

describe('single-node golden values', () => {
  // ResNet-50 at fp16 on an A100 touches no quirk (fp16 has its own peak, the workload no
  // correction), so the default model reproduces the golden values too.
  for (const fidelity of BOTH) {
    it(`single-node/resnet50-a100-bs1 (${fidelity}), HFU = MFU, overhead-dominated`, () => {
      const r = checkCase('single-node/resnet50-a100-bs1', 'single-node', fidelity)
      // 8.2e9 / (312e12 × 0.5) = 52.56 µs of compute; 0.015 ms dispatch + 50 × 0.01 ms layer tax = 0.515 ms.
      expectRelative(r.latencyCompute as number, 8.2e9 / 156e12, 'latencyCompute')
      expectRelative(r.latencyOverhead as number, 0.515e-3, 'latencyOverhead')
      expect(r.hfu).toBe(r.mfu)
      expect(r.bottleneck).toBe('compute')
    })

    it(`single-node/resnet50-a100-bs32-intensity (${fidelity})`, () => {
      // 32 × 8.2e9 / (51.2e6 × (1 + 0.1 × 32)) = 262.4e9 / 215.04e6 = 1220.238 FLOP/B.
      checkCase('single-node/resnet50-a100-bs32-intensity', 'single-node', fidelity)
    })

    it(`single-node/resnet50-a100-bs8-training-footprint (${fidelity})`, () => {
      // 25.6e6 parameters × (2 weights + 2 gradients + 12 Adam) B = 409.6 MB.
      checkCase('single-node/resnet50-a100-bs8-training-footprint', 'single-node', fidelity)
    })
  }

  it('HFU is 4/3 MFU with full activation recomputation, capped at 1 (mlsysim-0.1.2)', () => {
    const r = solve(
      'single-node',
      {
        workload: 'ResNet50',
        hardware: 'A100',
        batchSize: 8,
        isTraining: true,
        activationRecomputation: true,
      },
      { fidelity: 'mlsysim-0.1.2' },
    )
    expectRelative(r.hfu, Math.min(1, (r.mfu * 4) / 3), 'hfu')
  })

  it('formula/bottleneck-intensity: calcBottleneck(1 TFLOP, 1 GB, 1 TFLOP/s, 1 GB/s)', () => {
    const c = byId('formula/bottleneck-intensity')
    const i = c.inputs as Record<string, number>
    const r = calcBottleneck(i.ops_flop!, i.bytes!, i.peak_flop_per_s!, i.bandwidth_B_per_s!)
    expect(r.arithmeticIntensity).toBe(c.expected.arithmeticIntensity_flop_per_byte)
  })
})

describe('serving and KV-cache golden values', () => {
  // Llama-3.1-8B at S = 2048 on an H100 is compute-bound in prefill and memory-bound in decode,
  // so the default rooflines give the original's numbers as well.
  for (const fidelity of BOTH) {
    it(`serving/llama3-8b-h100-s2048-b1 (${fidelity})`, () => {
      const r = checkCase('serving/llama3-8b-h100-s2048-b1', 'serving', fidelity)
      // TTFT: (2·8.03e9·2048 + 4·32·32·128·2048²) FLOP / (989e12 × 0.5) + 0.01 ms = 70.9704 ms.
      expectRelative(
        r.ttft as number,
        (2 * 8.03e9 * 2048 + 4 * 32 * 32 * 128 * 2048 ** 2) / 494.5e12 + 1e-5,
        'ttft',
      )
      // ITL: (16.06e9 + 2·32·8·128·2048·2) B / 3.35e12 B/s + 32 × 0.01 ms = 5.19416 ms.
      expectRelative(r.itl as number, (16.06e9 + 268435456) / 3.35e12 + 32e-5, 'itl')
    })
  }

  it('formula/kv-cache: 2·32·32·128·2048·1·2 B = 1 GiB', () => {
    const c = byId('formula/kv-cache')
    const i = c.inputs as Record<string, number>
    // The per-token size comes from @mlsysim/workloads: the original's Llama-2-7B is exactly this shape.
    const perToken = kvCacheBytesPerToken(getWorkload('Llama2_7B'), i.bytesPerElement!)
    expect(perToken).toBe(2 * i.layers! * i.kvHeads! * i.headDim! * i.bytesPerElement!)
    expect(kvCacheSize({ bytesPerToken: perToken, seqLen: i.seqLen!, batch: i.batch! })).toBe(
      c.expected.bytes,
    )
  })
})

describe('empirical anchors (engine/empirical.py): ranges hold under both models', () => {
  for (const fidelity of BOTH) {
    it(`anchor/resnet50-a100-training-bs256 (${fidelity}): 3200 img/s ± 10% (MLPerf Training v3.0)`, () => {
      const c = byId('anchor/resnet50-a100-training-bs256')
      const [low, high] = c.expected.throughput_per_s_range as [number, number]
      // 3 × 8.2e9 × 256 / (312e12 × 0.26) = 77.63 ms + 0.015 + 150 × 0.01 ms = 79.15 ms → 3234 img/s.
      const r = solve('single-node', c.inputs as never, { fidelity })
      expect(r.throughput).toBeGreaterThanOrEqual(low)
      expect(r.throughput).toBeLessThanOrEqual(high)
    })

    it(`anchor/llama3-8b-h100-itl (${fidelity}): ITL within NVIDIA NIM's 3–10 ms`, () => {
      const c = byId('anchor/llama3-8b-h100-itl')
      const [low, high] = c.expected.itl_ms_range as [number, number]
      const r = solve('serving', c.inputs as never, { fidelity })
      expect(r.itl * 1e3).toBeGreaterThanOrEqual(low)
      expect(r.itl * 1e3).toBeLessThanOrEqual(high)
    })

    it(`resnet50_h100_train_bs256 (${fidelity}): 5000 img/s ± 10% at η = 0.13 (MLPerf Training v3.1)`, () => {
      // 3 × 8.2e9 × 256 / (989e12 × 0.13) = 48.98 ms + 0.01 + 1.5 ms = 50.49 ms → 5070 img/s.
      const r = solve(
        'single-node',
        { workload: 'ResNet50', hardware: 'H100', batchSize: 256, isTraining: true, efficiency: 0.13 },
        { fidelity },
      )
      expect(r.throughput).toBeGreaterThanOrEqual(4500)
      expect(r.throughput).toBeLessThanOrEqual(5500)
    })
  }
})

describe('published comparisons (accuracy.qmd, MLPerf Inference v4.0 + vLLM; reference §7.1)', () => {
  it('ResNet-50 bs1 on A100: the page’s ~0.42 ms predates the 8.2 GFLOP and layer-tax changes', () => {
    // The current engine gives 0.5676 ms (golden pin); the page's +11% over the measured 0.38 ms
    // was computed with 4.1 GFLOP and no layer tax, so it does not apply to this engine.
    const r = solve('single-node', { workload: 'ResNet50', hardware: 'A100' })
    expectRelative(r.latency, 0.5675641025641026e-3, 'latency')
    expect(r.latency).toBeGreaterThan(0.42e-3)
    expect(r.overheadDominated).toBe(true)
  })

  for (const fidelity of BOTH) {
    it(`Llama-3-8B on H100 (${fidelity}): bs1 ITL in the measured 5–8 ms, bs1 TTFT in 30–80 ms`, () => {
      // empirical-calibration.md: ITL 5.2 ms predicted vs 5–8 ms measured; TTFT 66.5 (now 70.97) vs 30–80 ms.
      const r = solve('serving', { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048 }, { fidelity })
      expect(r.itl).toBeGreaterThanOrEqual(5e-3)
      expect(r.itl).toBeLessThanOrEqual(8e-3)
      expect(r.ttft).toBeGreaterThanOrEqual(30e-3)
      expect(r.ttft).toBeLessThanOrEqual(80e-3)
    })

    it(`Llama-3-8B bs32 ITL on H100 (${fidelity}): ≈ 7.7 ms, the roofline bound under the measured 8–15 ms`, () => {
      // (16.06e9 + 32 × 268,435,456) / 3.35e12 + 0.32 ms = 7.678 ms. The page states production
      // ITL runs 1.5–2× the roofline bound (−25 to −50%): 8–15 ms measured.
      const r = solve(
        'serving',
        { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048, batchSize: 32 },
        { fidelity },
      )
      expectRelative(r.itl, (16.06e9 + 32 * 268435456) / 3.35e12 + 32e-5, 'itl')
      expect(r.itl).toBeLessThan(8e-3)
      expect(2 * r.itl).toBeGreaterThanOrEqual(8e-3)
    })
  }

  it('Llama-2-70B TTFT/ITL rows are 8-GPU results: one H100 cannot hold the model', () => {
    // 70e9 × 2 B = 140 GB > 80 GiB: the page's ~45 ms TTFT and ~4.2 ms ITL assume tensor parallelism,
    // which a single-device serving solve does not model; the solver reports the design infeasible.
    const r = solve('serving', { workload: 'Llama2_70B', hardware: 'H100', seqLen: 2048 })
    expect(r.feasible).toBe(false)
    expect(r.bindingConstraint).toBe('memory capacity')
  })
})
