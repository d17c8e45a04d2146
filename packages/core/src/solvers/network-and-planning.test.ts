// Scaling, orchestration, topology and MoE routing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { around, boundInputs, expectInputError } from '../../test/solver-fixtures.js'
import { solve } from '../solver/solve.js'
import { type MoeRoutingResult, moeRouting } from './moe-routing.js'
import { type OrchestrationResult, orchestration } from './orchestration.js'
import { type ScalingResult, scaling } from './scaling.js'
import { type TopologyResult, topology } from './topology.js'

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('scaling', () => {
  it('a budget in H100-days: 1000 days × 86,400 s × 989 TFLOP/s × 0.40 = 3.41798e22 FLOP', () => {
    const r = solve('scaling', { computeBudget: '1000 days' }) as ScalingResult
    expect(rel(r.computeFlops, 1000 * 86_400 * 989e12 * 0.4)).toBeLessThan(1e-12)
    expect(rel(r.optimalParams, Math.sqrt(r.computeFlops / 120))).toBeLessThan(1e-12)
    expect(rel(r.tokensPerParameter, 20)).toBeLessThan(1e-12)
  })

  it('a target size: D = C/(6P)', () => {
    const r = solve('scaling', { computeBudget: '1e23 flop', targetModelSize: '10 B' }) as ScalingResult
    expect(r.optimalParams).toBe(10e9)
    expect(rel(r.optimalTokens, 1e23 / 6e10)).toBeLessThan(1e-12)
  })

  it('rejects budgets that are neither compute nor time, and non-positive ones', () => {
    expectInputError('scaling', { computeBudget: '5 GB' }, 'computeBudget', /computation|H100-days/)
    expectInputError('scaling', { computeBudget: 0 }, 'computeBudget', /computation|H100-days|> 0/)
  })

  it('P* and D* grow as √C', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e18, max: 1e26, noNaN: true }), (c) => {
        const a = solve('scaling', { computeBudget: c }) as ScalingResult
        const b = solve('scaling', { computeBudget: 4 * c }) as ScalingResult
        expect(rel(b.optimalParams, 2 * a.optimalParams)).toBeLessThan(1e-12)
        expect(rel(b.optimalTokens, 2 * a.optimalTokens)).toBeLessThan(1e-12)
      }),
    )
  })

  it('backends agree', () => {
    expectBackendsAgree(
      scaling.model,
      {
        budgetFlop: positive(1e18, 1e26),
        budgetGpuTime: fc.constantFrom(0, 8.64e7),
        targetParameters: fc.constantFrom(0, 7e9),
      },
      {
        smooth: ['budgetFlop'],
        differentiable: ['computeFlops', 'optimalParams', 'optimalTokens', 'tokensPerParameter'],
      },
    )
  })
})

describe('orchestration', () => {
  it('M/D/1: 0.5 jobs/day of 1.5 days: ρ = 0.75, W = 0.75·1.5/(2·0.25) = 2.25 days, L = 0.5625/0.5 = 1.125', () => {
    const r = solve('orchestration', {
      fleet: 'Research_256',
      arrivalRateJobsPerDay: 0.5,
      avgJobDurationDays: 1.5,
    }) as OrchestrationResult
    expect(r.utilization).toBe(0.75)
    expect(rel(r.waitTime, 2.25 * 86_400)).toBeLessThan(1e-12)
    expect(rel(r.queueLength, 1.125)).toBeLessThan(1e-12)
    expect(r.stable).toBe(true)
  })

  it('ρ ≥ 1 is unstable: infinite wait and queue, infeasible', () => {
    const r = solve('orchestration', {
      arrivalRateJobsPerDay: 1,
      avgJobDurationDays: 2,
    }) as OrchestrationResult
    expect(r.waitTime).toBe(Number.POSITIVE_INFINITY)
    expect(r.queueLength).toBe(Number.POSITIVE_INFINITY)
    expect(r.feasible).toBe(false)
  })

  it('rejects negative rates and zero durations; the wait grows with load', () => {
    expectInputError(
      'orchestration',
      { arrivalRateJobsPerDay: -1, avgJobDurationDays: 1 },
      'arrivalRateJobsPerDay',
      /≥ 0/,
    )
    expectInputError(
      'orchestration',
      { arrivalRateJobsPerDay: 1, avgJobDurationDays: 0 },
      'avgJobDurationDays',
      /> 0/,
    )
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.9, noNaN: true }), (rho) => {
        const at = (r: number) =>
          (solve('orchestration', { arrivalRateJobsPerDay: r, avgJobDurationDays: 1 }) as OrchestrationResult)
            .waitTime
        expect(at(rho + 0.05)).toBeGreaterThan(at(rho))
      }),
    )
  })

  it('backends agree', () => {
    expectBackendsAgree(
      orchestration.model,
      { arrivalRateJobsPerDay: positive(0.01, 10), avgJobDurationDays: positive(0.01, 10) },
      {
        smooth: ['arrivalRateJobsPerDay', 'avgJobDurationDays'],
        differentiable: ['utilization', 'waitTime', 'queueLength'],
      },
    )
  })
})

describe('topology', () => {
  it('fat tree: full bisection, 4 hops; dragonfly 0.85, 3 hops (both fidelities)', () => {
    for (const fidelity of ['default', 'mlsysim-0.1.2'] as const) {
      const ft = solve(
        'topology',
        { fabric: 'InfiniBand_NDR', topology: 'fat_tree', numNodes: 64 },
        { fidelity },
      ) as TopologyResult
      expect(ft.effectiveBandwidth).toBe(50e9)
      // 64/2 links × 50 GB/s = 1.6 TB/s
      expect(rel(ft.bisectionBandwidth, 1.6e12)).toBeLessThan(1e-12)
      expect(ft.averageHops).toBe(4)
      const df = solve(
        'topology',
        { fabric: 'InfiniBand_NDR', topology: 'dragonfly', numNodes: 64 },
        { fidelity },
      ) as TopologyResult
      expect(rel(df.effectiveBandwidth, 42.5e9)).toBeLessThan(1e-12)
      expect(df.averageHops).toBe(3)
    }
  })

  it('ring of 64: a cut crosses 2 links (β = 4/N) by default; the original counts one (2/N)', () => {
    const d = solve('topology', {
      fabric: 'InfiniBand_NDR',
      topology: 'ring',
      numNodes: 64,
    }) as TopologyResult
    expect(d.bisectionFraction).toBe(4 / 64)
    expect(rel(d.bisectionBandwidth, 2 * 50e9)).toBeLessThan(1e-12)
    expect(d.averageHops).toBe(16)
    const o = solve(
      'topology',
      { fabric: 'InfiniBand_NDR', topology: 'ring', numNodes: 64 },
      { fidelity: 'mlsysim-0.1.2' },
    ) as TopologyResult
    expect(o.bisectionFraction).toBe(2 / 64)
    expect(rel(o.bisectionBandwidth, 50e9)).toBeLessThan(1e-12)
  })

  it('3D torus of 512 (8×8×8): the cut crosses 2·8² = 128 links (β = 4/8 = 0.5)', () => {
    const d = solve('topology', {
      fabric: 'InfiniBand_NDR',
      topology: 'torus-3d',
      numNodes: 512,
    }) as TopologyResult
    expect(rel(d.bisectionFraction, 0.5)).toBeLessThan(1e-12)
    expect(rel(d.bisectionBandwidth, 128 * 50e9)).toBeLessThan(1e-12)
    expect(rel(d.averageHops, 6)).toBeLessThan(1e-12)
  })

  it('unknown topology: an input error listing the valid ones; the original treats it as a fat tree', () => {
    expectInputError(
      'topology',
      { fabric: 'InfiniBand_NDR', topology: 'hypercube' },
      'topology',
      /fat-tree, ring, torus-3d, dragonfly/,
    )
    const o = solve(
      'topology',
      { fabric: 'InfiniBand_NDR', topology: 'hypercube' },
      { fidelity: 'mlsysim-0.1.2' },
    ) as TopologyResult
    expect(o.bisectionFraction).toBe(1)
    expect(o.averageHops).toBe(4)
    expect(o.topology).toBe('hypercube')
  })

  it('oversubscription divides the bandwidth; an unknown fabric is an input error', () => {
    const fabric = {
      id: 'Over',
      name: 'over',
      bandwidth: '400 Gbps',
      oversubscription: 4,
      provenance: { kind: 'illustrative', ref: 'test', verified: '2026-06-10' },
    }
    const r = solve('topology', { fabric, numNodes: 16 }) as TopologyResult
    expect(r.effectiveBandwidth).toBe(12.5e9)
    expect(r.bindingConstraint).toBe('oversubscription')
    expectInputError('topology', { fabric: 'InfiniBand_QDR' }, 'fabric', /InfiniBand/)
  })

  it('backends agree', () => {
    for (const code of [0, 1, 2, 3]) {
      const base = boundInputs(topology, { fabric: 'InfiniBand_NDR' })
      expectBackendsAgree(
        topology.model,
        around(base, {
          numNodes: positive(1, 1e5),
          topologyCode: fc.constant(code),
          original: fc.constantFrom(0, 1),
          linkBandwidth: positive(1e9, 1e12),
          oversubscription: positive(1, 8),
        }),
        {
          smooth: ['numNodes', 'linkBandwidth', 'oversubscription'],
          differentiable: ['bisectionFraction', 'effectiveBandwidth', 'bisectionBandwidth', 'averageHops'],
        },
      )
    }
  })
})

describe('moe-routing', () => {
  it('Mixtral-8x7B, top-2, imbalance 1.5: 3 effective experts; the default inflates only expert weights', () => {
    // p_e = (46.7 − 12.9)e9 / 6 = 5.6333e9; default: 12.9e9 + (1.5 − 1) × 2 × p_e = 18.5333e9
    const d = solve('moe-routing', {
      workload: 'Mixtral_8x7B',
      batchSize: 8,
      seqLen: 2048,
      routingImbalanceFactor: 1.5,
    }) as MoeRoutingResult
    expect(d.effectiveActiveExperts).toBe(3)
    expect(rel(d.effectiveActiveParameters, 12.9e9 + 0.5 * 2 * ((46.7e9 - 12.9e9) / 6))).toBeLessThan(1e-12)
    const o = solve(
      'moe-routing',
      { workload: 'Mixtral_8x7B', batchSize: 8, seqLen: 2048, routingImbalanceFactor: 1.5 },
      { fidelity: 'mlsysim-0.1.2' },
    ) as MoeRoutingResult
    expect(rel(o.effectiveActiveParameters, 12.9e9 * 1.5)).toBeLessThan(1e-12)
    // payload 8 × 2048 × 4096 × 2 B × 2 × 1.5 = 402,653,184 B; nothing leaves with EP = 1
    expect(d.routingPayloadBytes).toBe(402_653_184)
    expect(d.tokenDispatchBytes).toBe(0)
    expect(d.allToAllTime).toBeNull()
  })

  it('EP 8 on Research_256: NVLink inside the node by default, the fabric in the original', () => {
    const input = { workload: 'Mixtral_8x7B', batchSize: 8, seqLen: 2048, epSize: 8, fleet: 'Research_256' }
    const d = solve('moe-routing', input) as MoeRoutingResult
    // default: (7/8) × (268,435,456 B / 8) / 450 GB/s + 7 × 500 ns
    expect(rel(d.allToAllTime!, (7 / 8) * (268_435_456 / 8 / 450e9) + 7 * 500e-9)).toBeLessThan(1e-9)
    const o = solve('moe-routing', input, { fidelity: 'mlsysim-0.1.2' }) as MoeRoutingResult
    // original: (7/8) × 268,435,456 B / 12.5 GB/s + 7 × 50 µs
    expect(rel(o.allToAllTime!, (7 / 8) * (268_435_456 / 12.5e9) + 7 * 50e-6)).toBeLessThan(1e-9)
    expect(rel(d.tokenDispatchBytes, (268_435_456 * 7) / 8)).toBeLessThan(1e-12)
  })

  it('rejects dense workloads and imbalance below 1', () => {
    expectInputError(
      'moe-routing',
      { workload: 'Llama3_8B', batchSize: 1, seqLen: 128 },
      'workload',
      /moe workload/,
    )
    expectInputError(
      'moe-routing',
      { workload: 'Mixtral_8x7B', batchSize: 1, seqLen: 128, routingImbalanceFactor: 0.5 },
      'routingImbalanceFactor',
      /≥ 1/,
    )
  })

  it('imbalance is capped at the expert count', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 100, noNaN: true }), (imb) => {
        const r = solve('moe-routing', {
          workload: 'Mixtral_8x7B',
          batchSize: 1,
          seqLen: 128,
          routingImbalanceFactor: imb,
        }) as MoeRoutingResult
        expect(r.effectiveActiveExperts).toBeLessThanOrEqual(8)
        expect(r.activeParameterMultiplier).toBeGreaterThanOrEqual(1)
      }),
    )
  })

  it('backends agree', () => {
    for (const fidelity of ['default', 'mlsysim-0.1.2'] as const) {
      const base = boundInputs(
        moeRouting,
        { workload: 'DeepSeek_V3', batchSize: 4, seqLen: 4096, epSize: 16, fleet: 'Training_1K' },
        fidelity,
      )
      expectBackendsAgree(
        moeRouting.model,
        around(base, {
          batchSize: fc.integer({ min: 1, max: 256 }),
          seqLen: fc.integer({ min: 1, max: 32768 }),
          epSize: fc.integer({ min: 1, max: 64 }),
          routingImbalanceFactor: positive(1, 50),
          fabricBandwidth: positive(1e9, 1e11),
        }),
        {
          smooth: ['routingImbalanceFactor', 'fabricBandwidth', 'seqLen'],
          differentiable: [
            'effectiveActiveExperts',
            'activeParameterMultiplier',
            'effectiveActiveParameters',
            'routingPayloadBytes',
            'tokenDispatchBytes',
            'allToAllTime',
          ],
        },
      )
    }
  })
})
