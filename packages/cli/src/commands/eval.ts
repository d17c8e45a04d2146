/**
 * `mlsysim eval`: the three-level scorecard (feasibility, performance, macro) of a plan file
 * or of a workload on a chip. Exit 2 when the design is infeasible, 3 when it runs but one of
 * the plan's assertions fails; the scorecard is printed either way (stdout), the reason on
 * stderr.
 */
import {
  type EvaluationLevel,
  evaluate,
  type Fidelity,
  loadPlan,
  type PlanEvaluation,
  renderScorecard,
  type SystemEvaluation,
  solve,
} from '@mlsysim/core'
import { resolveChip } from '@mlsysim/hardware'
import { format } from '@mlsysim/units'
import { resolveWorkload } from '@mlsysim/workloads'
import { type CommandSpec, expectPositionals, parseCommandArgs, wholeNumberOption } from '../args.js'
import { EXIT, UsageError } from '../errors.js'
import type { Context } from '../io.js'
import { efficiencyOption, fidelityOption, HIGH_EFFICIENCY, precisionOption } from '../options.js'

export const evalSpec: CommandSpec = {
  name: 'eval',
  summary: 'the scorecard of a workload on hardware, or of a plan file',
  usage: [
    'eval <workload> <hardware> [--batch N] [--precision P] [--efficiency E] [--seq-len N] [--training] [--json]',
    'eval <plan.yaml | plan.json | -> [--json]',
  ],
  description: [
    'Levels: feasibility (does it fit in memory?), performance (latency, throughput, MFU), macro (TCO and carbon of a fleet over time; skipped without ops). A plan may add assertions (constraints.assert), and more accelerators (hardware.nodes), parallelism and ops; see `mlsysim schema plan`.',
    'Exit codes: 0 all good, 1 bad input, 2 the design is infeasible (it does not fit), 3 a plan assertion failed.',
  ],
  options: {
    batch: { type: 'string', value: 'N', description: 'batch size (default 1)' },
    precision: {
      type: 'string',
      value: 'P',
      description: 'fp32, tf32, bf16, fp16, fp8, int8, fp4, int4 (default fp16)',
    },
    efficiency: {
      type: 'string',
      value: 'E',
      description: 'fraction of peak FLOP/s sustained, in (0, 1] (default 0.5)',
    },
    'seq-len': { type: 'string', value: 'N', description: 'sequence length in tokens (default 2048)' },
    training: {
      type: 'boolean',
      description: 'a training step (weights, gradients, optimizer state) instead of inference',
    },
    fidelity: {
      type: 'string',
      value: 'F',
      description: "'default' or 'mlsysim-0.1.2' (the Python original, quirks included)",
    },
    ascii: { type: 'boolean', description: 'draw the scorecard in plain ASCII' },
    json: { type: 'boolean', description: 'print the evaluation as JSON (SI base units)' },
  },
  examples: [
    ['mlsysim eval Llama3_8B H100 --batch 32', 'Llama 3 8B serving at batch 32 on one H100'],
    ['mlsysim eval Llama3_70B H100', 'does not fit in 80 GiB: exit code 2'],
    ['mlsysim eval DS_CNN ESP32_S3 --precision int8', 'keyword spotting on a microcontroller'],
    [
      'mlsysim eval examples/plans/llama3-8b-h100-decode-budget.yaml',
      'a plan with assertions (exit 3 if one fails)',
    ],
    ['mlsysim eval plan.yaml --json | jq .performance.metrics', 'the numbers, for scripts'],
  ],
}

const AD_HOC_OPTIONS = ['batch', 'precision', 'efficiency', 'seq-len', 'training'] as const

const ratio = (value: number) => `${(value * 100).toFixed(1)}%`

/**
 * The scorecard of one training step on one chip. The plan format has no training mode (the
 * original's evaluator only ever ran inference), so this reads the single-node solver with
 * `isTraining` directly and lays its result out as the evaluator lays out inference.
 */
function trainingEvaluation(
  workload: string,
  hardware: string,
  input: Record<string, unknown>,
  fidelity: Fidelity,
): SystemEvaluation {
  const r = solve('single-node', { workload, hardware, ...input, isTraining: true }, { fidelity })
  const status = r.feasible ? 'PASS' : 'FAIL'
  const bound = `${r.bottleneck === 'compute' ? 'Compute' : 'Memory'} bound`
  const feasibility: EvaluationLevel = {
    levelName: 'Memory Feasibility',
    status,
    summary: `${format(r.memoryFootprint, 'bytes')} / ${format(r.memoryCapacity, 'bytes')} used (${ratio(r.memoryUtilization)})`,
    metrics: {
      memoryUsed: r.memoryFootprint,
      memoryCapacity: r.memoryCapacity,
      memoryUtilization: r.memoryUtilization,
    },
  }
  const performance: EvaluationLevel = {
    levelName: 'Single Node Training Step',
    status,
    summary: r.feasible ? bound : `${bound} (infeasible)`,
    metrics: { latency: r.latency, throughput: r.throughput, mfu: r.mfu },
  }
  const macro: EvaluationLevel = {
    levelName: 'Macro',
    status: 'SKIPPED',
    summary: 'No ops config provided',
    metrics: {},
  }
  return {
    scenarioName: `${workload} training on ${hardware}`,
    fidelity,
    feasibility,
    performance,
    macro,
    passedAll: r.feasible,
    trace: [...r.constraintTrace],
  }
}

function looksLikePlanPath(arg: string): boolean {
  return arg === '-' || /\.(ya?ml|json)$/i.test(arg) || arg.includes('/') || arg.includes('\\')
}

export async function evalCommand(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(evalSpec, argv)
  expectPositionals(evalSpec, positionals, 1, 2, 'a plan file, or a workload and a hardware id')
  const fidelity = fidelityOption(values.fidelity as string | undefined) ?? 'default'
  let evaluation: SystemEvaluation &
    Partial<Pick<PlanEvaluation, 'assertions' | 'assertionsPassed' | 'violations'>>

  if (positionals.length === 1) {
    const [path] = positionals as [string]
    const given = AD_HOC_OPTIONS.filter((o) => values[o] !== undefined)
    if (!looksLikePlanPath(path)) {
      throw new UsageError(
        `'${path}' is not a plan file (.yaml, .yml or .json); to evaluate a workload on hardware, name both: mlsysim eval ${path} <hardware>`,
      )
    }
    if (given.length > 0) {
      throw new UsageError(
        `--${given[0]} applies to 'mlsysim eval <workload> <hardware>'; a plan file sets it itself (workload.batch_size, workload.seq_len, hardware.precision, hardware.efficiency)`,
      )
    }
    const plan = loadPlan(await ctx.readText(path, 'plan'))
    if (plan.hardware.efficiency > HIGH_EFFICIENCY) {
      ctx.warn(
        `efficiency ${plan.hardware.efficiency} is above ${HIGH_EFFICIENCY}; sustained fractions that high are rare`,
      )
    }
    evaluation = evaluate(plan, { fidelity })
  } else {
    const [workload, hardware] = positionals as [string, string]
    // Names first, so a typo reads "unknown hardware 'H10'; did you mean H100…" with the catalog to list.
    resolveWorkload(workload)
    resolveChip(hardware)
    const batch = wholeNumberOption('batch', values.batch as string | undefined)
    const seqLen = wholeNumberOption('seq-len', values['seq-len'] as string | undefined)
    const precision = precisionOption(values.precision as string | undefined)
    const efficiency = efficiencyOption(values.efficiency as string | undefined)
    if (efficiency !== undefined && efficiency > HIGH_EFFICIENCY) {
      ctx.warn(`efficiency ${efficiency} is above ${HIGH_EFFICIENCY}; sustained fractions that high are rare`)
    }
    if (values.training === true) {
      evaluation = trainingEvaluation(
        workload,
        hardware,
        {
          ...(batch === undefined ? {} : { batchSize: batch }),
          ...(seqLen === undefined ? {} : { seqLen }),
          ...(precision === undefined ? {} : { precision }),
          ...(efficiency === undefined ? {} : { efficiency }),
        },
        fidelity,
      )
    } else {
      evaluation = evaluate(
        {
          version: '1.0',
          name: `${workload} on ${hardware}`,
          workload: {
            name: workload,
            ...(batch === undefined ? {} : { batch_size: batch }),
            ...(seqLen === undefined ? {} : { seq_len: seqLen }),
          },
          hardware: {
            name: hardware,
            ...(precision === undefined ? {} : { precision }),
            ...(efficiency === undefined ? {} : { efficiency }),
          },
        },
        { fidelity },
      )
    }
  }

  if (values.json === true) ctx.printJson(evaluation)
  else
    ctx.print(
      renderScorecard(evaluation, { ascii: values.ascii === true, width: Math.min(64, ctx.columns - 2) }),
    )

  const infeasible = evaluation.feasibility.status === 'FAIL' || evaluation.performance.status === 'FAIL'
  if (infeasible) {
    ctx.note(`${ctx.err.red('infeasible:')} ${evaluation.scenarioName}`)
    for (const line of evaluation.trace) ctx.note(`  ${line}`)
    return EXIT.infeasible
  }
  if (evaluation.assertionsPassed === false) {
    const violations = evaluation.violations ?? []
    ctx.note(
      `${ctx.err.red('assertion failed:')} ${violations.length} of ${evaluation.assertions?.length ?? 0}`,
    )
    for (const line of violations) ctx.note(`  ${line}`)
    return EXIT.assertionFailed
  }
  return EXIT.ok
}
