/**
 * @mlsysim/core — equations as expression graphs, the solvers of the 22 walls, the evaluator
 * and the sweep engine.
 */
export * from './constants.js'
export * from './expr/index.js'
export { type Formula, defineFormula, sourcedConstant } from './physics/formula.js'
export * from './physics/index.js'
export {
  defineGraphSolver,
  defineProcedureSolver,
  type GraphSolver,
  type ProcedureSolver,
  runGraph,
  type SolveContext,
  type SolverDefinition,
  type SolverResultBase,
} from './solver/define.js'
export { type InputIssue, SolverInputError } from './solver/errors.js'
export { asOriginal, FIDELITIES, type Fidelity, ORIGINAL } from './solver/fidelity.js'
export * from './solver/fields.js'
export { listSolvers, prepareInput, type SolveOptions, type SolverId, type SolverInfo, type SolverInput, type SolverResult, solve, solvers } from './solver/solve.js'
export { SOLVERS } from './solvers/index.js'
export * from './solvers/single-node.js'
export * from './evaluate/index.js'
export * from './sweep/index.js'
export * from './scenarios/index.js'
