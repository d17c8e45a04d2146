/**
 * Orders a graph for code generation. Nodes that do not depend on a loop's variables are
 * hoisted out of it; a fold's body becomes a nested block. Every backend (JS, WGSL, dual
 * numbers) emits these steps in order, so each shared term is computed exactly once.
 */
import { GraphError } from './errors.js'
import { argumentsOf, type ExprNode, type FoldNode } from './node.js'

export type Step = { kind: 'node'; node: ExprNode } | { kind: 'loop'; fold: FoldNode; body: Step[] }

/** Loops whose variables a node's value depends on (a fold closes its own loop). */
export function loopDependencies(roots: Iterable<ExprNode>): Map<number, ReadonlySet<number>> {
  const deps = new Map<number, ReadonlySet<number>>()
  const visit = (node: ExprNode): ReadonlySet<number> => {
    const known = deps.get(node.id)
    if (known) return known
    let result: Set<number>
    if (node.op === 'loopIndex' || node.op === 'loopAccumulator') result = new Set([node.loop])
    else {
      result = new Set()
      for (const arg of argumentsOf(node)) for (const l of visit(arg)) result.add(l)
      if (node.op === 'fold') {
        for (const l of visit(node.body)) if (l !== node.loop) result.add(l)
        if (result.size > 0)
          throw new GraphError('nested loops that depend on an outer loop are not supported')
      }
    }
    deps.set(node.id, result)
    return result
  }
  for (const root of roots) visit(root)
  return deps
}

/** Steps that compute every root, loop bodies nested, in dependency order. */
export function schedule(roots: readonly ExprNode[]): Step[] {
  const deps = loopDependencies(roots)
  const placed = new Set<number>()

  const place = (node: ExprNode, into: Step[], loop: number | undefined): void => {
    if (placed.has(node.id)) return
    const nodeDeps = deps.get(node.id)!
    // A hoistable node inside a loop body goes to the top level (it was reached from the body).
    if (loop !== undefined && !nodeDeps.has(loop)) return
    if (node.op === 'loopIndex' || node.op === 'loopAccumulator') return
    for (const arg of argumentsOf(node)) place(arg, into, loop)
    if (node.op === 'fold') {
      // Loop-invariant parts of the body first, at this level; then the loop itself.
      hoistInvariants(node.body, node.loop, into)
      const body: Step[] = []
      place(node.body, body, node.loop)
      placed.add(node.id)
      into.push({ kind: 'loop', fold: node, body })
      return
    }
    placed.add(node.id)
    into.push({ kind: 'node', node })
  }

  const hoistInvariants = (node: ExprNode, loop: number, into: Step[]): void => {
    const seen = new Set<number>()
    const walk = (n: ExprNode): void => {
      if (seen.has(n.id)) return
      seen.add(n.id)
      if (!deps.get(n.id)!.has(loop)) {
        place(n, into, undefined)
        return
      }
      for (const arg of argumentsOf(n)) walk(arg)
      if (n.op === 'fold') walk(n.body)
    }
    walk(node)
  }

  const steps: Step[] = []
  for (const root of roots) place(root, steps, undefined)
  return steps
}

/** Every node reachable from the roots, fold bodies included. */
export function reachable(roots: readonly ExprNode[]): ExprNode[] {
  const seen = new Map<number, ExprNode>()
  const stack = [...roots]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (seen.has(node.id)) continue
    seen.set(node.id, node)
    stack.push(...argumentsOf(node))
    if (node.op === 'fold') stack.push(node.body)
  }
  return [...seen.values()].sort((a, b) => a.id - b.id)
}
