import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { fleetTco, monthlyEgressCost } from './costs.js'

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const KWH = 3.6e6
const YEAR = 365 * 86_400

describe('cost helpers', () => {
  it('fleet TCO: 256 × $25,000 + 700 W × 256 × 3 yr × $0.12/kWh', () => {
    // energy = 700 × 256 × 94,608,000 s = 1.6954e13 J = 4,709,376 kWh → $565,125.12
    const tco = fleetTco({
      unitCost: 25_000,
      power: 700,
      quantity: 256,
      duration: 3 * YEAR,
      energyPrice: 0.12 / KWH,
    })
    expect(rel(tco, 6_400_000 + 565_125.12)).toBeLessThan(1e-12)
  })

  it('monthly egress: 1 GB/s for 30 days at $0.09/GB = 2,592,000 GB × $0.09 = $233,280', () => {
    expect(rel(monthlyEgressCost({ rate: 1e9, pricePerByte: 0.09e-9 }), 233_280)).toBeLessThan(1e-12)
  })

  it('backends agree', () => {
    expectBackendsAgree(
      fleetTco.model,
      {
        unitCost: positive(100, 1e6),
        power: positive(1, 1e5),
        quantity: positive(1, 1e5),
        duration: positive(1, 1e9),
        energyPrice: positive(1e-9, 1e-7),
      },
      { smooth: ['unitCost', 'power', 'quantity', 'duration', 'energyPrice'], differentiable: ['value'] },
    )
    expectBackendsAgree(
      monthlyEgressCost.model,
      { rate: positive(1, 1e12), pricePerByte: positive(1e-12, 1e-9) },
      { smooth: ['rate', 'pricePerByte'], differentiable: ['value'] },
    )
  })
})
