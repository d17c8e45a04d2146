/**
 * The intermediate representation of an equation: an immutable DAG of nodes, each with a
 * dimension (checked when the node is built) and a value type. Every backend — scalar JS,
 * columnar JS, WGSL, LaTeX, forward-mode derivatives — walks the same nodes.
 */
import type { DimensionVector, Provenance } from '@mlsysim/units'

export type ValueType = 'number' | 'boolean'

export type UnaryOp = 'neg' | 'abs' | 'ceil' | 'floor' | 'log' | 'exp' | 'sqrt' | 'not' | 'toNumber'
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max' | 'pow' | 'and' | 'or'
export type CompareOp = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne'

interface Base {
  /** Unique, increasing in creation order (so arguments always have smaller ids). */
  readonly id: number
  readonly dim: DimensionVector
  readonly type: ValueType
}

export interface ConstantNode extends Base {
  readonly op: 'constant'
  readonly value: number
  /** Named constants render as a symbol in LaTeX and carry their source. */
  readonly name?: string
  readonly symbol?: string
  readonly provenance?: Provenance
}

export interface InputNode extends Base {
  readonly op: 'input'
  readonly name: string
  readonly symbol: string
  readonly description?: string
}

export interface UnaryNode extends Base {
  readonly op: UnaryOp
  readonly arg: ExprNode
}

export interface BinaryNode extends Base {
  readonly op: BinaryOp | CompareOp
  readonly left: ExprNode
  readonly right: ExprNode
}

export interface SelectNode extends Base {
  readonly op: 'select'
  readonly condition: ExprNode
  readonly whenTrue: ExprNode
  readonly whenFalse: ExprNode
}

/** The loop counter k = 1, 2, …, n inside a fold body. */
export interface LoopIndexNode extends Base {
  readonly op: 'loopIndex'
  readonly loop: number
}

/** The accumulator inside a fold body (its value after step k − 1). */
export interface LoopAccumulatorNode extends Base {
  readonly op: 'loopAccumulator'
  readonly loop: number
}

/**
 * A bounded fold: acc₀ = init; acc_k = body(acc_{k−1}, k) for k = 1 … min(⌈count⌉, maxSteps).
 * Bounded so that it compiles to a fixed-size GPU loop (Erlang-C over c servers).
 */
export interface FoldNode extends Base {
  readonly op: 'fold'
  readonly loop: number
  readonly init: ExprNode
  readonly count: ExprNode
  readonly maxSteps: number
  readonly body: ExprNode
  readonly index: LoopIndexNode
  readonly accumulator: LoopAccumulatorNode
}

/** A named intermediate: evaluates to its argument, renders as its symbol with its own equation. */
export interface LetNode extends Base {
  readonly op: 'let'
  readonly name: string
  readonly symbol: string
  readonly arg: ExprNode
}

export type ExprNode =
  | ConstantNode
  | InputNode
  | UnaryNode
  | BinaryNode
  | SelectNode
  | LoopIndexNode
  | LoopAccumulatorNode
  | FoldNode
  | LetNode

export function isCompare(op: string): op is CompareOp {
  return op === 'lt' || op === 'le' || op === 'gt' || op === 'ge' || op === 'eq' || op === 'ne'
}

/** Direct arguments of a node (a fold's body is reached through the fold, not listed here). */
export function argumentsOf(node: ExprNode): ExprNode[] {
  switch (node.op) {
    case 'constant':
    case 'input':
    case 'loopIndex':
    case 'loopAccumulator':
      return []
    case 'select':
      return [node.condition, node.whenTrue, node.whenFalse]
    case 'fold':
      return [node.init, node.count]
    case 'let':
      return [node.arg]
    default:
      return 'arg' in node ? [node.arg] : [node.left, node.right]
  }
}
