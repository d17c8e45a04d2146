// LaTeX of expression graphs: exact strings for small graphs (written by hand), precedence,
// definitions of named intermediates, recurrences, legends, and the demo model.
import { describe, expect, it } from 'vitest'
import * as core from '../index.js'
import { demo, fixtures, modelsAmong } from './fixtures.js'
import type { Expr, GraphBuilder } from './graph-builder.js'
import { latexNumber, latexText, toLatex, toLatexDocument } from './latex.js'
import { defineModel } from './model.js'

/** The expression LaTeX of one output `x` built from dimensionless inputs a, b, c, p, q. */
function tex(build: (v: Record<'a' | 'b' | 'c', Expr>, b: GraphBuilder) => Expr): string {
  const model = defineModel('t', (b) => {
    const v = {
      a: b.input('a', 'count', { symbol: 'a' }),
      b: b.input('b', 'count', { symbol: 'b' }),
      c: b.input('c', 'count', { symbol: 'c' }),
    }
    return { x: build(v, b) }
  })
  return toLatex(model, 'x').expression
}

/** Braces balance (escaped \{ \} aside), and every \left has its \right, every \begin its \end. */
function balanced(latex: string): boolean {
  let depth = 0
  const unescaped = latex.replace(/\\[{}]/g, '')
  for (const char of unescaped) {
    if (char === '{') depth++
    if (char === '}' && --depth < 0) return false
  }
  const count = (pattern: RegExp) => (latex.match(pattern) ?? []).length
  return (
    depth === 0 &&
    count(/\\left[^a-zA-Z]/g) === count(/\\right[^a-zA-Z]/g) &&
    count(/\\begin\{/g) === count(/\\end\{/g)
  )
}

describe('precedence and parentheses', () => {
  it('parenthesizes a subtracted difference or sum, not a leading one', () => {
    expect(tex(({ a, b, c }) => a.sub(b.sub(c)))).toBe('a - \\left(b - c\\right)')
    expect(tex(({ a, b, c }) => a.sub(b.add(c)))).toBe('a - \\left(b + c\\right)')
    expect(tex(({ a, b, c }) => a.sub(b).sub(c))).toBe('a - b - c')
    expect(tex(({ a, b, c }) => a.add(b.sub(c)))).toBe('a + b - c')
    expect(tex(({ a, b, c }) => a.sub(b.mul(c)))).toBe('a - b \\cdot c')
  })

  it('parenthesizes sums inside products only', () => {
    expect(tex(({ a, b, c }) => a.add(b).mul(c))).toBe('\\left(a + b\\right) \\cdot c')
    expect(tex(({ a, b, c }) => a.mul(b.add(c)))).toBe('a \\cdot \\left(b + c\\right)')
    expect(tex(({ a, b, c }) => a.add(b.mul(c)))).toBe('a + b \\cdot c')
    expect(tex(({ a, b, c }) => a.mul(b.mul(c)))).toBe('a \\cdot b \\cdot c')
  })

  it('writes division as \\frac, which needs no parentheses of its own', () => {
    expect(tex(({ a, b, c }) => a.div(b.mul(c)))).toBe('\\frac{a}{b \\cdot c}')
    expect(tex(({ a, b, c }) => a.add(b).div(c))).toBe('\\frac{a + b}{c}')
    expect(tex(({ a, b, c }) => a.div(b).div(c))).toBe('\\frac{\\frac{a}{b}}{c}')
    expect(tex(({ a, b, c }) => a.div(b).mul(c))).toBe('\\frac{a}{b} \\cdot c')
    expect(tex(({ a, b, c }) => a.add(b.div(c)))).toBe('a + \\frac{b}{c}')
  })

  it('parenthesizes a negated operand where the minus would be misread', () => {
    expect(tex(({ a, b }) => a.add(b).neg())).toBe('-\\left(a + b\\right)')
    expect(tex(({ a, b }) => a.add(b.neg()))).toBe('a + \\left(-b\\right)')
    expect(tex(({ a, b }) => a.sub(b.neg()))).toBe('a - \\left(-b\\right)')
    expect(tex(({ a, b }) => a.mul(b.neg()))).toBe('a \\cdot \\left(-b\\right)')
    expect(tex(({ a, b }) => a.neg().mul(b))).toBe('-a \\cdot b')
    expect(tex(({ a }) => a.neg().neg())).toBe('-\\left(-a\\right)')
    expect(tex(({ a }) => a.add(-2))).toBe('a + \\left(-2\\right)')
  })

  it('parenthesizes a power base unless it is a symbol or a number', () => {
    expect(tex(({ a, b }) => a.add(b).pow(2))).toBe('\\left(a + b\\right)^{2}')
    expect(tex(({ a, b, c }) => a.pow(b.add(c)))).toBe('a^{b + c}')
    expect(tex(({ a, b, c }) => a.pow(b).pow(c))).toBe('\\left(a^{b}\\right)^{c}')
    expect(tex(({ a }) => a.neg().pow(2))).toBe('\\left(-a\\right)^{2}')
    expect(tex(({ a }) => a.pow(2).neg())).toBe('-a^{2}')
    expect(tex(({ a }) => a.sqrt().pow(3))).toBe('\\left(\\sqrt{a}\\right)^{3}')
    expect(tex(({ a }) => a.pow(-1))).toBe('a^{-1}')
    expect(tex(({ a }) => a.div(2).pow(0.5))).toBe('\\left(\\frac{a}{2}\\right)^{0.5}')
    expect(tex(({ a }) => a.abs().pow(2))).toBe('\\left|a\\right|^{2}')
  })

  it('renders functions with their own delimiters and flattens max/min chains', () => {
    expect(tex(({ a, b, c }) => a.max(b).max(c))).toBe('\\max\\left(a, b, c\\right)')
    expect(tex(({ a, b, c }) => a.min(b.max(c)))).toBe('\\min\\left(a, \\max\\left(b, c\\right)\\right)')
    expect(tex(({ a, b }) => a.div(b).ceil())).toBe('\\left\\lceil \\frac{a}{b} \\right\\rceil')
    expect(tex(({ a }) => a.floor())).toBe('\\left\\lfloor a \\right\\rfloor')
    expect(tex(({ a, b }) => a.sub(b).abs())).toBe('\\left|a - b\\right|')
    expect(tex(({ a, b }) => a.mul(b).log())).toBe('\\ln\\left(a \\cdot b\\right)')
    expect(tex(({ a }) => a.neg().exp())).toBe('e^{-a}')
    expect(tex(({ a, b }) => a.add(b).sqrt())).toBe('\\sqrt{a + b}')
    expect(tex(({ a, b }) => a.exp().pow(b))).toBe('\\left(e^{a}\\right)^{b}')
  })

  it('writes comparisons and logic with \\le, \\ge, \\land, \\lor, \\lnot and minimal parentheses', () => {
    expect(tex(({ a, b }) => a.le(b).toNumber())).toBe('\\left[a \\le b\\right]')
    expect(tex(({ a, b, c }) => a.ge(b).and(c.ne(0)).toNumber())).toBe(
      '\\left[a \\ge b \\land c \\ne 0\\right]',
    )
    expect(tex(({ a, b, c }) => a.lt(b).or(b.gt(c)).and(a.eq(c)).toNumber())).toBe(
      '\\left[\\left(a < b \\lor b > c\\right) \\land a = c\\right]',
    )
    expect(
      tex(({ a, b, c }) =>
        a
          .lt(b)
          .or(b.gt(c).and(a.eq(c)))
          .toNumber(),
      ),
    ).toBe('\\left[a < b \\lor b > c \\land a = c\\right]')
    expect(tex(({ a, b }) => a.lt(b).not().toNumber())).toBe('\\left[\\lnot \\left(a < b\\right)\\right]')
    expect(tex(({ a, b }) => a.add(b).le(a.mul(b)).toNumber())).toBe('\\left[a + b \\le a \\cdot b\\right]')
  })

  it('writes select as cases, continuing a chain in the false branch, parenthesized as an operand', () => {
    expect(tex(({ a, b }, g) => g.select(a.gt(b), a, b))).toBe(
      '\\begin{cases} a & \\text{if } a > b \\\\ b & \\text{otherwise} \\end{cases}',
    )
    expect(tex(({ a, b, c }, g) => g.select(a.lt(0), 0, g.select(a.lt(b), a, c)))).toBe(
      '\\begin{cases} 0 & \\text{if } a < 0 \\\\ a & \\text{if } a < b \\\\ c & \\text{otherwise} \\end{cases}',
    )
    expect(tex(({ a, b }, g) => g.select(a.gt(b), a, b).mul(2))).toBe(
      '\\left(\\begin{cases} a & \\text{if } a > b \\\\ b & \\text{otherwise} \\end{cases}\\right) \\cdot 2',
    )
  })
})

describe('fixed flags and unit conversions are simplified in the rendering only', () => {
  it('a select on a fixed condition shows its taken branch; its other branch leaves the legend', () => {
    const model = defineModel('fixed', (b) => {
      const a = b.input('a', 'count', { symbol: 'a' })
      const hidden = b.input('hidden', 'count', { symbol: 'z' })
      const never = b.constant(0).gt(1)
      return {
        x: b.select(never, hidden, a.mul(2)),
        y: b.select(never.or(a.gt(1)), hidden, a),
        z: b.select(a.gt(0), hidden, b.select(b.constant(1).le(0), hidden, a)),
      }
    })
    const x = toLatex(model, 'x')
    expect(x.expression).toBe('a \\cdot 2')
    expect(x.symbols.map((s) => s.symbol)).toEqual(['a'])
    // `false ∨ a > 1` is not fixed, but reads as `a > 1`.
    expect(toLatex(model, 'y').expression).toBe(
      '\\begin{cases} z & \\text{if } a > 1 \\\\ a & \\text{otherwise} \\end{cases}',
    )
    // A fixed select in the false branch of a chain is resolved, not listed as a case.
    expect(toLatex(model, 'z').expression).toBe(
      '\\begin{cases} z & \\text{if } a > 0 \\\\ a & \\text{otherwise} \\end{cases}',
    )
    // Evaluation is unchanged.
    expect(model.evaluate({ a: 3, hidden: 7 })).toEqual({ x: 6, y: 7, z: 7 })
  })

  it('drops a factor of an unnamed 1 and a term of 0; writes 1/0 as ∞', () => {
    expect(tex(({ a }, g) => a.mul(g.constant(1)))).toBe('a')
    expect(
      tex(({ a }, g) =>
        g
          .constant(1)
          .mul(a)
          .add(g.constant(0).div(g.constant(1))),
      ),
    ).toBe('a')
    expect(tex(({ a, b }, g) => a.sub(g.constant(0)).div(g.constant(1)).add(b))).toBe('a + b')
    expect(tex((_, g) => g.constant(1).div(g.constant(0)))).toBe('\\infty')
    // A named constant keeps its symbol even when its value is 1.
    expect(tex(({ a }, g) => a.mul(g.constant(1, 'count', { name: 'ONE', symbol: 'u' })))).toBe('a \\cdot u')
  })

  it('no exported model renders a fixed comparison, a 1/0 or a factor of 1', () => {
    for (const model of modelsAmong(core)) {
      const doc = toLatexDocument(model)
      expect(doc.latex, model.id).not.toMatch(
        /\\text\{if \} -?[\d.]+ (?:[<>=]|\\l[et]|\\g[et]|\\ne) -?[\d.]+ (?:&|\\\\)/,
      )
      expect(doc.latex, model.id).not.toContain('\\frac{1}{0}')
      expect(doc.latex, model.id).not.toMatch(/\\cdot 1(?![\d.])/)
    }
  })
})

describe('numbers and text', () => {
  it.each([
    [64e9, '6.4\\times10^{10}'],
    [1e-5, '10^{-5}'],
    [1.5e-4, '1.5\\times10^{-4}'],
    [-2.5e-7, '-2.5\\times10^{-7}'],
    [1e6, '10^{6}'],
    [123456, '123456'],
    [1024, '1024'],
    [0.5, '0.5'],
    [0.001, '0.001'],
    [0, '0'],
    [-0, '0'],
  ])('%s → %s', (value, expected) => {
    expect(latexNumber(value)).toBe(expected)
  })

  it('renders an unnamed constant as a number, with precedence', () => {
    expect(tex(({ a }) => a.mul(64e9))).toBe('a \\cdot 6.4\\times10^{10}')
    expect(tex(({ a }) => a.add(1e-5).pow(2))).toBe('\\left(a + 10^{-5}\\right)^{2}')
    expect(tex((_, g) => g.constant(1e-5).pow(2))).toBe('\\left(10^{-5}\\right)^{2}')
  })

  it('escapes output names in \\text', () => {
    expect(latexText('p99_latency 50%')).toBe('p99\\_latency 50\\%')
    expect(latexText('a{b}^c~\\')).toBe('a\\{b\\}\\^{}c\\~{}\\textbackslash{}')
  })
})

describe('definitions, recurrences and legends', () => {
  const chain = defineModel('chain', (b) => {
    const x = b.input('x', 'seconds', { symbol: 'x', description: 'a time' })
    const y = b.input('y', 'seconds', { symbol: 'y' })
    const sum = b.let('sum', x.add(y), { symbol: 'S' })
    const scaled = b.let('scaled', sum.mul(b.constant(3, 'count', { name: 'factor', symbol: 'f' })), {
      symbol: 'D',
    })
    const ok = b.let('ok', scaled.le(b.constant(10, 'seconds')), { symbol: '\\text{ok}' })
    return { half: scaled.div(2), scaled, ok, sumOnly: sum }
  })

  it('renders named intermediates as symbols, each with its own equation, top-down', () => {
    const half = toLatex(chain, 'half')
    expect(half.equation).toBe('\\text{half} = \\frac{D}{2}')
    expect(half.definitions).toEqual([
      { name: 'scaled', symbol: 'D', latex: 'D = S \\cdot f' },
      { name: 'sum', symbol: 'S', latex: 'S = x + y' },
    ])
    expect(half.symbols).toEqual([
      { symbol: 'D', name: 'scaled', kind: 'intermediate', dimension: 'a duration (seconds)' },
      { symbol: 'S', name: 'sum', kind: 'intermediate', dimension: 'a duration (seconds)' },
      { symbol: 'x', name: 'x', kind: 'input', dimension: 'a duration (seconds)', description: 'a time' },
      { symbol: 'y', name: 'y', kind: 'input', dimension: 'a duration (seconds)' },
      { symbol: 'f', name: 'factor', kind: 'constant', dimension: 'a count or ratio (count)', value: 3 },
    ])
  })

  it('names an output that is a let by its symbol, and writes a condition with \\iff', () => {
    const scaled = toLatex(chain, 'scaled')
    expect(scaled.symbol).toBe('D')
    expect(scaled.equation).toBe('D = S \\cdot f')
    expect(scaled.definitions.map((d) => d.symbol)).toEqual(['S'])
    expect(toLatex(chain, 'ok').equation).toBe('\\text{ok} \\iff D \\le 10')
    expect(toLatex(chain, 'sumOnly').equation).toBe('S = x + y')
    expect(toLatex(chain, 'sumOnly').definitions).toEqual([])
  })

  it('renders a fold as a recurrence with accumulator and index symbols', () => {
    const sums = defineModel('sums', (b) => {
      const n = b.input('n', 'count', { symbol: 'n' })
      const k = b.input('k', 'count', { symbol: 'k' }) // takes the usual index name
      const triangle = b.let(
        'triangle',
        b.fold({ init: 0, count: n, maxSteps: 100, body: (acc, i) => acc.add(i) }),
        {
          symbol: 'T_n',
        },
      )
      const powers = b.fold({ init: 1, count: 5, maxSteps: 8, body: (acc) => acc.mul(k) })
      return { triangle, twice: triangle.mul(2), powers, sum: powers.add(triangle) }
    })
    // The index is j: k is an input's symbol. T_n has a subscript of its own, so it is braced.
    expect(toLatex(sums, 'triangle').equation).toBe(
      'T_n = {T_n}_{\\left\\lceil n \\right\\rceil},\\quad {T_n}_{0} = 0,\\quad ' +
        '{T_n}_{j} = {T_n}_{j-1} + j\\ \\text{for } j = 1, \\ldots, \\left\\lceil n \\right\\rceil\\ \\left(\\text{at most } 100\\right)',
    )
    expect(toLatex(sums, 'twice').equation).toBe('\\text{twice} = T_n \\cdot 2')
    expect(toLatex(sums, 'twice').definitions.map((d) => d.name)).toEqual(['triangle'])
    // A constant count shows the steps it takes; an output fold is named by the output.
    expect(toLatex(sums, 'powers').equation).toBe(
      '\\text{powers} = \\text{powers}_{5},\\quad \\text{powers}_{0} = 1,\\quad ' +
        '\\text{powers}_{j} = \\text{powers}_{j-1} \\cdot k\\ \\text{for } j = 1, \\ldots, 5',
    )
    const sum = toLatex(sums, 'sum')
    expect(sum.equation).toBe('\\text{sum} = \\text{powers} + T_n')
    expect(sum.definitions.map((d) => [d.name, d.symbol])).toEqual([
      ['powers', '\\text{powers}'],
      ['triangle', 'T_n'],
    ])
  })

  it('gives unnamed folds inside an expression their own symbols', () => {
    const m = defineModel('two', (b) => {
      const x = b.input('x', 'count', { symbol: 'x' })
      const f1 = b.fold({ init: 0, count: 3, maxSteps: 3, body: (acc) => acc.add(x) })
      const f2 = b.fold({ init: 1, count: 2, maxSteps: 3, body: (acc) => acc.mul(x) })
      return { y: f1.sub(f2) }
    })
    const y = toLatex(m, 'y')
    expect(y.equation).toBe('\\text{y} = \\mathrm{acc}^{(1)} - \\mathrm{acc}^{(2)}')
    expect(y.definitions.map((d) => d.latex)).toEqual([
      '\\mathrm{acc}^{(1)} = \\mathrm{acc}^{(1)}_{3},\\quad \\mathrm{acc}^{(1)}_{0} = 0,\\quad ' +
        '\\mathrm{acc}^{(1)}_{k} = \\mathrm{acc}^{(1)}_{k-1} + x\\ \\text{for } k = 1, \\ldots, 3',
      '\\mathrm{acc}^{(2)} = \\mathrm{acc}^{(2)}_{2},\\quad \\mathrm{acc}^{(2)}_{0} = 1,\\quad ' +
        '\\mathrm{acc}^{(2)}_{k} = \\mathrm{acc}^{(2)}_{k-1} \\cdot x\\ \\text{for } k = 1, \\ldots, 2',
    ])
  })

  it('carries the provenance of named constants into the legend', () => {
    const provenance = {
      kind: 'convention' as const,
      ref: 'SI: one gigabyte is 10⁹ bytes',
      verified: '2026-01-01',
    }
    const m = defineModel('gb', (b) => ({
      gigabytes: b
        .input('bytes', 'bytes', { symbol: 'B' })
        .div(b.constant(1e9, 'bytes', { name: 'GB', provenance })),
    }))
    const result = toLatex(m, 'gigabytes')
    expect(result.equation).toBe('\\text{gigabytes} = \\frac{B}{\\text{GB}}')
    expect(result.symbols[1]).toEqual({
      symbol: '\\text{GB}',
      name: 'GB',
      kind: 'constant',
      dimension: 'a size in bytes (bytes)',
      value: 1e9,
      provenance,
    })
  })

  it('names an unknown output and what exists', () => {
    expect(() => toLatex(chain, 'total')).toThrowError(
      "model 'chain' has no output 'total'; outputs are half, scaled, ok, sumOnly",
    )
  })
})

describe('the demo model', () => {
  it('renders every output', () => {
    const tc = 'T_c = \\frac{\\text{OPs}}{R \\cdot \\eta}'
    const tm =
      'T_m = \\frac{\\text{bytes}}{\\begin{cases} BW & \\text{if } \\text{bytes} \\le \\text{capacity} \\\\ ' +
      '\\min\\left(BW, 6.4\\times10^{10}\\right) & \\text{otherwise} \\end{cases}}'
    const latency = toLatex(demo, 'latency')
    expect(latency.equation).toBe('\\text{latency} = \\max\\left(T_c, T_m\\right) + L')
    expect(latency.definitions.map((d) => d.latex)).toEqual([tc, tm])
    expect(latency.symbols.map((s) => [s.symbol, s.kind])).toEqual([
      ['T_c', 'intermediate'],
      ['\\text{OPs}', 'input'],
      ['R', 'input'],
      ['\\eta', 'input'],
      ['T_m', 'intermediate'],
      ['\\text{bytes}', 'input'],
      ['\\text{capacity}', 'input'],
      ['BW', 'input'],
      ['L', 'constant'],
    ])
    expect(toLatex(demo, 'memoryBound').equation).toBe('\\text{memoryBound} \\iff T_m > T_c')
    expect(toLatex(demo, 'fits').equation).toBe('\\text{fits} \\iff \\text{bytes} \\le \\text{capacity}')
    expect(toLatex(demo, 'intensity').equation).toBe('\\text{intensity} = \\frac{\\text{OPs}}{\\text{bytes}}')
    // Erlang B: B₀ = 1, B_k = a·B_{k−1} / (k + a·B_{k−1}).
    expect(toLatex(demo, 'erlangB').equation).toBe(
      '\\text{erlangB} = \\text{erlangB}_{\\left\\lceil c \\right\\rceil},\\quad \\text{erlangB}_{0} = 1,\\quad ' +
        '\\text{erlangB}_{k} = \\frac{a \\cdot \\text{erlangB}_{k-1}}{k + a \\cdot \\text{erlangB}_{k-1}}' +
        '\\ \\text{for } k = 1, \\ldots, \\left\\lceil c \\right\\rceil\\ \\left(\\text{at most } 64\\right)',
    )
    expect(toLatex(demo, 'logSqrt').equation).toBe(
      '\\text{logSqrt} = \\ln\\left(\\frac{\\frac{\\text{OPs}}{R}}{L}\\right) \\cdot \\sqrt{\\frac{BW \\cdot L}{\\text{bytes}}}',
    )
  })

  it('renders the whole model as one document, each definition once', () => {
    const doc = toLatexDocument(demo)
    expect(doc.equations.map((e) => e.output)).toEqual(demo.outputNames)
    expect(doc.definitions.map((d) => d.symbol)).toEqual(['T_c', 'T_m'])
    expect(doc.symbols.map((s) => s.name)).toEqual([
      'tCompute',
      'ops',
      'peak',
      'efficiency',
      'tMemory',
      'bytes',
      'capacity',
      'bandwidth',
      'dispatch',
      'servers',
      'offered',
    ])
    const lines = doc.latex.split(' \\\\\n')
    expect(lines).toHaveLength(8) // six equations, two definitions
    expect(lines[0]).toBe('\\begin{gathered}\n\\text{latency} = \\max\\left(T_c, T_m\\right) + L')
    expect(lines[7]!.endsWith('\\end{cases}}\n\\end{gathered}')).toBe(true)
  })
})

describe('well-formed LaTeX', () => {
  it('balances braces, \\left/\\right and environments in every fixture and exported model', () => {
    const models = [...fixtures.map((f) => f.model), ...modelsAmong(core)]
    expect(models.length).toBeGreaterThan(fixtures.length)
    for (const model of models) {
      const doc = toLatexDocument(model)
      expect(balanced(doc.latex), doc.latex).toBe(true)
      for (const equation of doc.equations) expect(balanced(equation.equation), equation.equation).toBe(true)
    }
    // The check can fail.
    expect(balanced('\\frac{a}{b')).toBe(false)
    expect(balanced('\\left(a')).toBe(false)
    expect(balanced('\\begin{cases} a')).toBe(false)
    expect(balanced('a} + {b')).toBe(false)
  })
})
