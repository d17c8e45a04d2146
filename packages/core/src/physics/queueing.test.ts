import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkBackends, positive } from '../../test/model-backends.js'
import { erlangC, kingmanFactor, MAX_QUEUE_SERVERS, mmcWaitExceedance, mmcWaitQuantile } from './queueing.js'

/** Erlang C from its textbook definition, Σ aᵏ/k!, for small c (a check independent of the recursion). */
function erlangCTextbook(a: number, c: number): number {
  let term = 1
  let sum = 0
  for (let k = 0; k < c; k++) {
    sum += term
    term = (term * a) / (k + 1)
  }
  const top = term / (1 - a / c)
  return top / (sum + top)
}

describe('erlangC', () => {
  it('matches hand derivations', () => {
    // c = 2, a = 1 (ρ = 0.5): (a²/2!)/(1 − ρ) = 1; Σ_{k<2} aᵏ/k! = 2; C = 1/(2 + 1) = 1/3.
    expect(erlangC({ arrivalRate: 1, serviceRate: 1, servers: 2 })).toBeCloseTo(1 / 3, 15)
    // c = 4, a = 2 (ρ = 0.5): (16/24)·2 = 4/3; Σ = 1 + 2 + 2 + 4/3 = 19/3; C = (4/3)/(23/3) = 4/23.
    expect(erlangC({ arrivalRate: 2, serviceRate: 1, servers: 4 })).toBeCloseTo(4 / 23, 15)
    // No arrivals: nobody waits.
    expect(erlangC({ arrivalRate: 0, serviceRate: 20, servers: 3 })).toBe(0)
  })

  it('is 1 for an unstable queue (ρ ≥ 1)', () => {
    expect(erlangC({ arrivalRate: 10, serviceRate: 5, servers: 2 })).toBe(1)
    expect(erlangC({ arrivalRate: 11, serviceRate: 5, servers: 2 })).toBe(1)
  })

  it('reduces to M/M/1 at c = 1: P(wait) = ρ', () => {
    fc.assert(
      fc.property(positive(1e-3, 1e3), positive(1e-3, 0.999), (mu, rho) => {
        const p = erlangC({ arrivalRate: rho * mu, serviceRate: mu, servers: 1 })
        expect(Math.abs(p - rho)).toBeLessThan(1e-14)
      }),
    )
  })

  it('agrees with the textbook sum and stays a probability, falling as servers are added at fixed load', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), positive(0.01, 0.99), (c, rho) => {
        const a = rho * c
        const p = erlangC({ arrivalRate: a, serviceRate: 1, servers: c })
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
        expect(Math.abs(p - erlangCTextbook(a, c))).toBeLessThan(1e-11)
        // Same offered load a, one more server: never more waiting.
        expect(erlangC({ arrivalRate: a, serviceRate: 1, servers: c + 1 })).toBeLessThanOrEqual(p + 1e-15)
      }),
    )
  })

  it('stays finite for thousands of servers (no factorial overflow)', () => {
    // a = 900 on 1000 servers: 171! overflows a double, the recursion does not.
    const p = erlangC({ arrivalRate: 900, serviceRate: 1, servers: 1000 })
    expect(p).toBeGreaterThan(0)
    expect(p).toBeLessThan(1)
    expect(MAX_QUEUE_SERVERS).toBeGreaterThanOrEqual(1024)
  })
})

describe('mmcWaitQuantile and mmcWaitExceedance', () => {
  it('matches hand derivations for M/M/1', () => {
    // λ = 0.5, μ = 1, c = 1: C = ρ = 0.5; drain rate cμ − λ = 0.5 /s.
    // p99 wait = ln(0.5/0.01)/0.5 = 2·ln 50 = 7.824046010856292 s; the median is 0 since C = 0.5 is not > 0.5.
    const base = { waitProbability: 0.5, arrivalRate: 0.5, serviceRate: 1, servers: 1 }
    expect(mmcWaitQuantile({ ...base, exceedance: 0.01 })).toBeCloseTo(2 * Math.log(50), 13)
    expect(mmcWaitQuantile({ ...base, exceedance: 0.5 })).toBe(0)
    // P(W > t) = 0.5·e^{−0.5 t}: at t = 2 s, 0.5/e.
    expect(mmcWaitExceedance({ ...base, waitScale: 1, wait: 2 })).toBeCloseTo(0.5 / Math.E, 15)
    expect(mmcWaitExceedance({ ...base, waitScale: 1, wait: -1 })).toBe(1)
  })

  it('reproduces the original at TailLatencyModel-166 (2.528 QPS, 50 ms, one replica)', () => {
    // μ = 20/s, ρ = C = 0.1264, drain 17.472/s: p99 wait = ln(12.64)/17.472 = 0.14519610741292995 s.
    const q = { waitProbability: 0.1264, arrivalRate: 2.528, serviceRate: 20, servers: 1, exceedance: 0.01 }
    expect(Math.abs(mmcWaitQuantile(q) + 0.05 - 0.19519610741292995)).toBeLessThan(1e-15)
  })

  it('is infinite for an unstable queue; exceedance is 1', () => {
    const q = { waitProbability: 1, arrivalRate: 3, serviceRate: 1, servers: 2 }
    expect(mmcWaitQuantile({ ...q, exceedance: 0.01 })).toBe(Number.POSITIVE_INFINITY)
    expect(mmcWaitExceedance({ ...q, waitScale: 1, wait: 10 })).toBe(1)
  })

  it('are inverse to each other: P(W > t_ε) = ε', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        positive(0.05, 0.98),
        positive(1e-4, 0.4),
        positive(0.25, 3),
        (c, rho, eps, k) => {
          const mu = 10
          const lambda = rho * c * mu
          const p = erlangC({ arrivalRate: lambda, serviceRate: mu, servers: c })
          fc.pre(p > eps * 1.0001)
          const base = { waitProbability: p, arrivalRate: lambda, serviceRate: mu, servers: c }
          const t = k * mmcWaitQuantile({ ...base, exceedance: eps })
          const back = mmcWaitExceedance({ ...base, waitScale: k, wait: t })
          expect(Math.abs(back - eps) / eps).toBeLessThan(1e-9)
        },
      ),
    )
  })
})

describe('kingmanFactor', () => {
  it('is (c² + 1)/2', () => {
    expect(kingmanFactor({ serviceTimeCv: 1 })).toBe(1)
    expect(kingmanFactor({ serviceTimeCv: 0 })).toBe(0.5) // deterministic service halves the wait
    expect(kingmanFactor({ serviceTimeCv: 0.5 })).toBe(0.625)
    expect(kingmanFactor({ serviceTimeCv: 2 })).toBe(2.5)
  })
})

describe('backends agree (queueing formulas)', () => {
  const stable = fc
    .record({
      servers: fc.integer({ min: 1, max: 64 }),
      rho: positive(0.01, 0.97),
      serviceRate: positive(0.1, 1e3),
    })
    .map(({ servers, rho, serviceRate }) => ({
      servers,
      serviceRate,
      arrivalRate: rho * servers * serviceRate,
    }))

  it('erlangC', () => {
    expect(checkBackends(erlangC.model, stable, { smooth: ['arrivalRate', 'serviceRate'] })).toBeGreaterThan(
      50,
    )
  })

  it('mmcWaitQuantile and mmcWaitExceedance', () => {
    const withP = stable.chain((q) =>
      fc.record({
        ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, fc.constant(v)])),
        waitProbability: positive(0.02, 1),
        exceedance: positive(1e-3, 0.5),
        waitScale: positive(0.5, 3),
        wait: positive(0, 10),
      }),
    ) as fc.Arbitrary<Record<string, number>>
    const quantileArb = withP.map(({ waitScale: _s, wait: _w, ...rest }) => rest)
    const exceedanceArb = withP.map(({ exceedance: _e, ...rest }) => rest)
    expect(
      checkBackends(mmcWaitQuantile.model, quantileArb, {
        smooth: ['waitProbability', 'arrivalRate', 'exceedance'],
      }),
    ).toBeGreaterThan(50)
    expect(
      checkBackends(mmcWaitExceedance.model, exceedanceArb, {
        smooth: ['waitProbability', 'arrivalRate', 'wait', 'waitScale'],
      }),
    ).toBeGreaterThan(50)
  })
})
