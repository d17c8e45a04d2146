import { DIMENSIONS } from '@mlsysim/units'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkMetricExpression,
  emitMetricJs,
  evaluateMetric,
  type MetricExpr,
  MetricExpressionError,
  type MetricSymbol,
  metricNames,
  parseMetricExpression,
  UnknownMetricError,
} from './metric-expr.js'

const SYMBOLS: Record<string, MetricSymbol> = {
  latency: { type: 'number', dim: DIMENSIONS.seconds.vector },
  ttft: { type: 'number', dim: DIMENSIONS.seconds.vector },
  memoryFootprint: { type: 'number', dim: DIMENSIONS.bytes.vector },
  capacity: { type: 'number', dim: DIMENSIONS.bytes.vector },
  batchSize: { type: 'number', dim: DIMENSIONS.count.vector },
  x: { type: 'number' },
  y: { type: 'number' },
  feasible: { type: 'boolean' },
}
const resolve = (name: string) => (Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name] : undefined)
const values: Record<string, number | boolean> = {
  latency: 0.15,
  ttft: 0.3,
  memoryFootprint: 60e9,
  capacity: 80e9,
  batchSize: 16,
  x: 3,
  y: -2,
  feasible: true,
}
const run = (source: string, env: Record<string, number | boolean> = values) => {
  const expr = parseMetricExpression(source)
  checkMetricExpression(expr, source, resolve)
  return evaluateMetric(expr, (n) => env[n]!)
}

describe('parseMetricExpression', () => {
  it('follows the usual precedence: or < and < not < comparison < + − < * / < unary − < ^', () => {
    expect(run('x + y * 2')).toBe(-1) // 3 + (−2·2)
    expect(run('(x + y) * 2')).toBe(2)
    expect(run('-x ^ 2')).toBe(-9) // −(3²)
    expect(run('2 ^ 3 ^ 2')).toBe(512) // 2^(3^2), right-associative
    expect(run('x - y - 1')).toBe(4) // (3 − (−2)) − 1, left-associative
    expect(run('x / 2 / 3')).toBeCloseTo(0.5, 15)
    expect(run('not feasible or x > 2 and y < 0')).toBe(true) // (¬T) ∨ (T ∧ T)
    expect(run('feasible and x < 2 or y > 0')).toBe(false)
    expect(run('!feasible || x >= 3 && y != -2')).toBe(false)
    expect(run('x ** 2')).toBe(9)
  })

  it('reads units after numbers into SI base units', () => {
    expect(run('latency <= 200 ms')).toBe(true) // 0.15 s ≤ 0.2 s
    expect(run('ttft <= 200 ms')).toBe(false)
    expect(run('memoryFootprint <= 64 GB')).toBe(true) // 60e9 ≤ 64e9 (decimal GB)
    expect(run('memoryFootprint <= 55 GiB')).toBe(false) // 55·2³⁰ ≈ 59.06e9 < 60e9
    const expr = parseMetricExpression('latency * 3.35 TB/s')
    expect(expr).toMatchObject({
      kind: 'binary',
      op: '*',
      right: { kind: 'number', value: 3.35e12, unit: 'TB/s' },
    })
  })

  it('reads functions, booleans and nested parentheses', () => {
    expect(run('max(x, y, 10) + min(x, y)')).toBe(8)
    expect(run('abs(y) + sqrt(16) + floor(2.7) + ceil(2.1)')).toBe(11)
    expect(run('log10(1000) + log2(8) + exp(0) + pow(2, 10) + log(1)')).toBe(1031)
    expect(run('((x))')).toBe(3)
    expect(run('true and not false')).toBe(true)
    expect(run('feasible == true')).toBe(true)
  })

  it('reports syntax errors with the column', () => {
    const error = (source: string) => {
      try {
        parseMetricExpression(source)
      } catch (e) {
        return e as MetricExpressionError
      }
      throw new Error(`'${source}' parsed`)
    }
    expect(error('latency <=').message).toBe(
      `expected a number, a name or '(' but found the end of the expression (at column 11 of "latency <=")`,
    )
    expect(error('x < y < 3').message).toMatch(/comparisons do not chain; write 'a < b and b < c'.*column 7/)
    expect(error('x $ 2').reason).toBe("unexpected character '$'")
    expect(error('foo(1)').message).toMatch(/unknown function 'foo'; functions are min, max, abs/)
    expect(error('min(1)').message).toMatch(/min\(\) takes at least 2 arguments, got 1/)
    expect(error('(x + 1').message).toMatch(/expected '\)' but found the end/)
    expect(error('x 2').message).toMatch(/unexpected '2' after a complete expression/)
    expect(error('').message).toMatch(/the expression is empty/)
    expect(error('latency < 3 parsecs').message).toMatch(/'parsecs' after 3 is not a unit/)
    expect(error('and x').message).toMatch(/'and' needs an operand before it/)
  })

  it('never evaluates JavaScript: names are looked up, nothing else runs', () => {
    expect(() => parseMetricExpression('constructor.constructor("return 1")()')).toThrow(
      MetricExpressionError,
    )
    expect(() => parseMetricExpression('process.exit(1)')).toThrow(MetricExpressionError)
    const expr = parseMetricExpression('constructor + 1')
    expect(() => checkMetricExpression(expr, 'constructor + 1', resolve)).toThrow(UnknownMetricError)
  })
})

describe('checkMetricExpression', () => {
  const check = (source: string) => checkMetricExpression(parseMetricExpression(source), source, resolve)

  it('infers types and dimensions', () => {
    expect(check('latency <= 0.2').type).toBe('boolean')
    expect(check('memoryFootprint / capacity')).toEqual({ type: 'number', dim: {} })
    expect(check('latency * 2')).toEqual({ type: 'number', dim: DIMENSIONS.seconds.vector })
    expect(check('batchSize / latency').dim).toEqual({ time: -1 })
    expect(check('sqrt(latency * latency)').dim).toEqual({ time: 1 })
    expect(check('pow(latency, 2)').dim).toEqual({ time: 2 })
    expect(check('x + 1')).toEqual({ type: 'number' })
  })

  it('rejects mixed dimensions, type errors and unknown names', () => {
    expect(() => check('latency <= 80 GB')).toThrow(
      /'<=' mixes a duration \(seconds\) with a size in bytes \(bytes\) \(at column 12/,
    )
    expect(() => check('latency + memoryFootprint')).toThrow(/'\+' mixes/)
    expect(() => check('feasible + 1')).toThrow(/'\+' needs a number, but 'feasible' is true\/false/)
    expect(() => check('x and feasible')).toThrow(/'and' needs true\/false, but 'x' is a number/)
    expect(() => check('latency ^ x')).toThrow(/computed power/)
    let unknown: UnknownMetricError | undefined
    try {
      check('ttfb <= 1')
    } catch (e) {
      unknown = e as UnknownMetricError
    }
    expect(unknown).toBeInstanceOf(UnknownMetricError)
    expect(unknown?.metric).toBe('ttfb')
  })

  it('lists the names an expression reads', () => {
    expect(metricNames(parseMetricExpression('max(latency, ttft) <= 1 and latency > x'))).toEqual([
      'latency',
      'ttft',
      'x',
    ])
  })
})

/** Random well-typed number expressions over x and y. */
const numberExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', '1', '2.5', '0', '-3'),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('e').map((a) => `-(${a})`),
    fc.tuple(fc.constantFrom('min', 'max'), tie('e'), tie('e')).map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc
      .tuple(fc.constantFrom('abs', 'sqrt', 'log', 'exp', 'floor', 'ceil'), tie('e'))
      .map(([f, a]) => `${f}(${a})`),
  ),
})).e

describe('emitted JavaScript and the interpreter', () => {
  it('agree bit for bit on random expressions (property)', () => {
    fc.assert(
      fc.property(numberExpr, fc.double({ noNaN: false }), fc.double(), (source, x, y) => {
        const expr: MetricExpr = parseMetricExpression(source)
        const env: Record<string, number> = { x, y }
        const compiled = new Function('x', 'y', `return ${emitMetricJs(expr, (n) => n)}`) as (
          x: number,
          y: number,
        ) => number
        expect(
          Object.is(
            compiled(x, y),
            evaluateMetric(expr, (n) => env[n]!),
          ),
        ).toBe(true)
      }),
    )
  })
})
