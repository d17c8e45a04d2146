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
export { listSolvers, type PreparedSolve, prepare, prepareInput, type SolveOptions, type SolverId, type SolverInfo, type SolverInput, type SolverResult, solve, solvers } from './solver/solve.js'
export { SOLVERS } from './solvers/index.js'
export * from './solvers/single-node.js'
export * from './evaluate/index.js'
export * from './sweep/index.js'
export * from './scenarios/index.js'
export { type CheckpointInput, type CheckpointResult, checkpoint, checkpointInput } from './solvers/checkpoint.js'
export {
  type DistributedInput,
  type DistributedNodeResult,
  type DistributedResult,
  distributed,
  distributedInput,
} from './solvers/distributed.js'
export { type EconomicsInput, type EconomicsResult, economics, economicsInput } from './solvers/economics.js'
export { type MoeRoutingInput, type MoeRoutingResult, moeRouting, moeRoutingInput } from './solvers/moe-routing.js'
export {
  type OrchestrationInput,
  type OrchestrationResult,
  orchestration,
  orchestrationInput,
} from './solvers/orchestration.js'
export {
  type ParallelismCandidate,
  type ParallelismInput,
  type ParallelismResult,
  parallelism,
  parallelismInput,
} from './solvers/parallelism.js'
export {
  type PlacementCandidate,
  type PlacementInput,
  type PlacementResult,
  placement,
  placementInput,
} from './solvers/placement.js'
export { type ReliabilityInput, type ReliabilityResult, reliability, reliabilityInput } from './solvers/reliability.js'
export { type ScalingInput, type ScalingResult, scaling, scalingInput } from './solvers/scaling.js'
export {
  type SustainabilityInput,
  type SustainabilityResult,
  sustainability,
  sustainabilityInput,
} from './solvers/sustainability.js'
export { type TopologyInput, type TopologyResult, topology, topologyInput } from './solvers/topology.js'
export {
  expertParametersOf,
  OPTIMIZERS,
  type Optimizer,
  type TrainingMemoryInput,
  type TrainingMemoryResult,
  trainingMemory,
  trainingMemoryInput,
} from './solvers/training-memory.js'
