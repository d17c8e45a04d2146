/**
 * `evaluate(plan)`: the original's SystemEvaluator. A plan on one accelerator runs the
 * single-node solver; a plan on more builds a fleet and runs the distributed solver; a fleet
 * with `ops` also runs the economics and sustainability solvers. The results become the
 * three-level scorecard, then the plan's assertions are checked against its metrics.
 *
 * An infeasible design is a FAIL level, never an exception; a bad plan throws a PlanError.
 */
import { type Chip, type FleetInput, perDirection, resolveChip } from '@mlsysim/hardware'
import { format, todayIsoDate } from '@mlsysim/units'
import { asOriginal, FIDELITIES, type Fidelity, ORIGINAL } from '../solver/fidelity.js'
import { solve } from '../solver/solve.js'
import { type AssertionResult, checkAssertions } from './assertions.js'
import { type EvaluationLevel, level, passedAll, type SystemEvaluation } from './levels.js'
import { dollars, macroFigures } from './macro-lens.js'
import { type Plan, parsePlan } from './plan-schema.js'

export interface EvaluateOptions {
  /** 'default' (physically correct) or 'mlsysim-0.1.2' (the original's evaluator, quirks included). */
  readonly fidelity?: Fidelity
}

export interface PlanEvaluation extends SystemEvaluation {
  readonly plan: Plan
  /** Each assertion of `constraints.assert`, in order. */
  readonly assertions: readonly AssertionResult[]
  /** Every assertion held (true when there are none). The CLI exits with 3 when false. */
  readonly assertionsPassed: boolean
  /** The failed assertions in words, as the original's CLI prints them. */
  readonly violations: readonly string[]
}

export function checkFidelity(fidelity: unknown): Fidelity {
  const value = fidelity ?? 'default'
  if (!FIDELITIES.includes(value as Fidelity)) {
    throw new RangeError(`fidelity must be one of ${FIDELITIES.join(', ')} (got ${JSON.stringify(value)})`)
  }
  return value as Fidelity
}

/**
 * The fleet a plan describes when `hardware.nodes` > 1: `nodes / acceleratorsPerNode` servers
 * of the chip over an inline fabric of `fabric_bandwidth`. The intra-node bandwidth falls back
 * to the chip's scale-up link, then its host link, then the fabric (the original's order).
 * The default reads a link per direction (NVLink 4: 900 GB/s total → 450 GB/s); the original
 * fed the figure as quoted. The default also places the fleet in `ops.region`, which the
 * original ignored (its economics always used US_Avg). Each server has one NIC of
 * `fabric_bandwidth` per accelerator, as DGX-class servers do.
 */
export function planFleet(plan: Plan, chip: Chip, fidelity: Fidelity): FleetInput {
  const { hardware } = plan
  const perNode = hardware.acceleratorsPerNode ?? chip.acceleratorCount ?? 1
  const view = fidelity === ORIGINAL ? asOriginal(chip) : chip
  const link = view.nvlink ?? view.interconnect
  const linkBandwidth =
    link === undefined ? undefined : fidelity === ORIGINAL ? link.bandwidth : perDirection(link)
  const provenance = {
    kind: 'illustrative' as const,
    ref: `plan '${plan.name}' (hardware block); the chip's numbers carry their own provenance`,
    verified: todayIsoDate(),
  }
  const fleet: FleetInput = {
    name: `${hardware.name} Fleet`,
    node: {
      id: `${chip.id}_plan_node`,
      name: `${hardware.name} Node`,
      accelerator: chip.id,
      acceleratorsPerNode: perNode,
      intraNodeBandwidth: hardware.intraNodeBw ?? linkBandwidth ?? hardware.fabricBandwidth,
      // One fabric port per accelerator, as in DGX-class servers (the original ignored NICs).
      nicsPerNode: perNode,
      provenance,
    },
    count: hardware.nodes / perNode,
    fabric: { id: 'plan_fabric', name: 'Default Fabric', bandwidth: hardware.fabricBandwidth, provenance },
  }
  return fidelity === 'default' && plan.ops ? { ...fleet, region: plan.ops.region } : fleet
}

const ratio = (value: number) => `${(value * 100).toFixed(1)}%`

interface Lenses {
  feasibility: EvaluationLevel
  performance: EvaluationLevel
  /** Utilization the macro lens charges energy at (default fidelity). */
  mfu: number
  trace: string[]
}

function singleNodeLenses(plan: Plan, fidelity: Fidelity): Lenses {
  const { workload, hardware } = plan
  const r = solve(
    'single-node',
    {
      workload: workload.name,
      hardware: hardware.name,
      batchSize: workload.batchSize,
      precision: hardware.precision,
      efficiency: hardware.efficiency,
      // The original's evaluator never passed seq_len; the solver default (2048) applied.
      ...(fidelity === 'default' ? { seqLen: workload.seqLen } : {}),
    },
    { fidelity },
  )
  const status = r.feasible ? 'PASS' : 'FAIL'
  const bound = `${r.bottleneck === 'compute' ? 'Compute' : 'Memory'} bound`
  return {
    feasibility: level(
      'Memory Feasibility',
      status,
      `${format(r.memoryFootprint, 'bytes')} / ${format(r.memoryCapacity, 'bytes')} used (${ratio(r.memoryUtilization)})`,
      {
        memoryUsed: r.memoryFootprint,
        memoryCapacity: r.memoryCapacity,
        memoryUtilization: r.memoryUtilization,
      },
    ),
    performance: level('Single Node Performance', status, r.feasible ? bound : `${bound} (infeasible)`, {
      latency: r.latency,
      throughput: r.throughput,
      mfu: r.mfu,
    }),
    mfu: r.mfu,
    trace: [...r.constraintTrace],
  }
}

function distributedLenses(plan: Plan, fleet: FleetInput, fidelity: Fidelity): Lenses {
  const { workload, hardware } = plan
  const parallelism = plan.parallelism ?? { tpSize: 1, ppSize: 1, zeroStage: 0 }
  const r = solve(
    'distributed',
    {
      workload: workload.name,
      fleet,
      batchSize: workload.batchSize,
      precision: hardware.precision,
      efficiency: hardware.efficiency,
      tpSize: parallelism.tpSize,
      ppSize: parallelism.ppSize,
      zeroStage: parallelism.zeroStage,
      ...(parallelism.microbatches === undefined ? {} : { microbatchCount: parallelism.microbatches }),
      ...(fidelity === 'default' ? { seqLen: workload.seqLen } : {}),
    },
    { fidelity },
  )
  const { node, scalingEfficiency: scaling } = r
  let feasibility: EvaluationLevel
  let feasible = true
  if (fidelity === ORIGINAL) {
    // The original's evaluator checked nothing for fleets.
    feasibility = level('Feasibility', 'PASS', 'Distributed Model Check Passed')
  } else {
    // One accelerator's share of the sharded training state against its memory.
    feasible = r.feasible
    feasibility = level(
      'Distributed Feasibility',
      feasible ? 'PASS' : 'FAIL',
      `${format(node.memoryFootprint, 'bytes')} / ${format(node.memoryCapacity, 'bytes')} per accelerator (${ratio(node.memoryUtilization)})`,
      {
        memoryUsed: node.memoryFootprint,
        memoryCapacity: node.memoryCapacity,
        memoryUtilization: node.memoryUtilization,
      },
    )
  }
  // The solver's fleet MFU: node MFU × scaling efficiency in the original; in the default,
  // the model FLOP the fleet completes per second over its peak.
  const mfu = r.mfu
  const performance = level(
    'Fleet Performance',
    feasible ? 'PASS' : 'FAIL',
    `Scaling efficiency: ${ratio(scaling)}${feasible ? '' : ' (infeasible)'}`,
    {
      stepLatency: r.stepTime,
      commOverhead: r.communicationTime,
      fleetThroughput: r.throughput,
      mfu,
      nodeMfu: node.mfu,
      scalingEfficiency: scaling,
    },
  )
  const trace = [...r.constraintTrace]
  return { feasibility, performance, mfu, trace }
}

function macroLens(
  plan: Plan,
  fleet: FleetInput | undefined,
  mfu: number,
  fidelity: Fidelity,
): EvaluationLevel {
  if (!plan.ops) return level('Macro', 'SKIPPED', 'No ops config provided')
  if (!fleet) return level('Macro', 'SKIPPED', 'Single accelerator: no fleet to cost (hardware.nodes is 1)')
  // The original's pipeline left the economics model at its default MFU of 1.0 (full power
  // all the time); the default charges energy at the utilization the performance lens found.
  const m = macroFigures(fleet, plan.ops.durationDays, fidelity === ORIGINAL ? 1 : mfu, fidelity)
  return level('Economics & Sustainability', 'PASS', `TCO: ${dollars(m.tco)}`, {
    tco: m.tco,
    carbonFootprint: m.carbon,
    energyCost: m.energyCost,
    capex: m.capex,
  })
}

/**
 * Evaluates a plan (a raw object in either spelling, or `loadPlan`/`parsePlan` output) into
 * the three-level scorecard and checks its assertions.
 */
export function evaluate(plan: unknown, options: EvaluateOptions = {}): PlanEvaluation {
  const fidelity = checkFidelity(options.fidelity)
  const parsed = parsePlan(plan)
  const chip = resolveChip(parsed.hardware.name)
  const fleet = parsed.hardware.nodes > 1 ? planFleet(parsed, chip, fidelity) : undefined
  const lenses = fleet ? distributedLenses(parsed, fleet, fidelity) : singleNodeLenses(parsed, fidelity)
  const macro = macroLens(parsed, fleet, lenses.mfu, fidelity)
  const levels = { feasibility: lenses.feasibility, performance: lenses.performance, macro }
  const assertions = checkAssertions(parsed.constraints.assert, levels)
  return {
    scenarioName: parsed.name,
    fidelity,
    ...levels,
    passedAll: passedAll([levels.feasibility, levels.performance, macro]),
    trace: lenses.trace,
    plan: parsed,
    assertions,
    assertionsPassed: assertions.every((a) => a.passed),
    violations: assertions.filter((a) => !a.passed).map((a) => a.message),
  }
}
