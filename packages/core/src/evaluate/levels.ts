/**
 * The three-level scorecard of the original's SystemEvaluation: feasibility ("will it
 * run?"), performance ("is it fast enough?") and macro ("is it worth it?"). A level is plain
 * data, so an evaluation serialises to JSON as it is.
 */
import type { Fidelity } from '../solver/fidelity.js'

export const LEVEL_STATUSES = ['PASS', 'FAIL', 'WARNING', 'SKIPPED'] as const
export type LevelStatus = (typeof LEVEL_STATUSES)[number]

/** A metric value: a number in SI base units, a label ("compute"), a flag, or null when not defined. */
export type MetricValue = number | string | boolean | null

export interface EvaluationLevel {
  /** "Memory Feasibility", "Fleet Performance", "Economics & Sustainability", … */
  readonly levelName: string
  readonly status: LevelStatus
  /** One line for people: "Compute bound", "TCO: $7,077". */
  readonly summary: string
  /** camelCase keys, SI base units (see METRICS for the plan metrics). */
  readonly metrics: Readonly<Record<string, MetricValue>>
}

export const LEVEL_KEYS = ['feasibility', 'performance', 'macro'] as const
export type LevelKey = (typeof LEVEL_KEYS)[number]

/** The scorecard of one design: three levels and what was checked. */
export interface SystemEvaluation {
  /** The plan's `name` or the scenario's name. */
  readonly scenarioName: string
  readonly fidelity: Fidelity
  readonly feasibility: EvaluationLevel
  readonly performance: EvaluationLevel
  readonly macro: EvaluationLevel
  /** Every level passed or was skipped (a WARNING does not pass), as the original's `passed_all`. */
  readonly passedAll: boolean
  /** Readable sentences from the solvers that produced the levels, in order. */
  readonly trace: readonly string[]
}

/** The original's `passed_all`: every level is PASS or SKIPPED. */
export function passedAll(levels: readonly EvaluationLevel[]): boolean {
  return levels.every((level) => level.status === 'PASS' || level.status === 'SKIPPED')
}

export function level(
  levelName: string,
  status: LevelStatus,
  summary: string,
  metrics: Record<string, MetricValue> = {},
): EvaluationLevel {
  return { levelName, status, summary, metrics }
}

export type EvaluationRecord = Record<string, MetricValue>

const PREFIX: Record<LevelKey, string> = { feasibility: 'f', performance: 'p', macro: 'm' }

/**
 * The evaluation flattened into one row (the original's `to_dict()`), for CSV and data
 * frames: `scenario, f_status, p_status, m_status`, then `f_<metric>`, `p_<metric>`,
 * `m_<metric>` with the levels' camelCase metric keys and SI values.
 */
export function toRecord(evaluation: SystemEvaluation): EvaluationRecord {
  const record: EvaluationRecord = {
    scenario: evaluation.scenarioName,
    f_status: evaluation.feasibility.status,
    p_status: evaluation.performance.status,
    m_status: evaluation.macro.status,
  }
  for (const key of LEVEL_KEYS) {
    for (const [metric, value] of Object.entries(evaluation[key].metrics)) {
      record[`${PREFIX[key]}_${metric}`] = value
    }
  }
  return record
}
