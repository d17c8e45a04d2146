/**
 * WGSL for sweep kernels in **bounded f32 arithmetic**: every number is a `vec2<f32>` holding
 * its f32 value and a bound on how far that value can be from the exact one (running error
 * analysis), every boolean a `vec2<bool>` holding its value and whether it is *unsure* (an f64
 * evaluation might give the other value). A kernel can then tell, point by point, whether its
 * f32 results are trustworthy: a comparison is sure when its operands are farther apart than
 * their bounds, `ceil`/`floor` are sure when the whole interval rounds the same way, a fold's
 * step count when its `ceil` is sure. Points with an unsure constraint, bin or fold are handed
 * to the CPU and evaluated in f64, so counts come out exactly as on the CPU.
 *
 * Why not `wgslFunction` from expr/emit-wgsl.ts: it emits plain f32 values, and a sweep needs
 * the bound next to every value. The semantics are the same (select, folds, integer powers,
 * pow of negative bases as in JavaScript); the bounds follow WGSL's accuracy table (+ − × are
 * correctly rounded, ÷ within 2.5 ULP, exp within 3 + 2|x| ULP, log within 3 ULP or 2⁻²¹
 * absolute near 1, sqrt within 2.5 ULP). Integer arithmetic on exact inputs is recognized as
 * exact (bound 0), so ties between equal integer products, exact quotients and `ceil` of an
 * exact integer stay sure.
 */
import { F32_MAX, F32_MIN_NORMAL, MAX_EXPANDED_EXPONENT, wgslFloatLiteral } from '../../expr/emit-wgsl.js'
import { GraphError } from '../../expr/errors.js'
import type { ExprNode, FoldNode, InputNode } from '../../expr/node.js'
import type { Step } from '../../expr/schedule.js'
import type { MetricExpr } from '../metric-expr.js'

/** Relative rounding error of a correctly rounded f32 operation (2⁻²⁴). */
export const F32_UNIT_ROUNDOFF = 2 ** -24
/** Comparisons, bin edges and rounding steps are sure only this many bounds away. */
export const SAFETY_FACTOR = 4

/** Helper functions every bounded kernel includes. */
export const BOUNDED_PRELUDE = /* wgsl */ `
// ---- Bounded f32 arithmetic: vec2<f32>(value, error bound); vec2<bool>(value, unsure).
const ULP: f32 = 5.9604645e-8;
const BIG: f32 = 3.0e38;
const TINY: f32 = 1.2e-37;
const KS: f32 = ${SAFETY_FACTOR}.0;

fn fin(x: f32) -> bool { return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u; }
fn isInt(x: f32) -> bool { return (abs(x) < 16777216.0) & (x == trunc(x)); }
fn big(a: vec2<f32>) -> bool { return !(a.y < BIG); }
// Branch-free on purpose (& and | do not short-circuit): straight-line code compiles fast and
// keeps the lanes of a SIMD software rasterizer together.
fn mk(r: f32, e: f32) -> vec2<f32> { return vec2<f32>(r, select(BIG, e, fin(r) & fin(e) & (e < BIG))); }
fn bad(r: f32, isBad: bool, e: f32) -> vec2<f32> { return mk(r, select(e, BIG, isBad)); }

fn bAdd(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let r = a.x + b.x;
  let exact = (a.y == 0.0) & (b.y == 0.0) & ((r == 0.0) | (isInt(a.x) & isInt(b.x) & isInt(r)));
  return mk(r, select(a.y + b.y + ULP * abs(r) + TINY, 0.0, exact));
}
fn bSub(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return bAdd(a, vec2<f32>(-b.x, b.y)); }
fn bMul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let r = a.x * b.x;
  let exact = (a.y == 0.0) & (b.y == 0.0) & ((a.x == 0.0) | (b.x == 0.0) | (isInt(a.x) & isInt(b.x) & isInt(r)));
  let e = select(abs(a.x) * b.y + abs(b.x) * a.y + a.y * b.y + ULP * abs(r) + TINY, 0.0, exact);
  return bad(r, big(a) | big(b), e);
}
fn bDiv(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let r = a.x / b.x;
  let den = abs(b.x) - b.y;
  let exact = (a.y == 0.0) & (b.y == 0.0) & ((a.x == 0.0) | (isInt(a.x) & isInt(b.x) & isInt(r) & (r * b.x == a.x)));
  let e = select((a.y + abs(r) * b.y) / den + 6.0 * ULP * abs(r) + TINY, 0.0, exact);
  return bad(r, big(a) | big(b) | !(den > 0.5 * abs(b.x)), e);
}
fn bNeg(a: vec2<f32>) -> vec2<f32> { return vec2<f32>(-a.x, a.y); }
fn bAbs(a: vec2<f32>) -> vec2<f32> { return vec2<f32>(abs(a.x), a.y); }
fn bMin(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return mk(min(a.x, b.x), max(a.y, b.y)); }
fn bMax(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return mk(max(a.x, b.x), max(a.y, b.y)); }
fn bSqrt(a: vec2<f32>) -> vec2<f32> {
  let r = sqrt(a.x);
  let exact = (a.y == 0.0) & isInt(r) & (r * r == a.x);
  let spread = select(min(sqrt(a.y), a.y / max(r, TINY)), 0.0, a.y == 0.0);
  let e = select(spread + 6.0 * ULP * r + TINY, 0.0, exact);
  return bad(r, big(a) | (a.x < 0.0) | ((a.y > 0.0) & (a.x - a.y < 0.0)), e);
}
fn bExp(a: vec2<f32>) -> vec2<f32> {
  let r = exp(a.x);
  let grow = select(a.y * (1.0 + a.y), exp(min(a.y, 80.0)) - 1.0, a.y > 0.01);
  return bad(r, big(a), r * grow + (3.0 + 2.0 * abs(a.x)) * 2.0 * ULP * r + TINY);
}
fn bLog(a: vec2<f32>) -> vec2<f32> {
  let r = log(a.x);
  let e = a.y / (a.x - a.y) + 6.0 * ULP * abs(r) + 4.8e-7 + TINY;
  return bad(r, big(a) | !(a.x - a.y > 0.0), e);
}
// An interval [x − w, x + w] at least two ULPs wide, so that rounding cannot shrink it to a point.
fn halfWidth(a: vec2<f32>) -> f32 { return max(KS * a.y, 2.0 * ULP * abs(a.x) + TINY); }
fn bCeil(a: vec2<f32>) -> vec2<f32> {
  let r = ceil(a.x);
  let w = halfWidth(a);
  let sureStep = (a.y == 0.0) | (ceil(a.x - w) == ceil(a.x + w));
  return bad(r, big(a), select(a.y + 1.0, 0.0, sureStep));
}
fn bFloor(a: vec2<f32>) -> vec2<f32> {
  let r = floor(a.x);
  let w = halfWidth(a);
  let sureStep = (a.y == 0.0) | (floor(a.x - w) == floor(a.x + w));
  return bad(r, big(a), select(a.y + 1.0, 0.0, sureStep));
}
// x^y as JavaScript computes it (a negative base with an integer exponent keeps its sign).
fn bPow(a: vec2<f32>, y: vec2<f32>) -> vec2<f32> {
  let ax = abs(a.x);
  let intY = y.x == floor(y.x);
  let m = pow(ax, y.x);
  let r = select(pow(a.x, y.x), select(1.0, -1.0, fract(y.x * 0.5) != 0.0) * m, (a.x < 0.0) & intY);
  let lx = log(ax);
  let z = abs(y.x * lx);
  let spread = abs(lx) * y.y + abs(y.x) * a.y / (ax - a.y) + abs(y.x) * (4.8e-7 + 6.0 * ULP * abs(lx)) + 2.0 * ULP * z;
  let e = abs(r) * spread * 1.2 + (3.0 + 2.9 * z) * 2.0 * ULP * abs(r) + TINY;
  let unknown = big(a) | big(y) | ((a.x < 0.0) & !(intY & (y.y == 0.0))) | !(ax - a.y > 0.0) | !(spread <= 0.25);
  return bad(r, unknown, e);
}
fn sure(a: vec2<f32>, b: vec2<f32>) -> bool {
  let s = a.y + b.y;
  return !big(a) & !big(b) & ((s == 0.0) | (abs(a.x - b.x) > KS * s + 2.0 * ULP * max(abs(a.x), abs(b.x))));
}
fn bLt(a: vec2<f32>, b: vec2<f32>) -> vec2<bool> { return vec2<bool>(a.x < b.x, !sure(a, b)); }
fn bLe(a: vec2<f32>, b: vec2<f32>) -> vec2<bool> { return vec2<bool>(a.x <= b.x, !sure(a, b)); }
fn bGt(a: vec2<f32>, b: vec2<f32>) -> vec2<bool> { return vec2<bool>(a.x > b.x, !sure(a, b)); }
fn bGe(a: vec2<f32>, b: vec2<f32>) -> vec2<bool> { return vec2<bool>(a.x >= b.x, !sure(a, b)); }
fn bEq(a: vec2<f32>, b: vec2<f32>) -> vec2<bool> { return vec2<bool>(a.x == b.x, !sure(a, b)); }
fn bNe(a: vec2<f32>, b: vec2<f32>) -> vec2<bool> { return vec2<bool>(a.x != b.x, !sure(a, b)); }
fn bNot(a: vec2<bool>) -> vec2<bool> { return vec2<bool>(!a.x, a.y); }
// A sure false decides an 'and', a sure true an 'or', whatever the other side.
fn bAnd(a: vec2<bool>, b: vec2<bool>) -> vec2<bool> {
  let decided = (!a.x & !a.y) | (!b.x & !b.y);
  return vec2<bool>(a.x & b.x, (a.y | b.y) & !decided);
}
fn bOr(a: vec2<bool>, b: vec2<bool>) -> vec2<bool> {
  let decided = (a.x & !a.y) | (b.x & !b.y);
  return vec2<bool>(a.x | b.x, (a.y | b.y) & !decided);
}
fn bBoolEq(a: vec2<bool>, b: vec2<bool>) -> vec2<bool> { return vec2<bool>(a.x == b.x, a.y | b.y); }
fn bNum(a: vec2<bool>) -> vec2<f32> { return vec2<f32>(select(0.0, 1.0, a.x), select(0.0, BIG, a.y)); }
fn bSel(c: vec2<bool>, t: vec2<f32>, f: vec2<f32>) -> vec2<f32> {
  let r = select(f, t, c.x);
  return vec2<f32>(r.x, select(r.y, BIG, c.y));
}
fn bSelB(c: vec2<bool>, t: vec2<bool>, f: vec2<bool>) -> vec2<bool> {
  let r = select(f, t, c.x);
  return vec2<bool>(r.x, r.y | c.y);
}
`

/** A constant as a bounded number: exact when the f32 literal is the value itself. */
export function boundedConstant(value: number, name?: string): string {
  const literal = wgslFloatLiteral(value, name)
  const rounded = Math.fround(value)
  const error = rounded === value ? 0 : Math.abs(value) * F32_UNIT_ROUNDOFF
  return `vec2<f32>(${literal}, ${error === 0 ? '0.0' : wgslFloatLiteral(error)})`
}

/** Whether a number can be an f32 input as it is (finite, in range, not subnormal). */
export function fitsF32(value: number): boolean {
  const magnitude = Math.abs(value)
  return Number.isFinite(value) && magnitude <= F32_MAX && (magnitude === 0 || magnitude >= F32_MIN_NORMAL)
}

const n = (node: ExprNode) => `n${node.id}`

/** A bounded integer power x^k (k a small non-zero integer) by squaring; `lines` get the squares. */
function integerPower(base: string, k: number, name: string, lines: string[], indent: string): string {
  const magnitude = Math.abs(k)
  const factors: string[] = []
  let square = base
  for (let rest = magnitude, power = 1; rest > 0; rest >>= 1, power *= 2) {
    if (power > 1) {
      const next = `${name}_sq${power}`
      lines.push(`${indent}let ${next} = bMul(${square}, ${square});`)
      square = next
    }
    if (rest & 1) factors.push(square)
  }
  const product = factors.reduce((acc, f) => `bMul(${acc}, ${f})`)
  return k < 0 ? `bDiv(vec2<f32>(1.0, 0.0), ${product})` : product
}

function nodeExpression(node: ExprNode, lines: string[], indent: string): string {
  switch (node.op) {
    case 'constant':
      return boundedConstant(node.value, node.name)
    case 'let':
      return n(node.arg)
    case 'select':
      return node.type === 'boolean'
        ? `bSelB(${n(node.condition)}, ${n(node.whenTrue)}, ${n(node.whenFalse)})`
        : `bSel(${n(node.condition)}, ${n(node.whenTrue)}, ${n(node.whenFalse)})`
    case 'neg':
      return `bNeg(${n(node.arg)})`
    case 'abs':
      return `bAbs(${n(node.arg)})`
    case 'ceil':
      return `bCeil(${n(node.arg)})`
    case 'floor':
      return `bFloor(${n(node.arg)})`
    case 'log':
      return `bLog(${n(node.arg)})`
    case 'exp':
      return `bExp(${n(node.arg)})`
    case 'sqrt':
      return `bSqrt(${n(node.arg)})`
    case 'not':
      return `bNot(${n(node.arg)})`
    case 'toNumber':
      return `bNum(${n(node.arg)})`
    case 'add':
      return `bAdd(${n(node.left)}, ${n(node.right)})`
    case 'sub':
      return `bSub(${n(node.left)}, ${n(node.right)})`
    case 'mul':
      return `bMul(${n(node.left)}, ${n(node.right)})`
    case 'div':
      return `bDiv(${n(node.left)}, ${n(node.right)})`
    case 'min':
      return `bMin(${n(node.left)}, ${n(node.right)})`
    case 'max':
      return `bMax(${n(node.left)}, ${n(node.right)})`
    case 'pow': {
      const exponent = node.right
      if (exponent.op === 'constant' && Number.isInteger(exponent.value)) {
        if (exponent.value === 0) return 'vec2<f32>(1.0, 0.0)' // x⁰ = 1 for every x, as in JavaScript
        if (Math.abs(exponent.value) <= MAX_EXPANDED_EXPONENT)
          return integerPower(n(node.left), exponent.value, n(node), lines, indent)
      }
      return `bPow(${n(node.left)}, ${n(node.right)})`
    }
    case 'and':
      return `bAnd(${n(node.left)}, ${n(node.right)})`
    case 'or':
      return `bOr(${n(node.left)}, ${n(node.right)})`
    case 'lt':
      return `bLt(${n(node.left)}, ${n(node.right)})`
    case 'le':
      return `bLe(${n(node.left)}, ${n(node.right)})`
    case 'gt':
      return `bGt(${n(node.left)}, ${n(node.right)})`
    case 'ge':
      return `bGe(${n(node.left)}, ${n(node.right)})`
    case 'eq':
      return `bEq(${n(node.left)}, ${n(node.right)})`
    case 'ne':
      return `bNe(${n(node.left)}, ${n(node.right)})`
    case 'input':
    case 'loopIndex':
    case 'loopAccumulator':
    case 'fold':
      throw new GraphError(`${node.op} is bound by the emitter, not computed`)
  }
}

/** The variable holding a node's bounded value (after `emitBoundedSteps`). */
export const boundedVariable = n

/**
 * Statements computing the scheduled steps in bounded arithmetic: node `x` lands in `n<id>`.
 * `readInput` gives a model input's bounded value (a `vec2<f32>` expression).
 */
export function emitBoundedSteps(
  steps: readonly Step[],
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
      lines.push(`${indent}let ${n(node)} = ${readInput(node)};`)
      continue
    }
    const value = nodeExpression(node, lines, indent)
    lines.push(`${indent}let ${n(node)} = ${value};`)
  }
}

/**
 * acc = init; for k = 1 … min(⌈count⌉, maxSteps): acc = body. The accumulator carries its
 * bound; when ⌈count⌉ is unsure the step count is, and so is the result.
 */
function emitFold(
  fold: FoldNode,
  body: readonly Step[],
  readInput: (input: InputNode) => string,
  lines: string[],
  indent: string,
): void {
  const acc = n(fold.accumulator)
  const count = `c${fold.id}`
  const steps = `s${fold.id}`
  const k = `k${fold.id}`
  const max = fold.maxSteps
  lines.push(`${indent}var ${acc}: vec2<f32> = ${n(fold.init)};`)
  lines.push(`${indent}let ${count} = bCeil(${n(fold.count)});`)
  lines.push(
    `${indent}let ${steps}: i32 = i32(select(0.0, min(${count}.x, ${max}.0), ${count}.x > 0.0 && fin(${count}.x)));`,
  )
  lines.push(`${indent}for (var ${k}: i32 = 1; ${k} <= ${max}; ${k}++) {`)
  const inner = `${indent}  `
  lines.push(`${inner}if (${k} > ${steps}) { break; }`)
  lines.push(`${inner}let ${n(fold.index)} = vec2<f32>(f32(${k}), 0.0);`)
  emitBoundedSteps(body, readInput, lines, inner)
  lines.push(`${inner}${acc} = ${n(fold.body)};`)
  lines.push(`${indent}}`)
  lines.push(`${indent}let ${n(fold)} = vec2<f32>(${acc}.x, select(${acc}.y, BIG, ${count}.y != 0.0));`)
}

/** A metric expression's value as WGSL and its type (numbers vec2<f32>, booleans vec2<bool>). */
export interface BoundedCode {
  readonly code: string
  readonly type: 'number' | 'boolean'
}

const LN2_INV = 1 / Math.LN2
const LN10_INV = 1 / Math.LN10

/**
 * A metric expression (constraint, objective, derived metric, bin) in bounded arithmetic, with
 * JavaScript's semantics as the CPU kernel emits them. `read(name)` is a name's bounded value.
 */
export function boundedMetric(expr: MetricExpr, read: (name: string) => BoundedCode): BoundedCode {
  const num = (code: string): BoundedCode => ({ code, type: 'number' })
  const bool = (code: string): BoundedCode => ({ code, type: 'boolean' })
  const emit = (e: MetricExpr): BoundedCode => {
    switch (e.kind) {
      case 'number':
        return num(boundedConstant(e.value))
      case 'boolean':
        return bool(`vec2<bool>(${e.value}, false)`)
      case 'name':
        return read(e.name)
      case 'unary':
        return e.op === 'neg' ? num(`bNeg(${emit(e.arg).code})`) : bool(`bNot(${emit(e.arg).code})`)
      case 'binary': {
        const l = emit(e.left)
        const r = emit(e.right)
        switch (e.op) {
          case '+':
            return num(`bAdd(${l.code}, ${r.code})`)
          case '-':
            return num(`bSub(${l.code}, ${r.code})`)
          case '*':
            return num(`bMul(${l.code}, ${r.code})`)
          case '/':
            return num(`bDiv(${l.code}, ${r.code})`)
          case '^':
            return power(l.code, e.right)
          case 'and':
            return bool(`bAnd(${l.code}, ${r.code})`)
          case 'or':
            return bool(`bOr(${l.code}, ${r.code})`)
          case '<':
            return bool(`bLt(${l.code}, ${r.code})`)
          case '<=':
            return bool(`bLe(${l.code}, ${r.code})`)
          case '>':
            return bool(`bGt(${l.code}, ${r.code})`)
          case '>=':
            return bool(`bGe(${l.code}, ${r.code})`)
          case '==':
          case '!=': {
            if (l.type !== r.type) return bool(`vec2<bool>(${e.op === '!='}, false)`) // === across types
            const eq = l.type === 'boolean' ? `bBoolEq(${l.code}, ${r.code})` : `bEq(${l.code}, ${r.code})`
            return bool(e.op === '==' ? eq : `bNot(${eq})`)
          }
        }
        break
      }
      case 'call': {
        const args = e.args.map((a) => emit(a).code)
        switch (e.fn) {
          case 'min':
          case 'max': {
            const f = e.fn === 'min' ? 'bMin' : 'bMax'
            return num(args.reduce((acc, a) => `${f}(${acc}, ${a})`))
          }
          case 'abs':
            return num(`bAbs(${args[0]})`)
          case 'sqrt':
            return num(`bSqrt(${args[0]})`)
          case 'log':
            return num(`bLog(${args[0]})`)
          case 'log2':
            return num(`bMul(bLog(${args[0]}), ${boundedConstant(LN2_INV)})`)
          case 'log10':
            return num(`bMul(bLog(${args[0]}), ${boundedConstant(LN10_INV)})`)
          case 'exp':
            return num(`bExp(${args[0]})`)
          case 'ceil':
            return num(`bCeil(${args[0]})`)
          case 'floor':
            return num(`bFloor(${args[0]})`)
          case 'pow':
            return power(args[0]!, e.args[1]!)
        }
      }
    }
    throw new GraphError(`cannot emit the metric expression ${JSON.stringify(e)}`)
  }
  const power = (base: string, exponent: MetricExpr): BoundedCode => {
    if (exponent.kind === 'number' && Number.isInteger(exponent.value)) {
      const k = exponent.value
      if (k === 0) return num('vec2<f32>(1.0, 0.0)')
      if (Math.abs(k) <= 4) {
        const product = Array.from({ length: Math.abs(k) }, () => base).reduce(
          (acc, f) => `bMul(${acc}, ${f})`,
        )
        return num(k < 0 ? `bDiv(vec2<f32>(1.0, 0.0), ${product})` : product)
      }
    }
    return num(`bPow(${base}, ${emit(exponent).code})`)
  }
  return emit(expr)
}
