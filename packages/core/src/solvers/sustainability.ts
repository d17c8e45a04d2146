/**
 * Energy, carbon and water of running a fleet (wall 18, Sustainability).
 *
 *   P_chip = TDP·(0.30 + 0.70·MFU)              energy-proportional accelerator power
 *   E_IT   = P_chip · N · T                      accelerators only (hosts, network, storage excluded)
 *   E      = E_IT · PUE                          facility energy
 *   CO₂    = E · CI + embodied · N               operational + manufacturing carbon
 *   water  = E_IT · WUE                          WUE = site water / IT energy (The Green Grid WP#35)
 *
 * The original multiplies WUE by the facility energy E (so water is PUE× too high) and takes
 * 700 W for an accelerator without a TDP; `fidelity: 'mlsysim-0.1.2'` does both, the default
 * uses IT energy and rejects a fleet whose accelerator has no TDP.
 *
 * Region: the datacenter's grid, else the fleet's datacenter's grid, else the fleet's region,
 * else the US average. PUE: the datacenter's, else the fleet's effective PUE.
 */
import { type Datacenter, type Fleet, type Grid, resolveGrid } from '@mlsysim/hardware'
import { format, quantity, sourced } from '@mlsysim/units'
import { z } from 'zod'
import { ENERGY_DYNAMIC_FRACTION, ENERGY_IDLE_FRACTION } from '../constants.js'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import { SolverInputError } from '../solver/errors.js'
import { datacenterField, fleetField, numberField, quantityField } from '../solver/fields.js'

/** The original's power for an accelerator without a TDP (an H100's 700 W). */
export const FALLBACK_TDP = sourced(700, {
  kind: 'convention',
  ref: 'MLSys·im SustainabilityModel: base_tdp = accelerator.tdp or 700 W',
  url: 'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/solvers/economics.py',
  verified: '2026-06-10',
})

/** Region when neither a datacenter nor the fleet names one. */
export const DEFAULT_GRID = 'US_Avg'

export const SECONDS_PER_DAY = sourced(86_400, {
  kind: 'convention',
  ref: 'SI: 1 d = 86,400 s',
  url: 'https://www.bipm.org/en/publications/si-brochure',
  verified: '2026-06-10',
})

export const sustainabilityInput = z.strictObject({
  fleet: fleetField(),
  durationDays: numberField({ min: 0, unit: 'days' }),
  datacenter: datacenterField().optional(),
  mfu: numberField({ min: 0, max: 1 }).default(1),
  embodiedCarbonPerDevice: quantityField('co2e', { nonNegative: true }).default(quantity(0, 'co2e')),
})
export type SustainabilityInput = z.output<typeof sustainabilityInput>

export interface EnvironmentArgs {
  original: Expr
  durationDays: Expr
  mfu: Expr
  embodiedCarbonPerDevice: Expr
  tdp: Expr
  accelerators: Expr
  pue: Expr
  carbonIntensity: Expr
  wue: Expr
}

/** Energy, carbon and water of a fleet over a period, as a graph fragment. */
export function fleetEnvironment(b: GraphBuilder, x: EnvironmentArgs) {
  const idle = sourcedConstant(b, 'ENERGY_IDLE_FRACTION', ENERGY_IDLE_FRACTION, 'count', 'p_{idle}')
  const dynamic = sourcedConstant(b, 'ENERGY_DYNAMIC_FRACTION', ENERGY_DYNAMIC_FRACTION, 'count', 'p_{dyn}')
  const day = sourcedConstant(b, 'SECONDS_PER_DAY', SECONDS_PER_DAY, 'seconds', 't_{day}')
  const duration = b.let('duration', x.durationDays.mul(day), { symbol: 'T' })
  const chipPower = b.let('powerPerAccelerator', x.tdp.mul(idle.add(dynamic.mul(x.mfu))), {
    symbol: 'P_{chip}',
  })
  const itEnergy = b.let('itEnergy', chipPower.mul(x.accelerators).mul(duration), { symbol: 'E_{IT}' })
  const totalEnergy = b.let('totalEnergy', itEnergy.mul(x.pue), { symbol: 'E' })
  const operationalCarbon = b.let('operationalCarbon', totalEnergy.mul(x.carbonIntensity), {
    symbol: 'CO_2^{op}',
  })
  const embodiedCarbon = b.let('embodiedCarbon', x.embodiedCarbonPerDevice.mul(x.accelerators), {
    symbol: 'CO_2^{emb}',
  })
  const water = b.let('water', b.select(x.original, totalEnergy, itEnergy).mul(x.wue), {
    symbol: 'V_{water}',
  })
  return {
    duration,
    powerPerAccelerator: chipPower,
    itEnergy,
    totalEnergy,
    operationalCarbon,
    embodiedCarbon,
    carbon: operationalCarbon.add(embodiedCarbon),
    water,
  }
}

const model = defineModel('sustainability', (b) =>
  fleetEnvironment(b, {
    original: b.input('original', 'count').gt(0),
    durationDays: b.input('durationDays', 'count', { symbol: 'T_{days}' }),
    mfu: b.input('mfu', 'count', { symbol: '\\text{MFU}' }),
    embodiedCarbonPerDevice: b.input('embodiedCarbonPerDevice', 'co2e', { symbol: 'c_{emb}' }),
    tdp: b.input('tdp', 'watts', { symbol: 'P_{TDP}' }),
    accelerators: b.input('accelerators', 'count', { symbol: 'N' }),
    pue: b.input('pue', 'count', { symbol: '\\text{PUE}' }),
    carbonIntensity: b.input('carbonIntensity', 'carbonIntensity', { symbol: 'CI' }),
    wue: b.input('wue', 'waterIntensity', { symbol: '\\text{WUE}' }),
  }),
)

export interface Environment {
  readonly region: Grid
  readonly pue: number
  readonly tdp: number
}

/**
 * Region and PUE of a fleet operation. `site` is the datacenter (or, from the economics
 * solver, a grid) the caller names; a grid stands in for a datacenter with that grid's PUE.
 */
export function environmentOf(
  solver: string,
  fleet: Fleet,
  site: Datacenter | Grid | undefined,
  context: SolveContext,
): Environment {
  const dc = site ?? fleet.datacenter
  const region =
    dc === undefined ? (fleet.region ?? resolveGrid(DEFAULT_GRID)) : dc.kind === 'datacenter' ? dc.grid : dc
  const pue = dc?.pue ?? fleet.effectivePue
  const chip = fleet.node.accelerator
  if (chip.tdp === undefined && context.fidelity !== 'mlsysim-0.1.2') {
    throw new SolverInputError(solver, [
      {
        field: 'fleet',
        message: `accelerator '${chip.id}' has no TDP, so its energy is unknown; give the fleet a chip with a tdp (the original assumed 700 W)`,
        value: fleet.id,
      },
    ])
  }
  return { region, pue, tdp: chip.tdp ?? FALLBACK_TDP.value }
}

export function bindEnvironment(
  env: Environment,
  fleet: Fleet,
  context: SolveContext,
): Record<string, number> {
  return {
    original: context.fidelity === 'mlsysim-0.1.2' ? 1 : 0,
    tdp: env.tdp,
    accelerators: fleet.totalAccelerators,
    pue: env.pue,
    carbonIntensity: env.region.carbonIntensity,
    wue: env.region.wue,
  }
}

export interface SustainabilityResult extends SolverResultBase {
  /** J of accelerator (IT) energy. */
  readonly itEnergy: number
  /** J of facility energy (IT × PUE). */
  readonly totalEnergy: number
  readonly pue: number
  /** kg CO2e, operational + embodied. */
  readonly carbon: number
  readonly operationalCarbon: number
  readonly embodiedCarbon: number
  /** L of water. */
  readonly water: number
  /** W per accelerator. */
  readonly powerPerAccelerator: number
  /** The grid region's name. */
  readonly region: string
  readonly regionId: string
}

export function environmentTrace(
  o: Readonly<Record<string, number>>,
  env: Environment,
  fleet: Fleet,
): string[] {
  return [
    `Power: ${fleet.totalAccelerators} × ${format(o.powerPerAccelerator!, 'watts')} on ${fleet.name}; IT energy ${format(
      o.itEnergy!,
      'joules',
    )}, facility energy ${format(o.totalEnergy!, 'joules')} at PUE ${env.pue}.`,
    `Carbon: ${format(o.carbon!, 'co2e')} in ${env.region.name} (${format(env.region.carbonIntensity, 'carbonIntensity')}); water ${format(
      o.water!,
      'liters',
    )}.`,
  ]
}

export const sustainability = defineGraphSolver({
  id: 'sustainability',
  title: 'Energy, carbon and water of a fleet',
  walls: [18],
  description: 'IT and facility energy, operational and embodied carbon, and water of a fleet over a period.',
  input: sustainabilityInput,
  resultKeys: [
    'itEnergy',
    'totalEnergy',
    'pue',
    'carbon',
    'operationalCarbon',
    'embodiedCarbon',
    'water',
    'powerPerAccelerator',
    'region',
    'regionId',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['durationDays', 'mfu', 'embodiedCarbonPerDevice'],
  bind(input, context) {
    return bindEnvironment(
      environmentOf('sustainability', input.fleet, input.datacenter, context),
      input.fleet,
      context,
    )
  },
  finish(input, o, context): SustainabilityResult {
    const env = environmentOf('sustainability', input.fleet, input.datacenter, context)
    return {
      itEnergy: o.itEnergy,
      totalEnergy: o.totalEnergy,
      pue: env.pue,
      carbon: o.carbon,
      operationalCarbon: o.operationalCarbon,
      embodiedCarbon: o.embodiedCarbon,
      water: o.water,
      powerPerAccelerator: o.powerPerAccelerator,
      region: env.region.name,
      regionId: env.region.id,
      feasible: true,
      bindingConstraint: o.embodiedCarbon > o.operationalCarbon ? 'embodied carbon' : 'grid carbon intensity',
      constraintTrace: environmentTrace(o, env, input.fleet),
    }
  },
})
