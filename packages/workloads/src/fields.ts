/**
 * Field schemas shared by every workload family. Catalog numbers are plain numbers in SI
 * base units (FLOP, bytes, joules, counts); data files and users may also write them with a
 * unit ("8.2 GFLOP", "100 GB") and `quantitySchema` reads them into base units.
 *
 * The brands of @mlsysim/units (`Quantity<'flop'>`…) are dropped on purpose here: a workload
 * is data that people write as object literals, and `parameters: 8.03e9` must type-check.
 */
import { type DimensionName, type QuantityConstraints, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'

/**
 * A quantity in `dimension`'s stored unit: a number, or a string with a unit. A missing value
 * reads "is required (…)", a wrong one names the value and the dimension (quantitySchema).
 */
export function quantityField(
  dimension: DimensionName,
  constraints: QuantityConstraints = {},
): z.ZodType<number, number | string> {
  return quantitySchema(dimension, constraints) as unknown as z.ZodType<number, number | string>
}

/** A positive count (parameters, tokens, entries): "8.03B", "70 Mparams" or a number. */
export const positiveCount = () => quantityField('count', { positive: true })

/** A positive whole number (layers, heads, dimensions, experts). */
export const positiveInteger = () => quantityField('count', { positive: true, integer: true })

/** A positive amount of computation in FLOP ("8.2 GFLOP", "300 MMAC" = 600 MFLOP). */
export const positiveFlop = () => quantityField('flop', { positive: true })

/** A positive size in bytes ("100 GB", "80 GiB"). */
export const positiveBytes = () => quantityField('bytes', { positive: true })

/** A positive energy in joules ("0.1 mJ", "1287 MWh"). */
export const positiveJoules = () => quantityField('joules', { positive: true })

/** A positive data rate in bytes per second ("2 TB/h"). */
export const positiveBytesPerSecond = () => quantityField('bytesPerSecond', { positive: true })

/** Catalog ids are code-friendly: letters, digits, `_`, `.`, `-` (the original's keys fit). */
export const idSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_.-]*$/,
    'an id starts with a letter and uses only letters, digits, "_", "." and "-" (e.g. Llama3_8B)',
  )
