/**
 * A fleet (the original's Cluster): `count` nodes over one fabric, optionally placed in a
 * grid region and a datacenter. Members are ids/aliases or inline definitions, so a solver
 * input may say `{ node: 'DGX_A100', count: 4, fabric: 'InfiniBand_HDR' }`; an inline fleet
 * may leave out its id, name and provenance (its own only number is the count the user chose).
 */
import { type Provenance, provenanceSchema, todayIsoDate } from '@mlsysim/units'
import { z } from 'zod'
import { compact } from './chip.js'
import type { Datacenter, DatacenterSchema } from './datacenter.js'
import {
  aliasesSchema,
  type Correction,
  checkMetaPaths,
  correctionsSchema,
  idSchema,
  nameSchema,
  notesSchema,
  type Sources,
  sourcesSchema,
} from './entry-meta.js'
import { type Fabric, fabricSchema } from './fabric.js'
import { type Grid, gridSchema } from './grid.js'
import type { Node, NodeSchema } from './node.js'
import { reference } from './reference.js'

export interface Fleet {
  kind: 'fleet'
  id: string
  name: string
  aliases: string[]
  node: Node
  /** Number of nodes. */
  count: number
  fabric: Fabric
  region?: Grid
  datacenter?: Datacenter
  /** Fleet MTBF in hours when measured rather than derived from component MTTFs. */
  mtbfHours?: number
  /** count × node.acceleratorsPerNode. */
  totalAccelerators: number
  /** datacenter.pue → region.pue → the best-air-cooled class (1.12), as the original's effective_pue. */
  effectivePue: number
  provenance: Provenance
  sources?: Sources
  notes?: string
  corrections?: Correction[]
}

export interface FleetLookups {
  node: (id: string) => Node
  fabric: (id: string) => Fabric
  grid: (id: string) => Grid
  datacenter: (id: string) => Datacenter
  /** PUE when neither a datacenter nor a region is given. */
  defaultPue: () => number
}

export function createFleetSchema(
  lookups: FleetLookups,
  nodeSchema: NodeSchema,
  datacenterSchema: DatacenterSchema,
) {
  return z
    .strictObject({
      kind: z.literal('fleet').default('fleet'),
      id: idSchema.optional(),
      name: nameSchema.optional(),
      aliases: aliasesSchema,
      node: reference('node', nodeSchema, lookups.node),
      count: z.int().positive('count is the number of nodes, ≥ 1'),
      fabric: reference('fabric', fabricSchema, lookups.fabric),
      region: reference('grid', gridSchema, lookups.grid).optional(),
      datacenter: reference('datacenter', datacenterSchema, lookups.datacenter).optional(),
      mtbfHours: z.number().positive().optional(),
      /** Accepted so a resolved fleet reads back; must match the derived values. */
      totalAccelerators: z.int().positive().optional(),
      effectivePue: z.number().optional(),
      provenance: provenanceSchema.optional(),
      sources: sourcesSchema,
      notes: notesSchema,
      corrections: correctionsSchema,
    })
    .transform((f, ctx): Fleet => {
      const totalAccelerators = f.count * f.node.acceleratorsPerNode
      const effectivePue = f.datacenter?.pue ?? f.region?.pue ?? lookups.defaultPue()
      for (const [key, derived] of [
        ['totalAccelerators', totalAccelerators],
        ['effectivePue', effectivePue],
      ] as const) {
        if (f[key] !== undefined && f[key] !== derived) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${key} ${f[key]} disagrees with the value derived from the members (${derived}); leave it out`,
          })
          return z.NEVER
        }
      }
      return compact({
        ...f,
        id: f.id ?? `${f.node.id}x${f.count}_${f.fabric.id}`,
        name: f.name ?? `${f.count} × ${f.node.name} over ${f.fabric.name}`,
        totalAccelerators,
        effectivePue,
        provenance: f.provenance ?? {
          kind: 'illustrative' as const,
          ref: 'fleet defined inline by the user; member numbers carry their own provenance',
          verified: todayIsoDate(),
        },
      }) as Fleet
    })
    .superRefine((f, ctx) => checkMetaPaths(f, ctx))
}

export type FleetSchema = ReturnType<typeof createFleetSchema>
