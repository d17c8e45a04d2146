/**
 * Zod schemas for quantities, so catalogs and solver inputs accept "80 GiB" or a number
 * in base units and validate into numbers in base units, with messages that name the value
 * and what is allowed.
 */
import { z } from 'zod'
import { DIMENSIONS, type DimensionName } from './dimensions.js'
import { UnitError } from './errors.js'
import { format } from './format.js'
import { parse } from './parse.js'
import { PRECISIONS, type Precision, resolvePrecision } from './precision.js'
import type { Quantity } from './quantity.js'

export interface QuantityConstraints {
  /** Reject values ≤ 0. */
  positive?: boolean
  /** Reject values < 0. */
  nonNegative?: boolean
  /** Inclusive lower bound, in stored units. */
  min?: number
  /** Inclusive upper bound, in stored units. */
  max?: number
  /** Reject fractional values. */
  integer?: boolean
}

function describeBounds(dimension: DimensionName, c: QuantityConstraints): string {
  const show = (v: number) => (dimension === 'count' ? String(v) : format(v, dimension))
  const parts: string[] = []
  if (c.positive) parts.push('> 0')
  if (c.nonNegative) parts.push('≥ 0')
  if (c.min !== undefined) parts.push(`≥ ${show(c.min)}`)
  if (c.max !== undefined) parts.push(`≤ ${show(c.max)}`)
  if (c.integer) parts.push('a whole number')
  return parts.join(', ')
}

function violates(value: number, c: QuantityConstraints): boolean {
  return (
    (c.positive === true && !(value > 0)) ||
    (c.nonNegative === true && !(value >= 0)) ||
    (c.min !== undefined && value < c.min) ||
    (c.max !== undefined && value > c.max) ||
    (c.integer === true && !Number.isInteger(value))
  )
}

/**
 * A quantity of `dimension`: a number already in its stored unit, or a string with a unit.
 * The output is the number in the stored unit (base SI-style units; bits for bit rates).
 *
 * @example quantitySchema('bytesPerSecond', { positive: true }).parse('3.35 TB/s') // 3.35e12
 */
export function quantitySchema<D extends DimensionName>(dimension: D, constraints: QuantityConstraints = {}) {
  const dim = DIMENSIONS[dimension]
  const bounds = describeBounds(dimension, constraints)
  return z
    .union([z.number(), z.string()], {
      // zod's bare "Invalid input" says neither that the field is missing nor what it got.
      error: (issue) =>
        issue.input === undefined
          ? `is required (${dim.label}, e.g. ${JSON.stringify(dim.examples[0])})`
          : `must be a number or a string with a unit, not ${JSON.stringify(issue.input)}`,
    })
    .transform((input, ctx): Quantity<D> => {
      let value: Quantity<D>
      try {
        value = parse(input, dimension)
      } catch (error) {
        if (!(error instanceof UnitError)) throw error
        ctx.addIssue({ code: 'custom', message: error.message, input })
        return z.NEVER
      }
      if (violates(value, constraints)) {
        const shown = typeof input === 'string' ? JSON.stringify(input) : String(input)
        ctx.addIssue({ code: 'custom', message: `${shown} is out of range: must be ${bounds}`, input })
        return z.NEVER
      }
      return value
    })
    .meta({
      description: `${dim.label} (${dimension}): a number in ${dim.unit}, or a string with a unit such as ${dim.examples
        .map((e) => JSON.stringify(e))
        .join(', ')}${bounds ? `; ${bounds}` : ''}`,
    })
}

/** A precision name, normalized to its canonical key ("FP16" → "fp16"). */
export const precisionSchema = z
  .string()
  .transform((name, ctx): Precision => {
    try {
      return resolvePrecision(name)
    } catch (error) {
      if (!(error instanceof UnitError)) throw error
      ctx.addIssue({ code: 'custom', message: error.message, input: name })
      return z.NEVER
    }
  })
  .meta({ description: `numeric precision: one of ${PRECISIONS.join(', ')}` })
