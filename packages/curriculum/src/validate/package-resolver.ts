/**
 * The resolver over the real packages: hardware ids are @mlsysim/hardware's chips and boards
 * (ids or aliases), systems its fleets and nodes, workloads @mlsysim/workloads' catalog, and
 * solvers @mlsysim/core's registry with their input and output keys.
 */
import { listSolvers } from '@mlsysim/core'
import { boards, chips, fleets, nodes } from '@mlsysim/hardware'
import { workloads } from '@mlsysim/workloads'
import { type ReferenceResolver, resolverFromRegistries } from './resolver.js'

let cached: ReferenceResolver | undefined

export function packageResolver(): ReferenceResolver {
  cached ??= resolverFromRegistries({
    hardware: [chips, boards],
    systems: [fleets, nodes],
    workloads: [workloads],
    solvers: listSolvers().map((s) => ({
      id: s.id,
      inputKeys: s.inputKeys,
      outputKeys: s.outputKeys,
      walls: s.walls,
    })),
  })
  return cached
}
