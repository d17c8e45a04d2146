import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, fixed, positive } from '../../test/model-backends.js'
import {
  allToAll,
  alphaBetaCrossover,
  bisectionBandwidth,
  doubleBinaryTreeAllReduce,
  hierarchicalAllReduce,
  hopLatency,
  oversubscriptionEffect,
  oversubscriptionLoss,
  oversubscriptionThroughput,
  pointToPointTime,
  ringAllReduce,
  ringAllReduceDataFactor,
  ringAllReduceLatencySteps,
  ringCollectiveDataFactor,
  ringTreeCrossoverSize,
  treeAllReduce,
} from './collectives.js'

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

// The conformance case formula/collectives-1GB-8: M = 1 GB, N = 8, β = 50 GB/s, α = 0.5 µs.
const GB8 = { messageBytes: 1e9, ranks: 8, bandwidth: 50e9, latency: 5e-7 }

describe('collectives, hand-derived', () => {
  it('ring all-reduce: 2·7/8 · 1e9/50e9 + 2·7·0.5 µs = 0.035 + 7e-6 = 0.035007 s', () => {
    expect(rel(ringAllReduce(GB8), 0.035007)).toBeLessThan(1e-12)
  })

  it('tree all-reduce: 2·⌈log₂8⌉ · (0.02 s + 0.5 µs) = 6 · 0.0200005 = 0.120003 s', () => {
    expect(rel(treeAllReduce(GB8), 0.120003)).toBeLessThan(1e-12)
    // ⌈log₂5⌉ = 3, so 5 ranks cost as much as 8.
    expect(treeAllReduce({ ...GB8, ranks: 5 })).toBe(treeAllReduce(GB8))
  })

  it('tree depth ⌈log₂N⌉ is exact even where log(N)/log(2) rounds up (N = 2²⁹)', () => {
    // 2·29·(1 s + 0) with M = β·1 s: log(2²⁹)/log 2 = 29.000000000000004 would give 30.
    expect(treeAllReduce({ messageBytes: 1, ranks: 2 ** 29, bandwidth: 1, latency: 0 })).toBe(58)
    expect(treeAllReduce({ messageBytes: 1, ranks: 2 ** 29 + 1, bandwidth: 1, latency: 0 })).toBe(60)
  })

  it('all-to-all: 7/8 · 0.02 s + 7 · 0.5 µs = 0.0175 + 3.5e-6 = 0.0175035 s', () => {
    expect(rel(allToAll(GB8), 0.0175035)).toBeLessThan(1e-12)
  })

  it('double binary tree: 1.2·2·3·0.5 µs + 1.05·2·7/8·0.02 s = 3.6e-6 + 0.03675 s', () => {
    expect(rel(doubleBinaryTreeAllReduce(GB8), 3.6e-6 + 0.03675)).toBeLessThan(1e-12)
  })

  it('hierarchical all-reduce: GPT-3 gradients (175 GB) over 8 nodes × 8 H100, IB HDR', () => {
    // intra: 7/8 · 175e9/450e9 + 7·0.5 µs = 0.340277… + 3.5e-6, twice (reduce-scatter + all-gather)
    // inter: ring of 175e9/8 = 21.875e9 B over 8 nodes at 25e9 B/s, α = 7 µs:
    //        2·7/8 · 0.875 s + 14 · 7 µs = 1.53125 + 9.8e-5
    const t = hierarchicalAllReduce({
      messageBytes: 175e9,
      ranksPerNode: 8,
      nodes: 8,
      intraBandwidth: 450e9,
      intraLatency: 5e-7,
      interBandwidth: 25e9,
      interLatency: 7e-6,
    })
    const expected = 2 * ((7 / 8) * (175e9 / 450e9) + 3.5e-6) + 1.53125 + 9.8e-5
    expect(rel(t, expected)).toBeLessThan(1e-12)
    // the oracle's value for DistributedModel-126 (mlsysim 0.1.2): no double-counted intra term
    expect(rel(t, 2.2119105555555554)).toBeLessThan(1e-12)
  })

  it('hierarchical with one rank per node is the inter-node ring; with one node, the intra ring', () => {
    const args = {
      messageBytes: 1e9,
      intraBandwidth: 450e9,
      intraLatency: 5e-7,
      interBandwidth: 12.5e9,
      interLatency: 5e-5,
    }
    expect(hierarchicalAllReduce({ ...args, ranksPerNode: 1, nodes: 16 })).toBe(
      ringAllReduce({ messageBytes: 1e9, ranks: 16, bandwidth: 12.5e9, latency: 5e-5 }),
    )
    expect(
      rel(
        hierarchicalAllReduce({ ...args, ranksPerNode: 8, nodes: 1 }),
        ringAllReduce({ messageBytes: 1e9, ranks: 8, bandwidth: 450e9, latency: 5e-7 }),
      ),
    ).toBeLessThan(1e-12)
  })
})

describe('α–β helpers, hand-derived', () => {
  it('data factors and latency steps', () => {
    expect(ringAllReduceDataFactor({ ranks: 8 })).toBe(1.75) // 2·7/8
    expect(ringCollectiveDataFactor({ ranks: 4 })).toBe(0.75) // 3/4
    expect(ringAllReduceLatencySteps({ ranks: 8 })).toBe(14) // 2·7
  })

  it('crossover n* = α·β: 5 µs × 50 GB/s = 250 kB', () => {
    expect(rel(alphaBetaCrossover({ latency: 5e-6, bandwidth: 50e9 }), 250e3)).toBeLessThan(1e-12)
  })

  it('point-to-point: 5 µs + 1 MB / 50 GB/s = 5 µs + 20 µs = 25 µs', () => {
    expect(rel(pointToPointTime({ messageBytes: 1e6, bandwidth: 50e9, latency: 5e-6 }), 25e-6)).toBeLessThan(
      1e-12,
    )
  })

  it('oversubscription: half the traffic over a 3:1 tier runs at 1/(0.5 + 1.5) = 0.5, losing 0.5', () => {
    expect(oversubscriptionThroughput({ crossFraction: 0.5, oversubscription: 3 })).toBe(0.5)
    expect(oversubscriptionLoss({ crossFraction: 0.5, oversubscription: 3 })).toBe(0.5)
    // 20% over 2:1: 1/(0.8 + 0.4) = 5/6
    const effect = oversubscriptionEffect({ crossFraction: 0.2, oversubscription: 2 })
    expect(rel(effect.relativeThroughput, 5 / 6)).toBeLessThan(1e-15)
    expect(rel(effect.loss, 1 / 6)).toBeLessThan(1e-14)
  })

  it('bisection: 64 ports × 50 GB/s ÷ 2 = 1.6 TB/s; hops: 4 × 0.6 µs = 2.4 µs', () => {
    expect(bisectionBandwidth({ ports: 64, linkBandwidth: 50e9, oversubscription: 2 })).toBe(1.6e12)
    expect(rel(hopLatency({ hops: 4, perHop: 0.6e-6 }), 2.4e-6)).toBeLessThan(1e-15)
  })

  it('ring/tree crossover N·α·β/log₂N: 16 · 5 µs · 50 GB/s / 4 = 1 MB', () => {
    expect(rel(ringTreeCrossoverSize({ ranks: 16, latency: 5e-6, bandwidth: 50e9 }), 1e6)).toBeLessThan(1e-12)
  })
})

const collectiveArb = fc.record({
  messageBytes: fc.double({ min: 1, max: 1e12, noNaN: true }),
  ranks: fc.integer({ min: 2, max: 100_000 }),
  bandwidth: fc.double({ min: 1e8, max: 1e13, noNaN: true }),
  latency: fc.double({ min: 1e-8, max: 1e-3, noNaN: true }),
})

const collectives = { ringAllReduce, treeAllReduce, doubleBinaryTreeAllReduce, allToAll }

describe('collective properties', () => {
  it.each(Object.entries(collectives))(
    '%s takes 0 s for one rank or zero bytes, and > 0 otherwise',
    (_name, f) => {
      fc.assert(
        fc.property(collectiveArb, (x) => {
          expect(f({ ...x, ranks: 1 })).toBe(0)
          expect(f({ ...x, messageBytes: 0 })).toBe(0)
          expect(f(x)).toBeGreaterThan(0)
        }),
      )
    },
  )

  it.each(Object.entries(collectives))(
    '%s: more bandwidth is never slower, more latency never faster',
    (_name, f) => {
      fc.assert(
        fc.property(collectiveArb, fc.double({ min: 1, max: 100, noNaN: true }), (x, k) => {
          expect(f({ ...x, bandwidth: x.bandwidth * k })).toBeLessThanOrEqual(f(x))
          expect(f({ ...x, latency: x.latency * k })).toBeGreaterThanOrEqual(f(x))
        }),
      )
    },
  )

  it('hierarchical is 0 for one rank or zero bytes and never slower with faster links', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 512 }),
        fc.double({ min: 1, max: 1e12, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (g, n, m, k) => {
          const x = {
            messageBytes: m,
            ranksPerNode: g,
            nodes: n,
            intraBandwidth: 450e9,
            intraLatency: 5e-7,
            interBandwidth: 25e9,
            interLatency: 7e-6,
          }
          expect(hierarchicalAllReduce({ ...x, ranksPerNode: 1, nodes: 1 })).toBe(0)
          expect(hierarchicalAllReduce({ ...x, messageBytes: 0 })).toBe(0)
          const t = hierarchicalAllReduce(x)
          expect(t).toBeGreaterThanOrEqual(0)
          expect(hierarchicalAllReduce({ ...x, interBandwidth: 25e9 * k })).toBeLessThanOrEqual(t)
          expect(hierarchicalAllReduce({ ...x, intraBandwidth: 450e9 * k })).toBeLessThanOrEqual(t)
        },
      ),
    )
  })
})

describe('collective models: scalar = interpreter = columnar; derivatives = finite differences', () => {
  const arbs = {
    messageBytes: positive(1, 1e12),
    ranks: fc.integer({ min: 1, max: 4096 }),
    bandwidth: positive(1e8, 1e13),
    latency: positive(1e-8, 1e-3),
  }
  const smooth = ['messageBytes', 'bandwidth', 'latency']
  it.each(Object.entries({ ...collectives, ringTreeCrossoverSize, pointToPointTime }))('%s', (_name, f) => {
    const wanted = Object.fromEntries(f.model.inputNames.map((n) => [n, arbs[n as keyof typeof arbs]]))
    expectBackendsAgree(f.model, wanted, {
      smooth: smooth.filter((n) => n in wanted),
      differentiable: ['value'],
    })
  })

  it('hierarchicalAllReduce', () => {
    expectBackendsAgree(
      hierarchicalAllReduce.model,
      {
        messageBytes: positive(1, 1e12),
        ranksPerNode: fc.integer({ min: 1, max: 8 }),
        nodes: fc.integer({ min: 1, max: 1024 }),
        intraBandwidth: positive(1e10, 1e12),
        intraLatency: positive(1e-8, 1e-5),
        interBandwidth: positive(1e9, 1e11),
        interLatency: positive(1e-7, 1e-4),
      },
      {
        smooth: ['messageBytes', 'intraBandwidth', 'interBandwidth', 'interLatency'],
        differentiable: ['value'],
      },
    )
  })

  it('the small helpers', () => {
    for (const f of [ringAllReduceDataFactor, ringCollectiveDataFactor, ringAllReduceLatencySteps]) {
      expectBackendsAgree(
        f.model,
        { ranks: positive(1, 1e5) },
        { smooth: ['ranks'], differentiable: ['value'] },
      )
    }
    expectBackendsAgree(
      alphaBetaCrossover.model,
      { latency: positive(1e-8, 1e-3), bandwidth: positive(1e8, 1e13) },
      { smooth: ['latency', 'bandwidth'], differentiable: ['value'] },
    )
    for (const f of [oversubscriptionThroughput, oversubscriptionLoss]) {
      expectBackendsAgree(
        f.model,
        { crossFraction: positive(1e-3, 1), oversubscription: positive(1.1, 10) },
        { smooth: ['crossFraction', 'oversubscription'], differentiable: ['value'] },
      )
    }
    expectBackendsAgree(
      bisectionBandwidth.model,
      { ports: positive(1, 1e4), linkBandwidth: positive(1e9, 1e12), oversubscription: fixed(2) },
      { smooth: ['ports', 'linkBandwidth'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      hopLatency.model,
      { hops: positive(1, 16), perHop: positive(1e-8, 1e-5) },
      { smooth: ['hops', 'perHop'], differentiable: ['value'] },
    )
  })
})
