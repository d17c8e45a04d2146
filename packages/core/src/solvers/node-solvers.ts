/** Solvers of the node, serving, data and algorithm walls. */
import { batching } from './batching.js'
import { compression } from './compression.js'
import { continuousBatching } from './continuous-batching.js'
import { data } from './data.js'
import { efficiency } from './efficiency.js'
import { inferenceScaling } from './inference-scaling.js'
import { networkRoofline } from './network-roofline.js'
import { responsible } from './responsible.js'
import { sensitivity } from './sensitivity.js'
import { serving } from './serving.js'
import { servingCapacity } from './serving-capacity.js'
import { singleNode } from './single-node.js'
import { synthesis } from './synthesis.js'
import { tailLatency } from './tail-latency.js'
import { transformation } from './transformation.js'
import { weightStreaming } from './weight-streaming.js'

export const NODE_SOLVERS = {
  'single-node': singleNode,
  efficiency,
  'network-roofline': networkRoofline,
  serving,
  'continuous-batching': continuousBatching,
  'weight-streaming': weightStreaming,
  'tail-latency': tailLatency,
  'serving-capacity': servingCapacity,
  'inference-scaling': inferenceScaling,
  data,
  transformation,
  compression,
  responsible,
  sensitivity,
  synthesis,
  batching,
} as const
