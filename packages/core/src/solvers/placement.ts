/**
 * Placement search (walls 17–18): the grid region where a fleet costs least once its carbon
 * is priced — TCO + carbon tax · tonnes CO2e, each region priced by the `economics` model.
 *
 * An unknown region is an input error (listing the catalog's grids) in the default model;
 * mlsysim 0.1.2's PlacementOptimizer skips it silently.
 */
import { grids } from '@mlsysim/hardware'
import { z } from 'zod'
import {
  defineProcedureSolver,
  runGraph,
  type SolveContext,
  type SolverResultBase,
} from '../solver/define.js'
import { SolverInputError } from '../solver/errors.js'
import { fleetField, numberField } from '../solver/fields.js'
import { type EconomicsResult, economics } from './economics.js'

export const placementInput = z.strictObject({
  fleet: fleetField(),
  durationDays: numberField({ min: 0, unit: 'days' }),
  regions: z
    .array(z.string().min(1), { error: 'must be a list of grid ids' })
    .min(1, 'must name at least one grid')
    .default(['US_Avg', 'Quebec', 'Iowa']),
  /** USD per tonne CO2e. */
  carbonTaxPerTon: numberField({ min: 0, unit: 'USD per tonne of CO2e' }).default(100),
  mfu: numberField({ min: 0, max: 1 }).default(1),
})
export type PlacementInput = z.output<typeof placementInput>

export interface PlacementCandidate {
  readonly region: string
  readonly tco: number
  /** kg CO2e. */
  readonly carbon: number
  readonly pue: number
  /** TCO + carbon tax, USD. */
  readonly objective: number
}

export interface PlacementResult extends SolverResultBase {
  readonly bestRegion: string
  readonly objectiveValue: number
  readonly lowestTco: number
  /** kg CO2e of the best region. */
  readonly carbon: number
  readonly pue: number
  readonly totalSearched: number
  /** Every region, cheapest first. */
  readonly topCandidates: readonly PlacementCandidate[]
  readonly bestResult: EconomicsResult
}

function knownRegions(input: PlacementInput, context: SolveContext) {
  const known = input.regions.filter((r) => grids.has(r))
  const unknown = input.regions.filter((r) => !grids.has(r))
  const valid = grids.list().map((g) => g.id)
  if ((unknown.length > 0 && context.fidelity !== 'mlsysim-0.1.2') || known.length === 0) {
    throw new SolverInputError('placement', [
      {
        field: 'regions',
        message: `${unknown.map((r) => `'${r}'`).join(', ')} ${unknown.length === 1 ? 'is not a grid' : 'are not grids'}; grids are ${valid.join(', ')}`,
        value: input.regions,
      },
    ])
  }
  return known.map((r) => grids.get(r))
}

export const placement = defineProcedureSolver({
  id: 'placement',
  title: 'Placement search',
  walls: [17, 18],
  description: 'The grid region that minimizes TCO plus a carbon tax for a fleet over a period.',
  input: placementInput,
  resultKeys: [
    'bestRegion',
    'objectiveValue',
    'lowestTco',
    'carbon',
    'pue',
    'totalSearched',
    'topCandidates',
    'bestResult',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  run(input, context): PlacementResult {
    const priced = knownRegions(input, context).map((grid) => {
      const result = runGraph(
        economics,
        {
          fleet: input.fleet,
          durationDays: input.durationDays,
          grid,
          mfu: input.mfu,
          amortizationYears: 3,
          infrastructureMultiplier: 1,
        },
        context,
      ) as EconomicsResult
      const objective = result.tco + (result.carbon / 1000) * input.carbonTaxPerTon
      return {
        candidate: { region: grid.id, tco: result.tco, carbon: result.carbon, pue: result.pue, objective },
        result,
      }
    })
    priced.sort((a, b) => a.candidate.objective - b.candidate.objective)
    const best = priced[0]!
    return {
      bestRegion: best.candidate.region,
      objectiveValue: best.candidate.objective,
      lowestTco: best.candidate.tco,
      carbon: best.candidate.carbon,
      pue: best.candidate.pue,
      totalSearched: priced.length,
      topCandidates: priced.map((p) => p.candidate),
      bestResult: best.result,
      feasible: true,
      bindingConstraint: best.result.bindingConstraint,
      constraintTrace: [
        `Placement: ${priced
          .map((p) => `${p.candidate.region} $${Math.round(p.candidate.objective).toLocaleString('en-US')}`)
          .join(', ')} (TCO + $${input.carbonTaxPerTon}/t CO2e); best ${best.candidate.region}.`,
      ],
    }
  },
})
