/**
 * Deployment tiers. A chip's tier decides which sanity bounds apply to it and where it shows
 * up in pickers; it mirrors the original's `Hardware.Cloud/Edge/Mobile/Workstation/Tiny`.
 */
import { z } from 'zod'

export const TIERS = ['cloud', 'edge', 'mobile', 'workstation', 'tiny'] as const

export type Tier = (typeof TIERS)[number]

export const tierSchema = z.enum(TIERS)
