/**
 * Batching optimizer (walls 5 and 7): the original's BatchingOptimizer — the largest batch
 * B ≤ `maxSearchBatch` whose requests still meet a p99 SLA. Batches of B requests arrive at
 * qps/B per second and take TTFT(B) + ITL(B)·n_out each on one of `numReplicas` servers
 * (M/M/c); a batch is admissible when it fits in memory, the queue is stable, and its p99
 * is within the SLA. Every batch size is evaluated (an exhaustive search, as the original's
 * backend does), largest first.
 *
 * The original (fidelity 'mlsysim-0.1.2') takes the output-token count n_out to be `seqLen`
 * (quirk 3) and reports max throughput qps·seqLen. The default uses `outputTokens` (128,
 * the capacity planner's default) for both, with `seqLen` the prompt context.
 */
import type { Precision } from '@mlsysim/units'
import { z } from 'zod'
import { MAX_QUEUE_SERVERS } from '../physics/queueing.js'
import { defineProcedureSolver, type SolverResultBase } from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import {
  efficiencyField,
  hardwareField,
  integerField,
  numberField,
  precisionField,
} from '../solver/fields.js'
import { DRAFT_ACCEPTANCE_RATE, SERVING_NETWORK_BANDWIDTH } from './node-constants.js'
import { attentionWorkloadField, bindServing, serving } from './serving.js'
import { queueAt } from './serving-capacity.js'
import { secondsText } from './trace-format.js'

export const batchingInput = z.strictObject({
  workload: attentionWorkloadField('batching'),
  hardware: hardwareField(),
  /** Prompt context in tokens (under fidelity mlsysim-0.1.2 also the tokens generated). */
  seqLen: integerField({ min: 1 }),
  /** p99 latency SLA in milliseconds. */
  slaLatencyMs: numberField({ min: 0, exclusiveMin: true, unit: 'milliseconds' }),
  arrivalRateQps: numberField({ min: 0, exclusiveMin: true, unit: 'requests per second' }),
  numReplicas: integerField({ min: 1, max: MAX_QUEUE_SERVERS }).default(1),
  precision: precisionField().default('fp16'),
  efficiency: efficiencyField().default(0.5),
  maxSearchBatch: integerField({ min: 1, max: 65_536 }).default(256),
  /** Tokens generated per request (the default model; the original uses seqLen). */
  outputTokens: integerField({ min: 1 }).default(128),
})
export type BatchingInput = z.output<typeof batchingInput>

export interface BatchingResult extends SolverResultBase {
  /** maxThroughput of the best batch (the optimizer's objective). */
  readonly objectiveValue: number
  readonly bestConfig: { readonly maxBatchSize: number }
  /** 0 when no batch size meets the SLA. */
  readonly bestBatchSize: number
  /** Tokens per second generated at the offered load: qps × n_out. */
  readonly maxThroughput: number
  readonly p99Latency: number
  /** P(latency > SLA) at the best batch; under fidelity mlsysim-0.1.2 the original's headroom ratio. */
  readonly sloViolationProbability: number
  /** TTFT + ITL·n_out of one batch, s. */
  readonly serviceLatency: number
  readonly outputTokens: number
  readonly totalSearched: number
  readonly precision: Precision
}

export const batching = defineProcedureSolver({
  id: 'batching',
  title: 'Batching optimizer (largest batch within a p99 SLA)',
  walls: [5, 7],
  description:
    'Exhaustive search for the largest batch whose M/M/c p99 latency meets the SLA at the offered request rate.',
  input: batchingInput,
  resultKeys: [
    'objectiveValue',
    'bestConfig',
    'bestBatchSize',
    'maxThroughput',
    'p99Latency',
    'sloViolationProbability',
    'serviceLatency',
    'outputTokens',
    'totalSearched',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  run(input, context): BatchingResult {
    const original = context.fidelity === ORIGINAL
    const outputTokens = original ? input.seqLen : input.outputTokens
    const sla = input.slaLatencyMs * 1e-3
    // The serving graph bound once; only the batch size changes between candidates.
    const values = bindServing(input, context)
    values.prefillChunkTokens = 0
    values.seqLen = input.seqLen
    values.efficiency = input.efficiency
    values.cachedPrefixLen = 0
    // No draft model and no disaggregation: these inputs are inert; the serving defaults fill them.
    values.draftAcceptanceRate = DRAFT_ACCEPTANCE_RATE.value
    values.networkBandwidth = SERVING_NETWORK_BANDWIDTH.value
    const evaluate = (batch: number) => {
      values.batchSize = batch
      const s = serving.model.evaluate(values)
      const service = s.ttft + s.itl * outputTokens
      const q = queueAt(
        input.arrivalRateQps / batch,
        service * 1e3,
        input.numReplicas,
        1,
        context,
        input.slaLatencyMs,
      )
      return { s, q, service, ok: s.feasible === 1 && q.stable === 1 && q.p99! <= sla }
    }
    let best = 0
    let found: ReturnType<typeof evaluate> | undefined
    for (let batch = input.maxSearchBatch; batch >= 1; batch--) {
      const candidate = evaluate(batch)
      if (candidate.ok) {
        best = batch
        found = candidate
        break
      }
    }
    if (!found) {
      const one = evaluate(1)
      const why =
        one.s.feasible !== 1 ? 'memory capacity' : one.q.stable !== 1 ? 'queue stability' : 'p99 SLA'
      return {
        objectiveValue: 0,
        bestConfig: { maxBatchSize: 0 },
        bestBatchSize: 0,
        maxThroughput: 0,
        p99Latency: 0,
        sloViolationProbability: 0,
        serviceLatency: one.service,
        outputTokens,
        totalSearched: input.maxSearchBatch,
        precision: input.precision,
        feasible: false,
        bindingConstraint: why,
        constraintTrace: [
          `Batching: no batch size in 1…${input.maxSearchBatch} meets the ${secondsText(sla)} p99 SLA at ${input.arrivalRateQps} QPS (batch 1 fails on ${why}).`,
        ],
      }
    }
    // Default: P(latency > SLA) at the best batch; fidelity mlsysim-0.1.2: the original's headroom ratio.
    const violation = found.q.sloViolationProbability!
    const throughput = input.arrivalRateQps * outputTokens
    return {
      objectiveValue: throughput,
      bestConfig: { maxBatchSize: best },
      bestBatchSize: best,
      maxThroughput: throughput,
      p99Latency: found.q.p99!,
      sloViolationProbability: violation,
      serviceLatency: found.service,
      outputTokens,
      totalSearched: input.maxSearchBatch,
      precision: input.precision,
      feasible: true,
      bindingConstraint: best === input.maxSearchBatch ? 'search limit' : 'p99 SLA',
      constraintTrace: [
        `Batching: batch ${best} of ${input.maxSearchBatch} meets the SLA — service ${secondsText(found.service)} per batch, p99 ${secondsText(found.q.p99!)} ≤ ${secondsText(sla)} at ${(found.q.offeredUtilization! * 100).toFixed(1)}% utilization.`,
      ],
    }
  },
})
