export {
  F32_MAX,
  F32_MIN_NORMAL,
  MAX_EXPANDED_EXPONENT,
  type WgslField,
  type WgslFunction,
  type WgslFunctionOptions,
  type WgslKernel,
  type WgslKernelLayout,
  type WgslKernelOptions,
  wgslFloatLiteral,
  wgslFunction,
  wgslKernel,
} from './emit-wgsl.js'
export { GraphError } from './errors.js'
export {
  type ConstantOptions,
  type DimensionLike,
  Expr,
  type FoldSpec,
  GraphBuilder,
  type InputOptions,
  type Operand,
} from './graph-builder.js'
export { foldSteps, interpret } from './interpret.js'
export {
  type LatexDefinition,
  type LatexDocument,
  type LatexEquation,
  type LatexSymbol,
  latexNumber,
  latexText,
  toLatex,
  toLatexDocument,
} from './latex.js'
export { type ColumnarKernel, defineModel, Model, type OutputInfo } from './model.js'
export type { ExprNode, InputNode, ValueType } from './node.js'
export { reachable, type Step, schedule } from './schedule.js'
export { isPlainWgslIdentifier } from './wgsl-names.js'
