/**
 * Continuous batching with paged KV memory (wall 5): how many requests fit next to the
 * weights, and the decode throughput they give — the original's ContinuousBatchingModel.
 *
 * Default: the length-distribution model of the original's CHANGELOG (Unreleased). With
 * KV budget M = capacity − W and k bytes per token, request lengths exponential with mean
 * `meanRequestTokens`, capped at S_max:
 *
 *   static (contiguous, reserves S_max per request):  N_static = ⌊M / (k·S_max)⌋
 *   paged (pages of p tokens, Kwon et al. 2023):       N_paged  = ⌊M / (k·p·E[⌈S/p⌉])⌋
 *
 * both capped at `maxBatchSize`. A decode step streams the weights and the tokens the
 * requests actually hold, (W + N·k·mean)/BW, so throughput N/ITL; `speedupVsStatic` compares
 * the two concurrencies. The scale of the length distribution is found by bisection when the
 * inputs are bound (see cappedExponentialScale), so `maxSeqLen` and `meanRequestTokens` are
 * bound inputs rather than sweepable columns.
 *
 * TTFT is the prefill of a batch of S_max-token prompts: the admitted batch (at least 1).
 *
 * Fidelity 'mlsysim-0.1.2' reproduces the 0.1.2 model: every request is S_max long, padded
 * to whole pages; static batching reaches a fixed 60% of the paged batch (at least 1); TTFT
 * prefills `maxBatchSize` prompts even when fewer fit; the fields added upstream carry that
 * model's implied values (static fragmentation = paged).
 */
import type { Precision } from '@mlsysim/units'
import { z } from 'zod'
import type { Expr } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { cappedExponentialScale, expectedPagedKvTokens, pagedSeqLen } from '../physics/kv-cache.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import {
  efficiencyField,
  hardwareField,
  integerField,
  numberField,
  precisionField,
} from '../solver/fields.js'
import { KV_PAGE_TOKENS, NO_CAPACITY_ITL_0_1_2, STATIC_BATCH_FRACTION_0_1_2 } from './node-constants.js'
import { attentionWorkloadField, bindServing, prefillFragment, servingBindingInputs } from './serving.js'
import { bytesText } from './trace-format.js'

/** A mean request length longer than the longest request is a contradiction in the input. */
export function meanWithinMaxSeqLen(
  input: { meanRequestTokens?: number | undefined; maxSeqLen: number },
  ctx: z.RefinementCtx,
): void {
  if (input.meanRequestTokens !== undefined && input.meanRequestTokens > input.maxSeqLen) {
    ctx.addIssue({
      code: 'custom',
      path: ['meanRequestTokens'],
      message: `must be ≤ maxSeqLen (${input.maxSeqLen})`,
      input: input.meanRequestTokens,
    })
  }
}

export const continuousBatchingInput = z
  .strictObject({
    workload: attentionWorkloadField('continuous batching'),
    hardware: hardwareField(),
    /** Longest request (prompt + output) the server admits, tokens. */
    maxSeqLen: integerField({ min: 1 }),
    /** Mean request length in tokens (≤ maxSeqLen); default maxSeqLen (every request full length). */
    meanRequestTokens: numberField({ min: 0, exclusiveMin: true }).optional(),
    maxBatchSize: integerField({ min: 1 }).default(1),
    /** Tokens per KV page (vLLM's block size). */
    pageSize: integerField({ min: 1 }).default(KV_PAGE_TOKENS.value),
    precision: precisionField().default('fp16'),
    efficiency: efficiencyField().default(0.5),
  })
  .superRefine(meanWithinMaxSeqLen)
export type ContinuousBatchingInput = z.output<typeof continuousBatchingInput>

const model = defineModel('continuous-batching', (b) => {
  const bound = servingBindingInputs(b)
  const maxSeqLen = b.input('maxSeqLen', 'count', { symbol: 'S_{max}' })
  const mean = b.input('meanRequestTokens', 'count', { symbol: '\\bar S' })
  const scale = b.input('lengthScale', 'count', {
    symbol: '\\mu',
    description: 'scale of the capped-exponential lengths',
  })
  const maxBatch = b.input('maxBatchSize', 'count', { symbol: 'B_{max}' })
  const pageSize = b.input('pageSize', 'count', { symbol: 'p' })
  const efficiency = b.input('efficiency', 'count', { symbol: '\\eta' })
  const capacity = bound.decodeCapacity
  const original = bound.original.gt(0)
  const w = bound.weightBytes
  const k = bound.kvBytesPerToken
  const bw = bound.bandwidth
  const zero = b.constant(0)

  const kvBudget = b.let('kvBudget', capacity.sub(w), { symbol: 'M_{KV}' })
  const hasRoom = kvBudget.gt(b.constant(0, 'bytes'))
  const admitted = (perRequest: Expr) =>
    b.select(hasRoom, kvBudget.div(perRequest).floor().min(maxBatch), zero)

  // The 0.1.2 model: every request S_max long, padded to pages; static = 60% of paged.
  const paddedSeqLen = pagedSeqLen.fragment(b, { seqLen: maxSeqLen, pageSize })
  const bytesPerSeq = k.mul(paddedSeqLen)
  const oldActive = admitted(bytesPerSeq)
  const oldItl = b.select(
    hasRoom,
    w.add(oldActive.mul(bytesPerSeq)).div(bw),
    sourcedConstant(b, 'NO_CAPACITY_ITL', NO_CAPACITY_ITL_0_1_2, 'seconds', 'T_{none}'),
  )
  const oldStatic = oldActive
    .mul(sourcedConstant(b, 'STATIC_BATCH_FRACTION', STATIC_BATCH_FRACTION_0_1_2, 'count', 'f_{static}'))
    .floor()
    .max(1)
  const oldStaticItl = w.add(bytesPerSeq.mul(oldStatic)).div(bw)
  const oldPadding = paddedSeqLen.sub(maxSeqLen).div(paddedSeqLen)

  // The length-distribution model.
  const allocated = b.let(
    'allocatedTokens',
    expectedPagedKvTokens.fragment(b, { lengthScale: scale, maxSeqLen, pageSize }),
    {
      symbol: 'p\\,E[\\lceil S/p \\rceil]',
    },
  )
  const newActive = admitted(k.mul(allocated))
  const newStatic = admitted(k.mul(maxSeqLen))
  const step = (requests: Expr) => w.add(requests.mul(k).mul(mean)).div(bw)

  const active = b.let('maxActiveRequests', b.select(original, oldActive, newActive), { symbol: 'N_{paged}' })
  // TTFT: a batch of maxSeqLen prompts — the requested maxBatchSize in 0.1.2, the batch that fits otherwise.
  const prefill = prefillFragment(b, {
    ...bound,
    seqLen: maxSeqLen,
    batchSize: b.select(original, maxBatch, active.max(1)),
    efficiency,
    cachedPrefixLen: zero,
    chunkTokens: zero,
  })
  const itl = b.let('itl', b.select(original, oldItl, step(newActive)), { symbol: '\\text{ITL}' })
  const staticActive = b.select(original, b.select(oldActive.gt(0), oldStatic, zero), newStatic)
  const staticItl = b.select(original, oldStaticItl, step(newStatic))
  const throughput = b.select(active.gt(0), active.div(itl), b.constant(0, 'hertz'))
  const staticThroughput = b.select(staticActive.gt(0), staticActive.div(staticItl), b.constant(0, 'hertz'))
  return {
    ttft: prefill.prefillTime,
    itl,
    maxActiveRequests: active,
    throughputTokensPerSec: throughput,
    staticMaxActiveRequests: staticActive,
    staticThroughputTokensPerSec: staticThroughput,
    speedupVsStatic: b.select(active.gt(0), throughput.div(staticThroughput), 1),
    pagedInternalFragmentation: b.select(original, oldPadding, b.constant(1).sub(mean.div(allocated))),
    staticInternalFragmentation: b.select(original, oldPadding, b.constant(1).sub(mean.div(maxSeqLen))),
    pagedKvCacheBytes: b.select(original, active.mul(bytesPerSeq), active.mul(k).mul(allocated)),
    staticKvCacheBytes: b.select(original, staticActive.mul(bytesPerSeq), staticActive.mul(k).mul(maxSeqLen)),
    allocatedTokensPerRequest: b.select(original, paddedSeqLen, allocated),
    kvBudget,
    feasible: active.gt(0),
  }
})

export interface ContinuousBatchingResult extends SolverResultBase {
  /** Decode throughput of the paged batch, tokens/s. */
  readonly throughputTokensPerSec: number
  readonly maxActiveRequests: number
  /** Share of the paged allocation that holds no token. */
  readonly pagedInternalFragmentation: number
  /** Share of a static (S_max) reservation that holds no token. */
  readonly staticInternalFragmentation: number
  readonly staticMaxActiveRequests: number
  readonly staticThroughputTokensPerSec: number
  readonly staticKvCacheBytes: number
  readonly pagedKvCacheBytes: number
  readonly allocatedTokensPerRequest: number
  readonly meanRequestTokens: number
  /** Scale μ of the capped-exponential request lengths (∞ when every request is maxSeqLen). */
  readonly lengthScale: number
  readonly kvBytesPerToken: number
  /** Memory left for KV cache after the weights, bytes (negative: the weights alone do not fit). */
  readonly kvBudget: number
  /** Prefill of a batch of maxSeqLen prompts (the admitted batch; maxBatchSize under 0.1.2), s. */
  readonly ttft: number
  /** Decode step with the paged batch, s. */
  readonly itl: number
  readonly speedupVsStatic: number
  readonly precision: Precision
}

export const continuousBatching = defineGraphSolver({
  id: 'continuous-batching',
  title: 'Continuous batching with paged KV cache',
  walls: [5],
  description:
    'Concurrent requests and decode throughput with paged vs static KV allocation over a distribution of request lengths.',
  input: continuousBatchingInput,
  resultKeys: [
    'throughputTokensPerSec',
    'maxActiveRequests',
    'pagedInternalFragmentation',
    'staticInternalFragmentation',
    'staticMaxActiveRequests',
    'staticThroughputTokensPerSec',
    'staticKvCacheBytes',
    'pagedKvCacheBytes',
    'allocatedTokensPerRequest',
    'meanRequestTokens',
    'lengthScale',
    'kvBytesPerToken',
    'kvBudget',
    'ttft',
    'itl',
    'speedupVsStatic',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['maxBatchSize', 'pageSize', 'efficiency'],
  bind(input, context) {
    const original = context.fidelity === ORIGINAL
    const mean = original ? input.maxSeqLen : (input.meanRequestTokens ?? input.maxSeqLen)
    const values = bindServing(input, context)
    values.maxSeqLen = input.maxSeqLen
    values.meanRequestTokens = mean
    values.lengthScale = cappedExponentialScale(mean, input.maxSeqLen)
    return values
  },
  finish(input, o, _context, bound): ContinuousBatchingResult {
    const feasible = o.feasible === 1
    const chip = input.hardware
    const describe = (): string[] => {
      const trace: string[] = []
      if (o.kvBudget <= 0) {
        trace.push(
          `Memory Wall: FAILED. Weights (${bytesText(bound.weightBytes!)}) exceed available ${bytesText(chip.memory.capacity)} on ${chip.name}.`,
        )
      } else if (!feasible) {
        trace.push(
          `Memory Wall: FAILED. Cannot fit even 1 request: ${bytesText(o.kvBudget)} left for KV cache on ${chip.name}, one request needs ${bytesText(bound.kvBytesPerToken! * o.allocatedTokensPerRequest)}.`,
        )
      } else {
        trace.push(
          `Memory Wall: Passed. Can fit ${o.maxActiveRequests} concurrent requests (Weights: ${bytesText(bound.weightBytes!)}, Max KV available: ${bytesText(o.kvBudget)}) on ${chip.name}.`,
        )
        trace.push(
          `Batching Wall: paged ${o.maxActiveRequests} vs static ${o.staticMaxActiveRequests} requests (${(o.pagedInternalFragmentation * 100).toFixed(1)}% vs ${(o.staticInternalFragmentation * 100).toFixed(1)}% of KV memory unused); ${o.speedupVsStatic.toFixed(2)}× the static decode throughput.`,
        )
      }
      return trace
    }
    return {
      throughputTokensPerSec: o.throughputTokensPerSec,
      maxActiveRequests: o.maxActiveRequests,
      pagedInternalFragmentation: o.pagedInternalFragmentation,
      staticInternalFragmentation: o.staticInternalFragmentation,
      staticMaxActiveRequests: o.staticMaxActiveRequests,
      staticThroughputTokensPerSec: o.staticThroughputTokensPerSec,
      staticKvCacheBytes: o.staticKvCacheBytes,
      pagedKvCacheBytes: o.pagedKvCacheBytes,
      allocatedTokensPerRequest: o.allocatedTokensPerRequest,
      meanRequestTokens: bound.meanRequestTokens!,
      lengthScale: bound.lengthScale!,
      kvBytesPerToken: bound.kvBytesPerToken!,
      kvBudget: o.kvBudget,
      ttft: o.ttft,
      itl: o.itl,
      speedupVsStatic: o.speedupVsStatic,
      precision: input.precision,
      feasible,
      bindingConstraint: !feasible
        ? 'memory capacity'
        : o.maxActiveRequests >= input.maxBatchSize
          ? 'batch size limit'
          : 'KV-cache capacity',
      constraintTrace: describe(),
    }
  },
})
