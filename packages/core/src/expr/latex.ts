/**
 * The human form of an equation, for the labs' "Math Peek" and the docs: LaTeX of an output in
 * terms of the inputs' symbols, named constants' symbols and named intermediates (each `let`
 * renders as its symbol and gets its own definition), with minimal parentheses.
 */
import { describeDimension, type Provenance } from '@mlsysim/units'
import { GraphError } from './errors.js'
import type { Model } from './model.js'
import type { ExprNode, FoldNode, LetNode } from './node.js'

/** One symbol of the legend under an equation. */
export interface LatexSymbol {
  readonly symbol: string
  readonly name: string
  readonly kind: 'input' | 'constant' | 'intermediate'
  /** Dimension in words, e.g. "a duration (seconds)". */
  readonly dimension: string
  readonly description?: string
  /** Value of a named constant, in base units. */
  readonly value?: number
  readonly provenance?: Provenance
}

/** A named intermediate (a `let`, or a fold's recurrence) and its own equation. */
export interface LatexDefinition {
  readonly name: string
  readonly symbol: string
  readonly latex: string
}

export interface LatexEquation {
  readonly output: string
  /** Left-hand side: the output's symbol (a `let`'s symbol, else `\text{name}`). */
  readonly symbol: string
  /** Right-hand side alone (for a fold output, its recurrence). */
  readonly expression: string
  /**
   * The whole equation: `symbol = expression`, `symbol \iff condition` for a boolean, the
   * recurrence for a fold.
   */
  readonly equation: string
  /** Every intermediate the equation uses, in order of first appearance (top-down). */
  readonly definitions: readonly LatexDefinition[]
  /** Inputs, named constants and intermediates that appear, in order of first appearance. */
  readonly symbols: readonly LatexSymbol[]
}

export interface LatexDocument {
  readonly equations: readonly LatexEquation[]
  /** Definitions of all outputs, each once, outputs' own equations excluded. */
  readonly definitions: readonly LatexDefinition[]
  readonly symbols: readonly LatexSymbol[]
  /** Every equation, then every definition, one per line of a `gathered` environment. */
  readonly latex: string
}

/** Binding strength: an operand that binds weaker than its place requires gets parentheses. */
const Prec = {
  cases: 0,
  or: 1,
  and: 2,
  not: 3,
  compare: 4,
  add: 5,
  mul: 6,
  neg: 7,
  pow: 8,
  /** Function notation (\max(…), \ln(…), \sqrt{…}): parenthesized only as a power's base. */
  func: 9,
  atom: 10,
} as const

interface Rendered {
  readonly tex: string
  readonly prec: number
}

const paren = (tex: string) => `\\left(${tex}\\right)`
const atom = (tex: string): Rendered => ({ tex, prec: Prec.atom })

/** Text-mode escape for names shown with \text{…}. */
export function latexText(text: string): string {
  return text.replace(/[\\{}_%&#$^~]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}'
    if (c === '^') return '\\^{}'
    if (c === '~') return '\\~{}'
    return `\\${c}`
  })
}

/**
 * A number in readable form: plain from 10⁻³ up to 10⁶, otherwise scientific with the
 * shortest mantissa that round-trips (6.4e10 → 6.4\times10^{10}, 1e-5 → 10^{-5}).
 */
export function latexNumber(value: number): string {
  if (value === 0) return '0'
  if (value < 0) return `-${latexNumber(-value)}`
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string]
  const exponent = Number(exponentText)
  if (exponent >= -3 && exponent < 6) return String(value)
  return mantissa === '1' ? `10^{${exponent}}` : `${mantissa}\\times10^{${exponent}}`
}

function numberRendering(value: number): Rendered {
  const tex = latexNumber(value)
  if (tex.startsWith('-')) return { tex, prec: Prec.neg }
  if (tex.includes('\\times')) return { tex, prec: Prec.mul }
  if (tex.includes('^')) return { tex, prec: Prec.pow }
  return atom(tex)
}

/** `X_{s}`; a symbol that has a subscript of its own is braced first, so the two do not clash. */
function subscript(symbol: string, index: string): string {
  return `${symbol.includes('_') ? `{${symbol}}` : symbol}_{${index}}`
}

/** A boolean is defined by a condition (x ⟺ a ≤ b), a number by a value (x = a + b). */
const relation = (node: ExprNode) => (node.type === 'boolean' ? '\\iff' : '=')

const INDEX_SYMBOLS = ['k', 'j', 'i', 'm', 'n', 'r']
const COMPARE: Record<string, string> = { lt: '<', le: '\\le', gt: '>', ge: '\\ge', eq: '=', ne: '\\ne' }

/**
 * The value of a subtree built only from unnamed constants (a fixed flag such as `0 > 1`, a
 * unit conversion by 1, a term `0/1`), else undefined. Named constants carry a symbol and a
 * source, so they are never folded away. Such subtrees are simplified in the rendering only
 * (a select on a fixed condition shows its taken branch, `false ∨ c` shows c, `x·1` shows x,
 * `x + 0` shows x, 1/0 shows ∞); the graph and its evaluation are unchanged.
 */
function constantValue(
  node: ExprNode,
  memo: Map<number, number | boolean | undefined>,
): number | boolean | undefined {
  if (memo.has(node.id)) return memo.get(node.id)
  const of = (child: ExprNode) => constantValue(child, memo)
  let value: number | boolean | undefined
  switch (node.op) {
    case 'constant':
      value = node.name ? undefined : node.value
      break
    case 'not': {
      const a = of(node.arg)
      value = typeof a === 'boolean' ? !a : undefined
      break
    }
    case 'and':
    case 'or': {
      const a = of(node.left)
      const b = of(node.right)
      // A fixed false decides `and` on its own, a fixed true `or`.
      const decisive = node.op === 'or'
      if (a === decisive || b === decisive) value = decisive
      else if (a === !decisive && b === !decisive) value = !decisive
      else value = undefined
      break
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
    case 'eq':
    case 'ne': {
      const a = of(node.left)
      const b = of(node.right)
      if (typeof a !== 'number' || typeof b !== 'number') value = undefined
      else if (node.op === 'lt') value = a < b
      else if (node.op === 'le') value = a <= b
      else if (node.op === 'gt') value = a > b
      else if (node.op === 'ge') value = a >= b
      else if (node.op === 'eq') value = a === b
      else value = a !== b
      break
    }
    case 'add':
    case 'sub':
    case 'mul':
    case 'div': {
      const a = of(node.left)
      const b = of(node.right)
      if (typeof a !== 'number' || typeof b !== 'number') value = undefined
      else if (node.op === 'add') value = a + b
      else if (node.op === 'sub') value = a - b
      else if (node.op === 'mul') value = a * b
      else value = a / b
      break
    }
    default:
      value = undefined
  }
  memo.set(node.id, value)
  return value
}

/** The branch a select on a fixed condition takes (repeatedly), else the node itself. */
function taken(node: ExprNode, memo: Map<number, number | boolean | undefined>): ExprNode {
  let current = node
  while (current.op === 'select') {
    const condition = constantValue(current.condition, memo)
    if (typeof condition !== 'boolean') break
    current = condition ? current.whenTrue : current.whenFalse
  }
  return current
}

/** Every node reachable from the roots (fold bodies included), in first-visit order. */
function collectNodes(
  roots: readonly ExprNode[],
  memo: Map<number, number | boolean | undefined> = new Map(),
): ExprNode[] {
  const seen = new Set<number>()
  const order: ExprNode[] = []
  const visit = (node: ExprNode): void => {
    if (seen.has(node.id)) return
    seen.add(node.id)
    order.push(node)
    for (const child of children(node, memo)) visit(child)
  }
  for (const root of roots) visit(root)
  return order
}

/**
 * Arguments in reading order; a fold's as its recurrence reads: count (X = X_N), init, body.
 * Only what the rendering shows: a select on a fixed condition has its taken branch alone.
 */
function children(node: ExprNode, memo: Map<number, number | boolean | undefined>): ExprNode[] {
  switch (node.op) {
    case 'constant':
    case 'input':
    case 'loopIndex':
    case 'loopAccumulator':
      return []
    case 'fold':
      return [node.count, node.init, node.body]
    case 'select': {
      const branch = taken(node, memo)
      return branch === node ? [node.condition, node.whenTrue, node.whenFalse] : [branch]
    }
    default:
      return 'arg' in node ? [node.arg] : [node.left, node.right]
  }
}

/**
 * Renders one model. Renderings are memoized per node (they do not depend on where a node
 * appears; parents add parentheses); definitions and symbols are collected per equation.
 */
class LatexRenderer {
  private readonly memo = new Map<number, Rendered>()
  private readonly constants = new Map<number, number | boolean | undefined>()
  /** Symbol and definition name of each fold: the let that names it, else its output, else acc. */
  private readonly foldNames = new Map<number, { symbol: string; name: string }>()
  private readonly foldOfLoop = new Map<number, FoldNode>()
  /** Folds named by a let: defined through the let. */
  private readonly letNamedFolds = new Set<number>()
  private readonly indexSymbol: string

  constructor(private readonly model: Model) {
    const nodes = collectNodes(model.outputNodes, this.constants)
    const used = new Set<string>()
    for (const node of nodes) {
      if (node.op === 'input' || node.op === 'let') used.add(node.symbol)
      if (node.op === 'let' && node.arg.op === 'fold') {
        this.letNamedFolds.add(node.arg.id)
        this.foldNames.set(node.arg.id, { symbol: node.symbol, name: node.name })
      }
      if (node.op === 'fold') this.foldOfLoop.set(node.loop, node)
    }
    model.outputNodes.forEach((root, i) => {
      if (root.op === 'fold' && !this.foldNames.has(root.id)) {
        this.foldNames.set(root.id, { symbol: this.outputSymbol(i), name: model.outputNames[i]! })
      }
    })
    const unnamed = nodes.filter((n): n is FoldNode => n.op === 'fold' && !this.foldNames.has(n.id))
    unnamed.forEach((fold, i) => {
      const symbol = unnamed.length === 1 ? '\\mathrm{acc}' : `\\mathrm{acc}^{(${i + 1})}`
      this.foldNames.set(fold.id, { symbol, name: `recurrence ${i + 1}` })
    })
    this.indexSymbol = INDEX_SYMBOLS.find((s) => !used.has(s)) ?? '\\kappa'
  }

  /** A let output is named by its symbol; any other output by its name in \text. */
  outputSymbol(position: number): string {
    const root = this.model.outputNodes[position]!
    return root.op === 'let' ? root.symbol : `\\text{${latexText(this.model.outputNames[position]!)}}`
  }

  /** The equation of one output, the definitions it needs (top-down) and its legend. */
  equation(position: number): LatexEquation {
    const root = this.model.outputNodes[position]!
    const symbol = this.outputSymbol(position)
    // The root's own let or fold is the equation itself, not one of its definitions.
    const body = root.op === 'let' ? root.arg : root
    const skip = new Set([root.id])
    if (body.op === 'fold') skip.add(body.id)
    let expression: string
    let equation: string
    if (body.op === 'fold') {
      expression = this.recurrence(body)
      equation = expression
    } else {
      expression = this.render(body).tex
      equation = `${symbol} ${relation(body)} ${expression}`
    }

    const definitions: LatexDefinition[] = []
    const symbols = new Map<string, LatexSymbol>()
    const addSymbol = (key: string, entry: LatexSymbol) => {
      if (!symbols.has(key)) symbols.set(key, entry)
    }
    const start = body.op === 'fold' ? children(body, this.constants) : [body]
    for (const node of collectNodes(start, this.constants)) {
      if (node.op === 'input') {
        addSymbol(`input ${node.name}`, {
          symbol: node.symbol,
          name: node.name,
          kind: 'input',
          dimension: describeDimension(node.dim),
          ...(node.description ? { description: node.description } : {}),
        })
      } else if (node.op === 'constant' && node.name) {
        addSymbol(`constant ${node.id}`, {
          symbol: this.constantSymbol(node),
          name: node.name,
          kind: 'constant',
          dimension: describeDimension(node.dim),
          value: node.value,
          ...(node.provenance ? { provenance: node.provenance } : {}),
        })
      } else if (
        !skip.has(node.id) &&
        (node.op === 'let' || (node.op === 'fold' && !this.letNamedFolds.has(node.id)))
      ) {
        const definition = this.definition(node)
        definitions.push(definition)
        addSymbol(`intermediate ${node.id}`, {
          symbol: definition.symbol,
          name: definition.name,
          kind: 'intermediate',
          dimension: node.type === 'boolean' ? 'a condition (true or false)' : describeDimension(node.dim),
        })
      }
    }
    return {
      output: this.model.outputNames[position]!,
      symbol,
      expression,
      equation,
      definitions,
      symbols: [...symbols.values()],
    }
  }

  private definition(node: LetNode | FoldNode): LatexDefinition {
    if (node.op === 'fold') {
      const { symbol, name } = this.foldNames.get(node.id)!
      return { name, symbol, latex: this.recurrence(node) }
    }
    const latex =
      node.arg.op === 'fold'
        ? this.recurrence(node.arg)
        : `${node.symbol} ${relation(node)} ${this.render(node.arg).tex}`
    return { name: node.name, symbol: node.symbol, latex }
  }

  private constantSymbol(node: ExprNode & { op: 'constant' }): string {
    return node.symbol ?? `\\text{${latexText(node.name!)}}`
  }

  /**
   * X = X_{N},  X_{0} = init,  X_{k} = body for k = 1, …, N  with N = ⌈count⌉ and the static
   * bound stated (a constant count shows the number of steps it takes).
   */
  private recurrence(fold: FoldNode): string {
    const x = this.foldNames.get(fold.id)!.symbol
    const k = this.indexSymbol
    let steps: string
    let bound = ''
    if (fold.count.op === 'constant') {
      const n = Math.ceil(fold.count.value)
      steps = String(n > 0 ? Math.min(n, fold.maxSteps) : 0)
    } else {
      const count = this.render(fold.count).tex
      steps = fold.count.op === 'ceil' ? count : `\\left\\lceil ${count} \\right\\rceil`
      bound = `\\ \\left(\\text{at most } ${fold.maxSteps}\\right)`
    }
    return (
      `${x} = ${subscript(x, steps)},\\quad ${subscript(x, '0')} = ${this.render(fold.init).tex},\\quad ` +
      `${subscript(x, k)} = ${this.render(fold.body).tex}\\ \\text{for } ${k} = 1, \\ldots, ${steps}${bound}`
    )
  }

  private render(node: ExprNode): Rendered {
    const cached = this.memo.get(node.id)
    if (cached) return cached
    const rendered = this.compute(node)
    this.memo.set(node.id, rendered)
    return rendered
  }

  /**
   * An operand, parenthesized when it binds weaker than `min`; a right operand that starts
   * with a minus sign is parenthesized too (a + (−b), not a + −b).
   */
  private operand(node: ExprNode, min: number, right = false): string {
    const { tex, prec } = this.render(node)
    return prec < min || (right && tex.startsWith('-')) ? paren(tex) : tex
  }

  /** Arguments of a chain of one associative function: max(max(a, b), c) → \max(a, b, c). */
  private flatten(node: ExprNode, op: 'min' | 'max'): string[] {
    if (node.op === op && 'left' in node)
      return [...this.flatten(node.left, op), ...this.flatten(node.right, op)]
    return [this.render(node).tex]
  }

  /** A cases environment; a select in the false branch continues the list of cases. */
  private cases(node: ExprNode & { op: 'select' }): string {
    const rows: string[] = []
    let current: ExprNode = node
    while (current.op === 'select') {
      rows.push(`${this.render(current.whenTrue).tex} & \\text{if } ${this.render(current.condition).tex}`)
      current = taken(current.whenFalse, this.constants)
    }
    rows.push(`${this.render(current).tex} & \\text{otherwise}`)
    return `\\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}`
  }

  /** An unnamed constant equal to `value` (or a subtree of them: a fixed flag, a 0/1 term). */
  private is(node: ExprNode, value: number | boolean): boolean {
    return constantValue(node, this.constants) === value
  }

  private compute(node: ExprNode): Rendered {
    switch (node.op) {
      case 'constant':
        return node.name ? atom(this.constantSymbol(node)) : numberRendering(node.value)
      case 'input':
      case 'let':
        return atom(node.symbol)
      case 'fold':
        return atom(this.foldNames.get(node.id)!.symbol)
      case 'loopIndex':
        return atom(this.indexSymbol)
      case 'loopAccumulator': {
        const fold = this.foldOfLoop.get(node.loop)
        if (!fold) throw new GraphError(`loop ${node.loop} of model '${this.model.id}' has no fold`)
        return atom(subscript(this.foldNames.get(fold.id)!.symbol, `${this.indexSymbol}-1`))
      }
      case 'select': {
        const branch = taken(node, this.constants)
        if (branch !== node) return this.render(branch)
        return { tex: this.cases(node), prec: Prec.cases }
      }
      case 'neg':
        return { tex: `-${this.operand(node.arg, Prec.mul, true)}`, prec: Prec.neg }
      case 'abs':
        return atom(`\\left|${this.render(node.arg).tex}\\right|`)
      case 'ceil':
        return atom(`\\left\\lceil ${this.render(node.arg).tex} \\right\\rceil`)
      case 'floor':
        return atom(`\\left\\lfloor ${this.render(node.arg).tex} \\right\\rfloor`)
      case 'log':
        return { tex: `\\ln${paren(this.render(node.arg).tex)}`, prec: Prec.func }
      case 'exp':
        return { tex: `e^{${this.render(node.arg).tex}}`, prec: Prec.pow }
      case 'sqrt':
        return { tex: `\\sqrt{${this.render(node.arg).tex}}`, prec: Prec.func }
      case 'not':
        return { tex: `\\lnot ${this.operand(node.arg, Prec.func)}`, prec: Prec.not }
      case 'toNumber':
        // Iverson bracket: 1 when the condition holds, else 0.
        return atom(`\\left[${this.render(node.arg).tex}\\right]`)
      case 'add':
        if (this.is(node.right, 0)) return this.render(node.left)
        if (this.is(node.left, 0)) return this.render(node.right)
        return {
          tex: `${this.operand(node.left, Prec.add)} + ${this.operand(node.right, Prec.add, true)}`,
          prec: Prec.add,
        }
      case 'sub':
        if (this.is(node.right, 0)) return this.render(node.left)
        return {
          tex: `${this.operand(node.left, Prec.add)} - ${this.operand(node.right, Prec.mul, true)}`,
          prec: Prec.add,
        }
      case 'mul':
        if (this.is(node.right, 1)) return this.render(node.left)
        if (this.is(node.left, 1)) return this.render(node.right)
        return {
          tex: `${this.operand(node.left, Prec.mul)} \\cdot ${this.operand(node.right, Prec.mul, true)}`,
          prec: Prec.mul,
        }
      case 'div':
        // +∞ is written 1/0 in a graph (constants must be finite).
        if (this.is(node.right, 0) && (constantValue(node.left, this.constants) as number) > 0) {
          return atom('\\infty')
        }
        if (this.is(node.right, 1)) return this.render(node.left)
        return {
          tex: `\\frac{${this.render(node.left).tex}}{${this.render(node.right).tex}}`,
          prec: Prec.mul,
        }
      case 'min':
      case 'max':
        return { tex: `\\${node.op}${paren(this.flatten(node, node.op).join(', '))}`, prec: Prec.func }
      case 'pow': {
        const base = this.render(node.left)
        // A base with a superscript of its own (x^{*}) is braced so the exponents do not clash.
        const baseTex =
          base.prec < Prec.atom ? paren(base.tex) : base.tex.includes('^') ? `{${base.tex}}` : base.tex
        return { tex: `${baseTex}^{${this.render(node.right).tex}}`, prec: Prec.pow }
      }
      case 'and':
        if (this.is(node.left, true)) return this.render(node.right)
        if (this.is(node.right, true)) return this.render(node.left)
        return {
          tex: `${this.operand(node.left, Prec.and)} \\land ${this.operand(node.right, Prec.and)}`,
          prec: Prec.and,
        }
      case 'or':
        if (this.is(node.left, false)) return this.render(node.right)
        if (this.is(node.right, false)) return this.render(node.left)
        return {
          tex: `${this.operand(node.left, Prec.or)} \\lor ${this.operand(node.right, Prec.or)}`,
          prec: Prec.or,
        }
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge':
      case 'eq':
      case 'ne':
        return {
          tex: `${this.operand(node.left, Prec.add)} ${COMPARE[node.op]} ${this.operand(node.right, Prec.add)}`,
          prec: Prec.compare,
        }
    }
  }
}

function outputPosition(model: Model, output: string): number {
  const position = model.outputNames.indexOf(output)
  if (position < 0) {
    throw new GraphError(
      `model '${model.id}' has no output '${output}'; outputs are ${model.outputNames.join(', ')}`,
    )
  }
  return position
}

/** LaTeX of one output: its equation, the definitions of the intermediates it uses, and a legend. */
export function toLatex(model: Model, output: string): LatexEquation {
  return new LatexRenderer(model).equation(outputPosition(model, output))
}

/** LaTeX of every output, with their definitions and legends merged (each entry once). */
export function toLatexDocument(model: Model): LatexDocument {
  const renderer = new LatexRenderer(model)
  const equations = model.outputNames.map((_, i) => renderer.equation(i))
  const own = new Set(equations.map((e) => e.symbol))
  const definitions = new Map<string, LatexDefinition>()
  const symbols = new Map<string, LatexSymbol>()
  for (const equation of equations) {
    for (const definition of equation.definitions) {
      if (!own.has(definition.symbol) && !definitions.has(definition.symbol))
        definitions.set(definition.symbol, definition)
    }
    for (const symbol of equation.symbols) if (!symbols.has(symbol.symbol)) symbols.set(symbol.symbol, symbol)
  }
  const lines = [...equations.map((e) => e.equation), ...[...definitions.values()].map((d) => d.latex)]
  return {
    equations,
    definitions: [...definitions.values()],
    symbols: [...symbols.values()],
    latex: `\\begin{gathered}\n${lines.join(' \\\\\n')}\n\\end{gathered}`,
  }
}
