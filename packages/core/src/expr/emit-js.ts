/**
 * JavaScript code generation from scheduled steps: a scalar evaluator, a columnar kernel
 * (typed arrays in, typed arrays out, loop-invariant terms hoisted out of the row loop, no
 * allocation per row) and forward-mode dual-number code for derivatives.
 */
import { argumentsOf, type ExprNode, type FoldNode, type InputNode } from './node.js'
import { type Step, schedule } from './schedule.js'

const v = (node: ExprNode) => `v${node.id}`
const d = (node: ExprNode) => `d${node.id}`

/** JavaScript source of one node's value, given its arguments are already in variables. */
function valueExpression(node: ExprNode): string {
  switch (node.op) {
    case 'constant':
      return Object.is(node.value, -0) ? '-0' : String(node.value)
    case 'let':
      return v(node.arg)
    case 'select':
      return `(${v(node.condition)} ? ${v(node.whenTrue)} : ${v(node.whenFalse)})`
    case 'neg':
      return `(-${v(node.arg)})`
    case 'abs':
    case 'ceil':
    case 'floor':
    case 'log':
    case 'exp':
    case 'sqrt':
      return `Math.${node.op}(${v(node.arg)})`
    case 'not':
      return `(!${v(node.arg)})`
    case 'toNumber':
      return `(${v(node.arg)} ? 1 : 0)`
    case 'add':
      return `(${v(node.left)} + ${v(node.right)})`
    case 'sub':
      return `(${v(node.left)} - ${v(node.right)})`
    case 'mul':
      return `(${v(node.left)} * ${v(node.right)})`
    case 'div':
      return `(${v(node.left)} / ${v(node.right)})`
    case 'min':
    case 'max':
      return `Math.${node.op}(${v(node.left)}, ${v(node.right)})`
    case 'pow':
      return `(${v(node.left)} ** ${v(node.right)})`
    case 'and':
      return `(${v(node.left)} && ${v(node.right)})`
    case 'or':
      return `(${v(node.left)} || ${v(node.right)})`
    case 'lt':
      return `(${v(node.left)} < ${v(node.right)})`
    case 'le':
      return `(${v(node.left)} <= ${v(node.right)})`
    case 'gt':
      return `(${v(node.left)} > ${v(node.right)})`
    case 'ge':
      return `(${v(node.left)} >= ${v(node.right)})`
    case 'eq':
      return `(${v(node.left)} === ${v(node.right)})`
    case 'ne':
      return `(${v(node.left)} !== ${v(node.right)})`
    case 'input':
    case 'loopIndex':
    case 'loopAccumulator':
    case 'fold':
      throw new Error(`${node.op} is bound by the emitter, not computed`)
  }
}

/** Derivative of one node with respect to the chosen input, given arguments' values and derivatives. */
function derivativeExpression(node: ExprNode): string {
  switch (node.op) {
    case 'constant':
      return '0'
    case 'let':
      return d(node.arg)
    case 'select':
      return node.type === 'number'
        ? `(${v(node.condition)} ? ${d(node.whenTrue)} : ${d(node.whenFalse)})`
        : '0'
    case 'neg':
      return `(-${d(node.arg)})`
    case 'abs':
      return `(Math.sign(${v(node.arg)}) * ${d(node.arg)})`
    case 'ceil':
    case 'floor':
    case 'not':
    case 'toNumber':
    case 'and':
    case 'or':
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
    case 'eq':
    case 'ne':
      return '0'
    case 'log':
      return `(${d(node.arg)} / ${v(node.arg)})`
    case 'exp':
      return `(${v(node)} * ${d(node.arg)})`
    case 'sqrt':
      return `(${d(node.arg)} / (2 * ${v(node)}))`
    case 'add':
      return `(${d(node.left)} + ${d(node.right)})`
    case 'sub':
      return `(${d(node.left)} - ${d(node.right)})`
    case 'mul':
      return `(${d(node.left)} * ${v(node.right)} + ${v(node.left)} * ${d(node.right)})`
    case 'div':
      return `((${d(node.left)} * ${v(node.right)} - ${v(node.left)} * ${d(node.right)}) / (${v(node.right)} * ${v(node.right)}))`
    case 'min':
      return `(${v(node.left)} <= ${v(node.right)} ? ${d(node.left)} : ${d(node.right)})`
    case 'max':
      return `(${v(node.left)} >= ${v(node.right)} ? ${d(node.left)} : ${d(node.right)})`
    case 'pow':
      // d(a^b) = a^b·(b'·ln a + b·a'/a); with a constant exponent: b·a^(b−1)·a'.
      return node.right.op === 'constant'
        ? `(${node.right.value === 0 ? 0 : `${v(node.right)} * (${v(node.left)} ** (${v(node.right)} - 1)) * ${d(node.left)}`})`
        : `(${v(node)} * (${d(node.right)} * Math.log(${v(node.left)}) + ${v(node.right)} * ${d(node.left)} / ${v(node.left)}))`
    case 'input':
    case 'loopIndex':
    case 'loopAccumulator':
    case 'fold':
      throw new Error(`${node.op} is bound by the emitter, not differentiated here`)
  }
}

interface EmitOptions {
  /** Source reading an input's value. */
  readInput: (input: InputNode) => string
  /** Emit derivative variables too (dual numbers). */
  dual?: { wrt: string }
}

function emitSteps(steps: Step[], options: EmitOptions, lines: string[], indent: string): void {
  for (const step of steps) {
    if (step.kind === 'loop') {
      emitFold(step.fold, step.body, options, lines, indent)
      continue
    }
    const node = step.node
    if (node.op === 'input') {
      lines.push(`${indent}const ${v(node)} = ${options.readInput(node)};`)
      if (options.dual) lines.push(`${indent}const ${d(node)} = ${node.name === options.dual.wrt ? 1 : 0};`)
      continue
    }
    lines.push(`${indent}const ${v(node)} = ${valueExpression(node)};`)
    if (options.dual && node.type === 'number')
      lines.push(`${indent}const ${d(node)} = ${derivativeExpression(node)};`)
  }
}

function emitFold(
  fold: FoldNode,
  body: Step[],
  options: EmitOptions,
  lines: string[],
  indent: string,
  assignResult = false,
): void {
  const acc = v(fold.accumulator)
  const k = v(fold.index)
  const steps = `n${fold.id}`
  lines.push(`${indent}let ${acc} = ${v(fold.init)};`)
  if (options.dual) lines.push(`${indent}let ${d(fold.accumulator)} = ${d(fold.init)};`)
  lines.push(
    `${indent}const ${steps} = Math.min(Math.max(Math.ceil(${v(fold.count)}), 0) || 0, ${fold.maxSteps});`,
  )
  lines.push(`${indent}for (let ${k} = 1; ${k} <= ${steps}; ${k}++) {`)
  if (options.dual) lines.push(`${indent}  const ${d(fold.index)} = 0;`)
  emitSteps(body, options, lines, `${indent}  `)
  lines.push(`${indent}  ${acc} = ${v(fold.body)};`)
  if (options.dual) lines.push(`${indent}  ${d(fold.accumulator)} = ${d(fold.body)};`)
  lines.push(`${indent}}`)
  lines.push(`${indent}${assignResult ? '' : 'const '}${v(fold)} = ${acc};`)
  if (options.dual) lines.push(`${indent}const ${d(fold)} = ${d(fold.accumulator)};`)
}

const asNumber = (node: ExprNode, name: string) => (node.type === 'boolean' ? `(${name} ? 1 : 0)` : name)

/**
 * Body of `function (inputs, outputs)`: reads inputs by position from an array, writes
 * outputs (booleans as 1/0) by position.
 */
export function scalarSource(inputs: readonly InputNode[], outputs: readonly ExprNode[]): string {
  const position = new Map(inputs.map((input, i) => [input.id, i]))
  const lines: string[] = ['"use strict";']
  emitSteps(schedule(outputs), { readInput: (input) => `inputs[${position.get(input.id)}]` }, lines, '')
  for (const [i, out] of outputs.entries()) lines.push(`outputs[${i}] = ${asNumber(out, v(out))};`)
  return lines.join('\n')
}

/**
 * Body of `function (values, missing)`: reads inputs by name from a record (calling
 * `missing(name)` for one that is not a number) and returns the outputs as an object literal
 * of fixed shape (booleans as 1/0) — the fast path of `Model.evaluate`.
 */
export function recordSource(
  inputs: readonly InputNode[],
  outputs: readonly ExprNode[],
  outputNames: readonly string[],
): string {
  const lines: string[] = ['"use strict";']
  for (const input of inputs) {
    const key = JSON.stringify(input.name)
    lines.push(`const in${input.id} = values[${key}];`)
    lines.push(`if (typeof in${input.id} !== "number") missing(${key});`)
  }
  emitSteps(schedule(outputs), { readInput: (input) => `in${input.id}` }, lines, '')
  const fields = outputs.map((out, i) => `${JSON.stringify(outputNames[i])}: ${asNumber(out, v(out))}`)
  lines.push(`return { ${fields.join(', ')} };`)
  return lines.join('\n')
}

/**
 * Body of `function (columns, scalars, outputs, start, end)`. Inputs whose position is in
 * `varying` are read from `columns[i][row]`, the others from `scalars[i]`; every term that
 * depends only on scalars is computed once, before the row loop.
 */
export function columnarSource(
  inputs: readonly InputNode[],
  outputs: readonly ExprNode[],
  varying: ReadonlySet<number>,
): string {
  const position = new Map(inputs.map((input, i) => [input.id, i]))
  const variant = new Set<number>()
  const markVariant = (node: ExprNode): boolean => {
    if (variant.has(node.id)) return true
    let result = false
    if (node.op === 'input') result = varying.has(position.get(node.id)!)
    else {
      for (const arg of argumentsOf(node)) if (markVariant(arg)) result = true
      if (node.op === 'fold' && markVariant(node.body)) result = true
    }
    if (result) variant.add(node.id)
    return result
  }
  for (const out of outputs) markVariant(out)

  const steps = schedule(outputs)
  const outer = steps.filter((s) => !variant.has(s.kind === 'node' ? s.node.id : s.fold.id))
  const inner = steps.filter((s) => variant.has(s.kind === 'node' ? s.node.id : s.fold.id))
  const lines: string[] = ['"use strict";']
  for (const i of varying) lines.push(`const col${i} = columns[${i}];`)
  for (const i of outputs.keys()) lines.push(`const out${i} = outputs[${i}];`)
  emitSteps(outer, { readInput: (input) => `scalars[${position.get(input.id)}]` }, lines, '')
  lines.push('for (let row = start; row < end; row++) {')
  emitSteps(inner, { readInput: (input) => `col${position.get(input.id)}[row]` }, lines, '  ')
  for (const [i, out] of outputs.entries()) lines.push(`  out${i}[row] = ${asNumber(out, v(out))};`)
  lines.push('}')
  return lines.join('\n')
}

/** Body of `function (inputs, values, derivatives)`: values and ∂output/∂wrt for every output. */
export function dualSource(inputs: readonly InputNode[], outputs: readonly ExprNode[], wrt: string): string {
  const position = new Map(inputs.map((input, i) => [input.id, i]))
  const lines: string[] = ['"use strict";']
  emitSteps(
    schedule(outputs),
    { readInput: (input) => `inputs[${position.get(input.id)}]`, dual: { wrt } },
    lines,
    '',
  )
  for (const [i, out] of outputs.entries()) {
    lines.push(`values[${i}] = ${asNumber(out, v(out))};`)
    lines.push(`derivatives[${i}] = ${out.type === 'number' ? d(out) : '0'};`)
  }
  return lines.join('\n')
}

/** Name of the variable that holds a node's value in generated JavaScript (`v` + node id). */
export function valueVariable(node: ExprNode): string {
  return v(node)
}

export interface StatementOptions {
  /** Source reading an input's value. */
  readInput: (input: InputNode) => string
  /**
   * Assign `vN = …;` to variables the caller declared (with `let`) instead of declaring
   * `const vN`: for values computed in one iteration of an outer loop and kept for later ones.
   */
  assign?: boolean
}

/**
 * JavaScript statements computing scheduled `steps` in order, each node's value into
 * `valueVariable(node)` (booleans stay booleans). Callers that split one schedule into stages
 * (hoisting terms out of nested loops, as the sweep kernels do) emit each stage with this.
 */
export function emitStatements(steps: readonly Step[], options: StatementOptions, indent = ''): string[] {
  const lines: string[] = []
  const emit: EmitOptions = { readInput: options.readInput }
  if (!options.assign) {
    emitSteps([...steps], emit, lines, indent)
    return lines
  }
  for (const step of steps) {
    if (step.kind === 'loop') {
      lines.push(`${indent}{`)
      emitFold(step.fold, step.body, emit, lines, `${indent}  `, true)
      lines.push(`${indent}}`)
      continue
    }
    const node = step.node
    lines.push(
      `${indent}${v(node)} = ${node.op === 'input' ? options.readInput(node) : valueExpression(node)};`,
    )
  }
  return lines
}
