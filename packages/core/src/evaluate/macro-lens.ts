/**
 * The macro lens ("is it worth it?"): cost and carbon of running a fleet for a duration,
 * from the economics solver, which prices the sustainability model's energy (one call, as
 * the original's EconomicsModel). Shared by plan evaluations and scenarios.
 */
import type { FleetInput } from '@mlsysim/hardware'
import { format } from '@mlsysim/units'
import type { Fidelity } from '../solver/fidelity.js'
import { solve } from '../solver/solve.js'

export interface MacroFigures {
  /** USD over the duration: amortised CapEx + energy + maintenance. */
  readonly tco: number
  /** kg CO2e of operational carbon over the duration. */
  readonly carbon: number
  /** USD of electricity over the duration. */
  readonly energyCost: number
  /** USD of hardware CapEx amortised over the duration. */
  readonly capex: number
}

/**
 * Economics and sustainability of `fleet` running `durationDays` at utilization `mfu`
 * (the sustainability model's power is idle + dynamic × MFU of TDP).
 */
export function macroFigures(
  fleet: string | FleetInput,
  durationDays: number,
  mfu: number,
  fidelity: Fidelity,
): MacroFigures {
  const economics = solve('economics', { fleet, durationDays, mfu }, { fidelity })
  return {
    tco: economics.tco,
    carbon: economics.carbon,
    energyCost: economics.opexEnergy,
    capex: economics.capex,
  }
}

export const dollars = (value: number) => format(value, 'dollars')
