/**
 * A physics formula written once as a graph fragment — `(b, args) => Expr` — usable inside
 * any solver's graph, and callable on plain numbers through a compiled one-output model.
 */

import type { Sourced } from '@mlsysim/units'
import type { DimensionLike, Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineModel, type Model } from '../expr/model.js'

export interface Formula<K extends string> {
  /** Evaluates on plain numbers in base units. */
  (values: Readonly<Record<K, number>>): number
  readonly id: string
  readonly model: Model<'value'>
  /** Builds the formula inside another graph. */
  readonly fragment: (b: GraphBuilder, args: Readonly<Record<K, Expr>>) => Expr
}

export function defineFormula<K extends string>(
  id: string,
  inputs: Readonly<Record<K, DimensionLike>>,
  fragment: (b: GraphBuilder, args: Readonly<Record<K, Expr>>) => Expr,
): Formula<K> {
  const model = defineModel(id, (b) => {
    const args = {} as Record<K, Expr>
    for (const name of Object.keys(inputs) as K[]) args[name] = b.input(name, inputs[name])
    return { value: fragment(b, args) }
  })
  const evaluate = (values: Readonly<Record<K, number>>) => model.evaluate(values).value
  return Object.assign(evaluate, { id, model, fragment })
}

/** A sourced constant inside a graph, rendered by its symbol. */
export function sourcedConstant(
  b: GraphBuilder,
  name: string,
  value: Sourced,
  dim: DimensionLike,
  symbol: string,
): Expr {
  return b.constant(value.value, dim, { name, symbol, provenance: value.provenance })
}
