/**
 * A direct tree-walking evaluator: the reference semantics the compiled backends are tested
 * against, and the fallback where generated code is not allowed (a strict CSP forbids `new Function`).
 */
import { GraphError } from './errors.js'
import type { ExprNode, FoldNode } from './node.js'

export type Value = number | boolean

/** Steps a fold takes for a given count: ⌈count⌉ clamped to [0, maxSteps] (NaN → 0). */
export function foldSteps(count: number, maxSteps: number): number {
  const n = Math.ceil(count)
  return n > 0 ? Math.min(n, maxSteps) : 0
}

export function interpret(roots: readonly ExprNode[], inputs: Readonly<Record<string, number>>): Value[] {
  const memo = new Map<number, Value>()
  const loopState = new Map<number, { index: number; accumulator: number }>()

  const num = (node: ExprNode): number => evaluate(node) as number

  const runFold = (node: FoldNode): number => {
    let accumulator = num(node.init)
    const steps = foldSteps(num(node.count), node.maxSteps)
    for (let k = 1; k <= steps; k++) {
      loopState.set(node.loop, { index: k, accumulator })
      // Body values change every step: evaluate without the memo for loop-dependent nodes.
      accumulator = evaluateFresh(node.body, node.loop) as number
    }
    loopState.delete(node.loop)
    return accumulator
  }

  const dependsOn = new Map<string, boolean>()
  const usesLoop = (node: ExprNode, loop: number): boolean => {
    const key = `${node.id}:${loop}`
    const cached = dependsOn.get(key)
    if (cached !== undefined) return cached
    let result: boolean
    if (node.op === 'loopIndex' || node.op === 'loopAccumulator') result = node.loop === loop
    else if (node.op === 'fold')
      result = usesLoop(node.init, loop) || usesLoop(node.count, loop) || usesLoop(node.body, loop)
    else if (node.op === 'select')
      result =
        usesLoop(node.condition, loop) || usesLoop(node.whenTrue, loop) || usesLoop(node.whenFalse, loop)
    else if ('arg' in node) result = usesLoop(node.arg, loop)
    else if ('left' in node) result = usesLoop(node.left, loop) || usesLoop(node.right, loop)
    else result = false
    dependsOn.set(key, result)
    return result
  }

  const evaluateFresh = (node: ExprNode, loop: number): Value => {
    if (!usesLoop(node, loop)) return evaluate(node)
    return compute(node, (child) => evaluateFresh(child, loop))
  }

  const evaluate = (node: ExprNode): Value => {
    const cached = memo.get(node.id)
    if (cached !== undefined) return cached
    const value = compute(node, evaluate)
    if (!isLoopVariant(node)) memo.set(node.id, value)
    return value
  }

  const isLoopVariant = (node: ExprNode): boolean => {
    for (const loop of loopState.keys()) if (usesLoop(node, loop)) return true
    return false
  }

  const compute = (node: ExprNode, child: (n: ExprNode) => Value): Value => {
    const n = (x: ExprNode) => child(x) as number
    const b = (x: ExprNode) => child(x) as boolean
    switch (node.op) {
      case 'constant':
        return node.value
      case 'input': {
        const value = inputs[node.name]
        if (typeof value !== 'number') throw new GraphError(`missing input '${node.name}'`)
        return value
      }
      case 'loopIndex':
        return loopState.get(node.loop)!.index
      case 'loopAccumulator':
        return loopState.get(node.loop)!.accumulator
      case 'fold':
        return runFold(node)
      case 'let':
        return child(node.arg)
      case 'select':
        return b(node.condition) ? child(node.whenTrue) : child(node.whenFalse)
      case 'neg':
        return -n(node.arg)
      case 'abs':
        return Math.abs(n(node.arg))
      case 'ceil':
        return Math.ceil(n(node.arg))
      case 'floor':
        return Math.floor(n(node.arg))
      case 'log':
        return Math.log(n(node.arg))
      case 'exp':
        return Math.exp(n(node.arg))
      case 'sqrt':
        return Math.sqrt(n(node.arg))
      case 'not':
        return !b(node.arg)
      case 'toNumber':
        return b(node.arg) ? 1 : 0
      case 'add':
        return n(node.left) + n(node.right)
      case 'sub':
        return n(node.left) - n(node.right)
      case 'mul':
        return n(node.left) * n(node.right)
      case 'div':
        return n(node.left) / n(node.right)
      case 'min':
        return Math.min(n(node.left), n(node.right))
      case 'max':
        return Math.max(n(node.left), n(node.right))
      case 'pow':
        return n(node.left) ** n(node.right)
      case 'and':
        return b(node.left) && b(node.right)
      case 'or':
        return b(node.left) || b(node.right)
      case 'lt':
        return n(node.left) < n(node.right)
      case 'le':
        return n(node.left) <= n(node.right)
      case 'gt':
        return n(node.left) > n(node.right)
      case 'ge':
        return n(node.left) >= n(node.right)
      case 'eq':
        return n(node.left) === n(node.right)
      case 'ne':
        return n(node.left) !== n(node.right)
    }
  }

  return roots.map((root) => evaluate(root))
}
