/**
 * From a design space to a sweep plan: everything a backend needs to evaluate any slice of
 * the index space, and nothing it has to look up.
 *
 * - Axes are checked against the solver's input keys and each value against the input's own
 *   schema (so `batchSize: 0.5` reads "must be a whole number ≥ 1").
 * - **Radix order**: categorical axes first (outermost, in the order written), then numeric
 *   axes (in the order written; the last varies fastest). One categorical combination thus
 *   spans a contiguous run of (product of numeric radices) rows, so kernels load its values
 *   once per run and hoist every term that depends only on it.
 * - An axis is **numeric** when its key is one of the solver's `numericInputs` and every value
 *   is a number after parsing: its values become a column of the model input of the same
 *   name. Every other axis is **categorical** (catalog entries, precision, booleans, strings,
 *   numeric inputs the solver's `bind` consumes): the solver's `bind` runs once per
 *   combination of categorical values, into a table of model inputs.
 * - Constraints, objectives, derived metrics, histograms, heatmaps and table columns are
 *   parsed and checked against the model's outputs and inputs.
 */
import {
  DIMENSIONLESS,
  type DimensionVector,
  describeDimension,
  parse as parseQuantity,
  sameDimension,
} from '@mlsysim/units'
import type { z } from 'zod'
import type { Model } from '../expr/model.js'
import type { GraphSolver, SolveContext, SolverDefinition } from '../solver/define.js'
import { SolverInputError } from '../solver/errors.js'
import type { Fidelity } from '../solver/fidelity.js'
import { prepareInput, solvers } from '../solver/solve.js'
import { type ExpandedAxis, expandAxis, suggestion } from './axes.js'
import { defaultSweepCatalogs, type SweepCatalogs } from './catalogs.js'
import {
  checkMetricExpression,
  evaluateMetric,
  type MetricExpr,
  MetricExpressionError,
  type MetricSymbol,
  parseMetricExpression,
  UnknownMetricError,
} from './metric-expr.js'
import { MixedRadix } from './mixed-radix.js'
import {
  parseSweepSpace,
  type SweepSpace,
  SweepSpaceError,
  type SweepSpaceInput,
  type SweepSpaceIssue,
} from './space.js'

/** Default limit on the number of categorical combinations (each costs one `bind` call). */
export const DEFAULT_MAX_COMBINATIONS = 200_000

export interface PlanAxis {
  readonly key: string
  readonly kind: 'categorical' | 'numeric'
  readonly size: number
  /** What the solver receives for each value (catalog ids, numbers, strings, booleans, objects). */
  readonly values: readonly unknown[]
  /** A unique label per value: the dictionary of a categorical column. */
  readonly labels: readonly string[]
  /** Numeric axes: the values as numbers in SI base units (after the solver's field parse). */
  readonly numbers?: Float64Array
  /** Numeric axes: the model input fed by this axis (absent when the model does not read it). */
  readonly modelInput?: string
}

/** Where a metric's value comes from. */
export type MetricSource =
  | { readonly kind: 'output'; readonly name: string }
  | { readonly kind: 'input'; readonly name: string }
  | { readonly kind: 'derived'; readonly name: string; readonly expr: MetricExpr }

export interface PlanMetric {
  readonly name: string
  readonly type: 'number' | 'boolean'
  readonly dim?: DimensionVector
  readonly source: MetricSource
}

/** A checked expression with its text. */
export interface PlanExpression {
  readonly source: string
  readonly expr: MetricExpr
}

export interface PlanObjective extends PlanExpression {
  readonly name: string
  readonly sense: 'minimize' | 'maximize'
}

/** Bins of a histogram or a heatmap side: one per value of an axis, or fixed bins over a metric. */
export type PlanBinning =
  | {
      readonly kind: 'axis'
      readonly name: string
      readonly axis: number
      readonly bins: number
      readonly labels: readonly string[]
    }
  | {
      readonly kind: 'metric'
      readonly name: string
      readonly expr: MetricExpr
      readonly bins: number
      readonly low: number
      readonly high: number
      readonly scale: 'linear' | 'log'
    }

export interface PlanHistogram {
  readonly binning: PlanBinning
  readonly where: 'feasible' | 'all'
}

export interface PlanHeatmap {
  readonly x: PlanBinning
  readonly y: PlanBinning
  readonly metric?: PlanExpression
}

export type PlanColumn =
  | { readonly name: string; readonly kind: 'axis'; readonly axis: number }
  | {
      readonly name: string
      readonly kind: 'metric'
      readonly type: 'number' | 'boolean'
      readonly expr: MetricExpr
    }

export interface PlanKeep {
  readonly topK: number
  /** Positions in `objectives` of the Pareto front's 2–3 objectives. */
  readonly pareto?: readonly number[]
  readonly histograms: readonly PlanHistogram[]
  readonly heatmaps: readonly PlanHeatmap[]
  readonly table?: { readonly columns: readonly PlanColumn[]; readonly where: 'all' | 'feasible' }
}

/** A categorical combination whose inputs the solver rejected: its points are skipped. */
export interface InvalidCombination {
  readonly combination: number
  readonly coordinates: Readonly<Record<string, string>>
  readonly message: string
}

export interface SweepPlan {
  readonly space: SweepSpace
  readonly solver: GraphSolver
  readonly context: SolveContext
  readonly model: Model
  /** Points in the whole space. */
  readonly total: number
  /** Every axis in radix order: categorical first, then numeric (last varies fastest). */
  readonly axes: readonly PlanAxis[]
  readonly radix: MixedRadix
  /** How many of `axes` are categorical (they lead). */
  readonly categoricalCount: number
  /** Points per categorical combination: the product of the numeric radices. */
  readonly runLength: number
  readonly combinations: {
    /** Number of combinations: the product of the categorical radices. */
    readonly count: number
    /** Model inputs whose value differs between combinations: the table's columns. */
    readonly inputs: readonly string[]
    /** count × inputs.length, row-major. */
    readonly values: Float64Array
    /** 1 where the solver accepted the combination, 0 where its points are skipped. */
    readonly valid: Uint8Array
    /** For each categorical axis, each combination's coordinate on it. */
    readonly coordinates: readonly Uint32Array[]
    readonly invalid: readonly InvalidCombination[]
  }
  /** Model inputs with one value across the whole space. */
  readonly constants: { readonly inputs: readonly string[]; readonly values: Float64Array }
  /** Every name expressions may use. */
  readonly metrics: ReadonlyMap<string, PlanMetric>
  /** Derived metrics in dependency order. */
  readonly derived: readonly (PlanExpression & { readonly name: string })[]
  readonly constraints: readonly PlanExpression[]
  readonly objectives: readonly PlanObjective[]
  readonly keep: PlanKeep
  /** Identifies the space and its resolved axes; results merge only with equal fingerprints. */
  readonly fingerprint: string
}

export interface PlanOptions {
  /** Catalogs that axes select from (default: the shared hardware and workload catalogs). */
  catalogs?: SweepCatalogs
  /** Refuse spaces with more categorical combinations than this (default 200,000). */
  maxCombinations?: number
}

/** 64 bits of FNV-1a (two 32-bit lanes), as 16 hex digits. */
export function fingerprintOf(text: string): string {
  let a = 0x811c9dc5
  let b = 0x050c5d1f
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** A digest of typed arrays' bytes (FNV-1a over 32-bit words, two lanes), as 16 hex digits. */
export function numbersDigest(arrays: readonly (Float64Array | Uint8Array)[]): string {
  let a = 0x811c9dc5
  let b = 0x9e3779b9
  for (const array of arrays) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    const words = bytes.length >> 2
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i < words; i++) {
      const w = view.getUint32(i * 4, true)
      a = Math.imul(a ^ w, 0x01000193)
      b = Math.imul(b ^ w, 0x85ebca6b) ^ (a >>> 13)
    }
    for (let i = words * 4; i < bytes.length; i++) a = Math.imul(a ^ bytes[i]!, 0x01000193)
    a = Math.imul(a ^ array.length, 0x01000193)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function inputShape(solver: SolverDefinition): Record<string, z.ZodType> {
  return ((solver.input as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {}) as Record<
    string,
    z.ZodType
  >
}

function list(names: Iterable<string>): string {
  return [...names].join(', ')
}

/** Rejected values of one axis listed one by one; the rest are counted. */
const MAX_VALUE_ISSUES = 3

/** Why an input's schema rejected a value, with the value when it is short enough to show. */
function rejection(error: z.ZodError, value: unknown): string {
  const message = error.issues.map((issue) => issue.message).join('; ')
  return value !== null && typeof value === 'object' ? message : `${message} (got ${JSON.stringify(value)})`
}

/**
 * Checks a space against its solver and builds the plan: axis tables, the categorical
 * combinations bound once each, the constant inputs, and the checked expressions. Every
 * problem is a SweepSpaceError naming the path and what is allowed.
 */
export function planSweep(input: SweepSpace | SweepSpaceInput, options: PlanOptions = {}): SweepPlan {
  const space = parseSweepSpace(input)
  const issues: SweepSpaceIssue[] = []
  const fail = () => new SweepSpaceError(issues)

  if (!solvers.has(space.solver)) {
    const ids = solvers.ids()
    throw new SweepSpaceError([
      {
        path: 'solver',
        message: `unknown solver '${space.solver}'${suggestion(space.solver, ids)}; solvers are ${list(ids)}`,
      },
    ])
  }
  const solver = solvers.get(space.solver)
  if (solver.kind !== 'graph') {
    throw new SweepSpaceError([
      {
        path: 'solver',
        message: `'${solver.id}' is a procedure solver (a search or optimizer over other solvers), which has no expression graph to sweep; sweep the graph solvers it calls, or call solve() in your own loop`,
      },
    ])
  }
  const graphSolver = solver as GraphSolver
  const model = graphSolver.model
  const context: SolveContext = { fidelity: space.fidelity as Fidelity }
  const shape = inputShape(solver)
  const inputKeys = Object.keys(shape)
  const catalogs = options.catalogs ?? defaultSweepCatalogs()

  // Fixed inputs and axes name solver inputs, each once.
  for (const key of Object.keys(space.fixed)) {
    if (!Object.hasOwn(shape, key)) {
      issues.push({
        path: `fixed.${key}`,
        message: `${solver.id} has no input '${key}'${suggestion(key, inputKeys)}; its inputs are ${list(inputKeys)}`,
      })
    }
  }
  const expanded: ExpandedAxis[] = []
  for (const [key, spec] of Object.entries(space.axes)) {
    if (!Object.hasOwn(shape, key)) {
      issues.push({
        path: `axes.${key}`,
        message: `${solver.id} has no input '${key}'${suggestion(key, inputKeys)}; its inputs are ${list(inputKeys)}`,
      })
      continue
    }
    if (Object.hasOwn(space.fixed, key)) {
      issues.push({
        path: `axes.${key}`,
        message: `'${key}' is also in fixed; an input is either fixed or an axis`,
      })
      continue
    }
    const axis = expandAxis(key, spec, catalogs, issues)
    if (axis) expanded.push(axis)
  }
  if (issues.length > 0) throw fail()

  // Fixed values against their input's own schema; every required input given somewhere.
  for (const [key, value] of Object.entries(space.fixed)) {
    const parsed = shape[key]!.safeParse(value, { reportInput: true })
    if (!parsed.success) issues.push({ path: `fixed.${key}`, message: rejection(parsed.error, value) })
  }
  const missing = inputKeys.filter(
    (key) =>
      !Object.hasOwn(space.fixed, key) &&
      !Object.hasOwn(space.axes, key) &&
      !shape[key]!.safeParse(undefined).success,
  )
  if (missing.length > 0) {
    issues.push({
      path: 'fixed',
      message: `${solver.id} needs ${missing.map((k) => `'${k}'`).join(' and ')}: give ${missing.length > 1 ? 'each' : 'it'} a value under fixed, or sweep it as an axis`,
    })
  }

  // Each value against the input's own schema; numeric axes become columns.
  const numericInputs = new Set(graphSolver.numericInputs)
  const modelInputs = new Set(model.inputNames)
  const categorical: PlanAxis[] = []
  const numeric: PlanAxis[] = []
  for (const axis of expanded) {
    const field = shape[axis.key]!
    // A range's endpoints written with units must be units the input takes ("1 ms" is no batch size).
    const spec = space.axes[axis.key]
    if (axis.range && spec !== undefined && !Array.isArray(spec) && 'from' in spec) {
      const before = issues.length
      for (const end of ['from', 'to'] as const) {
        const written = spec[end]
        if (typeof written !== 'string') continue
        const { dimension } = parseQuantity(written)
        if (sameDimension(dimension, DIMENSIONLESS)) continue
        const parsed = field.safeParse(written, { reportInput: true })
        if (!parsed.success) {
          issues.push({
            path: `axes.${axis.key}.${end}`,
            message: `${rejection(parsed.error, written)}: ${JSON.stringify(written)} is ${describeDimension(dimension)}`,
          })
        }
      }
      if (issues.length > before) continue
    }
    const parsedValues: unknown[] = []
    const rejected: SweepSpaceIssue[] = []
    axis.values.forEach((value, i) => {
      const parsed = field.safeParse(value, { reportInput: true })
      if (!parsed.success) {
        const hint =
          axis.range && typeof value === 'number' && !Number.isInteger(value)
            ? ' (add integer: true to the range for whole numbers)'
            : ''
        rejected.push({ path: `axes.${axis.key}[${i}]`, message: `${rejection(parsed.error, value)}${hint}` })
      } else parsedValues.push(parsed.data)
    })
    if (rejected.length > 0) {
      // A range can fail on every value: the first few say why, one line counts the rest.
      issues.push(...rejected.slice(0, MAX_VALUE_ISSUES))
      if (rejected.length > MAX_VALUE_ISSUES) {
        issues.push({
          path: `axes.${axis.key}`,
          message: `${rejected.length - MAX_VALUE_ISSUES} more of its ${axis.values.length} values are rejected too`,
        })
      }
    }
    if (issues.length > 0) continue
    const isNumeric =
      numericInputs.has(axis.key) && parsedValues.every((v) => typeof v === 'number' && Number.isFinite(v))
    if (isNumeric) {
      numeric.push({
        key: axis.key,
        kind: 'numeric',
        size: axis.values.length,
        values: axis.values,
        labels: axis.labels,
        numbers: Float64Array.from(parsedValues as number[]),
        ...(modelInputs.has(axis.key) ? { modelInput: axis.key } : {}),
      })
    } else {
      categorical.push({
        key: axis.key,
        kind: 'categorical',
        size: axis.values.length,
        values: axis.values,
        labels: axis.labels,
      })
    }
  }
  if (issues.length > 0) throw fail()
  // A numeric axis is a column the kernel reads without asking the solver; that holds only
  // while its values are valid whatever the other inputs are. When the solver checks it against
  // other inputs (tpSize × ppSize must divide the fleet), every axis is bound per combination.
  const joint = numeric.length > 0 ? jointCheck(graphSolver, space, categorical, numeric) : undefined
  if (joint) {
    // Bound per combination from now on, in the order written among the categorical axes.
    const order = expanded.map((axis) => axis.key)
    const moved = numeric.filter((axis) => joint.axes.has(axis.key)).map(asCategorical)
    const all = [...categorical, ...moved].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    categorical.splice(0, categorical.length, ...all)
    numeric.splice(0, numeric.length, ...numeric.filter((axis) => !joint.axes.has(axis.key)))
  }
  const axes = [...categorical, ...numeric]
  let radix: MixedRadix
  try {
    radix = new MixedRadix(axes.map((a) => a.size))
  } catch (error) {
    throw new SweepSpaceError([
      {
        path: 'axes',
        message: `${(error as Error).message}: ${axes.map((a) => `${a.key} (${a.size})`).join(' × ')}`,
      },
    ])
  }
  const comboRadix = new MixedRadix(categorical.map((a) => a.size))
  const maxCombinations = options.maxCombinations ?? DEFAULT_MAX_COMBINATIONS
  if (comboRadix.size > maxCombinations) {
    throw new SweepSpaceError([
      {
        path: 'axes',
        message: joint
          ? `${solver.id} checks ${[...joint.axes].join(', ')} against other inputs (${joint.example}), so those axes are bound per combination: the categorical axes ${categorical.map((a) => `${a.key} (${a.size})`).join(' × ')} make ${comboRadix.size.toLocaleString('en-US')} combinations; the limit is ${maxCombinations.toLocaleString('en-US')}. Leave out the values the solver rejects, split the space, or raise maxCombinations`
          : `the categorical axes ${categorical.map((a) => `${a.key} (${a.size})`).join(' × ')} make ${comboRadix.size.toLocaleString('en-US')} combinations, each bound once by the solver; the limit is ${maxCombinations.toLocaleString('en-US')}. Narrow a catalog selection or a list, sweep numeric inputs (${list(graphSolver.numericInputs)}) as ranges, or raise maxCombinations`,
      },
    ])
  }

  // Bind every combination once.
  const combos = bindCombinations(graphSolver, context, space, categorical, numeric, comboRadix)
  if (combos.missing) {
    throw new SweepSpaceError([
      { path: 'solver', message: `${solver.id}'s bind did not supply model input '${combos.missing}'` },
    ])
  }

  // Metrics: model outputs, model inputs, then derived (each may use the ones before it).
  const metrics = new Map<string, PlanMetric>()
  for (const node of model.inputs)
    metrics.set(node.name, {
      name: node.name,
      type: 'number',
      dim: node.dim,
      source: { kind: 'input', name: node.name },
    })
  for (const out of model.outputs)
    metrics.set(out.name, {
      name: out.name,
      type: out.type,
      dim: out.dim,
      source: { kind: 'output', name: out.name },
    })
  const outputNames = model.outputNames as readonly string[]
  const known = () =>
    `${solver.id}'s model outputs are ${list(outputNames)}; its model inputs are ${list(model.inputNames)}${
      derived.length > 0 ? `; derived: ${list(derived.map((d) => d.name))}` : ''
    }`
  const derived: (PlanExpression & { name: string })[] = []
  const check = (
    source: string,
    path: string,
    want?: 'number' | 'boolean',
  ): { expr: MetricExpr; type: 'number' | 'boolean'; dim?: DimensionVector } | undefined => {
    try {
      const expr = parseMetricExpression(source)
      const t = checkMetricExpression(expr, source, (name): MetricSymbol | undefined => metrics.get(name))
      if (want && t.type !== want) {
        issues.push({
          path,
          message:
            want === 'boolean'
              ? `'${source}' is a number; a constraint must be true/false (compare it: '${source} <= …')`
              : `'${source}' is true/false; ${path.startsWith('objectives') ? 'an objective' : 'this'} needs a number`,
        })
        return undefined
      }
      return { expr, ...t }
    } catch (error) {
      if (error instanceof UnknownMetricError) {
        issues.push({
          path,
          message: `unknown name '${error.metric}' in '${source}'${suggestion(error.metric, metrics.keys())}; ${known()}`,
        })
      } else if (error instanceof MetricExpressionError) {
        issues.push({ path, message: error.message })
      } else throw error
      return undefined
    }
  }
  for (const [name, source] of Object.entries(space.derived)) {
    if (metrics.has(name)) {
      issues.push({
        path: `derived.${name}`,
        message: `'${name}' is already a model ${metrics.get(name)!.source.kind} of ${solver.id}; choose another name`,
      })
      continue
    }
    const checked = check(source, `derived.${name}`)
    if (!checked) continue
    derived.push({ name, source, expr: checked.expr })
    metrics.set(name, {
      name,
      type: checked.type,
      ...(checked.dim ? { dim: checked.dim } : {}),
      source: { kind: 'derived', name, expr: checked.expr },
    })
  }
  const constraints: PlanExpression[] = []
  space.constraints.forEach((source, i) => {
    const checked = check(source, `constraints[${i}]`, 'boolean')
    if (checked) constraints.push({ source, expr: checked.expr })
  })
  const objectives: PlanObjective[] = []
  space.objectives.forEach((objective, i) => {
    const sense = 'minimize' in objective ? 'minimize' : 'maximize'
    const source = 'minimize' in objective ? objective.minimize : objective.maximize
    const name = objective.name ?? source
    const checked = check(source, `objectives[${i}].${sense}`, 'number')
    if (!checked) return
    if (objectives.some((o) => o.name === name)) {
      issues.push({
        path: `objectives[${i}]`,
        message: `the objective '${name}' is listed twice; give one a different name`,
      })
      return
    }
    objectives.push({ name, sense, source, expr: checked.expr })
  })
  const axisIndex = new Map(axes.map((a, i) => [a.key, i]))
  const keep = planKeep(space, axes, axisIndex, objectives, outputNames, derived, check, issues)
  if (issues.length > 0) throw fail()

  const fingerprint = fingerprintOf(
    canonicalJson({
      solver: solver.id,
      fidelity: space.fidelity,
      fixed: space.fixed,
      axes: axes.map((a) => ({ key: a.key, labels: a.labels })),
      derived: space.derived,
      constraints: space.constraints,
      objectives: space.objectives,
      keep: space.keep,
      // The numbers the solver bound: machines whose catalogs differ produce unmergeable results.
      bound: {
        combinations: [...combos.varying],
        constants: [...combos.constant],
        values: numbersDigest([
          combos.values,
          combos.constantValues,
          combos.valid,
          ...axes.flatMap((a) => (a.numbers ? [a.numbers] : [])),
        ]),
      },
    }),
  )
  return {
    space,
    solver: graphSolver,
    context,
    model,
    total: radix.size,
    axes,
    radix,
    categoricalCount: categorical.length,
    runLength: numeric.reduce((n, a) => n * a.size, 1),
    combinations: {
      count: comboRadix.size,
      inputs: combos.varying,
      values: combos.values,
      valid: combos.valid,
      coordinates: combos.coordinates,
      invalid: combos.invalid,
    },
    constants: { inputs: combos.constant, values: combos.constantValues },
    metrics,
    derived,
    constraints,
    objectives,
    keep,
    fingerprint,
  }
}

/** Full-schema parses spent looking for numeric values the solver rejects only with some other inputs. */
const JOINT_PROBE_BUDGET = 2048

/** A numeric axis as a categorical one: the same values, bound per combination. */
function asCategorical(axis: PlanAxis): PlanAxis {
  return { key: axis.key, kind: 'categorical', size: axis.size, values: axis.values, labels: axis.labels }
}

/** Numeric axes the solver checks against other inputs, and one rejection as an example. */
interface JointCheck {
  readonly axes: ReadonlySet<string>
  readonly example: string
}

/**
 * The numeric axes whose values the solver rejects only in company (an object-level check of
 * its input, such as "tpSize × ppSize × epSize divides the fleet"): an axis is involved when
 * changing its value alone turns a point the solver accepts into one it rejects. Probed with the
 * full input schema within a budget of parses: in each combination the corners of the numeric
 * axes (each at its smallest or largest value), and in the first combination the solver accepts
 * every value of each axis alone. Solvers without object-level checks cost nothing. A rejection
 * the probes miss stays possible (values in the middle of two axes that fail only together).
 */
function jointCheck(
  solver: GraphSolver,
  space: SweepSpace,
  categorical: readonly PlanAxis[],
  numeric: readonly PlanAxis[],
): JointCheck | undefined {
  const checks = (solver.input as unknown as { def?: { checks?: readonly unknown[] } }).def?.checks
  if (!checks || checks.length === 0) return undefined
  // Per axis the digits of its smallest and largest values (one when they are the same value).
  const extremes = numeric.map((axis) => {
    const n = axis.numbers!
    let low = 0
    let high = 0
    for (let i = 1; i < n.length; i++) {
      if (n[i]! < n[low]!) low = i
      if (n[i]! > n[high]!) high = i
    }
    return low === high ? [low] : [low, high]
  })
  const cornerBits = Math.min(numeric.length, Math.floor(Math.log2(JOINT_PROBE_BUDGET)))
  const corner = (m: number) =>
    extremes.map((options, j) => options[j < cornerBits ? ((m >> j) & 1) % options.length : 0]!)
  const involved = new Set<string>()
  let example: string | undefined
  let mixed = false
  let singlesDone = false
  const comboRadix = new MixedRadix(categorical.map((a) => a.size))
  const digits = new Array<number>(categorical.length)
  let budget = JOINT_PROBE_BUDGET
  for (let c = 0; c < comboRadix.size && budget > 0; c++) {
    comboRadix.digits(c, digits)
    const base: Record<string, unknown> = { ...space.fixed }
    categorical.forEach((axis, k) => {
      base[axis.key] = axis.values[digits[k]!]
    })
    const accepts = (probe: readonly number[]): boolean => {
      budget--
      const input = { ...base }
      numeric.forEach((axis, k) => {
        input[axis.key] = axis.values[probe[k]!]
      })
      const parsed = solver.input.safeParse(input, { reportInput: true })
      if (!parsed.success)
        example ??= `${numeric.map((axis, k) => `${axis.key}=${axis.labels[probe[k]!]}`).join(', ')}: ${parsed.error.issues.map((i) => i.message).join('; ')}`
      return parsed.success
    }
    // The corners, and each edge between two of them along one axis.
    const count = Math.min(2 ** cornerBits, budget)
    const verdicts = Array.from({ length: count }, (_, m) => accepts(corner(m)))
    if (verdicts.includes(true) && verdicts.includes(false)) mixed = true
    verdicts.forEach((ok, m) => {
      for (let j = 0; j < cornerBits; j++) {
        const other = m ^ (1 << j)
        if (other < count && verdicts[other] !== ok && extremes[j]!.length > 1) involved.add(numeric[j]!.key)
      }
    })
    // Each value of each axis alone, the others at their first values.
    const first = numeric.map(() => 0)
    if (!singlesDone && budget > 0 && accepts(first)) {
      singlesDone = true
      numeric.forEach((axis, k) => {
        for (let i = 1; i < axis.size && budget > 0; i++) {
          if (!accepts(first.map((d, j) => (j === k ? i : d)))) {
            involved.add(axis.key)
            mixed = true
          }
        }
      })
    }
  }
  // Accepted and rejected points without an edge between them: every numeric axis is suspect.
  if (mixed && involved.size === 0) for (const axis of numeric) involved.add(axis.key)
  return involved.size > 0 ? { axes: involved, example: example! } : undefined
}

function bindCombinations(
  solver: GraphSolver,
  context: SolveContext,
  space: SweepSpace,
  categorical: readonly PlanAxis[],
  numeric: readonly PlanAxis[],
  comboRadix: MixedRadix,
) {
  const model = solver.model
  const axisInputs = new Set(numeric.flatMap((a) => (a.modelInput ? [a.modelInput] : [])))
  const perCombo = model.inputNames.filter((name) => !axisInputs.has(name))
  const count = comboRadix.size
  const raw = new Float64Array(count * perCombo.length)
  const valid = new Uint8Array(count)
  const coordinates = categorical.map(() => new Uint32Array(count))
  const invalid: InvalidCombination[] = []
  const digits = new Array<number>(categorical.length)
  let missing: string | undefined
  for (let c = 0; c < count; c++) {
    comboRadix.digits(c, digits)
    const input: Record<string, unknown> = { ...space.fixed }
    categorical.forEach((axis, k) => {
      input[axis.key] = axis.values[digits[k]!]
      coordinates[k]![c] = digits[k]!
    })
    // Numeric axes take their first value here; the model reads them from their columns.
    for (const axis of numeric) input[axis.key] = axis.values[0]
    let bound: Record<string, number>
    try {
      const parsed = prepareInput(solver, input, context) as Record<string, unknown>
      bound = solver.bind(parsed as never, context)
      for (const key of solver.numericInputs) if (!axisInputs.has(key)) bound[key] = Number(parsed[key])
    } catch (error) {
      const labels: Record<string, string> = {}
      categorical.forEach((axis, k) => {
        labels[axis.key] = axis.labels[digits[k]!]!
      })
      const message =
        error instanceof SolverInputError
          ? error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')
          : error instanceof Error
            ? error.message
            : String(error)
      invalid.push({ combination: c, coordinates: labels, message })
      continue
    }
    valid[c] = 1
    perCombo.forEach((name, j) => {
      const value = bound[name]
      if (typeof value !== 'number') missing ??= name
      raw[c * perCombo.length + j] = value ?? Number.NaN
    })
  }
  // Inputs equal in every valid combination are constants; the others form the table.
  const firstValid = valid.indexOf(1)
  const varying: string[] = []
  const constant: string[] = []
  const constantValues: number[] = []
  perCombo.forEach((name, j) => {
    const first = firstValid < 0 ? 0 : raw[firstValid * perCombo.length + j]!
    let same = true
    for (let c = 0; c < count && same; c++) {
      if (valid[c] === 1 && !Object.is(raw[c * perCombo.length + j], first)) same = false
    }
    if (same) {
      constant.push(name)
      constantValues.push(first)
    } else varying.push(name)
  })
  const values = new Float64Array(count * varying.length)
  const columns = varying.map((name) => perCombo.indexOf(name))
  for (let c = 0; c < count; c++) {
    columns.forEach((j, k) => {
      values[c * varying.length + k] = raw[c * perCombo.length + j]!
    })
  }
  return {
    varying,
    values,
    valid,
    coordinates,
    invalid,
    constant,
    constantValues: Float64Array.from(constantValues),
    missing,
  }
}

type Check = (
  source: string,
  path: string,
  want?: 'number' | 'boolean',
) => { expr: MetricExpr; type: 'number' | 'boolean'; dim?: DimensionVector } | undefined

function planKeep(
  space: SweepSpace,
  axes: readonly PlanAxis[],
  axisIndex: ReadonlyMap<string, number>,
  objectives: readonly PlanObjective[],
  outputNames: readonly string[],
  derived: readonly { name: string }[],
  check: Check,
  issues: SweepSpaceIssue[],
): PlanKeep {
  const keep = space.keep
  let pareto: number[] | undefined
  if (keep.pareto !== false) {
    const names = keep.pareto === true ? objectives.map((o) => o.name) : keep.pareto
    if (names.length < 2 || names.length > 3) {
      issues.push({
        path: 'keep.pareto',
        message: `a Pareto front needs 2 or 3 objectives; the space has ${objectives.length} (${list(objectives.map((o) => o.name))})`,
      })
    } else {
      pareto = []
      names.forEach((name, i) => {
        const position = objectives.findIndex((o) => o.name === name)
        if (position < 0)
          issues.push({
            path: `keep.pareto[${i}]`,
            message: `'${name}' is not an objective; objectives are ${list(objectives.map((o) => o.name))}`,
          })
        else if (pareto!.includes(position))
          issues.push({ path: `keep.pareto[${i}]`, message: `'${name}' is listed twice` })
        else pareto!.push(position)
      })
    }
  }

  const binning = (
    spec:
      | string
      | {
          of: string
          bins?: number | undefined
          range?: [number | string, number | string] | undefined
          scale: 'linear' | 'log'
        },
    path: string,
    axesOnly: boolean,
  ): PlanBinning | undefined => {
    const of = typeof spec === 'string' ? spec : spec.of
    const axis = axisIndex.get(of)
    const range = typeof spec === 'string' ? undefined : spec.range
    if (axis !== undefined && range === undefined) {
      const a = axes[axis]!
      return { kind: 'axis', name: of, axis, bins: a.size, labels: a.labels }
    }
    if (typeof spec === 'string') {
      issues.push({
        path,
        message: axesOnly
          ? `'${of}' is not an axis (axes are ${list(axes.map((a) => a.key))}); to bin a metric write { of: ${of}, bins: 20, range: [low, high] }`
          : `bins over '${of}' need a range`,
      })
      return undefined
    }
    const ofPath = typeof spec === 'string' ? path : `${path}.of`
    const checked = check(of, ofPath, 'number')
    if (!checked) return undefined
    if (range === undefined) {
      issues.push({
        path: `${path}.range`,
        message: `bins over the metric '${of}' need a range [low, high]: bins are fixed before the sweep so that shards merge exactly`,
      })
      return undefined
    }
    const bounds = range.map((value, i) => {
      if (typeof value === 'number') return value
      try {
        const q = parseQuantity(value)
        if (checked.dim && !sameDimension(checked.dim, q.dimension)) {
          issues.push({
            path: `${path}.range[${i}]`,
            message: `${JSON.stringify(value)} is ${describeDimension(q.dimension)}, but '${of}' is ${describeDimension(checked.dim ?? DIMENSIONLESS)}`,
          })
          return undefined
        }
        return q.value
      } catch (error) {
        issues.push({ path: `${path}.range[${i}]`, message: (error as Error).message })
        return undefined
      }
    })
    const [low, high] = bounds
    if (low === undefined || high === undefined) return undefined
    if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) {
      issues.push({ path: `${path}.range`, message: `needs finite low < high (got [${low}, ${high}])` })
      return undefined
    }
    if (spec.scale === 'log' && low <= 0) {
      issues.push({ path: `${path}.range`, message: `log bins need low > 0 (got ${low})` })
      return undefined
    }
    return {
      kind: 'metric',
      name: of,
      expr: checked.expr,
      bins: spec.bins ?? 32,
      low,
      high,
      scale: spec.scale,
    }
  }

  const histograms: PlanHistogram[] = []
  keep.histograms.forEach((h, i) => {
    const b = binning(h, `keep.histograms[${i}]`, false)
    if (b) histograms.push({ binning: b, where: h.where })
  })
  const heatmaps: PlanHeatmap[] = []
  keep.heatmaps.forEach((h, i) => {
    const x = binning(h.x, `keep.heatmaps[${i}].x`, true)
    const y = binning(h.y, `keep.heatmaps[${i}].y`, true)
    let metric: PlanExpression | undefined
    if (h.metric !== undefined) {
      const checked = check(h.metric, `keep.heatmaps[${i}].metric`, 'number')
      if (checked) metric = { source: h.metric, expr: checked.expr }
    }
    if (x && y) heatmaps.push({ x, y, ...(metric ? { metric } : {}) })
  })

  let table: PlanKeep['table']
  if (keep.table !== false) {
    const spec = keep.table === true ? { where: 'all' as const } : keep.table
    const names =
      'columns' in spec && spec.columns
        ? spec.columns
        : [
            ...axes.map((a) => a.key),
            ...outputNames.filter((n) => !axisIndex.has(n)),
            ...derived.map((d) => d.name),
          ]
    const columns: PlanColumn[] = []
    const seen = new Set<string>()
    names.forEach((name, i) => {
      if (seen.has(name)) {
        issues.push({ path: `keep.table.columns[${i}]`, message: `'${name}' is listed twice` })
        return
      }
      seen.add(name)
      if (name === 'index' || name === 'meetsConstraints') {
        issues.push({
          path: `keep.table.columns[${i}]`,
          message: `'${name}' is always a column of the table`,
        })
        return
      }
      const axis = axisIndex.get(name)
      if (axis !== undefined) {
        columns.push({ name, kind: 'axis', axis })
        return
      }
      const checked = check(name, `keep.table.columns[${i}]`)
      if (checked) columns.push({ name, kind: 'metric', type: checked.type, expr: checked.expr })
    })
    table = { columns, where: spec.where }
  }
  return {
    topK: objectives.length > 0 ? keep.topK : 0,
    ...(pareto ? { pareto } : {}),
    histograms,
    heatmaps,
    ...(table ? { table } : {}),
  }
}

/** The model inputs, coordinates and metric values of one point, computed in f64 by the scalar evaluator. */
export interface EvaluatedPoint {
  readonly index: number
  /** Label (categorical) or number (numeric) of each axis. */
  readonly coordinates: Record<string, string | number>
  readonly valid: boolean
  /** Every model output, derived metric and objective; booleans as true/false. */
  readonly metrics: Record<string, number | boolean>
  /** Whether every constraint holds (false for invalid combinations). */
  readonly meetsConstraints: boolean
}

/** Where a point index lies: its combination and each axis coordinate. */
export function coordinatesOf(plan: SweepPlan, index: number): { combination: number; digits: number[] } {
  const digits = plan.radix.digits(index) as number[]
  return { combination: Math.floor(index / plan.runLength), digits }
}

/** The model inputs of a point, by name. */
export function inputsOf(plan: SweepPlan, index: number): Record<string, number> {
  const { combination, digits } = coordinatesOf(plan, index)
  const values: Record<string, number> = {}
  plan.constants.inputs.forEach((name, j) => {
    values[name] = plan.constants.values[j]!
  })
  const width = plan.combinations.inputs.length
  plan.combinations.inputs.forEach((name, j) => {
    values[name] = plan.combinations.values[combination * width + j]!
  })
  plan.axes.forEach((axis, k) => {
    if (axis.modelInput) values[axis.modelInput] = axis.numbers![digits[k]!]!
  })
  return values
}

/** Evaluates one point with the scalar model (the reference the kernels are tested against). */
export function evaluatePoint(plan: SweepPlan, index: number): EvaluatedPoint {
  const { combination, digits } = coordinatesOf(plan, index)
  const coordinates: Record<string, string | number> = {}
  plan.axes.forEach((axis, k) => {
    coordinates[axis.key] = axis.kind === 'numeric' ? axis.numbers![digits[k]!]! : axis.labels[digits[k]!]!
  })
  if (plan.combinations.valid[combination] !== 1)
    return { index, coordinates, valid: false, metrics: {}, meetsConstraints: false }
  const inputs = inputsOf(plan, index)
  const outputs = plan.model.evaluate(inputs) as Record<string, number>
  const values = new Map<string, number | boolean>()
  for (const [name, value] of Object.entries(inputs)) values.set(name, value)
  for (const out of plan.model.outputs)
    values.set(out.name, out.type === 'boolean' ? outputs[out.name] === 1 : outputs[out.name]!)
  const lookup = (name: string) => values.get(name)!
  for (const d of plan.derived) values.set(d.name, evaluateMetric(d.expr, lookup))
  const metrics: Record<string, number | boolean> = {}
  for (const out of plan.model.outputs) metrics[out.name] = values.get(out.name)!
  for (const d of plan.derived) metrics[d.name] = values.get(d.name)!
  for (const o of plan.objectives) metrics[o.name] = evaluateMetric(o.expr, lookup)
  const meetsConstraints = plan.constraints.every((c) => evaluateMetric(c.expr, lookup) === true)
  return { index, coordinates, valid: true, metrics, meetsConstraints }
}

/** Value of an expression at a point (for tests and custom reports). */
export function evaluateExpressionAt(plan: SweepPlan, index: number, expr: MetricExpr): number | boolean {
  const point = evaluatePoint(plan, index)
  const inputs = inputsOf(plan, index)
  return evaluateMetric(expr, (name) => (name in point.metrics ? point.metrics[name]! : inputs[name]!))
}
