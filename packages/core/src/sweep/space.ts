/**
 * A design space as data: which solver, fixed inputs, axes (lists, linear/log ranges by step
 * or count, catalog selections), derived metrics, constraints, objectives and what to keep.
 * Loaded from YAML or JSON and validated in two passes: this module checks the structure
 * (zod), `planSweep` checks it against the solver (input keys, model outputs, values).
 */

import { closestMatches, describeZodIssue } from '@mlsysim/units'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { z } from 'zod'
import { FIDELITIES } from '../solver/fidelity.js'
import { solvers } from '../solver/solve.js'

/** One problem in a space: where (a dotted path such as `axes.batchSize[2]`) and what is allowed. */
export interface SweepSpaceIssue {
  readonly path: string
  readonly message: string
}

/** A design space that cannot be swept; lists every issue with its path. */
export class SweepSpaceError extends Error {
  override readonly name = 'SweepSpaceError'
  constructor(readonly issues: readonly SweepSpaceIssue[]) {
    super(
      issues.length === 1
        ? `invalid sweep space: ${issues[0]!.path ? `${issues[0]!.path}: ` : ''}${issues[0]!.message}`
        : `invalid sweep space:\n${issues.map((i) => `  ${i.path || '(space)'}: ${i.message}`).join('\n')}`,
    )
  }
}

/** A number in SI base units, or a string with units ("100 GB/s"). */
const quantity = z.union([z.number(), z.string()])

/** One value of a list axis: a number, string, boolean, or an inline definition (an object). */
export const axisValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.record(z.string(), z.unknown()),
])

const NO_VALUES = 'an axis needs at least one value (hold an input at one value under fixed)'
export const listAxisSchema = z.array(axisValueSchema).min(1, NO_VALUES)
export const valuesAxisSchema = z.strictObject({ values: z.array(axisValueSchema).min(1, NO_VALUES) })

export const rangeAxisSchema = z
  .strictObject({
    from: quantity,
    to: quantity,
    /** Linear ranges: from, from + step, … ≤ to. */
    step: z.number().positive().optional(),
    /** count points from `from` to `to` inclusive (evenly on the chosen scale). */
    count: z.int().min(1).max(10_000_000).optional(),
    /** Log ranges: from, from·factor, … ≤ to. */
    factor: z.number().gt(1).optional(),
    scale: z.enum(['linear', 'log']).default('linear'),
    /** Round every value to the nearest whole number and drop duplicates (batch sizes from a log range). */
    integer: z.boolean().default(false),
  })
  .superRefine((range, ctx) => {
    const given = (['step', 'count', 'factor'] as const).filter((k) => range[k] !== undefined)
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a range needs exactly one of step (linear), factor (log) or count (either scale); got ${given.length === 0 ? 'none' : given.join(', ')}`,
      })
    } else if (given[0] === 'step' && range.scale === 'log') {
      ctx.addIssue({
        code: 'custom',
        path: ['step'],
        message: 'a log range steps by a factor: write factor (e.g. 2) instead of step',
      })
    } else if (given[0] === 'factor' && range.scale !== 'log') {
      ctx.addIssue({
        code: 'custom',
        path: ['factor'],
        message: 'factor steps a log range: add scale: log, or use step for a linear range',
      })
    }
  })

export const catalogAxisSchema = z.strictObject({
  /** Filter fields of the axis's catalog, or `all`. */
  catalog: z.union([z.literal('all'), z.record(z.string(), z.unknown())]),
  /** Ids to leave out. */
  exclude: z.array(z.string()).optional(),
})

export const idsAxisSchema = z.strictObject({
  /** Catalog ids or aliases, checked against the catalog. */
  ids: z.array(z.string()).min(1),
})

export const axisSchema = z.union([
  listAxisSchema,
  valuesAxisSchema,
  rangeAxisSchema,
  catalogAxisSchema,
  idsAxisSchema,
])
export type AxisSpec = z.output<typeof axisSchema>

const expression = z.string().min(1, 'must be a non-empty expression')

export const objectiveSchema = z.union([
  z.strictObject({ minimize: expression, name: z.string().min(1).optional() }),
  z.strictObject({ maximize: expression, name: z.string().min(1).optional() }),
])

/** Bins over a metric expression: `bins` between range[0] and range[1], linear or log. */
export const binningSchema = z.strictObject({
  /** An axis name, a metric name or an expression. */
  of: expression,
  bins: z.int().min(1).max(100_000).optional(),
  range: z.tuple([quantity, quantity]).optional(),
  scale: z.enum(['linear', 'log']).default('linear'),
})

export const histogramSchema = binningSchema.extend({
  /** Count feasible points only (default) or every valid point. */
  where: z.enum(['feasible', 'all']).default('feasible'),
})

export const heatmapSchema = z.strictObject({
  /** An axis name, or bins over a metric. */
  x: z.union([expression, binningSchema]),
  y: z.union([expression, binningSchema]),
  /** The metric whose count/min/max/mean each cell keeps (feasible points only); omitted: counts only. */
  metric: expression.optional(),
})

export const tableSchema = z.strictObject({
  /** Axis names, metric names or expressions; default: every axis, every model output and derived metric. */
  columns: z.array(expression).min(1).optional(),
  where: z.enum(['all', 'feasible']).default('all'),
})

export const keepSchema = z.strictObject({
  /** Best points kept per objective. */
  topK: z.int().min(0).max(100_000).default(10),
  /** Pareto front: true for all objectives (2–3 of them), or the names of 2–3 objectives. */
  pareto: z.union([z.boolean(), z.array(z.string()).min(2).max(3)]).default(false),
  histograms: z.array(histogramSchema).default([]),
  heatmaps: z.array(heatmapSchema).default([]),
  /** The full table, streamed in chunks. */
  table: z.union([z.boolean(), tableSchema]).default(false),
})

export const sweepSpaceSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  /** Solver id, e.g. "single-node". */
  solver: z.string().min(1),
  fidelity: z.enum(FIDELITIES).default('default'),
  /** Inputs held at one value. */
  fixed: z.record(z.string(), z.unknown()).default({}),
  /** Solver input key → values. Order matters: see "Radix order" in the README. */
  axes: z.record(z.string(), axisSchema).default({}),
  /** Named expressions usable in constraints, objectives, histograms, heatmaps and the table. */
  derived: z.record(z.string(), expression).default({}),
  /** Every constraint must hold for a point to be feasible. */
  constraints: z
    .union([expression, z.array(expression)])
    .default([])
    .transform((c) => (typeof c === 'string' ? [c] : c)),
  objectives: z.array(objectiveSchema).default([]),
  keep: keepSchema.prefault({}),
})

/** A space as written (YAML/JSON), before defaults. */
export type SweepSpaceInput = z.input<typeof sweepSpaceSchema>
/** A structurally valid space with defaults filled in. */
export type SweepSpace = z.output<typeof sweepSpaceSchema>

/** Where an issue is: a dotted path with [i] for list positions. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

const AXIS_FORMS =
  'a list of values, { values: [...] }, a range { from, to, step | factor | count, scale }, { catalog: { filter… } | all, exclude? } or { ids: [...] }'

/** The axis form an object is written in, chosen by its keys, so messages speak about that form only. */
function axisForm(value: unknown): z.ZodType | undefined {
  if (Array.isArray(value)) return listAxisSchema
  if (value === null || typeof value !== 'object') return undefined
  if ('catalog' in value) return catalogAxisSchema
  if ('ids' in value) return idsAxisSchema
  if ('values' in value) return valuesAxisSchema
  if ('from' in value || 'to' in value) return rangeAxisSchema
  return undefined
}

/** What a union field accepts, for "has none of the allowed forms". */
function allowedForms(path: readonly PropertyKey[]): string | undefined {
  const [head, , field] = path
  if (head === 'objectives' && path.length === 2)
    return 'must be { minimize: <expression> } or { maximize: <expression> }, with an optional name'
  if (head === 'keep' && (field === 'x' || field === 'y'))
    return 'must be an axis name or { of, bins, range, scale }'
  if (head === 'keep' && path[1] === 'table') return 'must be true, false or { columns?, where? }'
  if (head === 'keep' && path[1] === 'pareto') return 'must be true, false or a list of 2–3 objective names'
  return undefined
}

/** The keys of the object a path in a space names, for "unknown key" messages. */
function keysAt(path: readonly PropertyKey[], form: z.ZodType | undefined): readonly string[] | undefined {
  const shape = (schema: unknown) => Object.keys((schema as { shape?: object }).shape ?? {})
  const at = path.map((p) => (typeof p === 'number' ? '#' : String(p))).join('.')
  if (at === '') return shape(sweepSpaceSchema)
  if (at === 'keep') return shape(keepSchema)
  if (at === 'keep.histograms.#') return shape(histogramSchema)
  if (at === 'keep.heatmaps.#') return shape(heatmapSchema)
  if (/^keep\.heatmaps\.#\.[xy]$/.test(at)) return shape(binningSchema)
  if (at === 'keep.table') return shape(tableSchema)
  if (form && path.length === 2 && path[0] === 'axes') return shape(form)
  return undefined
}

/** "unknown key 'topk'; did you mean topK?; allowed: …" */
function unknownKeys(keys: readonly string[], allowed: readonly string[]): string {
  const near = [...new Set(keys.flatMap((key) => closestMatches(key, allowed, 1)))]
  return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}${
    near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''
  }; allowed: ${allowed.join(', ')}`
}

function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[], form?: z.ZodType): SweepSpaceIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path]
    const allowed = issue.code === 'unrecognized_keys' ? keysAt(path, form) : undefined
    const message =
      issue.code === 'unrecognized_keys' && allowed
        ? unknownKeys(issue.keys, allowed)
        : describeZodIssue(issue)
    return {
      path: formatPath(path),
      message: (issue.code === 'invalid_union' && allowedForms(path)) || message,
    }
  })
}

/**
 * Checks a space's structure (not yet against its solver: `planSweep` does that) and fills
 * defaults. Every problem is reported with its path.
 */
export function parseSweepSpace(input: unknown): SweepSpace {
  const issues: SweepSpaceIssue[] = []
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SweepSpaceError([{ path: '', message: 'a sweep space must be an object with solver, axes, …' }])
  }
  const raw = input as Record<string, unknown>
  // Axes first, each in the form its keys announce, so a typo reads "axes.batchSize.setp: unrecognized key".
  const axes = raw.axes
  if (axes !== undefined && (axes === null || typeof axes !== 'object' || Array.isArray(axes))) {
    issues.push({ path: 'axes', message: 'must be an object: solver input key → values' })
  } else if (axes !== undefined) {
    for (const [key, value] of Object.entries(axes)) {
      const form = axisForm(value)
      if (!form) {
        issues.push({ path: `axes.${key}`, message: `must be ${AXIS_FORMS}` })
        continue
      }
      const parsed = form.safeParse(value, { reportInput: true })
      if (!parsed.success) issues.push(...zodIssues(parsed.error, ['axes', key], form))
    }
  }
  const parsed = sweepSpaceSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) {
    // Axes were checked above, each against its own form.
    for (const issue of zodIssues(parsed.error, [])) {
      if (issue.path !== 'axes' && !issue.path.startsWith('axes.')) issues.push(issue)
    }
  }
  if (issues.length > 0 || !parsed.success) throw new SweepSpaceError(issues)
  return parsed.data
}

export interface LoadSpaceOptions {
  /** 'yaml' (also reads JSON) or 'json'; default: JSON when the text starts with '{', else YAML. */
  format?: 'yaml' | 'json'
  /** Named in messages (a file name). */
  source?: string
}

/** Reads a space from YAML or JSON text and checks its structure. */
export function loadSweepSpace(text: string, options: LoadSpaceOptions = {}): SweepSpace {
  const format = options.format ?? (text.trimStart().startsWith('{') ? 'json' : 'yaml')
  const where = options.source ? `${options.source}: ` : ''
  let data: unknown
  try {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    const message =
      error instanceof YAMLParseError
        ? `${where}not valid YAML: ${error.message}`
        : `${where}not valid ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`
    throw new SweepSpaceError([{ path: '', message }])
  }
  return parseSweepSpace(data)
}

/** Ids of the solvers a space can sweep: those with an expression graph (not the searches). */
export function sweepableSolverIds(): string[] {
  return solvers.ids().filter((id) => solvers.get(id).kind === 'graph')
}

/**
 * JSON Schema of a space file (for editors): `solver` is one of the sweepable solver ids. With
 * `solver`, it is that one; with `inputKeys`, `fixed` and `axes` allow only those property
 * names (the solver's input keys).
 */
export function sweepSpaceJsonSchema(
  options: { inputKeys?: readonly string[]; solver?: string } = {},
): Record<string, unknown> {
  const schema = z.toJSONSchema(sweepSpaceSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  schema.title = options.solver ? `MLSys·im sweep space (${options.solver})` : 'MLSys·im sweep space'
  const properties = schema.properties as Record<string, Record<string, unknown>>
  properties.solver = options.solver
    ? { ...properties.solver, const: options.solver }
    : { ...properties.solver, enum: sweepableSolverIds() }
  if (options.inputKeys) {
    const names = { enum: [...options.inputKeys] }
    properties.fixed = { ...properties.fixed, propertyNames: names }
    properties.axes = { ...properties.axes, propertyNames: names }
  }
  return schema
}
