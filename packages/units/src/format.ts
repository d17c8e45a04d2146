/**
 * Formats quantities for people: the unit that keeps the number between 1 and 1000 (or a
 * unit asked for), a few significant digits, trailing zeros dropped: "80 GiB", "3.35 TB/s",
 * "989 TFLOP/s", "0.568 ms", "$30,000", "1.27 t CO2e". Every output reads back with `parse`.
 */
import { sameDimension } from './dimension.js'
import { DIMENSIONS, type DimensionName, isDimensionName } from './dimensions.js'
import { UnitError } from './errors.js'
import { parse } from './parse.js'

export interface FormatOptions {
  /** Significant digits (default 3). */
  digits?: number
  /** Binary prefixes (KiB, MiB, GiB…) for sizes and bandwidths. */
  binary?: boolean
  /** Format in exactly this unit, e.g. "ms", "GB/s", "kWh". */
  unit?: string
}

interface Rung {
  /** Stored units in one displayed unit. */
  size: number
  render: (number: string) => string
  /** Use this rung from `lead × size` up (default 1); 0.1 lets latencies read "0.568 ms". */
  lead?: number
}

const suffix =
  (unit: string) =>
  (n: string): string =>
    `${n} ${unit}`

function ladder(units: Array<[string, number]>): Rung[] {
  return units.map(([unit, size]) => ({ size, render: suffix(unit) }))
}

const DECIMAL_UP = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y']
const BINARY_UP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
const SMALL_DOWN = ['f', 'p', 'n', 'µ', 'm']

function decimal(unit: string, options: { small?: boolean; upTo?: number } = {}): Rung[] {
  const small: Array<[string, number]> = options.small
    ? SMALL_DOWN.map((p, i) => [`${p}${unit}`, 10 ** (3 * (i - SMALL_DOWN.length))])
    : []
  const large: Array<[string, number]> = DECIMAL_UP.slice(0, (options.upTo ?? DECIMAL_UP.length - 1) + 1).map(
    (p, i) => [`${p}${unit}`, 10 ** (3 * i)],
  )
  const rungs = [...small, ...large]
  return ladder(rungs)
}

function binary(unit: string, tail = ''): Rung[] {
  return ladder(BINARY_UP.map((p, i) => [`${p}${unit}${tail}`, 2 ** (10 * i)]))
}

const dollarsRender = (n: string) => `$${n}`

const DECIMAL_LADDERS: Record<DimensionName, Rung[]> = {
  count: [
    { size: 1, render: (n) => n },
    { size: 1e3, render: (n) => `${n}K` },
    { size: 1e6, render: (n) => `${n}M` },
    { size: 1e9, render: (n) => `${n}B` },
    { size: 1e12, render: (n) => `${n}T` },
  ],
  bytes: decimal('B'),
  bits: decimal('bit'),
  flop: decimal('FLOP'),
  seconds: [
    // Latencies read in the unit engineers quote them in: "0.568 ms" rather than "568 µs".
    ...decimal('s', { small: true, upTo: 0 }).map((rung) => ({ ...rung, lead: 0.1 })),
    ...ladder([
      ['min', 60],
      ['h', 3600],
      ['days', 86_400],
      ['years', 365 * 86_400],
    ]),
  ],
  hertz: decimal('Hz', { small: true }),
  watts: decimal('W', { small: true }),
  joules: [
    ...decimal('J', { small: true, upTo: 2 }),
    ...ladder([
      ['kWh', 3.6e6],
      ['MWh', 3.6e9],
      ['GWh', 3.6e12],
      ['TWh', 3.6e15],
    ]),
  ],
  dollars: [
    { size: 1, render: dollarsRender },
    { size: 1e6, render: (n) => `$${n}M` },
    { size: 1e9, render: (n) => `$${n}B` },
    { size: 1e12, render: (n) => `$${n}T` },
  ],
  co2e: ladder([
    ['g CO2e', 1e-3],
    ['kg CO2e', 1],
    ['t CO2e', 1e3],
    ['kt CO2e', 1e6],
    ['Mt CO2e', 1e9],
  ]),
  liters: decimal('L', { small: true }),
  bytesPerSecond: decimal('B/s'),
  bitsPerSecond: decimal('bps'),
  flopPerSecond: decimal('FLOP/s'),
  flopPerByte: ladder([['FLOP/B', 1]]),
  joulesPerFlop: decimal('J/FLOP', { small: true, upTo: 0 }),
  joulesPerByte: decimal('J/B', { small: true, upTo: 0 }),
  carbonIntensity: ladder([['g/kWh', 1 / 3.6e9]]),
  waterIntensity: ladder([['L/kWh', 1 / 3.6e6]]),
  dollarsPerJoule: [{ size: 1 / 3.6e6, render: (n) => `$${n}/kWh` }],
  dollarsPerSecond: [{ size: 1 / 3600, render: (n) => `$${n}/h` }],
  dollarsPerByte: [{ size: 1e-9, render: (n) => `$${n}/GB` }],
  dollarsPerByteSecond: [{ size: 1e-12 / (30 * 86_400), render: (n) => `$${n}/TB/month` }],
  co2ePerSecond: ladder([['kg CO2e/h', 1 / 3600]]),
}

const BINARY_LADDERS: Partial<Record<DimensionName, Rung[]>> = {
  bytes: binary('B'),
  bits: binary('bit'),
  bytesPerSecond: binary('B', '/s'),
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** "16.10" → "16.1", "80.0" → "80", "568" → "568" (a fixed-notation number). */
function trimZeros(text: string): string {
  if (!text.includes('.')) return text
  let end = text.length
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end--
  if (text.charCodeAt(end - 1) === 46 /* . */) end--
  return text.slice(0, end)
}

/** A number with `digits` significant digits, no exponent for ordinary magnitudes, no trailing zeros. */
export function formatNumber(value: number, digits = 3): string {
  if (value === 0 || !Number.isFinite(value)) return String(value)
  const magnitude = Math.abs(value)
  if (magnitude >= 10 ** digits && magnitude < 1e21) return String(Math.round(value))
  if (magnitude < 1e-6) return value.toPrecision(digits).replace(/\.?0+e/, 'e')
  const text = value.toPrecision(digits)
  return text.includes('e') ? String(Number(text)) : trimZeros(text)
}

/** Index of the rung in the stored unit (size 1, or the first above it), per ladder. */
const storedRungs = new WeakMap<Rung[], number>()

function storedRung(rungs: Rung[]): number {
  let index = storedRungs.get(rungs)
  if (index === undefined) {
    index = Math.max(
      0,
      rungs.findIndex((r) => r.size >= 1),
    )
    storedRungs.set(rungs, index)
  }
  return index
}

/** The rung a value reads in, and the value's digits there (signed). */
function pickRung(rungs: Rung[], value: number, digits: number): { rung: Rung; text: string } {
  const magnitude = Math.abs(value)
  // Zero, NaN and ±Infinity read in the stored unit ("0 W", "NaN W", "Infinity s"), not at the
  // smallest or largest rung.
  if (!Number.isFinite(value) || magnitude === 0) {
    const rung = rungs[storedRung(rungs)]!
    return { rung, text: formatNumber(value / rung.size, digits) }
  }
  let index = 0
  for (let i = 0; i < rungs.length; i++) {
    const rung = rungs[i]!
    if (magnitude >= rung.size * (rung.lead ?? 1)) index = i
  }
  let text = formatNumber(value / rungs[index]!.size, digits)
  // 999.96 GB rounds to 1000 GB: move up a rung when rounding reaches it.
  const next = rungs[index + 1]
  if (next !== undefined && Math.abs(Number(text)) * rungs[index]!.size >= next.size) {
    index++
    text = formatNumber(value / next.size, digits)
  }
  return { rung: rungs[index]!, text }
}

function checkDimension(dimension: DimensionName): void {
  if (!isDimensionName(dimension)) {
    throw new UnitError(`unknown dimension "${String(dimension)}"`, dimension, 'a dimension name')
  }
}

/**
 * Formats a number stored in `dimension`'s unit.
 *
 * @example format(85899345920, 'bytes', { binary: true }) // "80 GiB"
 * @example format(3.35e12, 'bytesPerSecond')              // "3.35 TB/s"
 * @example format(5.675641e-4, 'seconds')                 // "0.568 ms"
 */
export function format(value: number, dimension: DimensionName, options: FormatOptions = {}): string {
  checkDimension(dimension)
  const digits = options.digits ?? 3
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new UnitError(`digits must be an integer in 1..17, got ${digits}`, digits, '1..17')
  }
  if (options.unit !== undefined) return formatInUnit(value, dimension, options.unit, digits)
  const rungs = (options.binary && BINARY_LADDERS[dimension]) || DECIMAL_LADDERS[dimension]
  const { rung, text } = pickRung(rungs, value, digits)
  if (dimension === 'dollars') {
    // Money reads best with grouped thousands: "$30,000", "$7,077", "-$12.5".
    const [integer, fraction] = (value < 0 ? text.slice(1) : text).split('.')
    const grouped = `${groupThousands(integer!)}${fraction === undefined ? '' : `.${fraction}`}`
    return `${value < 0 ? '-' : ''}${rung.render(grouped)}`
  }
  return rung.render(text)
}

function formatInUnit(value: number, dimension: DimensionName, unit: string, digits: number): string {
  const one = parse(`1 ${unit}`)
  const target = DIMENSIONS[dimension]
  if (!sameDimension(one.dimension, target.vector)) {
    throw new UnitError(
      `unit "${unit}" does not measure ${target.label} (${dimension}); try ${target.examples.join(', ')}`,
      unit,
      dimension,
    )
  }
  const inUnit = (value * target.scale) / one.value
  return `${formatNumber(inUnit, digits)} ${unit}`
}
