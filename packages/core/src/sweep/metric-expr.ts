/**
 * The small expression language of design spaces: constraints (`feasible`, `ttft <= 200 ms`,
 * `memoryFootprint / capacity <= 0.9 and batchSize >= 8`), objectives and derived metrics.
 *
 * It is parsed into a tree, never evaluated with `eval`: numbers (optionally followed by a
 * unit, `200 ms`, `3.35 TB/s`, read into SI base units), names of metrics, `true`/`false`,
 * `+ - * / ^`, comparisons `< <= > >= == !=`, `and`/`or`/`not` (also `&& || !`), parentheses
 * and the functions min, max, abs, sqrt, log, log2, log10, exp, ceil, floor and pow. The
 * tree is type-checked (numbers vs booleans) and dimension-checked where dimensions are known
 * (a bare number adapts to whatever it is compared with or added to), then emitted as
 * JavaScript for the CPU kernel, interpreted for single points, or walked by other backends.
 */
import {
  DIMENSIONLESS,
  type DimensionVector,
  describeDimension,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  parse as parseQuantity,
  powerDimension,
  sameDimension,
} from '@mlsysim/units'

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^'
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!='
export type LogicalOperator = 'and' | 'or'
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator

/** Functions of the language and how many arguments each takes (min/max take two or more). */
export const METRIC_FUNCTIONS = Object.freeze({
  min: [2, Number.POSITIVE_INFINITY],
  max: [2, Number.POSITIVE_INFINITY],
  abs: [1, 1],
  sqrt: [1, 1],
  log: [1, 1],
  log2: [1, 1],
  log10: [1, 1],
  exp: [1, 1],
  ceil: [1, 1],
  floor: [1, 1],
  pow: [2, 2],
} as const satisfies Record<string, readonly [number, number]>)
export type MetricFunction = keyof typeof METRIC_FUNCTIONS

/** A parsed expression. `at` is the 0-based character offset, for messages. */
export type MetricExpr =
  | {
      readonly kind: 'number'
      readonly value: number
      readonly dim?: DimensionVector
      readonly unit?: string
      readonly at?: number
    }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly at?: number }
  | { readonly kind: 'name'; readonly name: string; readonly at: number }
  | { readonly kind: 'unary'; readonly op: 'neg' | 'not'; readonly arg: MetricExpr }
  | {
      readonly kind: 'binary'
      readonly op: BinaryOperator
      readonly left: MetricExpr
      readonly right: MetricExpr
    }
  | { readonly kind: 'call'; readonly fn: MetricFunction; readonly args: readonly MetricExpr[] }

/** A syntax, type or dimension error in an expression; `at` is the 0-based offset. */
export class MetricExpressionError extends Error {
  override readonly name = 'MetricExpressionError'
  constructor(
    readonly reason: string,
    readonly source: string,
    readonly at: number,
  ) {
    super(`${reason} (at column ${at + 1} of ${JSON.stringify(source)})`)
  }
}

type Token =
  | { type: 'number'; value: number; unit?: string; dim?: DimensionVector; at: number }
  | { type: 'name'; value: string; at: number }
  | { type: 'op'; value: string; at: number }
  | { type: 'end'; at: number }

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false'])
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const UNIT = /[A-Za-z_$µ%][A-Za-z0-9_$µ%]*(?:\/[A-Za-z_$µ%][A-Za-z0-9_$µ%]*)*/y
const OPERATORS = [
  '**',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  ',',
]

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at
  return pattern.exec(text)?.[0]
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < source.length) {
    const ch = source[at]!
    if (/\s/.test(ch)) {
      at++
      continue
    }
    const number = match(NUMBER, source, at)
    if (number !== undefined) {
      const start = at
      at += number.length
      let unitAt = at
      while (unitAt < source.length && /[ \t]/.test(source[unitAt]!)) unitAt++
      const unit = match(UNIT, source, unitAt)
      if (unit !== undefined && !KEYWORDS.has(unit)) {
        let parsed: { value: number; dimension: DimensionVector }
        try {
          parsed = parseQuantity(`${number} ${unit}`)
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error)
          throw new MetricExpressionError(`'${unit}' after ${number} is not a unit: ${why}`, source, unitAt)
        }
        tokens.push({ type: 'number', value: parsed.value, unit, dim: parsed.dimension, at: start })
        at = unitAt + unit.length
      } else {
        tokens.push({ type: 'number', value: Number(number), at: start })
      }
      continue
    }
    const name = match(NAME, source, at)
    if (name !== undefined) {
      tokens.push({ type: 'name', value: name, at })
      at += name.length
      continue
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, at))
    if (op === undefined) throw new MetricExpressionError(`unexpected character '${ch}'`, source, at)
    tokens.push({ type: 'op', value: op, at })
    at += op.length
  }
  tokens.push({ type: 'end', at: source.length })
  return tokens
}

const COMPARISONS: Readonly<Record<string, ComparisonOperator>> = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '==': '==',
  '!=': '!=',
}

class Parser {
  private readonly tokens: Token[]
  private position = 0

  constructor(private readonly source: string) {
    this.tokens = tokenize(source)
  }

  parse(): MetricExpr {
    if (this.peek().type === 'end') throw this.error('the expression is empty', this.peek().at)
    const expr = this.or()
    const next = this.peek()
    if (next.type !== 'end')
      throw this.error(`unexpected '${this.text(next)}' after a complete expression`, next.at)
    return expr
  }

  private peek(): Token {
    return this.tokens[this.position]!
  }

  private next(): Token {
    return this.tokens[this.position++]!
  }

  private text(token: Token): string {
    return token.type === 'end' ? 'end of expression' : String(token.value)
  }

  private error(reason: string, at: number): MetricExpressionError {
    return new MetricExpressionError(reason, this.source, at)
  }

  private isOp(...values: string[]): boolean {
    const token = this.peek()
    return (token.type === 'op' || token.type === 'name') && values.includes(String(token.value))
  }

  private or(): MetricExpr {
    let left = this.and()
    while (this.isOp('or', '||')) {
      this.next()
      left = { kind: 'binary', op: 'or', left, right: this.and() }
    }
    return left
  }

  private and(): MetricExpr {
    let left = this.not()
    while (this.isOp('and', '&&')) {
      this.next()
      left = { kind: 'binary', op: 'and', left, right: this.not() }
    }
    return left
  }

  private not(): MetricExpr {
    if (this.isOp('not', '!')) {
      this.next()
      return { kind: 'unary', op: 'not', arg: this.not() }
    }
    return this.comparison()
  }

  private comparison(): MetricExpr {
    const left = this.sum()
    const token = this.peek()
    const op = token.type === 'op' ? COMPARISONS[token.value] : undefined
    if (op === undefined) return left
    this.next()
    const right = this.sum()
    const after = this.peek()
    if (after.type === 'op' && COMPARISONS[after.value] !== undefined) {
      throw this.error(`comparisons do not chain; write 'a ${op} b and b ${after.value} c'`, after.at)
    }
    return { kind: 'binary', op, left, right }
  }

  private sum(): MetricExpr {
    let left = this.product()
    while (this.isOp('+', '-')) {
      const op = (this.next() as { value: string }).value as '+' | '-'
      left = { kind: 'binary', op, left, right: this.product() }
    }
    return left
  }

  private product(): MetricExpr {
    let left = this.unary()
    while (this.isOp('*', '/')) {
      const op = (this.next() as { value: string }).value as '*' | '/'
      left = { kind: 'binary', op, left, right: this.unary() }
    }
    return left
  }

  private unary(): MetricExpr {
    if (this.isOp('-')) {
      this.next()
      return { kind: 'unary', op: 'neg', arg: this.unary() }
    }
    if (this.isOp('+')) {
      this.next()
      return this.unary()
    }
    return this.power()
  }

  private power(): MetricExpr {
    const base = this.primary()
    if (this.isOp('^', '**')) {
      this.next()
      // Right-associative, and binds tighter than a unary minus on its left: -x^2 = -(x^2).
      return { kind: 'binary', op: '^', left: base, right: this.unary() }
    }
    return base
  }

  private primary(): MetricExpr {
    const token = this.next()
    if (token.type === 'number') {
      return token.unit === undefined
        ? { kind: 'number', value: token.value, at: token.at }
        : { kind: 'number', value: token.value, unit: token.unit, dim: token.dim!, at: token.at }
    }
    if (token.type === 'name') {
      if (token.value === 'true' || token.value === 'false')
        return { kind: 'boolean', value: token.value === 'true' }
      if (KEYWORDS.has(token.value)) throw this.error(`'${token.value}' needs an operand before it`, token.at)
      if (this.isOp('(')) return this.call(token.value, token.at)
      return { kind: 'name', name: token.value, at: token.at }
    }
    if (token.type === 'op' && token.value === '(') {
      const inner = this.or()
      const close = this.next()
      if (close.type !== 'op' || close.value !== ')')
        throw this.error(`expected ')' but found ${this.describe(close)}`, close.at)
      return inner
    }
    throw this.error(`expected a number, a name or '(' but found ${this.describe(token)}`, token.at)
  }

  private describe(token: Token): string {
    return token.type === 'end' ? 'the end of the expression' : `'${this.text(token)}'`
  }

  private call(name: string, at: number): MetricExpr {
    if (!Object.hasOwn(METRIC_FUNCTIONS, name)) {
      throw this.error(
        `unknown function '${name}'; functions are ${Object.keys(METRIC_FUNCTIONS).join(', ')}`,
        at,
      )
    }
    const fn = name as MetricFunction
    this.next() // (
    const args: MetricExpr[] = []
    if (!this.isOp(')')) {
      args.push(this.or())
      while (this.isOp(',')) {
        this.next()
        args.push(this.or())
      }
    }
    const close = this.next()
    if (close.type !== 'op' || close.value !== ')')
      throw this.error(`expected ',' or ')' but found ${this.describe(close)}`, close.at)
    const [min, max] = METRIC_FUNCTIONS[fn]
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : `at least ${min}`
      throw this.error(
        `${fn}() takes ${expected} argument${min === 1 && max === 1 ? '' : 's'}, got ${args.length}`,
        at,
      )
    }
    return { kind: 'call', fn, args }
  }
}

/** Parses an expression; a syntax error is a MetricExpressionError naming the column. */
export function parseMetricExpression(source: string): MetricExpr {
  if (typeof source !== 'string')
    throw new MetricExpressionError('an expression must be a string', String(source), 0)
  return new Parser(source).parse()
}

/** What a name stands for: its value type and, when known, its dimension. */
export interface MetricSymbol {
  readonly type: 'number' | 'boolean'
  readonly dim?: DimensionVector
}

/** The type of an expression, and its dimension when it is known (bare numbers have none). */
export interface MetricType {
  readonly type: 'number' | 'boolean'
  readonly dim?: DimensionVector
}

/** Names an expression reads, each once, in order of first use. */
export function metricNames(expr: MetricExpr): string[] {
  const names = new Set<string>()
  const walk = (e: MetricExpr): void => {
    switch (e.kind) {
      case 'name':
        names.add(e.name)
        return
      case 'unary':
        walk(e.arg)
        return
      case 'binary':
        walk(e.left)
        walk(e.right)
        return
      case 'call':
        for (const arg of e.args) walk(arg)
        return
      default:
        return
    }
  }
  walk(expr)
  return [...names]
}

/** A name the scope does not know; the caller lists what is known. */
export class UnknownMetricError extends MetricExpressionError {
  constructor(
    readonly metric: string,
    source: string,
    at: number,
  ) {
    super(`unknown name '${metric}'`, source, at)
  }
}

function show(dim: DimensionVector): string {
  return isDimensionless(dim) ? 'a plain number' : describeDimension(dim)
}

/**
 * Checks types and dimensions against `resolve` (a name's symbol, or undefined when unknown:
 * an UnknownMetricError). Returns the expression's type.
 */
export function checkMetricExpression(
  expr: MetricExpr,
  source: string,
  resolve: (name: string) => MetricSymbol | undefined,
): MetricType {
  const fail = (reason: string, at = 0) => new MetricExpressionError(reason, source, at)
  const numeric = (e: MetricExpr, what: string): MetricType => {
    const t = check(e)
    if (t.type !== 'number')
      throw fail(`${what} needs a number, but ${describe(e)} is true/false`, position(e))
    return t
  }
  const boolean = (e: MetricExpr, what: string): MetricType => {
    const t = check(e)
    if (t.type !== 'boolean')
      throw fail(`${what} needs true/false, but ${describe(e)} is a number`, position(e))
    return t
  }
  const same = (a: MetricType, b: MetricType, what: string, at: number): DimensionVector | undefined => {
    if (a.dim && b.dim && !sameDimension(a.dim, b.dim)) {
      throw fail(`${what} mixes ${show(a.dim)} with ${show(b.dim)}`, at)
    }
    return a.dim ?? b.dim
  }
  const check = (e: MetricExpr): MetricType => {
    switch (e.kind) {
      case 'number':
        return e.dim ? { type: 'number', dim: e.dim } : { type: 'number' }
      case 'boolean':
        return { type: 'boolean' }
      case 'name': {
        const symbol = resolve(e.name)
        if (!symbol) throw new UnknownMetricError(e.name, source, e.at)
        return symbol.dim ? { type: symbol.type, dim: symbol.dim } : { type: symbol.type }
      }
      case 'unary':
        if (e.op === 'not') {
          boolean(e.arg, "'not'")
          return { type: 'boolean' }
        }
        return numeric(e.arg, "'-'")
      case 'binary': {
        const at = position(e.right)
        if (e.op === 'and' || e.op === 'or') {
          boolean(e.left, `'${e.op}'`)
          boolean(e.right, `'${e.op}'`)
          return { type: 'boolean' }
        }
        if ((e.op === '==' || e.op === '!=') && check(e.left).type === 'boolean') {
          boolean(e.right, `'${e.op}' with true/false on its left`)
          return { type: 'boolean' }
        }
        const left = numeric(e.left, `'${e.op}'`)
        const right = numeric(e.right, `'${e.op}'`)
        switch (e.op) {
          case '+':
          case '-': {
            const dim = same(left, right, `'${e.op}'`, at)
            return dim ? { type: 'number', dim } : { type: 'number' }
          }
          case '*':
          case '/': {
            if (!left.dim && !right.dim) return { type: 'number' }
            const l = left.dim ?? DIMENSIONLESS
            const r = right.dim ?? DIMENSIONLESS
            return { type: 'number', dim: e.op === '*' ? multiplyDimensions(l, r) : divideDimensions(l, r) }
          }
          case '^':
            return power(left, right, e.right, at)
          default:
            same(left, right, `'${e.op}'`, at)
            return { type: 'boolean' }
        }
      }
      case 'call': {
        const args = e.args.map((arg) => numeric(arg, `${e.fn}()`))
        switch (e.fn) {
          case 'min':
          case 'max': {
            let dim: DimensionVector | undefined
            for (const arg of args)
              dim = same({ type: 'number', ...(dim ? { dim } : {}) }, arg, `${e.fn}()`, position(e.args[0]!))
            return dim ? { type: 'number', dim } : { type: 'number' }
          }
          case 'abs':
          case 'ceil':
          case 'floor':
            return args[0]!
          case 'sqrt':
            return power(args[0]!, { type: 'number' }, { kind: 'number', value: 0.5 }, position(e.args[0]!))
          case 'pow':
            return power(args[0]!, args[1]!, e.args[1]!, position(e.args[1]!))
          default:
            // Logarithms and exponentials of dimensioned values are allowed (log-scale plots);
            // the result is a plain number.
            return { type: 'number' }
        }
      }
    }
  }
  const power = (
    base: MetricType,
    exponent: MetricType,
    exponentExpr: MetricExpr,
    at: number,
  ): MetricType => {
    if (exponent.dim && !isDimensionless(exponent.dim))
      throw fail(`an exponent must be a plain number, not ${show(exponent.dim)}`, at)
    if (!base.dim || isDimensionless(base.dim))
      return base.dim ? { type: 'number', dim: base.dim } : { type: 'number' }
    const value = constantValue(exponentExpr)
    if (value === undefined)
      throw fail(
        `raising ${show(base.dim)} to a computed power has no dimension; use a constant exponent`,
        at,
      )
    return { type: 'number', dim: powerDimension(base.dim, value) }
  }
  return check(expr)
}

/** The value of a constant numeric subtree (numbers and arithmetic on them), if it is one. */
function constantValue(expr: MetricExpr): number | undefined {
  if (expr.kind === 'number' && !expr.dim) return expr.value
  if (expr.kind === 'unary' && expr.op === 'neg') {
    const v = constantValue(expr.arg)
    return v === undefined ? undefined : -v
  }
  if (expr.kind === 'binary' && (expr.op === '/' || expr.op === '*' || expr.op === '+' || expr.op === '-')) {
    const l = constantValue(expr.left)
    const r = constantValue(expr.right)
    if (l === undefined || r === undefined) return undefined
    return expr.op === '/' ? l / r : expr.op === '*' ? l * r : expr.op === '+' ? l + r : l - r
  }
  return undefined
}

function position(expr: MetricExpr): number {
  switch (expr.kind) {
    case 'name':
      return expr.at
    case 'number':
    case 'boolean':
      return expr.at ?? 0
    case 'unary':
      return position(expr.arg)
    case 'binary':
      return position(expr.left)
    case 'call':
      return expr.args.length > 0 ? position(expr.args[0]!) : 0
    default:
      return 0
  }
}

function describe(expr: MetricExpr): string {
  return expr.kind === 'name' ? `'${expr.name}'` : 'this operand'
}

/** The expression as text again (normalized spacing), e.g. for column names. */
export function formatMetricExpression(expr: MetricExpr): string {
  const wrap = (e: MetricExpr): string =>
    e.kind === 'binary' ? `(${formatMetricExpression(e)})` : formatMetricExpression(e)
  switch (expr.kind) {
    case 'number':
      // In SI base units: a literal written with a unit prints as its value.
      return String(expr.value)
    case 'boolean':
      return String(expr.value)
    case 'name':
      return expr.name
    case 'unary':
      return expr.op === 'neg' ? `-${wrap(expr.arg)}` : `not ${wrap(expr.arg)}`
    case 'binary':
      return `${wrap(expr.left)} ${expr.op} ${wrap(expr.right)}`
    case 'call':
      return `${expr.fn}(${expr.args.map(formatMetricExpression).join(', ')})`
  }
}

const JS_FUNCTIONS: Readonly<Record<MetricFunction, string>> = {
  min: 'Math.min',
  max: 'Math.max',
  abs: 'Math.abs',
  sqrt: 'Math.sqrt',
  log: 'Math.log',
  log2: 'Math.log2',
  log10: 'Math.log10',
  exp: 'Math.exp',
  ceil: 'Math.ceil',
  floor: 'Math.floor',
  pow: 'Math.pow',
}

function jsNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return 'Infinity'
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity'
  return Object.is(value, -0) ? '-0' : String(value)
}

/**
 * A JavaScript expression computing `expr`; `read(name)` is the source of a name's value.
 * Booleans are JavaScript booleans; `^` is Math.pow (the interpreter uses the same).
 */
export function emitMetricJs(expr: MetricExpr, read: (name: string) => string): string {
  const emit = (e: MetricExpr): string => {
    switch (e.kind) {
      case 'number':
        return `(${jsNumber(e.value)})`
      case 'boolean':
        return String(e.value)
      case 'name':
        return read(e.name)
      case 'unary':
        return e.op === 'neg' ? `(-${emit(e.arg)})` : `(!${emit(e.arg)})`
      case 'binary':
        switch (e.op) {
          case '^':
            return `Math.pow(${emit(e.left)}, ${emit(e.right)})`
          case 'and':
            return `(${emit(e.left)} && ${emit(e.right)})`
          case 'or':
            return `(${emit(e.left)} || ${emit(e.right)})`
          case '==':
            return `(${emit(e.left)} === ${emit(e.right)})`
          case '!=':
            return `(${emit(e.left)} !== ${emit(e.right)})`
          default:
            return `(${emit(e.left)} ${e.op} ${emit(e.right)})`
        }
      case 'call':
        return `${JS_FUNCTIONS[e.fn]}(${e.args.map(emit).join(', ')})`
    }
  }
  return emit(expr)
}

const FUNCTIONS: Readonly<Record<MetricFunction, (...args: number[]) => number>> = {
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  sqrt: Math.sqrt,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  exp: Math.exp,
  ceil: Math.ceil,
  floor: Math.floor,
  pow: Math.pow,
}

/** Evaluates `expr` with `lookup(name)` giving each name's value (same semantics as the emitted code). */
export function evaluateMetric(
  expr: MetricExpr,
  lookup: (name: string) => number | boolean,
): number | boolean {
  const n = (e: MetricExpr) => evaluateMetric(e, lookup) as number
  const b = (e: MetricExpr) => evaluateMetric(e, lookup) as boolean
  switch (expr.kind) {
    case 'number':
    case 'boolean':
      return expr.value
    case 'name':
      return lookup(expr.name)
    case 'unary':
      return expr.op === 'neg' ? -n(expr.arg) : !b(expr.arg)
    case 'binary':
      switch (expr.op) {
        case 'and':
          return b(expr.left) && b(expr.right)
        case 'or':
          return b(expr.left) || b(expr.right)
        case '==':
          return evaluateMetric(expr.left, lookup) === evaluateMetric(expr.right, lookup)
        case '!=':
          return evaluateMetric(expr.left, lookup) !== evaluateMetric(expr.right, lookup)
        case '+':
          return n(expr.left) + n(expr.right)
        case '-':
          return n(expr.left) - n(expr.right)
        case '*':
          return n(expr.left) * n(expr.right)
        case '/':
          return n(expr.left) / n(expr.right)
        case '^':
          return n(expr.left) ** n(expr.right)
        case '<':
          return n(expr.left) < n(expr.right)
        case '<=':
          return n(expr.left) <= n(expr.right)
        case '>':
          return n(expr.left) > n(expr.right)
        case '>=':
          return n(expr.left) >= n(expr.right)
      }
      break
    case 'call':
      return FUNCTIONS[expr.fn](...expr.args.map(n))
  }
  throw new Error('unreachable')
}
