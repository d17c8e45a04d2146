/**
 * A server node: N accelerators of one chip, the GPU–GPU bandwidth inside the node, and the
 * NIC and PSU counts the reliability model multiplies MTTFs by.
 */
import { type Provenance, provenanceSchema, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { withOriginalValues } from '../fidelity.js'
import { type Chip, type ChipInput, chipSchema, compact } from './chip.js'
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
import { perDirection } from './link.js'
import { reference } from './reference.js'

export interface Node {
  kind: 'node'
  id: string
  name: string
  aliases: string[]
  /** The resolved chip. */
  accelerator: Chip
  acceleratorsPerNode: number
  /**
   * B/s PER DIRECTION between two accelerators of the node. Defaults to the chip's scale-up
   * link per direction (DGX H100: NVLink 4 900 GB/s total → 450e9), as the newest original does.
   */
  intraNodeBandwidth: number
  nicsPerNode: number
  psusPerNode: number
  provenance: Provenance
  sources?: Sources
  notes?: string
  corrections?: Correction[]
}

export interface NodeLookups {
  chip: (id: string) => Chip
}

export function createNodeSchema(lookups: NodeLookups) {
  return z
    .strictObject({
      kind: z.literal('node').default('node'),
      id: idSchema,
      name: nameSchema,
      aliases: aliasesSchema,
      accelerator: reference('hardware', chipSchema, lookups.chip),
      acceleratorsPerNode: z.int().positive(),
      intraNodeBandwidth: quantitySchema('bytesPerSecond', { positive: true }).optional(),
      nicsPerNode: z.int().nonnegative().default(1),
      psusPerNode: z.int().nonnegative().default(2),
      provenance: provenanceSchema,
      sources: sourcesSchema,
      notes: notesSchema,
      corrections: correctionsSchema,
    })
    .transform((n, ctx): Node => {
      // The original's fallback order for intra-node bandwidth: scale-up link, then host I/O.
      const linkField = n.accelerator.nvlink
        ? 'nvlink'
        : n.accelerator.interconnect
          ? 'interconnect'
          : undefined
      const link = linkField ? n.accelerator[linkField] : undefined
      const intraNodeBandwidth = n.intraNodeBandwidth ?? (link ? perDirection(link) : undefined)
      if (intraNodeBandwidth === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['intraNodeBandwidth'],
          message: `chip '${n.accelerator.id}' has no scale-up or host link; give intraNodeBandwidth (B/s per direction)`,
        })
        return z.NEVER
      }
      // A bandwidth derived from a corrected link differs from the original's too: record it, so
      // that undoing the corrections of this node restores the original's intra-node bandwidth.
      const corrections = [...(n.corrections ?? [])]
      if (n.intraNodeBandwidth === undefined && linkField) {
        const originalLink = withOriginalValues(n.accelerator)[linkField]
        const original = originalLink ? perDirection(originalLink) : null
        if (original !== intraNodeBandwidth) {
          corrections.push({
            path: 'intraNodeBandwidth',
            original,
            reason: `derived from ${n.accelerator.id}.${linkField}, which this catalog corrects`,
          })
        }
      }
      return compact({
        ...n,
        intraNodeBandwidth,
        corrections: corrections.length > 0 ? corrections : undefined,
      }) as Node
    })
    .superRefine((n, ctx) => checkMetaPaths(n, ctx))
}

export type NodeSchema = ReturnType<typeof createNodeSchema>

export type NodeInput = Omit<z.input<NodeSchema>, 'accelerator'> & { accelerator: string | ChipInput }
