/**
 * Reads quantities written by people ("3.35 TB/s", "80 GiB", "989 TFLOPs / s", "$30,000",
 * "429 g/kWh") into numbers in base units, checking the dimension when one is expected.
 */
import {
  DIMENSIONLESS,
  type DimensionVector,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  powerDimension,
  sameDimension,
} from './dimension.js'
import { DIMENSIONS, type DimensionName, describeDimension, isDimensionName } from './dimensions.js'
import { UnitError } from './errors.js'
import type { Quantity } from './quantity.js'
import { lookupAtom, SHORT_SCALE } from './units-table.js'

/** A quantity read without an expected dimension. */
export interface ParsedQuantity {
  /** Value in base units (bytes, FLOP, seconds, joules, USD, kg CO2e, litres). */
  readonly value: number
  readonly dimension: DimensionVector
  /** The unit as written (after the number), e.g. "TB/s"; empty for a bare number. */
  readonly unit: string
}

interface UnitValue {
  factor: number
  vector: DimensionVector
}

const NUMBER = /^\s*([-+−]?)\s*(\$)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([-+]?\d+))?/

/**
 * A count of identical things before the quantity, as datasheets write links and ports:
 * "2 x 400 Gbps", "8× 100 GbE" read as 2 · 400 Gbps. The `x` needs a number after it.
 */
const TIMES = /^\s*[x×*]\s*(?=[$.\d])/

/**
 * Currencies other than US dollars. Every price in MLSys·im is in USD and there is no exchange
 * rate to apply, so "30000 EUR" is an error rather than silently 30,000 dollars. (The original's
 * unit file made EUR a 1:1 alias of the dollar.)
 */
const FOREIGN_CURRENCY = /(?:^|[\s\d/*·])(€|£|¥|₹|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|INR|KRW)(?=$|[\s\d/*·,.])/

function quoted(text: string): string {
  return JSON.stringify(text)
}

function expectedHint(expected: DimensionName | undefined): string {
  if (!expected) return ''
  const dim = DIMENSIONS[expected]
  return `; expected ${dim.label} (${expected}) such as ${dim.examples.map(quoted).join(', ')}`
}

/** Tokenizes and evaluates a unit expression: products, quotients, parentheses, integer powers. */
class UnitExpression {
  private readonly tokens: string[]
  private position = 0

  constructor(
    private readonly text: string,
    private readonly source: string,
    private readonly expected: DimensionName | undefined,
  ) {
    const normalized = text
      .replace(/\bper\b/g, '/')
      .replace(/[·×*⋅]/g, '*')
      .replace(/\s*([/*()^])\s*/g, '$1')
      .trim()
      .replace(/\s+/g, '*')
    this.tokens = normalized.match(/[/*()^]|[^/*()^]+/g) ?? []
  }

  evaluate(): UnitValue {
    if (this.tokens.length === 0) return { factor: 1, vector: DIMENSIONLESS }
    const value = this.product()
    if (this.position < this.tokens.length) this.fail(`unexpected "${this.tokens[this.position]}"`)
    return value
  }

  /**
   * Factors joined by "*" (or spaces) form a group; "/" divides by the whole next group, so
   * "USD/TB·month" is USD per (TB·month), as in the usual notation "J/kg·K".
   */
  private product(): UnitValue {
    let result: UnitValue = { factor: 1, vector: DIMENSIONLESS }
    // A leading "/" reads as "per": "/s", "/h".
    let dividing = this.peek() === '/' && this.next() === '/'
    for (;;) {
      const group = this.group()
      result = dividing
        ? { factor: result.factor / group.factor, vector: divideDimensions(result.vector, group.vector) }
        : { factor: result.factor * group.factor, vector: multiplyDimensions(result.vector, group.vector) }
      if (this.peek() !== '/') return result
      this.next()
      dividing = true
    }
  }

  private group(): UnitValue {
    let result = this.power()
    while (this.peek() === '*') {
      this.next()
      const term = this.power()
      result = { factor: result.factor * term.factor, vector: multiplyDimensions(result.vector, term.vector) }
    }
    return result
  }

  private power(): UnitValue {
    const base = this.primary()
    if (this.peek() !== '^') return base
    this.next()
    const exponentText = this.next()
    const exponent = Number(exponentText)
    if (!Number.isInteger(exponent)) this.fail(`exponent "${exponentText ?? ''}" is not an integer`)
    return { factor: base.factor ** exponent, vector: powerDimension(base.vector, exponent) }
  }

  private primary(): UnitValue {
    const token = this.next()
    if (token === '(') {
      const inner = this.product()
      if (this.next() !== ')') this.fail('missing ")"')
      return inner
    }
    if (token === undefined || /^[/*()^]$/.test(token)) this.fail('a unit is missing')
    const unit = lookupAtom(token)
    if (!unit) {
      throw new UnitError(
        `unknown unit "${token}" in ${quoted(this.source)}${expectedHint(this.expected)}`,
        this.source,
        this.expected,
      )
    }
    return { factor: unit.factor, vector: unit.vector }
  }

  private peek(): string | undefined {
    return this.tokens[this.position]
  }

  private next(): string | undefined {
    return this.tokens[this.position++]
  }

  private fail(why: string): never {
    throw new UnitError(
      `cannot read the unit "${this.text}" in ${quoted(this.source)}: ${why}${expectedHint(this.expected)}`,
      this.source,
      this.expected,
    )
  }
}

function rejectForeignCurrency(source: string, expected: DimensionName | undefined): void {
  const currency = FOREIGN_CURRENCY.exec(source)?.[1]
  if (currency === undefined) return
  throw new UnitError(
    `${quoted(source)} is in ${currency}: MLSys·im prices are in US dollars and it applies no exchange rate; convert to USD first and write it like "30000 USD" or "$30,000"${expectedHint(expected)}`,
    source,
    expected,
  )
}

interface ReadNumber {
  negative: boolean
  /** Digits without thousands separators, e.g. "30000.5". */
  mantissa: string
  exponent: number
  /** Written with a leading "$". */
  dollar: boolean
  /** The text after the number: the unit. */
  rest: string
  /** Copies of the quantity ("2 x 400 Gbps" → 2), 1 when none are written. */
  count: number
}

function readNumber(source: string, expected: DimensionName | undefined): ReadNumber {
  rejectForeignCurrency(source, expected)
  const match = NUMBER.exec(source)
  if (!match) {
    throw new UnitError(
      `cannot read a number at the start of ${quoted(source)}: write a number and a unit, e.g. ${quoted(
        expected ? DIMENSIONS[expected].examples[0]! : '80 GiB',
      )}${expectedHint(expected)}`,
      source,
      expected,
    )
  }
  const [whole, sign, dollar, digits, exponent] = match
  const number: ReadNumber = {
    negative: sign === '-' || sign === '−',
    mantissa: digits!.replaceAll(',', ''),
    exponent: Number(exponent ?? 0),
    dollar: dollar === '$',
    rest: source.slice(whole.length).trim(),
    count: 1,
  }
  const times = TIMES.exec(number.rest)
  if (times === null || dollar === '$') return number
  // "2 x 400 Gbps": the first number counts copies of the quantity that follows.
  const count = Number(`${number.mantissa}e${number.exponent}`)
  if (!Number.isInteger(count) || count <= 0 || number.negative) {
    throw new UnitError(
      `cannot read ${quoted(source)}: the count before "x" must be a whole number ≥ 1${expectedHint(expected)}`,
      source,
      expected,
    )
  }
  const quantity = readNumber(number.rest.slice(times[0].length), expected)
  return { ...quantity, count: count * quantity.count }
}

/**
 * mantissa·10^exponent·factor, correctly rounded when the factor is a power of ten: "8.03B"
 * is exactly 8.03e9 (8.03 × 1e9 would round to 8029999999.999999).
 */
function scaled(mantissa: string, exponent: number, factor: number): number {
  const decade = Math.round(Math.log10(factor))
  if (Number(`1e${decade}`) === factor) return Number(`${mantissa}e${exponent + decade}`)
  return Number(`${mantissa}e${exponent}`) * factor
}

function parseToBase(source: string, expected: DimensionName | undefined): ParsedQuantity {
  const { negative, mantissa, exponent, dollar, rest, count } = readNumber(source, expected)
  let unitText = rest
  let multiplier = count
  // "$2.1M", "8.03B params": short-scale multipliers where money or a count is meant.
  const countLike = expected === undefined || isDimensionless(DIMENSIONS[expected].vector)
  const scaleMatch = /^([KkMBT])(?=$|[\s/*·])/.exec(unitText)
  if (scaleMatch && (dollar || (countLike && expected !== undefined))) {
    multiplier *= SHORT_SCALE[scaleMatch[1]!]!
    unitText = unitText.slice(1).trim()
  }
  const unit = new UnitExpression(unitText, source, expected).evaluate()
  const factor = unit.factor * multiplier
  let vector = unit.vector
  if (dollar) vector = multiplyDimensions(vector, { money: 1 })
  const magnitude = scaled(mantissa, exponent, factor)
  if (!Number.isFinite(magnitude)) {
    throw new UnitError(
      `${quoted(source)} is not a finite quantity${expectedHint(expected)}`,
      source,
      expected,
    )
  }
  return { value: negative ? -magnitude : magnitude, dimension: vector, unit: dollar ? `$${rest}` : rest }
}

/**
 * Reads a quantity. Without `expected`, returns the value in base units with its dimension.
 * With `expected` (a dimension name), checks the dimension and returns the number in that
 * dimension's stored unit; a number input is taken to be in that unit already.
 *
 * @example parse('3.35 TB/s', 'bytesPerSecond') // 3.35e12
 * @example parse('80 GiB', 'bytes')             // 85899345920
 * @example parse('400 Gbps', 'bytesPerSecond')  // 5e10
 */
export function parse(input: string): ParsedQuantity
export function parse<D extends DimensionName>(input: string | number, expected: D): Quantity<D>
export function parse(input: string | number, expected?: DimensionName): ParsedQuantity | number {
  if (expected !== undefined && !isDimensionName(expected)) {
    throw new UnitError(`unknown dimension "${String(expected)}"`, expected)
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new UnitError(`${input} is not a finite quantity${expectedHint(expected)}`, input, expected)
    }
    if (expected === undefined) return { value: input, dimension: DIMENSIONLESS, unit: '' }
    return input
  }
  if (typeof input !== 'string') {
    throw new UnitError(
      `expected a number or a string with a unit, got ${typeof input}${expectedHint(expected)}`,
      input,
      expected,
    )
  }
  const parsed = parseToBase(input, expected)
  if (expected === undefined) return parsed
  const target = DIMENSIONS[expected]
  if (!sameDimension(parsed.dimension, target.vector)) {
    const what = parsed.unit === '' ? 'a bare number' : describeDimension(parsed.dimension)
    throw new UnitError(
      `${quoted(input)} is ${what}, not ${target.label} (${expected}); write it like ${target.examples
        .map(quoted)
        .join(', ')}`,
      input,
      expected,
    )
  }
  return parsed.value / target.scale
}

/** Like {@link parse} with an expected dimension, but returns `undefined` instead of throwing. */
export function tryParse<D extends DimensionName>(
  input: string | number,
  expected: D,
): Quantity<D> | undefined {
  try {
    return parse(input, expected)
  } catch (error) {
    if (error instanceof UnitError) return undefined
    throw error
  }
}
