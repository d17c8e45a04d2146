/** Scenarios (a workload on a system under an SLA) and the course's lab tracks. */

export { ORIGINAL_SCENARIOS } from './data.js'
export { evaluateScenario, type ScenarioEvaluation, type ScenarioOptions } from './evaluate-scenario.js'
export { parseScenario, resolveScenario, scenarios } from './registry.js'
export {
  type Scenario,
  type ScenarioInput,
  type ScenarioSystem,
  SLA_METRICS,
  type SlaMetric,
  scenarioSchema,
} from './schema.js'
export {
  DEFAULT_TRACK_ID,
  resolveTrack,
  TRACK_DATA,
  type Track,
  type TrackInput,
  trackSchema,
  tracks,
} from './tracks.js'
