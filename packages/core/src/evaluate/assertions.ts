/**
 * Checks a plan's `constraints.assert` against the evaluation's metrics. A metric the
 * evaluation did not produce (a fleet metric on one accelerator, a macro metric without ops)
 * fails the assertion, as in the original's CLI.
 */
import type { EvaluationLevel, LevelKey } from './levels.js'
import { formatQuantity, type MetricInfo, metricAt } from './metrics.js'
import type { PlanAssertion } from './plan-schema.js'

export interface AssertionResult {
  /** The metric path as written in the plan. */
  readonly metric: string
  /** The camelCase path ("performance.latency"). */
  readonly path: string
  /** The metric's value in SI base units; undefined when the evaluation did not produce it. */
  readonly value: number | undefined
  readonly max?: number
  readonly min?: number
  readonly passed: boolean
  /** "performance.latency (0.568 ms) exceeds max (0.5 ms)", or what held. */
  readonly message: string
}

const show = (value: number, metric: MetricInfo) =>
  metric.dimension === 'count'
    ? String(Number(value.toPrecision(6)))
    : formatQuantity(value, metric.dimension)

export function checkAssertions(
  assertions: readonly PlanAssertion[],
  levels: Readonly<Record<LevelKey, EvaluationLevel>>,
): AssertionResult[] {
  return assertions.map((assertion): AssertionResult => {
    // The plan schema accepted only known metrics.
    const metric = metricAt(assertion.metric)!
    const path = `${metric.level}.${metric.key}`
    const bounds = {
      ...(assertion.max === undefined ? {} : { max: assertion.max }),
      ...(assertion.min === undefined ? {} : { min: assertion.min }),
    }
    const raw = levels[metric.level].metrics[metric.key]
    if (typeof raw !== 'number') {
      return {
        metric: assertion.metric,
        path,
        value: undefined,
        ...bounds,
        passed: false,
        message: `${assertion.metric} is not available in evaluation metrics`,
      }
    }
    const failures: string[] = []
    if (assertion.max !== undefined && raw > assertion.max) {
      failures.push(`${assertion.metric} (${show(raw, metric)}) exceeds max (${show(assertion.max, metric)})`)
    }
    if (assertion.min !== undefined && raw < assertion.min) {
      failures.push(
        `${assertion.metric} (${show(raw, metric)}) is below min (${show(assertion.min, metric)})`,
      )
    }
    const held = [
      assertion.min === undefined ? '' : `${show(assertion.min, metric)} ≤ `,
      `${assertion.metric} (${show(raw, metric)})`,
      assertion.max === undefined ? '' : ` ≤ ${show(assertion.max, metric)}`,
    ].join('')
    return {
      metric: assertion.metric,
      path,
      value: raw,
      ...bounds,
      passed: failures.length === 0,
      message: failures.length === 0 ? held : failures.join('; '),
    }
  })
}
