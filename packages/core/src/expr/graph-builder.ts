/**
 * Builds expression graphs with dimensions checked at construction: adding bytes to seconds,
 * or taking the log of a bandwidth, throws a GraphError naming both operands. Identical
 * sub-expressions are shared (hash-consing), so every backend computes each term once.
 */
import {
  DIMENSIONLESS,
  DIMENSIONS,
  type DimensionName,
  type DimensionVector,
  describeDimension,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  type Provenance,
  powerDimension,
  sameDimension,
} from '@mlsysim/units'
import { GraphError } from './errors.js'
import type {
  BinaryOp,
  CompareOp,
  ConstantNode,
  ExprNode,
  FoldNode,
  InputNode,
  LetNode,
  LoopAccumulatorNode,
  LoopIndexNode,
  UnaryOp,
  ValueType,
} from './node.js'

export type DimensionLike = DimensionName | DimensionVector

function toVector(dim: DimensionLike): DimensionVector {
  if (typeof dim === 'string') {
    const named = DIMENSIONS[dim]
    if (!named) throw new GraphError(`unknown dimension "${dim}"`)
    if (named.scale !== 1)
      throw new GraphError(`"${dim}" is not stored in base units; use its base-unit twin`)
    return named.vector
  }
  return dim
}

function describe(node: ExprNode): string {
  const what = node.op === 'input' || node.op === 'let' ? `'${node.name}'` : node.op
  return `${what} [${describeDimension(node.dim)}]`
}

export type Operand = Expr | number

/** A node plus the builder that made it: the fluent surface equations are written in. */
export class Expr {
  constructor(
    readonly node: ExprNode,
    readonly graph: GraphBuilder,
  ) {}

  get dim(): DimensionVector {
    return this.node.dim
  }

  add(other: Operand): Expr {
    return this.graph.binary('add', this, other)
  }
  sub(other: Operand): Expr {
    return this.graph.binary('sub', this, other)
  }
  mul(other: Operand): Expr {
    return this.graph.binary('mul', this, other)
  }
  div(other: Operand): Expr {
    return this.graph.binary('div', this, other)
  }
  min(other: Operand): Expr {
    return this.graph.binary('min', this, other)
  }
  max(other: Operand): Expr {
    return this.graph.binary('max', this, other)
  }
  /** Clamps into [low, high]. */
  clamp(low: Operand, high: Operand): Expr {
    return this.max(low).min(high)
  }
  /** x^e: a constant exponent scales the dimension; an expression exponent needs dimensionless operands. */
  pow(exponent: Operand): Expr {
    return this.graph.binary('pow', this, exponent)
  }
  neg(): Expr {
    return this.graph.unary('neg', this)
  }
  abs(): Expr {
    return this.graph.unary('abs', this)
  }
  ceil(): Expr {
    return this.graph.unary('ceil', this)
  }
  floor(): Expr {
    return this.graph.unary('floor', this)
  }
  log(): Expr {
    return this.graph.unary('log', this)
  }
  exp(): Expr {
    return this.graph.unary('exp', this)
  }
  sqrt(): Expr {
    return this.graph.unary('sqrt', this)
  }
  lt(other: Operand): Expr {
    return this.graph.compare('lt', this, other)
  }
  le(other: Operand): Expr {
    return this.graph.compare('le', this, other)
  }
  gt(other: Operand): Expr {
    return this.graph.compare('gt', this, other)
  }
  ge(other: Operand): Expr {
    return this.graph.compare('ge', this, other)
  }
  eq(other: Operand): Expr {
    return this.graph.compare('eq', this, other)
  }
  ne(other: Operand): Expr {
    return this.graph.compare('ne', this, other)
  }
  and(other: Expr): Expr {
    return this.graph.binary('and', this, other)
  }
  or(other: Expr): Expr {
    return this.graph.binary('or', this, other)
  }
  not(): Expr {
    return this.graph.unary('not', this)
  }
  /** A boolean as 1 or 0. */
  toNumber(): Expr {
    return this.graph.unary('toNumber', this)
  }
  /** Asserts the dimension (documentation in code, checked at build time). */
  as(dim: DimensionLike): Expr {
    const vector = toVector(dim)
    if (!sameDimension(vector, this.node.dim)) {
      throw new GraphError(`expected ${describeDimension(vector)}, got ${describe(this.node)}`)
    }
    return this
  }
}

export interface InputOptions {
  /** LaTeX symbol, e.g. "\\eta" or "B". Defaults to \text{name}. */
  symbol?: string
  description?: string
}

export interface ConstantOptions {
  name?: string
  symbol?: string
  provenance?: Provenance
}

export interface FoldSpec {
  /** acc₀. */
  init: Operand
  /** Number of steps (rounded up, clamped to maxSteps). */
  count: Operand
  /** Static bound on the number of steps, so the loop compiles to a fixed-size GPU loop. */
  maxSteps: number
  /** acc_k from acc_{k−1} and k = 1 … count. */
  body: (accumulator: Expr, index: Expr) => Operand
}

export class GraphBuilder {
  private nextId = 0
  private loops = 0
  private readonly interned = new Map<string, ExprNode>()
  private readonly inputsByName = new Map<string, InputNode>()
  private readonly letNames = new Set<string>()

  /** Declared inputs, in declaration order. */
  get inputs(): InputNode[] {
    return [...this.inputsByName.values()]
  }

  private make<N extends ExprNode>(key: string | undefined, build: (id: number) => N): N {
    if (key !== undefined) {
      const existing = this.interned.get(key)
      if (existing) return existing as N
    }
    const node = build(this.nextId++)
    Object.freeze(node)
    if (key !== undefined) this.interned.set(key, node)
    return node
  }

  wrap(node: ExprNode): Expr {
    return new Expr(node, this)
  }

  lift(value: Operand): Expr {
    if (value instanceof Expr) {
      if (value.graph !== this) throw new GraphError('cannot mix nodes from two different graphs')
      return value
    }
    if (typeof value !== 'number' || Number.isNaN(value))
      throw new GraphError(`not a number: ${String(value)}`)
    return this.constant(value, DIMENSIONLESS)
  }

  input(name: string, dim: DimensionLike, options: InputOptions = {}): Expr {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new GraphError(`input name "${name}" must be an identifier`)
    if (this.inputsByName.has(name)) throw new GraphError(`input '${name}' is declared twice`)
    const node: InputNode = this.make(undefined, (id) => ({
      id,
      op: 'input',
      name,
      dim: toVector(dim),
      type: 'number',
      symbol: options.symbol ?? `\\text{${name.replace(/_/g, '\\_')}}`,
      ...(options.description ? { description: options.description } : {}),
    }))
    this.inputsByName.set(name, node)
    return this.wrap(node)
  }

  constant(value: number, dim: DimensionLike = DIMENSIONLESS, options: ConstantOptions = {}): Expr {
    if (!Number.isFinite(value))
      throw new GraphError(`constant ${options.name ?? ''} must be finite, got ${value}`)
    const vector = toVector(dim)
    const key = options.name ? undefined : `c:${Object.is(value, -0) ? 0 : value}:${JSON.stringify(vector)}`
    const node: ConstantNode = this.make(key, (id) => ({
      id,
      op: 'constant',
      value,
      dim: vector,
      type: 'number',
      ...(options.name ? { name: options.name } : {}),
      ...(options.symbol ? { symbol: options.symbol } : {}),
      ...(options.provenance ? { provenance: options.provenance } : {}),
    }))
    return this.wrap(node)
  }

  /** Names an intermediate term so that it appears in results' LaTeX as its own equation. */
  let(name: string, value: Operand, options: { symbol?: string } = {}): Expr {
    if (this.letNames.has(name)) throw new GraphError(`intermediate '${name}' is defined twice`)
    this.letNames.add(name)
    const arg = this.lift(value).node
    const node: LetNode = this.make(undefined, (id) => ({
      id,
      op: 'let',
      name,
      symbol: options.symbol ?? `\\text{${name}}`,
      arg,
      dim: arg.dim,
      type: arg.type,
    }))
    return this.wrap(node)
  }

  unary(op: UnaryOp, value: Operand): Expr {
    const arg = this.lift(value).node
    let dim = arg.dim
    let type: ValueType = 'number'
    if (op === 'not') {
      this.requireType(arg, 'boolean', op)
      type = 'boolean'
    } else if (op === 'toNumber') {
      this.requireType(arg, 'boolean', op)
      dim = DIMENSIONLESS
    } else {
      this.requireType(arg, 'number', op)
      if (op === 'log' || op === 'exp') this.requireDimensionless(arg, op)
      if (op === 'sqrt') dim = powerDimension(arg.dim, 0.5)
    }
    return this.wrap(this.make(`${op}:${arg.id}`, (id) => ({ id, op, arg, dim, type })))
  }

  binary(op: BinaryOp, a: Operand, b: Operand): Expr {
    const left = this.lift(a).node
    const right = this.lift(b).node
    let dim: DimensionVector
    let type: ValueType = 'number'
    if (op === 'and' || op === 'or') {
      this.requireType(left, 'boolean', op)
      this.requireType(right, 'boolean', op)
      dim = DIMENSIONLESS
      type = 'boolean'
    } else {
      this.requireType(left, 'number', op)
      this.requireType(right, 'number', op)
      if (op === 'mul') dim = multiplyDimensions(left.dim, right.dim)
      else if (op === 'div') dim = divideDimensions(left.dim, right.dim)
      else if (op === 'pow') {
        this.requireDimensionless(right, 'an exponent')
        if (right.op === 'constant') dim = powerDimension(left.dim, right.value)
        else {
          this.requireDimensionless(left, 'pow with a variable exponent')
          dim = DIMENSIONLESS
        }
      } else {
        this.requireSame(left, right, op)
        dim = left.dim
      }
    }
    return this.wrap(this.make(`${op}:${left.id}:${right.id}`, (id) => ({ id, op, left, right, dim, type })))
  }

  compare(op: CompareOp, a: Operand, b: Operand): Expr {
    const left = this.lift(a).node
    const right = this.lift(b).node
    this.requireType(left, 'number', op)
    this.requireType(right, 'number', op)
    this.requireSame(left, right, op)
    return this.wrap(
      this.make(`${op}:${left.id}:${right.id}`, (id) => ({
        id,
        op,
        left,
        right,
        dim: DIMENSIONLESS,
        type: 'boolean' as const,
      })),
    )
  }

  /** `condition ? whenTrue : whenFalse`; both branches have one dimension and type. */
  select(condition: Expr, whenTrue: Operand, whenFalse: Operand): Expr {
    const c = this.lift(condition).node
    const t = this.lift(whenTrue).node
    const f = this.lift(whenFalse).node
    this.requireType(c, 'boolean', 'select condition')
    if (t.type !== f.type) throw new GraphError(`select branches differ in type: ${t.type} vs ${f.type}`)
    this.requireSame(t, f, 'select')
    return this.wrap(
      this.make(`select:${c.id}:${t.id}:${f.id}`, (id) => ({
        id,
        op: 'select' as const,
        condition: c,
        whenTrue: t,
        whenFalse: f,
        dim: t.dim,
        type: t.type,
      })),
    )
  }

  /** A bounded loop (see FoldNode): Σ, products, recurrences such as Erlang B. */
  fold(spec: FoldSpec): Expr {
    if (!Number.isInteger(spec.maxSteps) || spec.maxSteps < 1) {
      throw new GraphError(`fold maxSteps must be a positive integer, got ${spec.maxSteps}`)
    }
    const init = this.lift(spec.init).node
    const count = this.lift(spec.count).node
    this.requireType(init, 'number', 'fold init')
    this.requireDimensionless(count, 'fold count')
    const loop = this.loops++
    const index: LoopIndexNode = this.make(undefined, (id) => ({
      id,
      op: 'loopIndex',
      loop,
      dim: DIMENSIONLESS,
      type: 'number',
    }))
    const accumulator: LoopAccumulatorNode = this.make(undefined, (id) => ({
      id,
      op: 'loopAccumulator',
      loop,
      dim: init.dim,
      type: 'number',
    }))
    const body = this.lift(spec.body(this.wrap(accumulator), this.wrap(index))).node
    this.requireType(body, 'number', 'fold body')
    if (!sameDimension(body.dim, init.dim)) {
      throw new GraphError(`fold body has ${describe(body)} but its accumulator has ${describe(init)}`)
    }
    const node: FoldNode = this.make(undefined, (id) => ({
      id,
      op: 'fold',
      loop,
      init,
      count,
      maxSteps: spec.maxSteps,
      body,
      index,
      accumulator,
      dim: init.dim,
      type: 'number',
    }))
    return this.wrap(node)
  }

  private requireType(node: ExprNode, type: ValueType, where: string): void {
    if (node.type !== type)
      throw new GraphError(`${where} needs a ${type}, got a ${node.type} (${describe(node)})`)
  }

  private requireDimensionless(node: ExprNode, where: string): void {
    if (!isDimensionless(node.dim))
      throw new GraphError(`${where} needs a dimensionless value, got ${describe(node)}`)
  }

  private requireSame(a: ExprNode, b: ExprNode, op: string): void {
    if (!sameDimension(a.dim, b.dim)) {
      throw new GraphError(`cannot ${op} ${describe(a)} and ${describe(b)}: dimensions differ`)
    }
  }
}
