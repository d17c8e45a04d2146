/**
 * Total cost of ownership of a fleet over a period (wall 17, Capital).
 *
 *   CapEx_total  = unit cost · N · infrastructure multiplier
 *   CapEx_period = CapEx_total / amortization years · T/365 d
 *   maintenance  = CapEx_total · 5 %/yr · T/365 d
 *   energy       = facility energy (sustainability) · electricity price
 *   TCO          = CapEx_period + energy + maintenance
 *
 * An accelerator without a unit cost contributes $0 (never another chip's price), and the
 * trace says so. Energy, carbon and water come from the sustainability fragment, so cost,
 * carbon and water share one PUE and one grid.
 */
import { pricing } from '@mlsysim/hardware'
import { format, sourced } from '@mlsysim/units'
import { z } from 'zod'
import { DEFAULT_INFRASTRUCTURE_MULTIPLIER } from '../constants.js'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { datacenterField, fleetField, gridField, numberField } from '../solver/fields.js'
import {
  bindEnvironment,
  type EnvironmentArgs,
  environmentOf,
  environmentTrace,
  fleetEnvironment,
} from './sustainability.js'

const KWH = 3.6e6

export const DAYS_PER_YEAR = sourced(365, {
  kind: 'convention',
  ref: 'MLSys·im EconomicsModel: duration_days / 365.0',
  url: 'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/engine/solvers/economics.py',
  verified: '2026-06-10',
})

export const economicsInput = z.strictObject({
  fleet: fleetField(),
  durationDays: numberField({ min: 0, unit: 'days' }),
  /** USD per kWh; default: the catalog's cloud electricity price ($0.12/kWh). */
  kwhPrice: numberField({ min: 0, unit: 'USD per kWh' }).optional(),
  datacenter: datacenterField().optional(),
  grid: gridField().optional(),
  mfu: numberField({ min: 0, max: 1 }).default(1),
  amortizationYears: numberField({ min: 0, exclusiveMin: true }).default(3),
  infrastructureMultiplier: numberField({ min: 0 }).default(DEFAULT_INFRASTRUCTURE_MULTIPLIER.value),
})
export type EconomicsInput = z.output<typeof economicsInput>

export interface CostArgs extends EnvironmentArgs {
  unitCost: Expr
  energyPrice: Expr
  amortizationYears: Expr
  infrastructureMultiplier: Expr
  maintenanceRatio: Expr
}

/** TCO of a fleet over a period, with its energy, carbon and water, as a graph fragment. */
export function fleetCosts(b: GraphBuilder, x: CostArgs) {
  const environment = fleetEnvironment(b, x)
  const year = sourcedConstant(b, 'DAYS_PER_YEAR', DAYS_PER_YEAR, 'count', 'T_{yr}')
  const periodShare = x.durationDays.div(year)
  const capexTotal = b.let('capexTotal', x.unitCost.mul(x.accelerators).mul(x.infrastructureMultiplier), {
    symbol: '\\text{CapEx}_{total}',
  })
  const capex = b.let('capex', capexTotal.div(x.amortizationYears).mul(periodShare), {
    symbol: '\\text{CapEx}',
  })
  const opexEnergy = b.let('opexEnergy', environment.totalEnergy.mul(x.energyPrice), {
    symbol: '\\text{OpEx}_E',
  })
  const opexMaintenance = b.let('opexMaintenance', capexTotal.mul(x.maintenanceRatio).mul(periodShare), {
    symbol: '\\text{OpEx}_M',
  })
  const opex = b.let('opex', opexEnergy.add(opexMaintenance), { symbol: '\\text{OpEx}' })
  return { ...environment, capexTotal, capex, opexEnergy, opexMaintenance, opex, tco: capex.add(opex) }
}

const model = defineModel('economics', (b) =>
  fleetCosts(b, {
    original: b.input('original', 'count').gt(0),
    durationDays: b.input('durationDays', 'count', { symbol: 'T_{days}' }),
    mfu: b.input('mfu', 'count', { symbol: '\\text{MFU}' }),
    embodiedCarbonPerDevice: b.constant(0, 'co2e'),
    tdp: b.input('tdp', 'watts', { symbol: 'P_{TDP}' }),
    accelerators: b.input('accelerators', 'count', { symbol: 'N' }),
    pue: b.input('pue', 'count', { symbol: '\\text{PUE}' }),
    carbonIntensity: b.input('carbonIntensity', 'carbonIntensity', { symbol: 'CI' }),
    wue: b.input('wue', 'waterIntensity', { symbol: '\\text{WUE}' }),
    unitCost: b.input('unitCost', 'dollars', { symbol: 'c_{unit}' }),
    energyPrice: b.input('energyPrice', 'dollarsPerJoule', { symbol: 'p_E' }),
    amortizationYears: b.input('amortizationYears', 'count', { symbol: 'Y' }),
    infrastructureMultiplier: b.input('infrastructureMultiplier', 'count', { symbol: 'k_{infra}' }),
    maintenanceRatio: b.input('maintenanceRatio', 'count', { symbol: 'r_{maint}' }),
  }),
)

export interface EconomicsResult extends SolverResultBase {
  /** USD of CapEx amortized over the period. */
  readonly capex: number
  readonly capexTotal: number
  readonly opexEnergy: number
  readonly opexMaintenance: number
  readonly opex: number
  readonly tco: number
  readonly itEnergy: number
  readonly totalEnergy: number
  readonly carbon: number
  readonly water: number
  readonly pue: number
  readonly region: string
  readonly regionId: string
  /** USD per J actually used. */
  readonly energyPrice: number
}

/** Electricity price in USD/J: the argument (USD/kWh), else the catalog's cloud price. */
export function energyPriceOf(kwhPrice: number | undefined): number {
  return kwhPrice === undefined ? pricing.cloud.electricity : kwhPrice / KWH
}

export const economics = defineGraphSolver({
  id: 'economics',
  title: 'Total cost of ownership',
  walls: [17, 18],
  description: 'Amortized CapEx, energy and maintenance OpEx, and TCO of a fleet over a period.',
  input: economicsInput,
  resultKeys: [
    'capex',
    'capexTotal',
    'opexEnergy',
    'opexMaintenance',
    'opex',
    'tco',
    'itEnergy',
    'totalEnergy',
    'carbon',
    'water',
    'pue',
    'region',
    'regionId',
    'energyPrice',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['durationDays', 'mfu', 'amortizationYears', 'infrastructureMultiplier'],
  bind(input, context) {
    const env = environmentOf('economics', input.fleet, input.datacenter ?? input.grid, context)
    return {
      ...bindEnvironment(env, input.fleet, context),
      unitCost: input.fleet.node.accelerator.unitCost ?? 0,
      energyPrice: energyPriceOf(input.kwhPrice),
      maintenanceRatio: pricing.capital.annualMaintenanceRatio,
    }
  },
  finish(input, o, context, bound): EconomicsResult {
    const env = environmentOf('economics', input.fleet, input.datacenter ?? input.grid, context)
    const chip = input.fleet.node.accelerator
    const trace = [
      `Capital: ${input.fleet.totalAccelerators} × ${chip.unitCost === undefined ? 'unknown price ($0 counted)' : format(chip.unitCost, 'dollars')} × ${input.infrastructureMultiplier} = ${format(
        o.capexTotal,
        'dollars',
      )}, amortized over ${input.amortizationYears} years: ${format(o.capex, 'dollars')} for ${input.durationDays} days.`,
      `Operations: energy ${format(o.opexEnergy, 'dollars')} at ${format(bound.energyPrice!, 'dollarsPerJoule')}, maintenance ${format(
        o.opexMaintenance,
        'dollars',
      )}; TCO ${format(o.tco, 'dollars')}.`,
      ...environmentTrace(o, env, input.fleet),
    ]
    if (input.datacenter && input.grid)
      trace.push(`Both a datacenter and a grid were given: the datacenter '${input.datacenter.id}' decides.`)
    const largest: [string, number][] = [
      ['capital (CapEx)', o.capex],
      ['energy', o.opexEnergy],
      ['maintenance', o.opexMaintenance],
    ]
    return {
      capex: o.capex,
      capexTotal: o.capexTotal,
      opexEnergy: o.opexEnergy,
      opexMaintenance: o.opexMaintenance,
      opex: o.opex,
      tco: o.tco,
      itEnergy: o.itEnergy,
      totalEnergy: o.totalEnergy,
      carbon: o.carbon,
      water: o.water,
      pue: env.pue,
      region: env.region.name,
      regionId: env.region.id,
      energyPrice: bound.energyPrice!,
      feasible: true,
      bindingConstraint: largest.reduce((a, c) => (c[1] > a[1] ? c : a))[0],
      constraintTrace: trace,
    }
  },
})
