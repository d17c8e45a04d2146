/**
 * Dimensions as exponent vectors over the base quantities this domain needs.
 *
 * SI has no base unit for information or computation, and carbon mass is a mass of a
 * particular gas, so the base set is domain-specific: each base quantity has one stored
 * unit (byte, FLOP, second, joule, US dollar, kilogram CO2e, litre). Every number inside
 * MLSys·im is a plain `number` in these units; units live only at the edges (parse, format).
 */

export const BASE_QUANTITIES = [
  'information',
  'compute',
  'time',
  'energy',
  'money',
  'carbon',
  'volume',
] as const
export type BaseQuantity = (typeof BASE_QUANTITIES)[number]

/** The stored (base) unit symbol of each base quantity. */
export const BASE_UNITS: Readonly<Record<BaseQuantity, string>> = {
  information: 'B',
  compute: 'FLOP',
  time: 's',
  energy: 'J',
  money: 'USD',
  carbon: 'kgCO2e',
  volume: 'L',
}

/** Exponent of each base quantity; missing keys are 0. `{ information: 1, time: -1 }` is bytes per second. */
export type DimensionVector = Readonly<Partial<Record<BaseQuantity, number>>>

export const DIMENSIONLESS: DimensionVector = Object.freeze({})

function normalize(exponents: Partial<Record<BaseQuantity, number>>): DimensionVector {
  const out: Partial<Record<BaseQuantity, number>> = {}
  for (const base of BASE_QUANTITIES) {
    const e = exponents[base] ?? 0
    if (e !== 0) out[base] = e
  }
  return Object.freeze(out)
}

/** Product of two dimensions (exponents add). */
export function multiplyDimensions(a: DimensionVector, b: DimensionVector): DimensionVector {
  const out: Partial<Record<BaseQuantity, number>> = {}
  for (const base of BASE_QUANTITIES) out[base] = (a[base] ?? 0) + (b[base] ?? 0)
  return normalize(out)
}

/** Quotient of two dimensions (exponents subtract). */
export function divideDimensions(a: DimensionVector, b: DimensionVector): DimensionVector {
  return multiplyDimensions(a, powerDimension(b, -1))
}

/** A dimension raised to a rational power, e.g. √(s²) = s. */
export function powerDimension(a: DimensionVector, exponent: number): DimensionVector {
  const out: Partial<Record<BaseQuantity, number>> = {}
  for (const base of BASE_QUANTITIES) out[base] = (a[base] ?? 0) * exponent
  return normalize(out)
}

export function sameDimension(a: DimensionVector, b: DimensionVector): boolean {
  return BASE_QUANTITIES.every((base) => (a[base] ?? 0) === (b[base] ?? 0))
}

export function isDimensionless(a: DimensionVector): boolean {
  return sameDimension(a, DIMENSIONLESS)
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '.': '·',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
}

/** Base-unit rendering of any vector, e.g. `B·s⁻¹`; `1` when dimensionless. */
export function describeVector(a: DimensionVector): string {
  const parts: string[] = []
  for (const base of BASE_QUANTITIES) {
    const e = a[base] ?? 0
    if (e === 0) continue
    const exp = e === 1 ? '' : [...String(e)].map((c) => SUPERSCRIPT[c] ?? c).join('')
    parts.push(`${BASE_UNITS[base]}${exp}`)
  }
  return parts.length === 0 ? '1' : parts.join('·')
}
