/** Solvers of the fleet and operations walls. */
export const FLEET_SOLVERS = {} as const
