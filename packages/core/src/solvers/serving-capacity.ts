/**
 * Serving capacity (walls 4, 5, 7): the original's ServingCapacityModel — the fewest replicas
 * that serve `qps` within a p99 target. It composes three first-order pieces:
 *
 * 1. continuous batching gives each replica's concurrent requests and token throughput, so
 *    a replica completes tokens/s ÷ outputTokens requests per second;
 * 2. the serving model at that batch gives the base latency TTFT + ITL·outputTokens;
 * 3. each replica is one server of an M/M/c queue with that request rate; for r = 1, 2, …
 *    the p99 estimate is base + max(0, p99_queue − service), and the first stable r within
 *    the target is the answer.
 *
 * The default evaluates the base latency at the mean request length (the original's
 * CHANGELOG, Unreleased) with the length-distribution batching model; fidelity
 * 'mlsysim-0.1.2' uses maxSeqLen and the 0.1.2 batching model. Replica counts below
 * ⌊qps/capacity⌋ − 1 are unstable and are not evaluated (the answer is the same).
 */

import type { Chip } from '@mlsysim/hardware'
import type { Precision } from '@mlsysim/units'
import type { Workload } from '@mlsysim/workloads'
import { z } from 'zod'
import { MAX_QUEUE_SERVERS } from '../physics/queueing.js'
import {
  defineProcedureSolver,
  runGraph,
  type SolveContext,
  type SolverResultBase,
} from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import {
  efficiencyField,
  hardwareField,
  integerField,
  numberField,
  precisionField,
} from '../solver/fields.js'
import { continuousBatching, meanWithinMaxSeqLen } from './continuous-batching.js'
import { KV_PAGE_TOKENS } from './node-constants.js'
import { attentionWorkloadField, type ServingInput, serving } from './serving.js'
import { tailLatency } from './tail-latency.js'
import { secondsText } from './trace-format.js'

export const servingCapacityInput = z
  .strictObject({
    workload: attentionWorkloadField('serving capacity'),
    hardware: hardwareField(),
    /** Requests per second to serve. */
    qps: numberField({ min: 0, exclusiveMin: true, unit: 'requests per second' }),
    /** p99 request latency target in milliseconds. */
    targetP99LatencyMs: numberField({ min: 0, exclusiveMin: true, unit: 'milliseconds' }),
    maxSeqLen: integerField({ min: 1 }).default(2048),
    /** Mean request length (default maxSeqLen). */
    meanRequestTokens: numberField({ min: 0, exclusiveMin: true }).optional(),
    /** Tokens generated per request. */
    outputTokens: integerField({ min: 1 }).default(128),
    maxBatchSize: integerField({ min: 1 }).default(32),
    precision: precisionField().default('fp16'),
    efficiency: efficiencyField().default(0.5),
    maxReplicas: integerField({ min: 1, max: MAX_QUEUE_SERVERS }).default(1024),
    serviceTimeCv: numberField({ min: 0 }).default(1),
  })
  .superRefine(meanWithinMaxSeqLen)
export type ServingCapacityInput = z.output<typeof servingCapacityInput>

export type CapacityBottleneck = 'memory' | 'capacity' | 'tail latency' | 'base latency' | 'feasible'

export interface ServingCapacityResult extends SolverResultBase {
  readonly requiredReplicas: number
  readonly qpsTarget: number
  /** requiredReplicas × per-replica capacity, requests/s. */
  readonly qpsCapacity: number
  readonly perReplicaQpsCapacity: number
  /** qps / qpsCapacity. */
  readonly utilization: number
  readonly targetP99Latency: number
  readonly estimatedP99Latency: number
  /** TTFT + ITL × outputTokens at the active batch, s. */
  readonly baseRequestLatency: number
  readonly queueWaitP99: number
  readonly activeBatchSize: number
  readonly ttft: number
  readonly itl: number
  readonly bottleneck: CapacityBottleneck
  readonly precision: Precision
}

/** A parsed serving input with the original's defaults for everything not given. */
export function servingInputFor(
  workload: Workload,
  hardware: Chip,
  seqLen: number,
  batchSize: number,
  precision: Precision,
  efficiency: number,
): ServingInput {
  return {
    workload,
    hardware,
    seqLen,
    batchSize,
    precision,
    efficiency,
    networkBandwidth: 100e9 as ServingInput['networkBandwidth'],
    draftAcceptanceRate: 0.7,
    cachedPrefixLen: 0,
  }
}

/** The tail-latency model on numbers (no parsing): one replica count; `sloMs` 0 = the default objective. */
export function queueAt(
  qps: number,
  serviceMs: number,
  replicas: number,
  cv: number,
  context: SolveContext,
  sloMs = 0,
): Readonly<Record<string, number>> {
  return tailLatency.model.evaluate({
    arrivalRateQps: qps,
    serviceLatencyMs: serviceMs,
    numReplicas: replicas,
    serviceTimeCv: cv,
    sloLatencyMs: sloMs,
    original: context.fidelity === ORIGINAL ? 1 : 0,
  })
}

export const servingCapacity = defineProcedureSolver({
  id: 'serving-capacity',
  title: 'Serving capacity planner',
  walls: [4, 5, 7],
  description:
    'Fewest replicas that serve a request rate within a p99 latency target, from batching capacity, serving latency and M/M/c queueing.',
  input: servingCapacityInput,
  resultKeys: [
    'requiredReplicas',
    'qpsTarget',
    'qpsCapacity',
    'perReplicaQpsCapacity',
    'utilization',
    'targetP99Latency',
    'estimatedP99Latency',
    'baseRequestLatency',
    'queueWaitP99',
    'activeBatchSize',
    'ttft',
    'itl',
    'bottleneck',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  run(input, context): ServingCapacityResult {
    const original = context.fidelity === ORIGINAL
    const { workload, hardware, precision, efficiency, qps, outputTokens } = input
    const target = input.targetP99LatencyMs * 1e-3
    const batching = runGraph(
      continuousBatching,
      {
        workload,
        hardware,
        maxSeqLen: input.maxSeqLen,
        meanRequestTokens: input.meanRequestTokens,
        maxBatchSize: input.maxBatchSize,
        pageSize: KV_PAGE_TOKENS.value,
        precision,
        efficiency,
      },
      context,
    )
    const active = Math.max(1, batching.maxActiveRequests)
    const seqLen = original
      ? input.maxSeqLen
      : Math.max(1, Math.round(input.meanRequestTokens ?? input.maxSeqLen))
    const served = runGraph(
      serving,
      servingInputFor(workload, hardware, seqLen, active, precision, efficiency),
      context,
    )
    const perReplica = batching.throughputTokensPerSec / outputTokens
    const base = served.ttft + served.itl * outputTokens
    const common = {
      qpsTarget: qps,
      targetP99Latency: target,
      baseRequestLatency: base,
      activeBatchSize: active,
      ttft: served.ttft,
      itl: served.itl,
      precision,
    }
    if (!served.feasible || !batching.feasible || !(perReplica > 0)) {
      const bottleneck: CapacityBottleneck = !served.feasible || !batching.feasible ? 'memory' : 'capacity'
      return {
        ...common,
        requiredReplicas: input.maxReplicas,
        qpsCapacity: 0,
        perReplicaQpsCapacity: 0,
        utilization: Number.POSITIVE_INFINITY,
        estimatedP99Latency: Number.POSITIVE_INFINITY,
        queueWaitP99: Number.POSITIVE_INFINITY,
        bottleneck,
        feasible: false,
        bindingConstraint: bottleneck === 'memory' ? 'memory capacity' : 'token capacity',
        constraintTrace: [
          'Serving Capacity: infeasible before queueing because the model does not fit or has no token capacity.',
        ],
      }
    }
    const serviceMs = 1000 / perReplica
    let required = input.maxReplicas
    let feasible = false
    let stable = false
    let queueWait = Number.POSITIVE_INFINITY
    let p99 = Number.POSITIVE_INFINITY
    // A request slower than the target on an idle replica cannot meet it with any number of
    // replicas: the default model stops at the fewest replicas that keep the queue stable.
    const hopeless = base > target
    const first = Math.min(Math.max(1, Math.floor(qps / perReplica) - 1), input.maxReplicas)
    for (let replicas = first; replicas <= input.maxReplicas; replicas++) {
      const q = queueAt(qps, serviceMs, replicas, input.serviceTimeCv, context)
      stable = q.stable === 1
      queueWait = Math.max(0, q.p99! - serviceMs * 1e-3)
      p99 = base + queueWait
      if (stable && p99 <= target) {
        required = replicas
        feasible = true
        break
      }
      if (stable && hopeless && !original) {
        required = replicas
        break
      }
    }
    const qpsCapacity = required * perReplica
    const utilization = qps / qpsCapacity
    const bottleneck: CapacityBottleneck = feasible
      ? 'feasible'
      : hopeless
        ? 'base latency'
        : stable
          ? 'tail latency'
          : 'capacity'
    return {
      ...common,
      requiredReplicas: required,
      qpsCapacity,
      perReplicaQpsCapacity: perReplica,
      utilization,
      estimatedP99Latency: p99,
      queueWaitP99: queueWait,
      bottleneck,
      feasible,
      bindingConstraint: feasible
        ? utilization >= 0.5
          ? 'replica throughput'
          : 'tail latency'
        : bottleneck === 'base latency'
          ? 'base latency'
          : bottleneck === 'tail latency'
            ? 'tail latency'
            : 'replica count limit',
      constraintTrace: [
        `Serving Capacity: ${required} replicas provide ${qpsCapacity.toFixed(2)} QPS for target ${qps.toFixed(2)} QPS at utilization ${(utilization * 100).toFixed(2)}%.`,
        `Tail Latency: base request latency ${secondsText(base)}; estimated P99 ${Number.isFinite(p99) ? secondsText(p99) : '∞'} vs target ${secondsText(target)}.`,
        ...(hopeless
          ? [
              `Base Latency: one request takes ${secondsText(base)} on an idle replica (TTFT + ${outputTokens} × ITL), above the target; no replica count meets it.`,
            ]
          : []),
      ],
    }
  },
})
