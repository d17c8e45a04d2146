// Conformance of the fleet and operations solvers and their physics with the Python
// original's golden values (fixtures/conformance.json: tests/test_golden_regressions.py,
// tests/test_formulas.py, engine/empirical.py). Exact values compare at a relative 1e-9 under
// the fidelity they were computed with; where the default model agrees (no quirk involved),
// it is checked too, and where it differs the test says how and checks the default's value.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  allToAll,
  amdahlSpeedup,
  clusterMtbf,
  type DistributedResult,
  type EconomicsResult,
  type Fidelity,
  fiberRoundTrip,
  pipelineBubbleFraction,
  ringAllReduce,
  type SustainabilityResult,
  solve,
  type TrainingMemoryResult,
  trainingFlops,
  treeAllReduce,
  youngDalyInterval,
} from '../src/index.js'
import { run as solveRecord } from './solver-inputs.js'

interface ConformanceCase {
  id: string
  solver: string
  inputs: unknown
  expected: unknown
  tolerance?: number
  note?: string
}

const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/conformance.json', import.meta.url), 'utf8'),
) as {
  cases: ConformanceCase[]
}

function byId(id: string): ConformanceCase {
  const found = cases.find((c) => c.id === id)
  if (!found) throw new Error(`conformance case ${id} is missing from the fixture`)
  return found
}

const expected = (id: string) => byId(id).expected as Record<string, number>
const inputs = (id: string) => byId(id).inputs as Record<string, unknown>

function expectRelative(actual: number, wanted: number, what: string, tolerance = 1e-9): void {
  expect(Math.abs(actual - wanted) / Math.abs(wanted), `${what}: ${actual} vs ${wanted}`).toBeLessThan(
    tolerance,
  )
}

const GB = 1e9
const MS = 1e-3
const KWH = 3.6e6
const HOUR = 3600

describe('training-memory/llama3-8b-h100', () => {
  const e = expected('training-memory/llama3-8b-h100')
  const run = (fidelity: Fidelity) =>
    solveRecord('training-memory', inputs('training-memory/llama3-8b-h100'), {
      fidelity,
    }) as TrainingMemoryResult

  // No parallelism, fp16, Adam: nothing the default model treats differently (TP = PP = GA = 1,
  // mixed precision keeps the fp32 master copy), so both models give the golden values.
  for (const fidelity of ['mlsysim-0.1.2', 'default'] as const) {
    it(`reproduces the golden breakdown (${fidelity})`, () => {
      const r = run(fidelity)
      expect(r.feasible).toBe(e.feasible)
      expectRelative(r.weightsBytes, e.weights_GB! * GB, 'weights')
      expectRelative(r.gradientsBytes, e.gradients_GB! * GB, 'gradients')
      expectRelative(r.optimizerBytes, e.optimizer_GB! * GB, 'optimizer')
      expectRelative(r.activationsBytes, e.activations_GB! * GB, 'activations')
      expectRelative(r.buffersBytes, e.buffers_GB! * GB, 'buffers')
      expectRelative(r.totalBytes, e.total_GB! * GB, 'total')
      expectRelative(r.utilization, e.utilization!, 'utilization')
    })
  }

  it('derives by hand: 8.03e9 params × (2 + 2 + 12) B; selective activations 34·s·b·h·L at 2 B', () => {
    const r = run('mlsysim-0.1.2')
    expectRelative(r.weightsBytes, 8.03e9 * 2, 'weights')
    expectRelative(r.optimizerBytes, 8.03e9 * 12, 'optimizer')
    // 34 × 1024 × 8 × 4096 × 32 layers × (2/2) = 36,507,222,016 B
    expect(r.activationsBytes).toBe(34 * 1024 * 8 * 4096 * 32)
    // buffers: 5% of the gradients, no pipeline: 0.803 GB
    expectRelative(r.buffersBytes, 0.05 * 16.06e9, 'buffers')
    // capacity is 80 GiB: 165.790222016e9 / 85,899,345,920 = 1.93005…
    expectRelative(r.utilization, 165.790222016e9 / (80 * 2 ** 30), 'utilization')
  })
})

describe('distributed/llama3-8b-research256', () => {
  const c = byId('distributed/llama3-8b-research256')
  const e = c.expected as Record<string, number> & { parallelism: Record<string, number> }
  // The fixture names the fleet in words and the parallelism tp/pp/microbatches; these are the
  // solver's keys for the same inputs.
  const input = {
    workload: 'Llama3_8B',
    fleet: 'Research_256',
    batchSize: 1024,
    seqLen: 2048,
    precision: 'fp16',
    efficiency: 0.45,
    tpSize: 8,
    ppSize: 4,
    microbatchCount: 16,
    zeroStage: 1,
  }
  const original = solve('distributed', input, { fidelity: 'mlsysim-0.1.2' }) as DistributedResult
  const corrected = solve('distributed', input) as DistributedResult

  it('reproduces the golden values under mlsysim-0.1.2', () => {
    expect(original.parallelism).toEqual(e.parallelism)
    expectRelative(original.stepTime, e.stepLatency_ms! * MS, 'step')
    expectRelative(original.communicationTime, e.communication_ms! * MS, 'communication')
    expectRelative(original.dpCommunicationTime, e.dpCommunication_ms! * MS, 'dp')
    expectRelative(original.tpCommunicationTime, e.tpCommunication_ms! * MS, 'tp')
    expectRelative(original.bubbleTime, e.bubble_ms! * MS, 'bubble')
    expectRelative(original.bubbleFraction, e.bubbleFraction!, 'bubble fraction')
    expectRelative(original.throughput, e.throughput_per_s!, 'throughput')
    expectRelative(original.scalingEfficiency, e.scalingEfficiency!, 'scaling efficiency')
  })

  it('hand check: the node runs on the 64 GB/s offload path (3463.9 ms)', () => {
    // Local batch 1024/8 = 128. Unsharded training memory with activations "none" is ~3.96 TB,
    // far above 80 GiB, so the weights stream over PCIe Gen5 at 64 GB/s:
    // traffic = 16.06 GB × (1 + 0.1 × 128) = 16.06 GB × 13.8 = 221.628 GB → 3462.9375 ms,
    // plus 0.01 ms dispatch + 32 layers × 0.01 ms × 3 = 0.97 ms.
    const node = original.node
    expect(node.feasible).toBe(false)
    expect(node.effectiveBandwidth).toBe(64e9)
    expectRelative(node.latencyMemory, (16.06e9 * 13.8) / 64e9, 'memory time')
    expectRelative(node.latencyOverhead, 0.97e-3, 'overhead')
    expectRelative(node.latency, 3.4639075, 'node latency')
    expect(node.memoryFootprint).toBeGreaterThan(3.9e12)
    // compute is small: 3 × 16.06 GFLOP × 128 / (989 TFLOP/s × 0.45) = 13.86 ms
    expectRelative(node.latencyCompute, (3 * 16.06e9 * 128) / (989e12 * 0.45), 'compute time')
  })

  it('hand check: DP ring over 8 at 450 GB/s per direction, α = 500 ns', () => {
    // message = 16.06 GB / TP 8 = 2.0075 GB; 2·7/8 · 2.0075e9/450e9 + 2·7·500 ns
    const ring = ringAllReduce({ messageBytes: 16.06e9 / 8, ranks: 8, bandwidth: 450e9, latency: 500e-9 })
    expectRelative(ring, 1.75 * (2.0075e9 / 450e9) + 7e-6, 'ring')
    expectRelative(original.dpCommunicationTime, ring, 'dp')
    expectRelative(ring, e.dpCommunication_ms! * MS, 'golden dp')
  })

  it('hand check: TP = 128 all-reduces (4 per layer × 32 layers) of 8.358 ms', () => {
    // activations per all-reduce: 128 × 2048 × 4096 × 2 B = 2.147 GB over 8 ranks at 450 GB/s
    const one = ringAllReduce({
      messageBytes: 128 * 2048 * 4096 * 2,
      ranks: 8,
      bandwidth: 450e9,
      latency: 500e-9,
    })
    // 2·7/8 · 2³¹ B / 450e9 B/s + 2·7 · 500 ns = 8.3513e-3 + 7e-6 = 8.3583 ms
    expectRelative(one, (1.75 * 2 ** 31) / 450e9 + 7e-6, 'one all-reduce')
    expectRelative(one, e.tpCommunication_ms! / 128 / 1000, 'golden TP / 128')
    expectRelative(original.tpCommunicationTime, 128 * one, 'tp')
    // bubble: (4−1)/(16+4−1) = 3/19 of the node time
    expectRelative(original.bubbleTime, (3 / 19) * original.node.latency, 'bubble')
  })

  it('the default model shards the work: a feasible node, DP over the fabric, global throughput', () => {
    // Per accelerator: 8.03e9/32 parameters; activations of min(4, 16) microbatches of 8
    // samples on 8 layers ÷ TP 8 — about 32 GB, which fits.
    expect(corrected.feasible).toBe(true)
    expect(corrected.node.memoryFootprint).toBeLessThan(80 * 2 ** 30)
    // Compute: 1024 samples × (6 × 8.03e9 × 2048 + 12 × 32 × 4096 × 2048²) FLOP over
    // 256 × 989 TFLOP/s × 0.45 = 0.946 s.
    const perSample = 3 * (2 * 8.03e9 * 2048 + 4 * 32 * 4096 * 2048 ** 2)
    expectRelative(corrected.trainingFlopPerSample, perSample, 'FLOP per sample')
    expectRelative(corrected.node.latencyCompute, (1024 * perSample) / (256 * 989e12 * 0.45), 'compute')
    // TP 8 × PP 4 puts each DP peer on another node: 8 ranks ring over 100GbE (12.5 GB/s)
    // with each rank's own gradients 8.03e9/32 × 2 B: 2·7/8·0.501875e9/12.5e9 + 14 × 50 µs.
    const dp = ringAllReduce({
      messageBytes: (8.03e9 / 32) * 2,
      ranks: 8,
      bandwidth: 12.5e9,
      latency: 50e-6,
    })
    expectRelative(corrected.dpCommunicationTime, dp, 'dp')
    // bubble (P−1)/(v·M) of the ideal step: 3/16 of the node time
    expectRelative(corrected.bubbleTime, (3 / 16) * corrected.node.latency, 'bubble')
    // throughput is the global batch per step
    expectRelative(corrected.throughput, 1024 / corrected.stepTime, 'throughput')
    expect(corrected.stepTime).toBeLessThan(original.stepTime)
  })
})

describe('sustainability/research256-1day', () => {
  const e = expected('sustainability/research256-1day')
  for (const fidelity of ['mlsysim-0.1.2', 'default'] as const) {
    it(`energy, PUE, carbon and region (${fidelity})`, () => {
      const r = solveRecord('sustainability', inputs('sustainability/research256-1day'), {
        fidelity,
      }) as SustainabilityResult
      // 256 × 700 W × (0.3 + 0.7 × 0.45) × 24 h = 2644.992 kWh
      expectRelative(r.itEnergy, e.itEnergy_kWh! * KWH, 'itEnergy')
      expectRelative(r.totalEnergy, e.totalEnergy_kWh! * KWH, 'totalEnergy')
      expectRelative(r.pue, e.pue!, 'pue')
      // 2962.39104 kWh × 429 g/kWh = 1270.866 kg
      expectRelative(r.carbon, e.carbon_kg!, 'carbon')
      expect(r.region).toBe((byId('sustainability/research256-1day').expected as { region: string }).region)
    })
  }

  it('water: the original applies WUE to facility energy; the default to IT energy', () => {
    const original = solveRecord('sustainability', inputs('sustainability/research256-1day'), {
      fidelity: 'mlsysim-0.1.2',
    }) as SustainabilityResult
    // 2962.39104 kWh × 1.8 L/kWh = 5332.303872 L
    expectRelative(original.water, e.water_L!, 'water (original)')
    const corrected = solveRecord(
      'sustainability',
      inputs('sustainability/research256-1day'),
    ) as SustainabilityResult
    // 2644.992 kWh × 1.8 L/kWh = 4760.9856 L (= golden / PUE 1.12)
    expectRelative(corrected.water, 2644.992 * 1.8, 'water (default)')
    expectRelative(corrected.water, e.water_L! / 1.12, 'water ÷ PUE')
  })
})

describe('economics/research256-1day', () => {
  const e = expected('economics/research256-1day')
  for (const fidelity of ['mlsysim-0.1.2', 'default'] as const) {
    it(`CapEx, OpEx and TCO (${fidelity})`, () => {
      const r = solveRecord('economics', inputs('economics/research256-1day'), {
        fidelity,
      }) as EconomicsResult
      // $25,000 × 256 / 3 yr × 1/365 = $5,844.75; 5% of $6.4M per year for a day = $876.71
      expectRelative(r.capex, e.capex_usd!, 'capex')
      expectRelative(r.capex, (25_000 * 256) / 3 / 365, 'capex by hand')
      // 2962.39104 kWh × $0.12 = $355.49
      expectRelative(r.opexEnergy, e.opexEnergy_usd!, 'opexEnergy')
      expectRelative(r.opexMaintenance, e.opexMaintenance_usd!, 'opexMaintenance')
      expectRelative(r.opex, e.totalOpex_usd!, 'opex')
      expectRelative(r.tco, e.tco_usd!, 'tco')
    })
  }
})

describe('formulas', () => {
  it('formula/pipeline-bubble: 3/11 and 3/35', () => {
    const c = byId('formula/pipeline-bubble')
    const args = c.inputs as { P: number; M: number; v: number }[]
    const wanted = c.expected as number[]
    args.forEach((a, i) => {
      expectRelative(
        pipelineBubbleFraction({ stages: a.P, microbatches: a.M, virtualStages: a.v }),
        wanted[i]!,
        `case ${i}`,
      )
    })
  })

  it('formula/collectives-1GB-8: ring, tree, all-to-all', () => {
    const a = inputs('formula/collectives-1GB-8') as Record<string, number>
    const e = expected('formula/collectives-1GB-8')
    const x = {
      messageBytes: a.message_B!,
      ranks: a.N!,
      bandwidth: a.bandwidth_B_per_s!,
      latency: a.alpha_s!,
    }
    expectRelative(ringAllReduce(x), e.ringAllReduce_s!, 'ring')
    expectRelative(treeAllReduce(x), e.treeAllReduce_s!, 'tree')
    expectRelative(allToAll(x), e.allToAll_s!, 'all-to-all')
  })

  it('formula/young-daly: √(2 · 60 s · 50,000 h)', () => {
    const a = inputs('formula/young-daly') as Record<string, number>
    expectRelative(
      youngDalyInterval({ checkpointTime: a.checkpointTime_s!, mtbf: a.mtbf_h! * HOUR }),
      expected('formula/young-daly').interval_s!,
      'interval',
    )
  })

  it('formula/cluster-mtbf: 50,000 h over 1000 nodes, independent and with correlation 0.5', () => {
    const c = byId('formula/cluster-mtbf')
    const args = c.inputs as { mtbfNode_h: number; n: number; correlation?: number }[]
    const wanted = c.expected as number[]
    args.forEach((a, i) => {
      const mtbf = clusterMtbf({ nodeMtbf: a.mtbfNode_h * HOUR, nodes: a.n, correlation: a.correlation ?? 1 })
      expectRelative(mtbf / HOUR, wanted[i]!, `case ${i}`)
    })
  })

  it('formula/amdahl: 1/((1 − 0.9) + 0.9/10)', () => {
    const a = inputs('formula/amdahl') as Record<string, number>
    expectRelative(
      amdahlSpeedup({ parallelFraction: a.p!, speedup: a.s! }),
      expected('formula/amdahl').speedup!,
      'speedup',
    )
  })

  it('formula/fiber-rtt: 1000 km round trip = 10 ms', () => {
    const a = inputs('formula/fiber-rtt') as Record<string, number>
    expectRelative(
      fiberRoundTrip({ distanceMeters: a.distance_km! * 1000 }) / MS,
      expected('formula/fiber-rtt').rtt_ms!,
      'rtt',
    )
  })
})

describe('anchor/gpt3-training-flops', () => {
  const c = byId('anchor/gpt3-training-flops')
  const a = c.inputs as Record<string, number>
  const tolerance = c.tolerance!

  it('6·P·D = 3.15e23 FLOP, within 1% of the recorded 3.14e23', () => {
    const flops = trainingFlops({ parameters: a.params!, tokens: a.tokens! })
    expectRelative(flops, (c.expected as Record<string, number>).flops!, '6PD', tolerance)
    expectRelative(flops, 3.14e23, 'registry value', tolerance)
  })

  // The scaling solver inverts 6PD: GPT-3's budget at its own size buys its 300 B tokens.
  for (const fidelity of ['mlsysim-0.1.2', 'default'] as const) {
    it(`the scaling solver gives GPT-3's 300 B tokens back for 3.14e23 FLOP at 175 B (${fidelity})`, () => {
      const r = solve('scaling', { computeBudget: 3.14e23, targetModelSize: a.params! }, { fidelity }) as {
        optimalTokens: number
      }
      expectRelative(r.optimalTokens, a.tokens!, 'tokens', tolerance)
    })
  }
})
