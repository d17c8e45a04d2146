/**
 * WGSL code generation for the WebGPU sweep backend. A model becomes a pure function
 * `fn name(inp: NameInputs) -> NameOutputs` over f32 structs, so a sweep kernel can compose
 * index → coordinates → inputs → model → constraints → reductions; `wgslKernel` wraps it in a
 * complete compute shader over struct-of-arrays buffers.
 *
 * Everything is f32. WGSL differs from JavaScript where it matters here, and the generated
 * code compensates: `pow` is undefined for negative bases (small integer powers become
 * multiplications, other integer exponents keep the sign explicitly), a constant expression
 * that overflows is a compile error (so every constant is bound with `let`, which makes the
 * arithmetic on it a runtime operation), and min/max/NaN are unspecified (so a fold's step
 * count is computed with a comparison that sends NaN to zero steps, as `foldSteps` does).
 */
import { GraphError } from './errors.js'
import type { Model } from './model.js'
import type { BinaryNode, ExprNode, FoldNode, InputNode } from './node.js'
import { type Step, schedule } from './schedule.js'
import { isPlainWgslIdentifier, pascalCase, wgslIdentifier } from './wgsl-names.js'

/** Largest finite f32. */
export const F32_MAX = 3.4028234663852886e38
/** Smallest normal f32; GPUs may flush smaller (subnormal) values to zero. */
export const F32_MIN_NORMAL = 1.1754943508222875e-38
/** Integer exponents up to this magnitude are expanded into multiplications. */
export const MAX_EXPANDED_EXPONENT = 16

/**
 * A WGSL literal for `value`, converted to f32 by the compiler: always with a decimal point or
 * an exponent (so it is a float, never an integer literal), negative zero as `-0.0`. Values an
 * f32 cannot hold (beyond ±F32_MAX, or non-zero below the smallest normal) are a GraphError
 * naming the constant (`name`, when it has one).
 */
export function wgslFloatLiteral(value: number, name?: string): string {
  const what = name === undefined ? `constant ${value}` : `constant '${name}' (${value})`
  if (!Number.isFinite(value)) throw new GraphError(`${what} is not finite; WGSL needs a finite f32`)
  if (Object.is(value, -0)) return '-0.0'
  const magnitude = Math.abs(value)
  if (magnitude > F32_MAX) {
    throw new GraphError(`${what} is outside the f32 range (|x| ≤ ${F32_MAX}); WGSL kernels compute in f32`)
  }
  if (magnitude !== 0 && magnitude < F32_MIN_NORMAL) {
    throw new GraphError(
      `${what} is below the smallest normal f32 (${F32_MIN_NORMAL}); a GPU may flush it to zero`,
    )
  }
  // Shortest digits that round-trip; small magnitudes in exponent form (1e-5, not 0.00001).
  const text = magnitude !== 0 && magnitude < 1e-3 ? magnitude.toExponential() : String(magnitude)
  return `${value < 0 ? '-' : ''}${/[.e]/.test(text) ? text : `${text}.0`}`
}

/** One struct member: the model's name for it, its WGSL field name, and its value type. */
export interface WgslField {
  readonly name: string
  readonly field: string
  readonly type: 'number' | 'boolean'
}

export interface WgslFunctionOptions {
  /** Function name (a plain WGSL identifier); defaults to the model id made into one. */
  name?: string
  /** Outputs to compute, in this order; defaults to all. Only the nodes they need are emitted. */
  outputs?: readonly string[]
}

export interface WgslFunction {
  /** The two structs and the function, ready to paste into a shader module. */
  readonly source: string
  readonly fnName: string
  /** Name of the input struct: one f32 field per model input, in declaration order. */
  readonly inputStruct: string
  /** Name of the output struct: one f32 field per chosen output (booleans as 1.0 / 0.0). */
  readonly outputStruct: string
  readonly inputs: readonly WgslField[]
  readonly outputs: readonly WgslField[]
}

/** Names `wgslKernel` declares at module scope or inside `main`; the model function avoids them. */
const KERNEL_NAMES = [
  'main',
  'Params',
  'params',
  'columns',
  'results',
  'gid',
  'nwg',
  'row',
  'rowCount',
  'inp',
  'res',
]

const v = (node: ExprNode) => `v${node.id}`
const wgslType = (node: ExprNode) => (node.type === 'boolean' ? 'bool' : 'f32')
/** Printable ASCII only, so a name can sit in a `//` comment. */
const commentText = (text: string) => text.replace(/[^\x20-\x7e]/g, '?')

/** x^n for a small integer n ≠ 0 by squaring; `lines` receives the squares, the return value is the product. */
function integerPower(base: string, n: number, name: string, lines: string[], indent: string): string {
  const magnitude = Math.abs(n)
  let product: string
  if (magnitude <= 3) product = Array.from({ length: magnitude }, () => base).join(' * ')
  else {
    const factors: string[] = []
    let square = base
    for (let rest = magnitude, power = 1; rest > 0; rest >>= 1, power *= 2) {
      if (power > 1) {
        const next = `${name}_sq${power}`
        lines.push(`${indent}let ${next}: f32 = ${square} * ${square};`)
        square = next
      }
      if (rest & 1) factors.push(square)
    }
    product = factors.join(' * ')
  }
  return n < 0 ? `1.0 / (${product})` : product
}

function powExpression(node: BinaryNode, lines: string[], indent: string): string {
  const base = v(node.left)
  const exponent = node.right
  if (exponent.op === 'constant' && Number.isInteger(exponent.value)) {
    const n = exponent.value
    if (n === 0) return '1.0' // x⁰ = 1 for every x, NaN included, as in JavaScript.
    if (Math.abs(n) <= MAX_EXPANDED_EXPONENT) return integerPower(base, n, v(node), lines, indent)
    // WGSL pow(x, y) is exp2(y·log2(x)): undefined for x < 0. Take |x| and restore the sign.
    const magnitude = `pow(abs(${base}), ${v(exponent)})`
    return n % 2 === 0 ? magnitude : `select(1.0, -1.0, ${base} < 0.0) * ${magnitude}`
  }
  if (exponent.op === 'constant') return `pow(${base}, ${v(exponent)})`
  // A variable exponent: a negative base with an integer exponent is real (JavaScript gives it),
  // so that case goes through |x| with the sign of an odd power; anything else is WGSL's pow.
  const y = v(exponent)
  const signed = `select(1.0, -1.0, fract(${y} * 0.5) != 0.0) * pow(abs(${base}), ${y})`
  return `select(pow(${base}, ${y}), ${signed}, ${base} < 0.0 && ${y} == floor(${y}))`
}

/** WGSL source of one node's value, its arguments already bound to `v<id>`. */
function valueExpression(node: ExprNode, lines: string[], indent: string): string {
  switch (node.op) {
    case 'constant':
      return wgslFloatLiteral(node.value, node.name)
    case 'let':
      return v(node.arg)
    case 'select':
      return `select(${v(node.whenFalse)}, ${v(node.whenTrue)}, ${v(node.condition)})`
    case 'neg':
      return `-${v(node.arg)}`
    case 'abs':
    case 'ceil':
    case 'floor':
    case 'log':
    case 'exp':
    case 'sqrt':
      return `${node.op}(${v(node.arg)})`
    case 'not':
      return `!${v(node.arg)}`
    case 'toNumber':
      return `select(0.0, 1.0, ${v(node.arg)})`
    case 'add':
      return `${v(node.left)} + ${v(node.right)}`
    case 'sub':
      return `${v(node.left)} - ${v(node.right)}`
    case 'mul':
      return `${v(node.left)} * ${v(node.right)}`
    case 'div':
      return `${v(node.left)} / ${v(node.right)}`
    case 'min':
    case 'max':
      return `${node.op}(${v(node.left)}, ${v(node.right)})`
    case 'pow':
      return powExpression(node, lines, indent)
    case 'and':
      return `${v(node.left)} && ${v(node.right)}`
    case 'or':
      return `${v(node.left)} || ${v(node.right)}`
    case 'lt':
      return `${v(node.left)} < ${v(node.right)}`
    case 'le':
      return `${v(node.left)} <= ${v(node.right)}`
    case 'gt':
      return `${v(node.left)} > ${v(node.right)}`
    case 'ge':
      return `${v(node.left)} >= ${v(node.right)}`
    case 'eq':
      return `${v(node.left)} == ${v(node.right)}`
    case 'ne':
      return `${v(node.left)} != ${v(node.right)}`
    case 'input':
    case 'loopIndex':
    case 'loopAccumulator':
    case 'fold':
      throw new Error(`${node.op} is bound by the emitter, not computed`)
  }
}

function emitSteps(
  steps: Step[],
  readInput: (input: InputNode) => string,
  lines: string[],
  indent: string,
): void {
  for (const step of steps) {
    if (step.kind === 'loop') {
      emitFold(step.fold, step.body, readInput, lines, indent)
      continue
    }
    const node = step.node
    if (node.op === 'input') {
      lines.push(`${indent}let ${v(node)}: f32 = ${readInput(node)};`)
      continue
    }
    const comment = node.op === 'let' ? ` // ${commentText(node.name)}` : ''
    const value = valueExpression(node, lines, indent)
    lines.push(`${indent}let ${v(node)}: ${wgslType(node)} = ${value};${comment}`)
  }
}

/**
 * acc = init; for k = 1 … min(⌈count⌉, maxSteps): acc = body. The loop bound is the static
 * maxSteps and the dynamic count breaks out early; `ceil(count) > 0` is false for NaN, so NaN
 * and non-positive counts take no steps (interpret.ts `foldSteps`).
 */
function emitFold(
  fold: FoldNode,
  body: Step[],
  readInput: (input: InputNode) => string,
  lines: string[],
  indent: string,
): void {
  const acc = v(fold.accumulator)
  const k = `k${fold.id}`
  const steps = `n${fold.id}`
  const count = `c${fold.id}`
  const max = fold.maxSteps
  lines.push(`${indent}// fold ${fold.id}: at most ${max} steps`)
  lines.push(`${indent}var ${acc}: f32 = ${v(fold.init)};`)
  lines.push(`${indent}let ${count}: f32 = ceil(${v(fold.count)});`)
  lines.push(`${indent}let ${steps}: i32 = i32(select(0.0, min(${count}, ${max}.0), ${count} > 0.0));`)
  lines.push(`${indent}for (var ${k}: i32 = 1; ${k} <= ${max}; ${k}++) {`)
  const inner = `${indent}  `
  lines.push(`${inner}if (${k} > ${steps}) {`)
  lines.push(`${inner}  break;`)
  lines.push(`${inner}}`)
  lines.push(`${inner}let ${v(fold.index)}: f32 = f32(${k});`)
  emitSteps(body, readInput, lines, inner)
  lines.push(`${inner}${acc} = ${v(fold.body)};`)
  lines.push(`${indent}}`)
  lines.push(`${indent}let ${v(fold)}: f32 = ${acc};`)
}

function chooseOutputs(model: Model, outputs: readonly string[] | undefined): number[] {
  if (outputs === undefined) return model.outputNames.map((_, i) => i)
  if (outputs.length === 0) throw new GraphError(`model '${model.id}': choose at least one output for WGSL`)
  const seen = new Set<string>()
  return outputs.map((name) => {
    if (seen.has(name)) throw new GraphError(`model '${model.id}': output '${name}' is listed twice`)
    seen.add(name)
    const position = model.outputNames.indexOf(name)
    if (position < 0) {
      throw new GraphError(
        `model '${model.id}' has no output '${name}'; outputs are ${model.outputNames.join(', ')}`,
      )
    }
    return position
  })
}

function functionName(model: Model, requested: string | undefined): string {
  const taken = new Set(KERNEL_NAMES)
  if (requested === undefined) return wgslIdentifier(model.id, taken)
  if (!isPlainWgslIdentifier(requested) || taken.has(requested)) {
    throw new GraphError(
      `WGSL function name "${requested}" must be an ASCII identifier that is not a WGSL keyword, ` +
        `reserved word, built-in or one of ${KERNEL_NAMES.join(', ')}`,
    )
  }
  return requested
}

/**
 * A pure WGSL function computing the model (or the chosen outputs) in f32:
 * `fn <name>(inp: <Name>Inputs) -> <Name>Outputs`.
 */
export function wgslFunction(model: Model, options: WgslFunctionOptions = {}): WgslFunction {
  const fnName = functionName(model, options.name)
  const stem = pascalCase(fnName)
  const inputStruct = `${stem}Inputs`
  const outputStruct = `${stem}Outputs`
  const positions = chooseOutputs(model, options.outputs)

  const inputFieldNames = new Set<string>()
  const inputs: WgslField[] = model.inputs.map((input) => ({
    name: input.name,
    field: wgslIdentifier(input.name, inputFieldNames),
    type: 'number',
  }))
  const outputFieldNames = new Set<string>()
  const roots = positions.map((i) => model.outputNodes[i]!)
  const outputs: WgslField[] = positions.map((i) => ({
    name: model.outputNames[i]!,
    field: wgslIdentifier(model.outputNames[i]!, outputFieldNames),
    type: model.outputNodes[i]!.type,
  }))

  const fieldOf = new Map(model.inputs.map((input, i) => [input.id, inputs[i]!.field]))
  const lines: string[] = []
  lines.push(`// Model '${commentText(model.id)}' in f32, generated from its expression graph.`)
  lines.push(`struct ${inputStruct} {`)
  // WGSL has no empty structs: a model without inputs gets one unused member.
  if (inputs.length === 0) lines.push('  unused: f32,')
  for (const input of inputs) lines.push(`  ${input.field}: f32,`)
  lines.push('}')
  lines.push('')
  lines.push(`struct ${outputStruct} {`)
  for (const output of outputs) lines.push(`  ${output.field}: f32,`)
  lines.push('}')
  lines.push('')
  lines.push(`fn ${fnName}(inp: ${inputStruct}) -> ${outputStruct} {`)
  try {
    emitSteps(schedule(roots), (input) => `inp.${fieldOf.get(input.id)!}`, lines, '  ')
  } catch (error) {
    if (error instanceof GraphError) throw new GraphError(`model '${model.id}': ${error.message}`)
    throw error
  }
  const values = roots.map((root) => (root.type === 'boolean' ? `select(0.0, 1.0, ${v(root)})` : v(root)))
  lines.push(`  return ${outputStruct}(${values.join(', ')});`)
  lines.push('}')
  return { source: `${lines.join('\n')}\n`, fnName, inputStruct, outputStruct, inputs, outputs }
}

export interface WgslKernelOptions extends WgslFunctionOptions {
  /** Inputs that vary per row, read from the column buffer in this order; the rest are scalars. */
  varying: readonly string[]
  /** Invocations per workgroup (1–256, WebGPU's default limit); default 64. */
  workgroupSize?: number
}

/** Where each buffer binds and how it is laid out (all values f32, 4 bytes, little-endian). */
export interface WgslKernelLayout {
  readonly group: 0
  /**
   * Uniform buffer: `rowCount` (u32) at byte 0, then the scalar inputs from byte 16, four per
   * 16-byte vec4 (scalar i at byte 16 + 4·i).
   */
  readonly params: {
    readonly binding: 0
    readonly type: 'uniform'
    readonly byteSize: number
    readonly rowCountOffset: 0
    readonly scalars: ReadonlyArray<{ readonly name: string; readonly byteOffset: number }>
  }
  /**
   * Read-only storage buffer of the varying inputs, struct-of-arrays: column i (in `varying`
   * order) holds rows 0 … rowCount − 1 at element offset i·rowCount. Absent when nothing varies.
   */
  readonly columns?: {
    readonly binding: 1
    readonly type: 'read-only-storage'
    readonly columns: ReadonlyArray<{ readonly name: string; readonly index: number }>
    readonly bytesPerRow: number
  }
  /** Storage buffer of the outputs, struct-of-arrays: output j at element offset j·rowCount. */
  readonly results: {
    readonly binding: 2
    readonly type: 'storage'
    readonly outputs: ReadonlyArray<{
      readonly name: string
      readonly index: number
      readonly type: 'number' | 'boolean'
    }>
    readonly bytesPerRow: number
  }
}

export interface WgslKernel {
  /** A complete shader module: the model function plus the `main` compute entry point. */
  readonly source: string
  readonly entryPoint: 'main'
  readonly workgroupSize: number
  readonly fn: WgslFunction
  readonly varying: readonly string[]
  /** Inputs read from the params buffer, in buffer order. */
  readonly scalars: readonly string[]
  readonly layout: WgslKernelLayout
  /**
   * Workgroup counts for `rowCount` rows: one dimension while it fits the device's
   * `maxComputeWorkgroupsPerDimension`, else a 2-D grid (the kernel flattens it, row =
   * gid.x + gid.y·(numWorkgroups.x·workgroupSize), and skips rows ≥ rowCount).
   */
  dispatchSize(rowCount: number, maxWorkgroupsPerDimension?: number): { x: number; y: number }
  /** Contents of the params buffer for `rowCount` rows and the scalar inputs (extra keys ignored). */
  packParams(rowCount: number, values: Readonly<Record<string, number>>): ArrayBuffer
  /** Contents of the column buffer: `columns[name][row]` for every varying input, rounded to f32. */
  packColumns(columns: Readonly<Record<string, ArrayLike<number>>>, rowCount: number): Float32Array
  /** Views of each output's rows in the results buffer's contents. */
  unpackResults(results: Float32Array, rowCount: number): Record<string, Float32Array>
}

function checkRowCount(rowCount: number): void {
  if (!Number.isInteger(rowCount) || rowCount < 0 || rowCount > 0xffffffff) {
    throw new GraphError(`rowCount must be an integer in [0, 4294967295], got ${rowCount}`)
  }
}

/**
 * A compute shader evaluating the model for every row of a struct-of-arrays batch: varying
 * inputs from one storage buffer, the others from a uniform buffer, outputs into a storage
 * buffer (see `layout`).
 */
export function wgslKernel(model: Model, options: WgslKernelOptions): WgslKernel {
  const workgroupSize = options.workgroupSize ?? 64
  if (!Number.isInteger(workgroupSize) || workgroupSize < 1 || workgroupSize > 256) {
    throw new GraphError(`workgroupSize must be an integer in [1, 256], got ${workgroupSize}`)
  }
  const varying = [...options.varying]
  const varyingSet = new Set<string>()
  for (const name of varying) {
    model.inputPosition(name)
    if (varyingSet.has(name)) throw new GraphError(`varying input '${name}' is listed twice`)
    varyingSet.add(name)
  }
  const fn = wgslFunction(model, options)
  const scalars = model.inputNames.filter((name) => !varyingSet.has(name))
  const fieldOf = new Map(fn.inputs.map((input) => [input.name, input.field]))
  const vec4s = Math.ceil(scalars.length / 4)

  const lines: string[] = [fn.source]
  lines.push('struct Params {')
  lines.push('  rowCount: u32,')
  if (vec4s > 0) lines.push(`  scalars: array<vec4<f32>, ${vec4s}>,`)
  lines.push('}')
  lines.push('')
  lines.push('@group(0) @binding(0) var<uniform> params: Params;')
  if (varying.length > 0) lines.push('@group(0) @binding(1) var<storage, read> columns: array<f32>;')
  lines.push('@group(0) @binding(2) var<storage, read_write> results: array<f32>;')
  lines.push('')
  lines.push(`@compute @workgroup_size(${workgroupSize})`)
  lines.push(
    'fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {',
  )
  lines.push(`  let row = gid.x + gid.y * (nwg.x * ${workgroupSize}u);`)
  lines.push('  let rowCount = params.rowCount;')
  lines.push('  if (row >= rowCount) {')
  lines.push('    return;')
  lines.push('  }')
  const column = (i: number) => (i === 0 ? 'row' : i === 1 ? 'rowCount + row' : `${i}u * rowCount + row`)
  lines.push(`  var inp: ${fn.inputStruct};`)
  varying.forEach((name, i) => {
    lines.push(`  inp.${fieldOf.get(name)} = columns[${column(i)}];`)
  })
  scalars.forEach((name, i) => {
    lines.push(`  inp.${fieldOf.get(name)} = params.scalars[${i >> 2}].${'xyzw'[i & 3]};`)
  })
  lines.push(`  let res = ${fn.fnName}(inp);`)
  fn.outputs.forEach((output, j) => {
    lines.push(`  results[${column(j)}] = res.${output.field};`)
  })
  lines.push('}')

  const layout: WgslKernelLayout = {
    group: 0,
    params: {
      binding: 0,
      type: 'uniform',
      byteSize: 16 + 16 * vec4s,
      rowCountOffset: 0,
      scalars: scalars.map((name, i) => ({ name, byteOffset: 16 + 4 * i })),
    },
    ...(varying.length > 0
      ? {
          columns: {
            binding: 1 as const,
            type: 'read-only-storage' as const,
            columns: varying.map((name, index) => ({ name, index })),
            bytesPerRow: 4 * varying.length,
          },
        }
      : {}),
    results: {
      binding: 2,
      type: 'storage',
      outputs: fn.outputs.map((output, index) => ({ name: output.name, index, type: output.type })),
      bytesPerRow: 4 * fn.outputs.length,
    },
  }

  return {
    source: lines.join('\n').concat('\n'),
    entryPoint: 'main',
    workgroupSize,
    fn,
    varying,
    scalars,
    layout,
    dispatchSize(rowCount, maxWorkgroupsPerDimension = 65535) {
      checkRowCount(rowCount)
      const groups = Math.ceil(rowCount / workgroupSize)
      if (groups <= maxWorkgroupsPerDimension) return { x: groups, y: groups > 0 ? 1 : 0 }
      const y = Math.ceil(groups / maxWorkgroupsPerDimension)
      if (y > maxWorkgroupsPerDimension) {
        throw new GraphError(
          `${rowCount} rows need ${groups} workgroups, more than ${maxWorkgroupsPerDimension}² in one dispatch; split the batch`,
        )
      }
      return { x: maxWorkgroupsPerDimension, y }
    },
    packParams(rowCount, values) {
      checkRowCount(rowCount)
      const buffer = new ArrayBuffer(layout.params.byteSize)
      new Uint32Array(buffer, 0, 1)[0] = rowCount
      const floats = new Float32Array(buffer)
      scalars.forEach((name, i) => {
        const value = values[name]
        if (typeof value !== 'number') {
          throw new GraphError(`model '${model.id}': scalar input '${name}' is missing or not a number`)
        }
        floats[4 + i] = value
      })
      return buffer
    },
    packColumns(columns, rowCount) {
      checkRowCount(rowCount)
      const data = new Float32Array(varying.length * rowCount)
      varying.forEach((name, i) => {
        const values = columns[name]
        if (!values || values.length < rowCount) {
          throw new GraphError(
            `model '${model.id}': column '${name}' needs ${rowCount} values, got ${values ? values.length : 'none'}`,
          )
        }
        for (let row = 0; row < rowCount; row++) data[i * rowCount + row] = values[row]!
      })
      return data
    },
    unpackResults(results, rowCount) {
      checkRowCount(rowCount)
      if (results.length < fn.outputs.length * rowCount) {
        throw new GraphError(
          `results hold ${results.length} values; ${fn.outputs.length} outputs × ${rowCount} rows need ${fn.outputs.length * rowCount}`,
        )
      }
      const out: Record<string, Float32Array> = {}
      fn.outputs.forEach((output, j) => {
        out[output.name] = results.subarray(j * rowCount, (j + 1) * rowCount)
      })
      return out
    },
  }
}
