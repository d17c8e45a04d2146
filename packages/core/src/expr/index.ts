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
export { type ColumnarKernel, defineModel, Model, type OutputInfo } from './model.js'
export type { ExprNode, InputNode, ValueType } from './node.js'
export { reachable, type Step, schedule } from './schedule.js'
