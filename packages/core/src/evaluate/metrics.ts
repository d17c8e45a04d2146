/**
 * The metrics of a plan evaluation, one row per metric: its camelCase key (values are SI base
 * units), the original's snake_case key, its dimension, and the unit a bare number in an
 * assertion bound is read in.
 *
 * Why bare numbers are read in the original's units: the original wrote latency in ms, memory
 * in GB and carbon in tonnes, and `performance.latency` is spelled the same in both
 * vocabularies. Reading `max: 50` as seconds would let an original plan's 50 ms budget pass
 * silently at 50 s; reading it as ms keeps every original plan meaning what it meant. Plans
 * written for this project should say the unit: `max: "50 ms"`.
 */
import { type DimensionName, format } from '@mlsysim/units'
import type { LevelKey } from './levels.js'

export interface MetricInfo {
  readonly level: LevelKey
  /** camelCase key in `level.metrics`; the value is in the dimension's SI base unit. */
  readonly key: string
  /** The original's key (`memory_used_gb`, `tco_usd`), accepted in assertions. */
  readonly original: string
  readonly dimension: DimensionName
  /** Unit of a bare number in an assertion bound: the original's scorecard unit. */
  readonly planUnit: string
  /** SI base units per plan unit (ms → 1e-3). */
  readonly planScale: number
  readonly description: string
}

const row = (
  level: LevelKey,
  key: string,
  original: string,
  dimension: DimensionName,
  planUnit: string,
  planScale: number,
  description: string,
): MetricInfo => Object.freeze({ level, key, original, dimension, planUnit, planScale, description })

export const METRICS: readonly MetricInfo[] = Object.freeze([
  row(
    'feasibility',
    'memoryUsed',
    'memory_used_gb',
    'bytes',
    'GB',
    1e9,
    'memory the design needs on one accelerator, B',
  ),
  row(
    'feasibility',
    'memoryCapacity',
    'memory_capacity_gb',
    'bytes',
    'GB',
    1e9,
    'memory of one accelerator, B',
  ),
  row(
    'feasibility',
    'memoryUtilization',
    'memory_utilization',
    'count',
    '1',
    1,
    'memoryUsed / memoryCapacity',
  ),
  row('performance', 'latency', 'latency', 'seconds', 'ms', 1e-3, 'time of one batch on one accelerator, s'),
  row('performance', 'throughput', 'throughput', 'hertz', '/s', 1, 'samples per second on one accelerator'),
  row(
    'performance',
    'mfu',
    'mfu',
    'count',
    '1',
    1,
    "model FLOPs utilization; a fleet's from the distributed solver (the original: node MFU × scaling efficiency)",
  ),
  row(
    'performance',
    'stepLatency',
    'step_latency',
    'seconds',
    'ms',
    1e-3,
    'time of one training step of the fleet, s',
  ),
  row(
    'performance',
    'commOverhead',
    'comm_overhead',
    'seconds',
    'ms',
    1e-3,
    'communication time per step, s',
  ),
  row(
    'performance',
    'fleetThroughput',
    'fleet_throughput',
    'hertz',
    '/s',
    1,
    'samples per second of the fleet',
  ),
  row('performance', 'nodeMfu', 'node_mfu', 'count', '1', 1, 'MFU of one accelerator inside the fleet'),
  row(
    'performance',
    'scalingEfficiency',
    'scaling_efficiency',
    'count',
    '1',
    1,
    'fleet throughput / (N × one accelerator)',
  ),
  row('macro', 'tco', 'tco_usd', 'dollars', 'USD', 1, 'total cost of ownership over ops.duration_days, USD'),
  row(
    'macro',
    'carbonFootprint',
    'carbon_footprint',
    'co2e',
    't',
    1000,
    'operational carbon over the duration, kg CO2e',
  ),
  row('macro', 'energyCost', 'energy_cost', 'dollars', 'USD', 1, 'electricity cost over the duration, USD'),
  row('macro', 'capex', 'capex', 'dollars', 'USD', 1, 'hardware CapEx amortised over the duration, USD'),
])

const BY_PATH = new Map<string, MetricInfo>()
for (const metric of METRICS) {
  BY_PATH.set(`${metric.level}.${metric.key}`, metric)
  BY_PATH.set(`${metric.level}.${metric.original}`, metric)
}

/** Every metric path an assertion may name, camelCase first. */
export function metricPaths(): string[] {
  return [
    ...METRICS.map((m) => `${m.level}.${m.key}`),
    ...METRICS.filter((m) => m.original !== m.key).map((m) => `${m.level}.${m.original}`),
  ]
}

/** The metric at "performance.latency", "macro.tco_usd", … (either spelling), if any. */
export function metricAt(path: string): MetricInfo | undefined {
  return BY_PATH.get(path.trim())
}

/**
 * Dimensions of every metric key a scorecard may print (plan and scenario metrics), so the
 * text rendering can show "0.568 ms" for a value stored as 5.68e-4.
 */
export const METRIC_DIMENSIONS: Readonly<Record<string, DimensionName>> = Object.freeze({
  ...Object.fromEntries(METRICS.map((m) => [m.key, m.dimension])),
  weightSize: 'bytes',
  capacity: 'bytes',
  dataRate: 'bytesPerSecond',
  dataSupply: 'bytesPerSecond',
  dataUtilization: 'count',
  powerBudget: 'watts',
  devicePower: 'watts',
  slaLatency: 'seconds',
  ttft: 'seconds',
  carbon: 'co2e',
})

/**
 * A metric value for people: rates per second as "1762 /s" (a throughput is not a
 * frequency), ratios with four significant digits, everything else with its unit.
 */
export function formatQuantity(value: number, dimension: DimensionName): string {
  if (dimension === 'count') return String(Number(value.toPrecision(4)))
  if (dimension === 'hertz') return format(value, 'hertz', { unit: '/s' })
  return format(value, dimension)
}
