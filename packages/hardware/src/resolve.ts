/**
 * What solvers call on their inputs: an id/alias or an inline definition in, a resolved
 * entry (SI numbers, references resolved) out. Errors name the path of the bad field:
 * "invalid fleet: node.accelerator: unknown hardware 'H10'; did you mean H100, H200?".
 */

import type { z } from 'zod'
import {
  datacenterSchema,
  fleetSchema,
  getDatacenter,
  getFabric,
  getFleet,
  getGrid,
  getHardware,
  getNode,
  gridSchema,
  nodeSchema,
} from './catalog.js'
import { parseEntry } from './errors.js'
import type { Chip, ChipInput } from './schema/chip.js'
import { chipSchema } from './schema/chip.js'
import type { Datacenter } from './schema/datacenter.js'
import type { Fabric, FabricInput } from './schema/fabric.js'
import { fabricSchema } from './schema/fabric.js'
import type { Fleet } from './schema/fleet.js'
import type { Grid, GridInput } from './schema/grid.js'
import type { Node, NodeInput } from './schema/node.js'

export type FleetInput = z.input<typeof fleetSchema>
export type DatacenterInput = z.input<typeof datacenterSchema>

function resolver<In, Out>(kind: string, lookup: (id: string) => Out, schema: z.ZodType<Out, In>) {
  return (input: string | In | Out): Out =>
    typeof input === 'string' ? lookup(input) : parseEntry(schema, input, kind)
}

export const resolveChip: (input: string | ChipInput | Chip) => Chip = resolver(
  'hardware',
  getHardware,
  chipSchema,
)
export const resolveNode: (input: string | NodeInput | Node) => Node = resolver('node', getNode, nodeSchema)
export const resolveFabric: (input: string | FabricInput | Fabric) => Fabric = resolver(
  'fabric',
  getFabric,
  fabricSchema,
)
export const resolveFleet: (input: string | FleetInput | Fleet) => Fleet = resolver(
  'fleet',
  getFleet,
  fleetSchema,
)
export const resolveGrid: (input: string | GridInput | Grid) => Grid = resolver('grid', getGrid, gridSchema)
export const resolveDatacenter: (input: string | DatacenterInput | Datacenter) => Datacenter = resolver(
  'datacenter',
  getDatacenter,
  datacenterSchema,
)
