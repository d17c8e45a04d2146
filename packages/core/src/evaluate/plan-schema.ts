/**
 * The declarative plan (the original's `mlsys.yaml`, `MlsysPlanSchema`): a workload, the
 * hardware it runs on, optional operations and assertions. Every key the original spells in
 * snake_case is also accepted in camelCase (`batch_size` or `batchSize`, not both); unknown
 * keys are rejected with their path, as the original's `extra="forbid"` does. Names resolve
 * through the catalogs when the plan is parsed, so a misspelt name fails here with
 * suggestions, not halfway through an evaluation.
 *
 * One extension: an optional `parallelism` block (tp_size, pp_size, microbatches,
 * zero_stage) for fleets. The original's evaluator always ran TP = PP = 1 without ZeRO,
 * which are the defaults here.
 */
import { resolveChip, resolveGrid } from '@mlsysim/hardware'
import { closestMatches, type Precision, precisionSchema, quantitySchema } from '@mlsysim/units'
import { resolveWorkload } from '@mlsysim/workloads'
import { z } from 'zod'
import { PlanError } from './errors.js'
import { metricAt, metricPaths } from './metrics.js'

export interface PlanWorkload {
  /** Workload catalog id or alias ("Llama3_8B", "llama-3.1-8b"). */
  readonly name: string
  readonly batchSize: number
  readonly seqLen: number
}

export interface PlanHardware {
  /** Chip catalog id or alias ("H100"). */
  readonly name: string
  /** Total accelerators (the original's historical name); > 1 builds a fleet. */
  readonly nodes: number
  /** Accelerators per server; defaults to the chip's `acceleratorCount`, else 1, as in the original. */
  readonly acceleratorsPerNode?: number
  /** B/s per direction between accelerators of a server; defaults to the chip's scale-up link. */
  readonly intraNodeBw?: number
  /** B/s per port of the scale-out fabric. */
  readonly fabricBandwidth: number
  readonly precision: Precision
  readonly efficiency: number
}

export interface PlanParallelism {
  readonly tpSize: number
  readonly ppSize: number
  /** Pipeline microbatches; the distributed solver's default when absent. */
  readonly microbatches?: number
  readonly zeroStage: number
}

export interface PlanOps {
  /** Grid region id ("US_Avg", "Quebec"). */
  readonly region: string
  readonly durationDays: number
}

export interface PlanAssertion {
  /** The metric path as written ("performance.latency", "macro.tco_usd"). */
  readonly metric: string
  /** Upper bound in SI base units (a bare number was read in the metric's plan unit). */
  readonly max?: number
  readonly min?: number
}

/** A parsed plan: camelCase keys, defaults applied, quantities in SI base units. */
export interface Plan {
  readonly version: string
  readonly name: string
  readonly workload: PlanWorkload
  readonly hardware: PlanHardware
  readonly parallelism?: PlanParallelism
  readonly ops?: PlanOps
  readonly constraints: { readonly assert: readonly PlanAssertion[] }
}

const camelOf = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

interface Field {
  readonly schema: z.ZodType
  readonly required?: boolean
  /** Output value when the key is absent. */
  readonly default?: unknown
  /** How the default is shown in the JSON Schema description. */
  readonly shownDefault?: string
  readonly description: string
}

/**
 * A strict object whose snake_case keys may also be written in camelCase. The output has the
 * camelCase keys with defaults applied; giving both spellings of one key is an error.
 */
function planObject(
  what: string,
  fields: Record<string, Field>,
  check?: (value: Record<string, unknown>, ctx: z.RefinementCtx) => void,
) {
  const shape: Record<string, z.ZodType> = {}
  const spellings: Array<[snake: string, camel: string]> = []
  for (const [snake, field] of Object.entries(fields)) {
    const camel = camelOf(snake)
    const shown =
      field.shownDefault ?? (field.default === undefined ? undefined : JSON.stringify(field.default))
    const description = `${field.description}${shown === undefined ? '' : ` (default ${shown})`}`
    const meta = { description, ...(field.default === undefined ? {} : { default: field.default }) }
    const schema = field.required ? field.schema.meta(meta) : field.schema.optional().meta(meta)
    shape[snake] = schema
    if (camel !== snake) {
      shape[camel] = schema
      spellings.push([snake, camel])
    }
  }
  const allowed = Object.keys(shape)
  return z
    .strictObject(shape, {
      error: (issue) => {
        if (issue.code === 'invalid_type') {
          const keys = Object.entries(fields).map(([k, f]) => (f.required ? k : `${k}?`))
          return `must be a ${what} block { ${keys.join(', ')} }`
        }
        if (issue.code !== 'unrecognized_keys') return undefined
        const hints = issue.keys.map((key) => {
          const near = closestMatches(key, allowed, 2)
          return `'${key}'${near.length > 0 ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : ''}`
        })
        return `unknown ${what} key ${hints.join(', ')}; allowed keys: ${allowed.join(', ')}`
      },
    })
    .superRefine((value, ctx) => {
      for (const [snake, camel] of spellings) {
        if (value[snake] !== undefined && value[camel] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [camel],
            message: `${snake} and ${camel} are the same key; give it once`,
          })
        }
      }
    })
    .transform((value, ctx) => {
      const out: Record<string, unknown> = {}
      for (const [snake, field] of Object.entries(fields)) {
        const camel = camelOf(snake)
        const given = value[snake] ?? value[camel]
        const resolved = given === undefined ? field.default : given
        if (resolved !== undefined) out[camel] = resolved
      }
      check?.(out, ctx)
      return out
    })
}

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({
      error: `must be a whole number ≥ ${min}${max < Number.MAX_SAFE_INTEGER ? ` and ≤ ${max}` : ''}`,
    })
    .int(`must be a whole number ≥ ${min}`)
    .min(min, `must be a whole number ≥ ${min}`)
    .max(max, `must be ≤ ${max}`)

const bandwidth = () => quantitySchema('bytesPerSecond', { positive: true })

/** Catalog names must resolve: a miss is an issue at the name's path with the catalog's suggestions. */
function checkName(ctx: z.RefinementCtx, path: (string | number)[], resolve: () => unknown): unknown {
  try {
    return resolve()
  } catch (error) {
    ctx.addIssue({ code: 'custom', path, message: error instanceof Error ? error.message : String(error) })
    return undefined
  }
}

const workloadSchema = planObject(
  'workload',
  {
    name: {
      schema: z
        .string({ error: 'must be a workload id such as "Llama3_8B"' })
        .trim()
        .min(1, 'must not be empty'),
      required: true,
      description: 'workload catalog id or alias',
    },
    batch_size: { schema: wholeNumber(1), default: 1, description: 'samples per batch' },
    seq_len: { schema: wholeNumber(1), default: 2048, description: 'sequence length, tokens' },
  },
  (w, ctx) => {
    checkName(ctx, ['name'], () => resolveWorkload(w.name as string))
  },
)

const hardwareSchema = planObject(
  'hardware',
  {
    name: {
      schema: z.string({ error: 'must be a chip id such as "H100"' }).trim().min(1, 'must not be empty'),
      required: true,
      description: 'chip catalog id or alias',
    },
    nodes: {
      schema: wholeNumber(1),
      default: 1,
      description: 'total accelerators (the original name); more than 1 builds a fleet',
    },
    accelerators_per_node: {
      schema: wholeNumber(1),
      description: "accelerators per server; the chip's acceleratorCount, else 1, when absent",
    },
    intra_node_bw: {
      schema: bandwidth(),
      description: "bandwidth between accelerators of a server; the chip's scale-up link when absent",
    },
    fabric_bandwidth: {
      schema: bandwidth(),
      default: 50e9,
      shownDefault: '"50 GB/s"',
      description: 'scale-out fabric bandwidth per port',
    },
    precision: { schema: precisionSchema, default: 'fp16', description: 'numeric precision' },
    efficiency: {
      schema: z
        .number({ error: 'must be a number ≥ 1e-9 and ≤ 1' })
        .refine(
          (v) => v >= 1e-9 && v <= 1,
          'must be a number ≥ 1e-9 and ≤ 1 (the fraction of peak sustained)',
        ),
      default: 0.5,
      description: 'fraction of peak FLOP/s sustained',
    },
  },
  (h, ctx) => {
    const chip = checkName(ctx, ['name'], () => resolveChip(h.name as string)) as
      | { acceleratorCount?: number }
      | undefined
    const nodes = h.nodes as number
    const perNode = (h.acceleratorsPerNode as number | undefined) ?? chip?.acceleratorCount ?? 1
    if (chip && nodes > 1 && nodes % perNode !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['nodes'],
        message: `${nodes} accelerators do not divide into servers of ${perNode} (accelerators_per_node)`,
      })
    }
  },
)

const parallelismSchema = planObject('parallelism', {
  tp_size: { schema: wholeNumber(1), default: 1, description: 'tensor-parallel degree' },
  pp_size: { schema: wholeNumber(1), default: 1, description: 'pipeline-parallel degree' },
  microbatches: {
    schema: wholeNumber(1),
    description: "pipeline microbatches; the solver's default when absent",
  },
  zero_stage: { schema: wholeNumber(0, 3), default: 0, description: 'ZeRO stage 0–3' },
})

const opsSchema = planObject(
  'ops',
  {
    region: {
      schema: z.string().trim().min(1, 'must be a grid id such as "US_Avg"'),
      default: 'US_Avg',
      description: 'grid region id',
    },
    duration_days: {
      schema: z.number({ error: 'must be a number of days > 0' }).positive('must be a number of days > 0'),
      default: 30,
      description: 'days of operation for the economics lens',
    },
  },
  (o, ctx) => {
    checkName(ctx, ['region'], () => resolveGrid(o.region as string))
  },
)

const boundSchema = z
  .union([z.number(), z.string()], {
    error: 'must be a number in the metric\'s plan unit or a string with a unit such as "50 ms"',
  })
  .meta({
    description:
      'a bound: a string with a unit ("50 ms", "2 GB", "$1M"), or a bare number in the metric\'s plan unit (the original\'s: ms, GB, t, USD)',
  })

const assertionSchema = z
  .strictObject(
    {
      metric: z
        .string({ error: 'must be a metric path such as "performance.latency"' })
        .meta({ description: `a metric path: ${metricPaths().join(', ')}` }),
      max: boundSchema.optional(),
      min: boundSchema.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown assertion key ${issue.keys.map((k) => `'${k}'`).join(', ')}; allowed keys: metric, max, min`
          : undefined,
    },
  )
  .transform((a, ctx): PlanAssertion => {
    const metric = metricAt(a.metric)
    if (!metric) {
      const near = closestMatches(a.metric, metricPaths(), 3)
      ctx.addIssue({
        code: 'custom',
        path: ['metric'],
        message: `unknown metric '${a.metric}'${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}`,
      })
      return z.NEVER
    }
    if (a.max === undefined && a.min === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'an assertion needs max, min or both' })
      return z.NEVER
    }
    const out: { metric: string; max?: number; min?: number } = { metric: a.metric.trim() }
    for (const side of ['max', 'min'] as const) {
      const bound = a[side]
      if (bound === undefined) continue
      if (typeof bound === 'number') {
        out[side] = bound * metric.planScale
        continue
      }
      const parsed = quantitySchema(metric.dimension).safeParse(bound)
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          path: [side],
          message: `${parsed.error.issues[0]?.message ?? 'not a quantity'} (${a.metric} is ${metric.dimension})`,
        })
        return z.NEVER
      }
      out[side] = parsed.data
    }
    if (out.max !== undefined && out.min !== undefined && out.min > out.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min is above max' })
      return z.NEVER
    }
    return out
  })

const constraintsSchema = z.strictObject(
  {
    assert: z
      .array(assertionSchema)
      .default([])
      .meta({ description: 'assertions checked after the evaluation' }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown constraints key ${issue.keys.map((k) => `'${k}'`).join(', ')}; allowed keys: assert`
        : undefined,
  },
)

/** The plan schema: raw plan (snake_case or camelCase) in, `Plan` out. */
export const planSchema = z
  .strictObject(
    {
      version: z
        .union([z.string(), z.number()], { error: 'must be a version string such as "1.0"' })
        .transform(String)
        .meta({ description: 'plan format version' }),
      name: z.string({ error: 'must be a name for the plan' }).trim().min(1, 'must not be empty'),
      workload: workloadSchema,
      hardware: hardwareSchema,
      parallelism: parallelismSchema.optional(),
      ops: opsSchema.optional(),
      constraints: constraintsSchema.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown plan key ${issue.keys.map((k) => `'${k}'`).join(', ')}; allowed keys: version, name, workload, hardware, parallelism, ops, constraints`
          : issue.code === 'invalid_type'
            ? 'a plan is a mapping with version, name, workload and hardware'
            : undefined,
    },
  )
  .transform((raw, ctx): Plan => {
    const plan = raw as unknown as Plan
    const { tpSize = 1, ppSize = 1 } = plan.parallelism ?? {}
    const { nodes } = plan.hardware
    if (nodes % (tpSize * ppSize) !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['parallelism'],
        message: `tp_size × pp_size = ${tpSize} × ${ppSize} must divide the ${nodes} accelerator${nodes === 1 ? '' : 's'} of hardware.nodes (data parallelism takes the rest)`,
      })
      return z.NEVER
    }
    return { ...plan, constraints: { assert: raw.constraints?.assert ?? [] } }
  })

const PARSED = new WeakSet<object>()

/**
 * Parses a plan object (as read from YAML or JSON); a bad plan throws a PlanError naming each
 * path. A plan this function returned passes through unchanged (its bounds are already SI).
 */
export function parsePlan(input: unknown): Plan {
  if (typeof input === 'object' && input !== null && PARSED.has(input)) return input as Plan
  const parsed = planSchema.safeParse(input)
  // Only a bad plan pays for reportInput: the values go into the messages.
  if (!parsed.success)
    throw PlanError.fromZod(planSchema.safeParse(input, { reportInput: true }).error ?? parsed.error)
  PARSED.add(parsed.data)
  return parsed.data
}

/**
 * The JSON Schema (draft 2020-12) of what a plan file may contain, for editors and the CLI's
 * `schema` command: both spellings of each key, bounds as numbers or unit strings.
 */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'MLSys·im plan',
    description:
      'A declarative evaluation plan: workload, hardware, optional parallelism, ops and assertions. snake_case keys may also be written in camelCase.',
  }
}
