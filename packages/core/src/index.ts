/**
 * @mlsysim/core — equations as expression graphs, the solvers of the 22 walls, the evaluator
 * and the sweep engine.
 */
export * from './expr/index.js'
