/**
 * A data link (host PCIe, NVLink, ICI, RoCE). Vendors quote NVLink and ICI as the sum of
 * both directions, PCIe and Ethernet per direction; collective-communication β terms need
 * the per-direction figure. The direction is therefore a required field: the original's
 * default of `per_direction` silently doubled H200's and V100's NVLink bandwidth.
 */
import { quantitySchema } from '@mlsysim/units'
import { z } from 'zod'

export const LINK_DIRECTIONS = ['per_direction', 'bidirectional_total'] as const

export type LinkDirection = (typeof LINK_DIRECTIONS)[number]

export interface Link {
  name: string
  /** B/s exactly as quoted by the source; see `direction`. */
  bandwidth: number
  direction: LinkDirection
  /** One-way latency α in seconds, where known. */
  latency?: number
}

export const linkSchema = z
  .strictObject({
    name: z.string().trim().min(1),
    bandwidth: quantitySchema('bytesPerSecond', { positive: true }),
    direction: z.enum(LINK_DIRECTIONS, {
      error: 'direction must be per_direction or bidirectional_total (say which the source quotes)',
    }),
    latency: quantitySchema('seconds', { positive: true }).optional(),
  })
  .transform((link): Link => {
    const out: Link = { name: link.name, bandwidth: link.bandwidth, direction: link.direction }
    if (link.latency !== undefined) out.latency = link.latency
    return out
  })

export type LinkInput = z.input<typeof linkSchema>

/** Bandwidth in one direction, B/s: a bidirectional total is halved (NVLink 4 900 GB/s → 450 GB/s). */
export function perDirection(link: Pick<Link, 'bandwidth' | 'direction'>): number {
  return link.direction === 'bidirectional_total' ? link.bandwidth / 2 : link.bandwidth
}
