/**
 * A model is a named set of output equations over declared inputs, written once with the
 * GraphBuilder. From it: scalar evaluation (compiled JS, interpreter fallback), columnar
 * kernels over typed arrays, forward-mode derivatives, WGSL and LaTeX (see their emitters).
 */
import { type DimensionVector, describeDimension } from '@mlsysim/units'
import { columnarSource, dualSource, recordSource, scalarSource } from './emit-js.js'
import { GraphError } from './errors.js'
import { type Expr, GraphBuilder } from './graph-builder.js'
import { interpret } from './interpret.js'
import type { ExprNode, InputNode } from './node.js'

type ScalarKernel = (inputs: ArrayLike<number>, outputs: Float64Array) => void
type RecordKernel<O extends string> = (
  values: Readonly<Record<string, number>>,
  missing: (name: string) => never,
) => Record<O, number>
type DualKernel = (inputs: ArrayLike<number>, values: Float64Array, derivatives: Float64Array) => void

/**
 * A columnar kernel: for rows [start, end), reads varying inputs from `columns[i]` and the
 * others from `scalars[i]`, and writes `outputs[j][row]`.
 */
export type ColumnarKernel = (
  columns: ReadonlyArray<Float64Array | Float32Array | undefined>,
  scalars: ArrayLike<number>,
  outputs: ReadonlyArray<Float64Array | Float32Array>,
  start: number,
  end: number,
) => void

let codegenAllowed: boolean | undefined
/** Whether `new Function` works here (a strict Content-Security-Policy forbids it). */
function canGenerateCode(): boolean {
  if (codegenAllowed === undefined) {
    try {
      codegenAllowed = new Function('return 1')() === 1
    } catch {
      codegenAllowed = false
    }
  }
  return codegenAllowed
}

export interface OutputInfo {
  readonly name: string
  readonly dim: DimensionVector
  readonly type: 'number' | 'boolean'
}

export class Model<O extends string = string> {
  readonly inputs: readonly InputNode[]
  readonly outputNames: readonly O[]
  readonly outputNodes: readonly ExprNode[]
  private readonly inputIndex: ReadonlyMap<string, number>
  private scalarKernel?: ScalarKernel
  private recordKernel?: RecordKernel<O>
  private readonly columnarKernels = new Map<string, ColumnarKernel>()
  private readonly dualKernels = new Map<string, DualKernel>()

  constructor(
    readonly id: string,
    readonly graph: GraphBuilder,
    outputs: Readonly<Record<O, Expr>>,
  ) {
    this.inputs = graph.inputs
    this.inputIndex = new Map(this.inputs.map((input, i) => [input.name, i]))
    this.outputNames = Object.keys(outputs) as O[]
    if (this.outputNames.length === 0) throw new GraphError(`model '${id}' has no outputs`)
    this.outputNodes = this.outputNames.map((name) => {
      const expr = outputs[name]
      if (expr.graph !== graph) throw new GraphError(`output '${name}' of '${id}' belongs to another graph`)
      return expr.node
    })
  }

  get inputNames(): string[] {
    return this.inputs.map((input) => input.name)
  }

  /** Name, dimension and type of every output, in order. */
  get outputs(): OutputInfo[] {
    return this.outputNames.map((name, i) => ({
      name,
      dim: this.outputNodes[i]!.dim,
      type: this.outputNodes[i]!.type,
    }))
  }

  /** Position of an input (for positional and columnar calls). */
  inputPosition(name: string): number {
    const position = this.inputIndex.get(name)
    if (position === undefined) {
      throw new GraphError(
        `model '${this.id}' has no input '${name}'; inputs are ${this.inputNames.join(', ')}`,
      )
    }
    return position
  }

  outputPosition(name: O): number {
    const position = this.outputNames.indexOf(name)
    if (position < 0) throw new GraphError(`model '${this.id}' has no output '${name}'`)
    return position
  }

  /** Positional fast path: `inputs` in declaration order, results into `outputs` (booleans as 1/0). */
  evaluateInto(inputs: ArrayLike<number>, outputs: Float64Array): Float64Array {
    this.scalarKernel ??= this.compileScalar()
    this.scalarKernel(inputs, outputs)
    return outputs
  }

  /** Evaluates every output for one set of named inputs (a compiled record-in, record-out function). */
  evaluate(values: Readonly<Record<string, number>>): Record<O, number> {
    this.recordKernel ??= this.compile<RecordKernel<O>>(
      ['values', 'missing'],
      recordSource(this.inputs, this.outputNodes, this.outputNames),
      () => (record) => this.interpret(record),
    )
    return this.recordKernel(values, this.missingInput)
  }

  private readonly missingInput = (name: string): never => {
    const input = this.inputs[this.inputPosition(name)]!
    throw new GraphError(
      `model '${this.id}': input '${name}' (${describeDimension(input.dim)}) is missing or not a number`,
    )
  }

  /** The reference tree-walking evaluation (no generated code). */
  interpret(values: Readonly<Record<string, number>>): Record<O, number> {
    this.positional(values)
    const raw = interpret(this.outputNodes, values)
    const result = {} as Record<O, number>
    this.outputNames.forEach((name, i) => {
      const value = raw[i]!
      result[name] = typeof value === 'boolean' ? (value ? 1 : 0) : value
    })
    return result
  }

  /** Values and ∂output/∂`wrt` of every output (forward mode, exact to rounding). */
  derivative(
    values: Readonly<Record<string, number>>,
    wrt: string,
  ): { values: Record<O, number>; derivatives: Record<O, number> } {
    this.inputPosition(wrt)
    let kernel = this.dualKernels.get(wrt)
    if (!kernel) {
      kernel = this.compile<DualKernel>(
        ['inputs', 'values', 'derivatives'],
        dualSource(this.inputs, this.outputNodes, wrt),
      )
      this.dualKernels.set(wrt, kernel)
    }
    const vals = new Float64Array(this.outputNames.length)
    const ders = new Float64Array(this.outputNames.length)
    kernel(this.positional(values), vals, ders)
    const out = { values: {} as Record<O, number>, derivatives: {} as Record<O, number> }
    this.outputNames.forEach((name, i) => {
      out.values[name] = vals[i]!
      out.derivatives[name] = ders[i]!
    })
    return out
  }

  /**
   * A columnar kernel specialized to which inputs vary per row (`varying`, by name); the
   * others are per-chunk scalars and every term built only from them is hoisted.
   */
  columnar(varying: Iterable<string>): ColumnarKernel {
    const positions = new Set([...varying].map((name) => this.inputPosition(name)))
    const key = [...positions].sort((a, b) => a - b).join(',')
    let kernel = this.columnarKernels.get(key)
    if (!kernel) {
      kernel = this.compile<ColumnarKernel>(
        ['columns', 'scalars', 'outputs', 'start', 'end'],
        columnarSource(this.inputs, this.outputNodes, positions),
      )
      this.columnarKernels.set(key, kernel)
    }
    return kernel
  }

  /** Generated JavaScript of the scalar evaluator (for inspection and docs). */
  scalarSource(): string {
    return scalarSource(this.inputs, this.outputNodes)
  }

  private positional(values: Readonly<Record<string, number>>): Float64Array {
    const positional = new Float64Array(this.inputs.length)
    this.inputs.forEach((input, i) => {
      const value = values[input.name]
      if (typeof value !== 'number') {
        throw new GraphError(
          `model '${this.id}': input '${input.name}' (${describeDimension(input.dim)}) is missing or not a number`,
        )
      }
      positional[i] = value
    })
    return positional
  }

  private compileScalar(): ScalarKernel {
    return this.compile<ScalarKernel>(
      ['inputs', 'outputs'],
      scalarSource(this.inputs, this.outputNodes),
      () => {
        const roots = this.outputNodes
        const names = this.inputs.map((input) => input.name)
        return (inputs, outputs) => {
          const record: Record<string, number> = {}
          names.forEach((name, i) => {
            record[name] = inputs[i]!
          })
          interpret(roots, record).forEach((value, i) => {
            outputs[i] = typeof value === 'boolean' ? (value ? 1 : 0) : value
          })
        }
      },
    )
  }

  private compile<F>(parameters: string[], body: string, fallback?: () => F): F {
    if (!canGenerateCode()) {
      if (fallback) return fallback()
      throw new GraphError(
        `model '${this.id}': this environment forbids generated code (CSP); use evaluate()`,
      )
    }
    return new Function(...parameters, body) as F
  }
}

/**
 * Defines a model: `build` declares inputs with the builder and returns the named outputs.
 *
 * @example
 * const roofline = defineModel('roofline', (b) => {
 *   const ops = b.input('ops', 'flop'); const peak = b.input('peak', 'flopPerSecond')
 *   return { time: ops.div(peak) }
 * })
 */
export function defineModel<O extends string>(
  id: string,
  build: (b: GraphBuilder) => Record<O, Expr>,
): Model<O> {
  const graph = new GraphBuilder()
  return new Model(id, graph, build(graph))
}
