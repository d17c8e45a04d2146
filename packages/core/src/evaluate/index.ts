/** The evaluator: plans, the three-level scorecard, assertions and the text rendering. */
export { type AssertionResult, checkAssertions } from './assertions.js'
export { PlanError, type PlanIssue } from './errors.js'
export { checkFidelity, type EvaluateOptions, evaluate, type PlanEvaluation, planFleet } from './evaluate.js'
export {
  type EvaluationLevel,
  type EvaluationRecord,
  LEVEL_KEYS,
  LEVEL_STATUSES,
  type LevelKey,
  type LevelStatus,
  type MetricValue,
  passedAll,
  type SystemEvaluation,
  toRecord,
} from './levels.js'
export { loadPlan } from './load-plan.js'
export { type MacroFigures, macroFigures } from './macro-lens.js'
export { METRIC_DIMENSIONS, METRICS, type MetricInfo, metricAt, metricPaths } from './metrics.js'
export {
  type Plan,
  type PlanAssertion,
  type PlanHardware,
  type PlanOps,
  type PlanParallelism,
  type PlanWorkload,
  parsePlan,
  planJsonSchema,
  planSchema,
} from './plan-schema.js'
export { formatMetric, renderScorecard, type ScorecardOptions } from './scorecard.js'
