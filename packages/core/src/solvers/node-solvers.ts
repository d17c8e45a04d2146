/** Solvers of the node, serving, data and algorithm walls. */
import { singleNode } from './single-node.js'

export const NODE_SOLVERS = {
  'single-node': singleNode,
} as const
