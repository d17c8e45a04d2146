/**
 * Input fields shared by the solvers, with the original's defaults and messages that say
 * what is allowed. Catalog references accept an id or alias, or an inline definition
 * validated by the catalog's own schema.
 */
import {
  type Chip,
  type Datacenter,
  type Fabric,
  type Fleet,
  type Grid,
  resolveChip,
  resolveDatacenter,
  resolveFabric,
  resolveFleet,
  resolveGrid,
} from '@mlsysim/hardware'
import { type DimensionName, precisionSchema, type QuantityConstraints, quantitySchema } from '@mlsysim/units'
import { resolveWorkload, type Workload } from '@mlsysim/workloads'
import { z } from 'zod'

/** A whole number in [min, max]. */
export function integerField(options: { min?: number; max?: number } = {}) {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = options
  const range = [Number.isFinite(min) ? `≥ ${min}` : '', Number.isFinite(max) ? `≤ ${max}` : '']
    .filter(Boolean)
    .join(' and ')
  return z
    .number({ error: `must be a whole number${range ? ` ${range}` : ''}` })
    .refine(
      (v) => Number.isInteger(v) && v >= min && v <= max,
      `must be a whole number${range ? ` ${range}` : ''}`,
    )
}

/**
 * A real number in a range; `exclusiveMin` for (min, max]. `unit` names the unit of a key
 * that carries one in its name, as the original's do (`serviceLatencyMs`: milliseconds), so
 * that a string such as "50 ms" is told what to write instead.
 */
export function numberField(
  options: { min?: number; max?: number; exclusiveMin?: boolean; unit?: string } = {},
) {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, exclusiveMin = false } = options
  const low = Number.isFinite(min) ? `${exclusiveMin ? '>' : '≥'} ${min}` : ''
  const high = Number.isFinite(max) ? `≤ ${max}` : ''
  const range = `must be a number ${[low, high].filter(Boolean).join(' and ')}`.trim()
  const message = options.unit ? `${range}, in ${options.unit}` : range
  return z
    .number({ error: message })
    .refine((v) => Number.isFinite(v) && (exclusiveMin ? v > min : v >= min) && v <= max, message)
}

/** Efficiency η ∈ (0, 1] (the fraction of peak a kernel sustains). */
export const efficiencyField = () => numberField({ min: 0, max: 1, exclusiveMin: true })

/**
 * Efficiency η ∈ [1e-9, 1], the range the original's Engine validates (`efficiency ∈ [1e-9, 1]`),
 * for the solvers built on it (single-node, network-roofline, sensitivity, distributed).
 */
export const engineEfficiencyField = () => numberField({ min: 1e-9, max: 1 })

/** Batch size: a whole number ≥ 1. */
export const batchSizeField = () => integerField({ min: 1 })

export const precisionField = () => precisionSchema

/** A quantity: a number in the dimension's stored unit or a string with a unit ("100 GB/s"). */
export function quantityField(dimension: DimensionName, constraints: QuantityConstraints = {}) {
  return quantitySchema(dimension, constraints)
}

/**
 * Wraps a catalog resolver so that a miss or a bad inline definition becomes a zod issue.
 * Resolvers type their own input (id, alias, inline definition); the value reaching them
 * here is a string or a plain record, which each resolver validates itself.
 */
function reference<T>(what: string, resolve: (input: never) => T) {
  return z
    .union([z.string(), z.record(z.string(), z.unknown())], {
      error: `must be a ${what} id or an inline ${what} definition`,
    })
    .transform((value, ctx): T => {
      try {
        return resolve(value as never)
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: error instanceof Error ? error.message : String(error),
          input: value,
        })
        return z.NEVER
      }
    })
}

export const workloadField = () => reference<Workload>('workload', resolveWorkload)
export const hardwareField = () => reference<Chip>('hardware', resolveChip)
export const fleetField = () => reference<Fleet>('fleet', resolveFleet)
export const gridField = () => reference<Grid>('grid', resolveGrid)
export const datacenterField = () => reference<Datacenter>('datacenter', resolveDatacenter)
export const fabricField = () => reference<Fabric>('fabric', resolveFabric)
