/** Numbers for people where no unit is known. */
import { type DimensionName, format, formatNumber } from '@mlsysim/units'

/** 4 significant digits; exponent form when very large or very small ("8.59e10", "2.5e-7"). */
export function plainNumber(value: number): string {
  const magnitude = Math.abs(value)
  if (value !== 0 && Number.isFinite(value) && (magnitude >= 1e6 || magnitude < 1e-3)) {
    return value
      .toPrecision(4)
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'e')
  }
  return formatNumber(value, 4)
}

/** A value with its unit when the dimension is known (and not a bare count), else a plain number. */
export function quantityText(value: number | boolean | string, dimension: DimensionName | undefined): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return String(value)
  // Rates of things (tokens, samples, queries) read as "774K/s", not as a frequency.
  if (dimension === 'hertz') return `${format(value, 'count')}/s`
  return dimension !== undefined && dimension !== 'count' ? format(value, dimension) : plainNumber(value)
}
