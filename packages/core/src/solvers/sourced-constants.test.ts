// The audited coefficients of single-node, distributed and topology are named graph constants
// with a source (they render as symbols in LaTeX, with their provenance), not bare literals.
import { describe, expect, it } from 'vitest'
import { OPTIMIZER_BYTES_PER_PARAM, TRAINING_LAYER_TAX_FACTOR } from '../constants.js'
import { toLatexDocument } from '../expr/latex.js'
import type { Model } from '../expr/model.js'
import type { ExprNode } from '../expr/node.js'
import { distributed } from './distributed.js'
import { singleNode } from './single-node.js'
import { topology } from './topology.js'

/** Named constants of a model's LaTeX document: name → value, each with its provenance. */
function namedConstants(model: Model): Map<string, number> {
  const named = new Map<string, number>()
  for (const symbol of toLatexDocument(model).symbols) {
    if (symbol.kind !== 'constant') continue
    expect(symbol.provenance, `${model.id}: ${symbol.name} has a source`).toBeDefined()
    named.set(symbol.name, symbol.value!)
  }
  return named
}

/** Values of the unnamed constants anywhere in a model's graph. */
function bareConstants(model: Model): Set<number> {
  const values = new Set<number>()
  const seen = new Set<ExprNode>()
  const visit = (node: ExprNode) => {
    if (seen.has(node)) return
    seen.add(node)
    if (node.op === 'constant' && node.name === undefined) values.add(node.value)
    for (const value of Object.values(node)) {
      if (value !== null && typeof value === 'object' && 'op' in value) visit(value as ExprNode)
    }
  }
  for (const node of model.outputNodes) visit(node)
  return values
}

describe('sourced constants of the audited graphs', () => {
  it('single-node: training layer tax × 3 and 12 B/param of Adam state', () => {
    const named = namedConstants(singleNode.model)
    expect(named.get('TRAINING_LAYER_TAX_FACTOR')).toBe(3)
    expect(named.get('OPTIMIZER_BYTES_PER_PARAM_ADAM')).toBe(12)
    expect(named.get('FRAMEWORK_LAYER_TAX')).toBe(1e-5)
    expect(TRAINING_LAYER_TAX_FACTOR.provenance.ref).toMatch(/3 if is_training else 1/)
    expect(OPTIMIZER_BYTES_PER_PARAM.adam.value).toBe(12)
  })

  it('distributed: the same training layer tax constant', () => {
    expect(namedConstants(distributed.model).get('TRAINING_LAYER_TAX_FACTOR')).toBe(3)
  })

  it('topology: every coefficient is named; only geometry and topology codes stay bare', () => {
    const named = namedConstants(topology.model)
    expect(Object.fromEntries(named)).toEqual({
      DRAGONFLY_BISECTION_FRACTION: 0.85,
      RING_TORUS_BISECTION_COEFFICIENT: 4,
      ORIGINAL_RING_TORUS_BISECTION_COEFFICIENT: 2,
      FAT_TREE_AVERAGE_HOPS: 4,
      DRAGONFLY_AVERAGE_HOPS: 3,
      RING_MEAN_DISTANCE_FRACTION: 0.25,
    })
    // 0/1/2/3: the topology codes and the fidelity flag; 1: β's cap; 2: a fat tree's N/2;
    // 1/3 and −1: N^(−1/3); 3 again: a 3D torus's dimensions. No 4, 0.75 or 0.85 left bare.
    expect([...bareConstants(topology.model)].sort((a, b) => a - b)).toEqual([-1, 0, 1 / 3, 1, 2, 3])
  })
})
