// Every entry validates: each resolved entry reads back through its own schema unchanged, so
// a solver may pass a resolved entry wherever an id or an inline definition is accepted.
import { describe, expect, it } from 'vitest'
import {
  boardSchema,
  boards,
  chipSchema,
  chips,
  coolingClasses,
  coolingClassSchema,
  datacenterSchema,
  datacenters,
  fabricSchema,
  fabrics,
  fleetSchema,
  fleets,
  gridSchema,
  grids,
  nodeSchema,
  nodes,
  podSchema,
  pods,
  rackSchema,
  racks,
} from './index.js'

const cases = [
  ['chip', chips, chipSchema],
  ['board', boards, boardSchema],
  ['node', nodes, nodeSchema],
  ['fabric', fabrics, fabricSchema],
  ['fleet', fleets, fleetSchema],
  ['pod', pods, podSchema],
  ['grid', grids, gridSchema],
  ['datacenter', datacenters, datacenterSchema],
  ['cooling class', coolingClasses, coolingClassSchema],
  ['rack', racks, rackSchema],
] as const

describe.each(cases)('%s entries', (_kind, registry, schema) => {
  it.each(registry.list().map((e) => [e.id, e] as const))(
    '%s reads back through its schema unchanged',
    (_id, entry) => {
      const result = (
        schema as { safeParse: (v: unknown) => { success: boolean; data?: unknown } }
      ).safeParse(entry)
      expect(result.success).toBe(true)
      expect(result.data).toEqual(entry)
      expect(Object.isFrozen(entry)).toBe(true)
    },
  )
})
