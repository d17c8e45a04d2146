/**
 * A scale-out network fabric: per-port bandwidth, one-way latency α, topology and
 * oversubscription. Networking quotes bit rates, so data writes "400 Gbps"; the resolved
 * bandwidth is B/s (400 Gbps → 50e9).
 */
import { type Provenance, provenanceSchema, quantity, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { compact } from './chip.js'
import {
  aliasesSchema,
  checkMetaPaths,
  idSchema,
  nameSchema,
  notesSchema,
  type Sources,
  sourcesSchema,
} from './entry-meta.js'

export const FABRIC_TOPOLOGIES = ['fat-tree', 'ring', 'torus-3d', 'dragonfly'] as const

export type FabricTopology = (typeof FABRIC_TOPOLOGIES)[number]

/**
 * The original's inter-node α fallback: `Systems.Fabrics.InfiniBand_NDR.latency`, 5 µs.
 * A fabric defined without a latency gets it, so a resolved fabric always has one.
 */
export const DEFAULT_FABRIC_LATENCY = 5e-6

export interface Fabric {
  kind: 'fabric'
  id: string
  name: string
  aliases: string[]
  topology: FabricTopology
  /** B/s per port, per direction (100GbE → 12.5e9). */
  bandwidth: number
  /** One-way α, s. */
  latency: number
  /** ≥ 1; effective bandwidth = bandwidth·β/oversubscription. */
  oversubscription: number
  provenance: Provenance
  sources?: Sources
  notes?: string
}

export const fabricTopologySchema = z
  .string()
  .transform((t) => t.trim().toLowerCase().replace(/_/g, '-'))
  .pipe(z.enum(FABRIC_TOPOLOGIES, { error: `topology must be one of ${FABRIC_TOPOLOGIES.join(', ')}` }))

export const fabricSchema = z
  .strictObject({
    kind: z.literal('fabric').default('fabric'),
    id: idSchema,
    name: nameSchema,
    aliases: aliasesSchema,
    topology: fabricTopologySchema.default('fat-tree'),
    bandwidth: quantitySchema('bytesPerSecond', { positive: true }),
    latency: quantitySchema('seconds', { positive: true }).default(
      quantity(DEFAULT_FABRIC_LATENCY, 'seconds'),
    ),
    oversubscription: z.number().min(1, 'oversubscription is a ratio ≥ 1').default(1),
    provenance: provenanceSchema,
    sources: sourcesSchema,
    notes: notesSchema,
  })
  .transform((f): Fabric => compact(f) as Fabric)
  .superRefine((f, ctx) => checkMetaPaths(f, ctx))

export type FabricInput = z.input<typeof fabricSchema>
