// Sustainability, economics and placement.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { around, boundInputs, expectInputError } from '../../test/solver-fixtures.js'
import { solve } from '../solver/solve.js'
import { type EconomicsResult, economics } from './economics.js'
import type { PlacementResult } from './placement.js'
import { type SustainabilityResult, sustainability } from './sustainability.js'

const KWH = 3.6e6
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const fleetWithoutTdp = {
  node: {
    id: 'NoTdpNode',
    name: 'node without TDP',
    accelerator: 'Graphcore_GC200',
    acceleratorsPerNode: 8,
    intraNodeBandwidth: '100 GB/s',
    provenance: { kind: 'illustrative', ref: 'test', verified: '2026-06-10' },
  },
  count: 2,
  fabric: 'InfiniBand_NDR',
}

describe('sustainability', () => {
  it('hand-derived: Training_1K for 30 days at MFU 0.5 in Quebec_Hydro', () => {
    // 1024 × 700 W × (0.3 + 0.35) = 465,920 W; × 30 d = 1.2076e12 J = 335,462.4 kWh
    // facility: × PUE 1.06 = 355,590.14 kWh; carbon × 20 g/kWh = 7111.8 kg; WUE 0 → no water
    const r = solve('sustainability', {
      fleet: 'Training_1K',
      durationDays: 30,
      mfu: 0.5,
      datacenter: 'Quebec_Hydro',
    }) as SustainabilityResult
    expect(rel(r.itEnergy, 335_462.4 * KWH)).toBeLessThan(1e-12)
    expect(rel(r.totalEnergy, 335_462.4 * 1.06 * KWH)).toBeLessThan(1e-12)
    expect(rel(r.carbon, 335_462.4 * 1.06 * 0.02)).toBeLessThan(1e-12)
    expect(r.water).toBe(0)
    expect(r.region).toBe('Quebec (Hydro)')
    expect(r.pue).toBe(1.06)
  })

  it('embodied carbon adds per device; the default region is the US average', () => {
    const base = solve('sustainability', { fleet: 'Research_256', durationDays: 1 }) as SustainabilityResult
    const embodied = solve('sustainability', {
      fleet: 'Research_256',
      durationDays: 1,
      embodiedCarbonPerDevice: '164 kg',
    }) as SustainabilityResult
    expect(rel(embodied.carbon - base.carbon, 256 * 164)).toBeLessThan(1e-9)
    expect(base.regionId).toBe('US_Avg')
  })

  it('an accelerator without a TDP: an input error by default, 700 W in the original', () => {
    expectInputError('sustainability', { fleet: fleetWithoutTdp, durationDays: 1 }, 'fleet', /has no TDP/)
    const r = solve(
      'sustainability',
      { fleet: fleetWithoutTdp, durationDays: 1, mfu: 0 },
      { fidelity: 'mlsysim-0.1.2' },
    ) as SustainabilityResult
    // 16 × 700 W × 0.3 × 86,400 s
    expect(rel(r.itEnergy, 16 * 700 * 0.3 * 86_400)).toBeLessThan(1e-12)
  })

  it('rejects negative durations, MFU outside [0, 1] and unknown datacenters', () => {
    expectInputError(
      'sustainability',
      { fleet: 'Research_256', durationDays: -1 },
      'durationDays',
      /≥ 0.*got -1/,
    )
    expectInputError('sustainability', { fleet: 'Research_256', durationDays: 1, mfu: 1.2 }, 'mfu', /≤ 1/)
    expectInputError(
      'sustainability',
      { fleet: 'Research_256', durationDays: 1, datacenter: 'Mars' },
      'datacenter',
      /Mars/,
    )
  })

  it('energy, carbon and water are positive and grow with MFU and duration', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 3650, noNaN: true }),
        (mfu, days) => {
          const a = solve('sustainability', {
            fleet: 'Research_256',
            durationDays: days,
            mfu,
          }) as SustainabilityResult
          const b = solve('sustainability', {
            fleet: 'Research_256',
            durationDays: days * 2,
            mfu: mfu + 0.01,
          }) as SustainabilityResult
          for (const key of ['itEnergy', 'totalEnergy', 'carbon', 'water'] as const) {
            expect(a[key]).toBeGreaterThan(0)
            expect(b[key]).toBeGreaterThan(a[key])
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it('backends agree', () => {
    for (const fidelity of ['default', 'mlsysim-0.1.2'] as const) {
      const base = boundInputs(sustainability, { fleet: 'Research_256', durationDays: 1 }, fidelity)
      expectBackendsAgree(
        sustainability.model,
        around(base, {
          durationDays: positive(0.01, 3650),
          mfu: positive(0.001, 1),
          embodiedCarbonPerDevice: positive(1, 1000),
          tdp: positive(1, 2000),
          pue: positive(1, 2),
          carbonIntensity: positive(1e-9, 3e-7),
          wue: positive(1e-8, 1e-6),
        }),
        {
          smooth: ['durationDays', 'mfu', 'tdp', 'pue', 'carbonIntensity', 'wue'],
          differentiable: ['itEnergy', 'totalEnergy', 'carbon', 'water', 'operationalCarbon'],
        },
      )
    }
  })
})

describe('economics', () => {
  it('hand-derived: Production_2K for 90 days in France, $0.07/kWh, infrastructure ×2', () => {
    // CapEx total = 2048 × $25,000 × 2 = $102.4M; period = /3 × 90/365 = $8,416,438.36
    // maintenance = 5% × $102.4M × 90/365 = $1,262,465.75
    const r = solve('economics', {
      fleet: 'Production_2K',
      durationDays: 90,
      datacenter: 'France_Nuclear',
      kwhPrice: 0.07,
      infrastructureMultiplier: 2,
    }) as EconomicsResult
    expect(rel(r.capexTotal, 102.4e6)).toBeLessThan(1e-12)
    expect(rel(r.capex, (102.4e6 / 3) * (90 / 365))).toBeLessThan(1e-12)
    expect(rel(r.opexMaintenance, 0.05 * 102.4e6 * (90 / 365))).toBeLessThan(1e-12)
    // energy: 2048 × 700 W × 1.0 × 90 d × PUE 1.12 × $0.07/kWh
    const kwh = (2048 * 700 * 90 * 24 * 1.12) / 1000
    expect(rel(r.opexEnergy, kwh * 0.07)).toBeLessThan(1e-12)
    expect(rel(r.tco, r.capex + r.opexEnergy + r.opexMaintenance)).toBeLessThan(1e-12)
    expect(r.bindingConstraint).toBe('capital (CapEx)')
  })

  it('a grid stands in for a datacenter (its PUE and carbon); a datacenter wins over a grid', () => {
    const quebec = solve('economics', {
      fleet: 'Research_256',
      durationDays: 10,
      grid: 'Quebec',
    }) as EconomicsResult
    expect(quebec.pue).toBe(1.06)
    expect(quebec.regionId).toBe('Quebec')
    const both = solve('economics', {
      fleet: 'Research_256',
      durationDays: 10,
      grid: 'Quebec',
      datacenter: 'Poland_Coal',
    }) as EconomicsResult
    expect(both.regionId).toBe('Poland')
    expect(both.constraintTrace.join(' ')).toMatch(/datacenter 'Poland_Coal' decides/)
  })

  it('rejects bad amortization and negative prices', () => {
    expectInputError(
      'economics',
      { fleet: 'Research_256', durationDays: 1, amortizationYears: 0 },
      'amortizationYears',
      /> 0/,
    )
    expectInputError(
      'economics',
      { fleet: 'Research_256', durationDays: 1, kwhPrice: -0.1 },
      'kwhPrice',
      /≥ 0/,
    )
  })

  it('TCO grows with duration and never falls with a higher price', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (days, price) => {
          const a = solve('economics', {
            fleet: 'Research_256',
            durationDays: days,
            kwhPrice: price,
          }) as EconomicsResult
          const b = solve('economics', {
            fleet: 'Research_256',
            durationDays: days * 1.5,
            kwhPrice: price * 1.5,
          }) as EconomicsResult
          expect(a.tco).toBeGreaterThan(0)
          expect(b.tco).toBeGreaterThan(a.tco)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('backends agree', () => {
    const base = boundInputs(economics, { fleet: 'Research_256', durationDays: 30 })
    expectBackendsAgree(
      economics.model,
      around(base, {
        durationDays: positive(0.01, 3650),
        mfu: positive(0.001, 1),
        amortizationYears: positive(0.5, 10),
        infrastructureMultiplier: positive(0.5, 3),
        unitCost: positive(100, 1e6),
        energyPrice: positive(1e-9, 1e-7),
        original: fc.constantFrom(0, 1),
      }),
      {
        smooth: [
          'durationDays',
          'mfu',
          'amortizationYears',
          'infrastructureMultiplier',
          'unitCost',
          'energyPrice',
        ],
        differentiable: ['capex', 'opexEnergy', 'opexMaintenance', 'opex', 'tco', 'totalEnergy'],
      },
    )
  })
})

describe('placement', () => {
  it('picks the cheapest region once carbon is taxed, and lists every region', () => {
    // Same fleet, same prices: TCO differs only by PUE (Quebec 1.06 vs 1.12); carbon 20 vs 429 vs 680 g/kWh.
    const r = solve('placement', { fleet: 'Research_256', durationDays: 365 }) as PlacementResult
    expect(r.bestRegion).toBe('Quebec')
    expect(r.topCandidates.map((c) => c.region)).toEqual(['Quebec', 'US_Avg', 'Iowa'])
    const quebec = r.topCandidates[0]!
    expect(rel(quebec.objective, quebec.tco + (quebec.carbon / 1000) * 100)).toBeLessThan(1e-12)
    expect(r.totalSearched).toBe(3)
  })

  it('a high enough carbon tax never picks a dirtier grid; without a tax the lowest TCO wins', () => {
    const untaxed = solve('placement', {
      fleet: 'Research_256',
      durationDays: 30,
      regions: ['Iowa', 'Poland'],
      carbonTaxPerTon: 0,
    }) as PlacementResult
    // Poland's PUE is 1.58, Iowa's 1.12: Iowa is cheaper
    expect(untaxed.bestRegion).toBe('Iowa')
    expect(untaxed.objectiveValue).toBe(untaxed.lowestTco)
  })

  it('unknown regions: an input error listing the grids (default); skipped by the original', () => {
    expectInputError(
      'placement',
      { fleet: 'Research_256', durationDays: 1, regions: ['US_Avg', 'Atlantis'] },
      'regions',
      /'Atlantis' is not a grid; grids are .*Quebec/,
    )
    const r = solve(
      'placement',
      { fleet: 'Research_256', durationDays: 1, regions: ['US_Avg', 'Atlantis'] },
      { fidelity: 'mlsysim-0.1.2' },
    ) as PlacementResult
    expect(r.totalSearched).toBe(1)
    expectInputError(
      'placement',
      { fleet: 'Research_256', durationDays: 1, regions: ['Atlantis'] },
      'regions',
      /not a grid/,
      'mlsysim-0.1.2',
    )
  })
})
