/**
 * @mlsysim/core — equations as expression graphs, the solvers of the 22 walls, the evaluator
 * and the sweep engine.
 */
export * from './constants.js'
export * from './evaluate/index.js'
export * from './expr/index.js'
export { defineFormula, type Formula, sourcedConstant } from './physics/formula.js'
export * from './physics/index.js'
export * from './scenarios/index.js'
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
export {
  listSolvers,
  type PreparedSolve,
  prepare,
  prepareInput,
  type SolveOptions,
  type SolverId,
  type SolverInfo,
  type SolverInput,
  type SolverResult,
  solve,
  solvers,
} from './solver/solve.js'
export { type BatchingInput, type BatchingResult, batching, batchingInput } from './solvers/batching.js'
export {
  type CheckpointInput,
  type CheckpointResult,
  checkpoint,
  checkpointInput,
} from './solvers/checkpoint.js'
export {
  COMPRESSION_METHODS,
  type CompressionInput,
  type CompressionResult,
  compression,
  compressionInput,
  SPARSITY_TYPES,
} from './solvers/compression.js'
export {
  type ContinuousBatchingInput,
  type ContinuousBatchingResult,
  continuousBatching,
  continuousBatchingInput,
} from './solvers/continuous-batching.js'
export { type DataInput, type DataResult, data, dataInput } from './solvers/data.js'
export {
  type DistributedInput,
  type DistributedNodeResult,
  type DistributedResult,
  distributed,
  distributedInput,
} from './solvers/distributed.js'
export { type EconomicsInput, type EconomicsResult, economics, economicsInput } from './solvers/economics.js'
export {
  type EfficiencyInput,
  type EfficiencyResult,
  efficiency,
  efficiencyInput,
  KERNEL_TYPES,
  type KernelType,
} from './solvers/efficiency.js'
export { SOLVERS } from './solvers/index.js'
export {
  type InferenceScalingInput,
  type InferenceScalingResult,
  inferenceScaling,
  inferenceScalingInput,
} from './solvers/inference-scaling.js'
export {
  type MoeRoutingInput,
  type MoeRoutingResult,
  moeRouting,
  moeRoutingInput,
} from './solvers/moe-routing.js'
export {
  type NetworkRooflineInput,
  type NetworkRooflineResult,
  networkRoofline,
  networkRooflineInput,
} from './solvers/network-roofline.js'
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
export {
  type ReliabilityInput,
  type ReliabilityResult,
  reliability,
  reliabilityInput,
} from './solvers/reliability.js'
export {
  type ResponsibleInput,
  type ResponsibleResult,
  responsible,
  responsibleInput,
} from './solvers/responsible.js'
export { type ScalingInput, type ScalingResult, scaling, scalingInput } from './solvers/scaling.js'
export {
  SENSITIVITY_PARAMETERS,
  type SensitivityInput,
  type SensitivityParameter,
  type SensitivityResult,
  sensitivity,
  sensitivityInput,
} from './solvers/sensitivity.js'
export {
  type Disaggregation,
  type ServingInput,
  type ServingResult,
  type SpeculativeDecoding,
  serving,
  servingInput,
} from './solvers/serving.js'
export {
  type CapacityBottleneck,
  type ServingCapacityInput,
  type ServingCapacityResult,
  servingCapacity,
  servingCapacityInput,
} from './solvers/serving-capacity.js'
export * from './solvers/single-node.js'
export {
  type SustainabilityInput,
  type SustainabilityResult,
  sustainability,
  sustainabilityInput,
} from './solvers/sustainability.js'
export { type SynthesisInput, type SynthesisResult, synthesis, synthesisInput } from './solvers/synthesis.js'
export {
  type TailLatencyInput,
  type TailLatencyResult,
  tailLatency,
  tailLatencyInput,
} from './solvers/tail-latency.js'
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
export {
  type TransformationInput,
  type TransformationResult,
  transformation,
  transformationInput,
} from './solvers/transformation.js'
export {
  type WeightStreamingInput,
  type WeightStreamingResult,
  weightStreaming,
  weightStreamingInput,
} from './solvers/weight-streaming.js'
export * from './sweep/index.js'
export * from './sweep/webgpu/index.js'
