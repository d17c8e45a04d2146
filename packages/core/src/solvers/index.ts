/**
 * Every solver, by its stable id. `solve(id, input)` looks solvers up here.
 */
import { FLEET_SOLVERS } from './fleet-solvers.js'
import { NODE_SOLVERS } from './node-solvers.js'

export const SOLVERS = { ...NODE_SOLVERS, ...FLEET_SOLVERS } as const
