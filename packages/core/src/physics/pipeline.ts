/**
 * Pipeline parallelism bubble (Narayanan et al. 2021, "Efficient Large-Scale Language Model
 * Training on GPU Clusters Using Megatron-LM", §2.2). With P stages, M microbatches and v
 * virtual stages per device (interleaved 1F1B), every device idles for (P−1)/v microbatch
 * slots while the pipeline fills and drains:
 *
 *   bubble fraction of the step  f = (P−1) / (v·M + P−1)
 *   bubble time ÷ ideal time       = (P−1) / (v·M)        (= f / (1 − f))
 */
import { defineFormula } from './formula.js'

const inputs = { stages: 'count', microbatches: 'count', virtualStages: 'count' } as const

/** Share of the pipelined step spent idle: (P−1)/(v·M + P−1). */
export const pipelineBubbleFraction = defineFormula('pipeline-bubble-fraction', inputs, (_b, x) => {
  const fill = x.stages.sub(1)
  return fill.div(x.virtualStages.mul(x.microbatches).add(fill))
})

/** Bubble time per unit of ideal (bubble-free) compute time: (P−1)/(v·M). */
export const pipelineBubbleOverhead = defineFormula('pipeline-bubble-overhead', inputs, (_b, x) =>
  x.stages.sub(1).div(x.virtualStages.mul(x.microbatches)),
)
