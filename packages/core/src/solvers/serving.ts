/**
 * LLM serving (wall 4): the original's ServingModel — prefill (time to first token) and
 * decode (inter-token latency), with prompt caching, chunked prefill, prefill/decode
 * disaggregation and speculative decoding.
 *
 * Prefill of N = max(1, S − cached) new tokens at batch B:
 *   FLOPs = 2·P·N·B + 4·L·H·d·B·Σᵢ nᵢ·ctxᵢ        (linear layers + attention over the context)
 *   TTFT  = max(FLOPs/(R·η), bytes/BW) + k·t_dispatch (+ KV/BW_network when disaggregated)
 * Decode, one token for each of B sequences per step:
 *   ITL   = max((2·P·B + 4·L·H·d·S·B)/(R·η), (W + KV)/BW) + L·t_layer
 *
 * The original (fidelity 'mlsysim-0.1.2') times prefill by compute alone and decode by
 * memory alone; counts every parameter (MoE experts included) in prefill; lets every chunk
 * of a chunked prefill attend over the full S; checks memory on the decode device only; and
 * leaves the draft model's KV cache out of memory. The default model is the roofline of
 * each phase: a short prompt is memory-bound (every chunk streams the weights once), a large
 * decode batch turns compute-bound, MoE computes with its active parameters, a chunk attends
 * over the tokens before it, and the prefill device of a disaggregated deployment must hold
 * the weights and the batch's KV too.
 */
import type { Chip } from '@mlsysim/hardware'
import { bytesPerElement, type Precision, quantity } from '@mlsysim/units'
import { headDimOf, kvCacheBytesPerToken, lower, type Workload } from '@mlsysim/workloads'
import { z } from 'zod'
import { CHINCHILLA, FRAMEWORK_LAYER_TAX, SPECULATIVE_GAMMA } from '../constants.js'
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { kvCacheSize } from '../physics/kv-cache.js'
import { speculativeExpectedTokens } from '../physics/speculative-decoding.js'
import { defineGraphSolver, type SolveContext, type SolverResultBase } from '../solver/define.js'
import { type Fidelity, ORIGINAL } from '../solver/fidelity.js'
import {
  batchSizeField,
  efficiencyField,
  hardwareField,
  integerField,
  numberField,
  precisionField,
  quantityField,
  workloadField,
} from '../solver/fields.js'
import {
  ATTENTION_FLOPS_PER_ENTRY,
  DEFAULT_ATTENTION_HEADS,
  DRAFT_ACCEPTANCE_RATE,
  SERVING_NETWORK_BANDWIDTH,
} from './node-constants.js'
import { headlinePeakNote, peakForPrecision } from './peak-for-precision.js'
import type { IronLaw } from './single-node.js'
import { bandwidthText, bytesText, secondsText } from './trace-format.js'

/** A workload field that must have a KV cache (transformer or MoE). */
export function attentionWorkloadField(what = 'serving') {
  return workloadField().superRefine((w, ctx) => {
    if (w.family !== 'transformer' && w.family !== 'moe') {
      ctx.addIssue({
        code: 'custom',
        message: `must be a transformer or moe workload (${what} needs a KV cache); '${w.id}' is a ${w.family} workload`,
        input: w.id,
      })
    }
  })
}

export const servingInput = z
  .strictObject({
    workload: attentionWorkloadField(),
    /** The device (the prefill device when `decodeHardware` is given). */
    hardware: hardwareField(),
    /** Context length S in tokens (prompt, including any cached prefix). */
    seqLen: integerField({ min: 1 }),
    batchSize: batchSizeField().default(1),
    precision: precisionField().default('fp16'),
    efficiency: efficiencyField().default(0.5),
    /** A separate decode device: prefill/decode disaggregation, the KV cache crosses the network. */
    decodeHardware: hardwareField().optional(),
    /** Prefill → decode link for disaggregated serving. */
    networkBandwidth: quantityField('bytesPerSecond', { positive: true }).default(
      quantity(SERVING_NETWORK_BANDWIDTH.value, 'bytesPerSecond'),
    ),
    /** A draft model for speculative decoding. */
    draftModel: attentionWorkloadField('a draft model').optional(),
    /** Probability α that the target accepts each draft token. */
    draftAcceptanceRate: numberField({ min: 0, max: 1 }).default(DRAFT_ACCEPTANCE_RATE.value),
    /** Prompt tokens whose KV cache is already resident (prefix caching); 0 ≤ cached < seqLen. */
    cachedPrefixLen: integerField({ min: 0 }).default(0),
    /** Split the new prompt tokens into chunks of at most this many (chunked prefill). */
    prefillChunkTokens: integerField({ min: 1 }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.cachedPrefixLen >= input.seqLen) {
      ctx.addIssue({
        code: 'custom',
        path: ['cachedPrefixLen'],
        message: `must be < seqLen (${input.seqLen}): at least one prompt token is new`,
        input: input.cachedPrefixLen,
      })
    }
  })
export type ServingInput = z.output<typeof servingInput>

/** Numbers of one phase's roofline, with the equations in words. */
export interface PrefillArgs {
  seqLen: Expr
  batchSize: Expr
  efficiency: Expr
  cachedPrefixLen: Expr
  /** ≤ 0: unchunked. */
  chunkTokens: Expr
  /** Parameters the linear layers compute with (active parameters of an MoE in the default model). */
  linearParams: Expr
  layers: Expr
  heads: Expr
  headDim: Expr
  kvBytesPerToken: Expr
  weightBytes: Expr
  peak: Expr
  bandwidth: Expr
  dispatchTax: Expr
  original: Expr
}

function flopsPerParameterToken(b: GraphBuilder): Expr {
  return sourcedConstant(b, 'FLOPS_PER_PARAMETER_TOKEN', CHINCHILLA.decodeConstant, 'flop', 'c_{lin}')
}

function attentionFlops(b: GraphBuilder): Expr {
  return sourcedConstant(b, 'ATTENTION_FLOPS_PER_ENTRY', ATTENTION_FLOPS_PER_ENTRY, 'flop', 'c_{attn}')
}

/**
 * Prefill as a graph fragment. The new tokens N are processed in k = ⌈N/c⌉ chunks (c = N
 * when unchunked): k − 1 chunks of c tokens and a last one of r = N − (k−1)·c. In the
 * default model chunk i attends over the cached prefix and every new token up to its end,
 * so Σ nᵢ·ctxᵢ = cached·N + c²·k(k−1)/2 + r·N, which is N·S when k = 1; the original lets
 * every chunk attend over all S tokens (N·S always). Every chunk streams the weights and
 * reads the KV of its context.
 */
export function prefillFragment(b: GraphBuilder, x: PrefillArgs) {
  const original = x.original.gt(0)
  const linear = flopsPerParameterToken(b)
  const attention = attentionFlops(b)
  const newTokens = b.let('newTokens', x.seqLen.sub(x.cachedPrefixLen).max(1), { symbol: 'N' })
  const chunk = b.select(x.chunkTokens.gt(0), x.chunkTokens, newTokens)
  const chunks = b.let('prefillChunks', newTokens.div(chunk).ceil(), { symbol: 'k' })
  const lastChunk = newTokens.sub(chunks.sub(1).mul(chunk))
  const pairs = chunks.mul(chunks.sub(1)).div(2)
  const tokenContext = b.select(
    original,
    newTokens.mul(x.seqLen),
    x.cachedPrefixLen.mul(newTokens).add(chunk.mul(chunk).mul(pairs)).add(lastChunk.mul(newTokens)),
  )
  const contextSum = b.select(
    original,
    chunks.mul(x.seqLen),
    chunks.mul(x.cachedPrefixLen).add(chunk.mul(pairs)).add(newTokens),
  )
  const attentionPerContext = attention.mul(x.layers).mul(x.heads).mul(x.headDim).mul(x.batchSize)
  const linearPerToken = linear.mul(x.linearParams).mul(x.batchSize)
  const flops = b.let(
    'prefillFlops',
    linearPerToken.mul(newTokens).add(attentionPerContext.mul(tokenContext)),
    {
      symbol: '\\text{OPs}_{pre}',
    },
  )
  const achievable = x.peak.mul(x.efficiency)
  const kvPerContextToken = x.kvBytesPerToken.mul(x.batchSize)
  const bytes = b.let('prefillBytes', chunks.mul(x.weightBytes).add(kvPerContextToken.mul(contextSum)), {
    symbol: 'D_{pre}',
  })
  const computeTime = b.let('prefillCompute', flops.div(achievable), { symbol: 'T_{pre,c}' })
  const memoryTime = b.let('prefillMemory', bytes.div(x.bandwidth), { symbol: 'T_{pre,m}' })
  const overhead = b.let('prefillOverhead', x.dispatchTax.mul(chunks), { symbol: 'T_{pre,o}' })
  const core = b.select(original, computeTime, computeTime.max(memoryTime))
  // One chunk of n tokens whose context is ctx tokens, with its dispatch.
  const chunkTime = (n: Expr, context: Expr) => {
    const compute = linearPerToken.mul(n).add(attentionPerContext.mul(n).mul(context)).div(achievable)
    const memory = x.weightBytes.add(kvPerContextToken.mul(context)).div(x.bandwidth)
    return b.select(original, compute, compute.max(memory)).add(x.dispatchTax)
  }
  const fullChunkContext = b.select(original, x.seqLen, x.cachedPrefixLen.add(chunks.sub(1).mul(chunk)))
  const lastChunkTime = chunkTime(lastChunk, b.select(original, x.seqLen, x.cachedPrefixLen.add(newTokens)))
  const slowestChunk = b.select(
    chunks.gt(1),
    chunkTime(chunk, fullChunkContext).max(lastChunkTime),
    lastChunkTime,
  )
  return {
    newTokens,
    prefillChunks: chunks,
    prefillFlops: flops,
    prefillBytes: bytes,
    prefillCompute: computeTime,
    prefillMemory: memoryTime,
    prefillOverhead: overhead,
    prefillTime: b.let('prefillTime', core.add(overhead), { symbol: 'T_{pre}' }),
    prefillMemoryBound: memoryTime.gt(computeTime),
    prefillChunkTime: b.let('prefillChunkTime', slowestChunk, { symbol: 'T_{chunk}' }),
  }
}

export interface ServingArgs extends PrefillArgs {
  draftAcceptanceRate: Expr
  networkBandwidth: Expr
  decodePeak: Expr
  decodeBandwidth: Expr
  decodeCapacity: Expr
  prefillCapacity: Expr
  disaggregated: Expr
  hasDraft: Expr
  draftWeightBytes: Expr
  draftKvBytesPerToken: Expr
  draftLinearParams: Expr
}

/** Prefill, decode, speculation, disaggregation and memory fit as one graph fragment. */
export function servingFragment(b: GraphBuilder, x: ServingArgs) {
  const original = x.original.gt(0)
  const prefill = prefillFragment(b, x)
  const kv = b.let(
    'kvCacheBytes',
    kvCacheSize.fragment(b, { bytesPerToken: x.kvBytesPerToken, seqLen: x.seqLen, batch: x.batchSize }),
    {
      symbol: 'KV',
    },
  )
  const transfer = b.let(
    'kvTransferTime',
    b.select(x.disaggregated.gt(0), kv.div(x.networkBandwidth), b.constant(0, 'seconds')),
    { symbol: 'T_{xfer}' },
  )

  // Decode: one token for each of B sequences per step.
  const linear = flopsPerParameterToken(b)
  const achievable = x.decodePeak.mul(x.efficiency)
  const decodeFlops = b.let(
    'decodeFlops',
    linear
      .mul(x.linearParams)
      .mul(x.batchSize)
      .add(attentionFlops(b).mul(x.layers).mul(x.heads).mul(x.headDim).mul(x.batchSize).mul(x.seqLen)),
    { symbol: '\\text{OPs}_{dec}' },
  )
  const decodeBytes = b.let('decodeBytes', x.weightBytes.add(kv), { symbol: 'D_{dec}' })
  const decodeCompute = b.let('decodeCompute', decodeFlops.div(achievable), { symbol: 'T_{dec,c}' })
  const decodeMemory = b.let('decodeMemory', decodeBytes.div(x.decodeBandwidth), { symbol: 'T_{dec,m}' })
  const layerTax = sourcedConstant(b, 'FRAMEWORK_LAYER_TAX', FRAMEWORK_LAYER_TAX, 'seconds', 't_{layer}')
  const decodeOverhead = b.let('decodeOverhead', x.layers.mul(layerTax), { symbol: 'T_{dec,o}' })
  const decodeStep = b.let(
    'decodeStep',
    b.select(original, decodeMemory, decodeCompute.max(decodeMemory)).add(decodeOverhead),
    { symbol: 'T_{step}' },
  )

  // Speculative decoding: γ draft steps, then one verification pass of the target over γ + 1 tokens.
  const gamma = sourcedConstant(b, 'SPECULATIVE_GAMMA', SPECULATIVE_GAMMA, 'count', '\\gamma')
  const draftKv = kvCacheSize.fragment(b, {
    bytesPerToken: x.draftKvBytesPerToken,
    seqLen: x.seqLen,
    batch: x.batchSize,
  })
  const draftMemory = x.draftWeightBytes.add(draftKv).div(x.decodeBandwidth)
  const draftCompute = linear.mul(x.draftLinearParams).mul(x.batchSize).div(achievable)
  const draftStep = b.let('draftStep', b.select(original, draftMemory, draftCompute.max(draftMemory)), {
    symbol: 'T_{draft}',
  })
  const verifyStep = b.let(
    'verifyStep',
    b.select(original, decodeStep, decodeCompute.mul(gamma.add(1)).max(decodeMemory).add(decodeOverhead)),
    { symbol: 'T_{verify}' },
  )
  const expectedTokens = b.let(
    'expectedTokensPerStep',
    speculativeExpectedTokens.fragment(b, { acceptance: x.draftAcceptanceRate, gamma }),
    { symbol: 'E[n]' },
  )
  const hasDraft = x.hasDraft.gt(0)
  const itl = b.let(
    'itl',
    b.select(hasDraft, gamma.mul(draftStep).add(verifyStep).div(expectedTokens), decodeStep),
    { symbol: '\\text{ITL}' },
  )

  // Memory: weights + KV (+ the draft's weights, and in the default model its KV) on the decode device.
  const draftResident = x.draftWeightBytes.add(b.select(original, b.constant(0, 'bytes'), draftKv))
  const total = b.let(
    'totalMemoryBytes',
    x.weightBytes.add(kv).add(b.select(hasDraft, draftResident, b.constant(0, 'bytes'))),
    { symbol: 'M' },
  )
  const decodeFits = total.le(x.decodeCapacity)
  const prefillFits = b.select(x.disaggregated.gt(0), x.weightBytes.add(kv).le(x.prefillCapacity), decodeFits)
  return {
    ...prefill,
    ttft: b.let('ttft', prefill.prefillTime.add(transfer), { symbol: '\\text{TTFT}' }),
    itl,
    kvCacheBytes: kv,
    weightBytes: x.weightBytes,
    totalMemoryBytes: total,
    memoryUtilization: total.div(x.decodeCapacity),
    feasible: b.select(original, decodeFits, decodeFits.and(prefillFits)),
    decodeFits,
    prefillFits,
    promptCacheHitRatio: x.cachedPrefixLen.div(x.seqLen),
    kvTransferTime: transfer,
    decodeFlops,
    decodeBytes,
    decodeCompute,
    decodeMemory,
    decodeOverhead,
    decodeStep,
    decodeMemoryBound: decodeMemory.gt(decodeCompute),
    draftStep,
    verifyStep,
    expectedTokensPerStep: expectedTokens,
    draftKvCacheBytes: draftKv,
  }
}

/** Declares the serving fragment's catalog-derived inputs (shared by every model that embeds it). */
export function servingBindingInputs(b: GraphBuilder) {
  return {
    linearParams: b.input('linearParams', 'count', {
      symbol: 'P',
      description: 'parameters the linear layers use',
    }),
    layers: b.input('layers', 'count', { symbol: 'L' }),
    heads: b.input('heads', 'count', { symbol: 'H' }),
    headDim: b.input('headDim', 'count', { symbol: 'd' }),
    kvBytesPerToken: b.input('kvBytesPerToken', 'bytes', { symbol: 'b_{kv}' }),
    weightBytes: b.input('weightBytes', 'bytes', { symbol: 'W' }),
    peak: b.input('peak', 'flopPerSecond', { symbol: 'R' }),
    bandwidth: b.input('memoryBandwidth', 'bytesPerSecond', { symbol: 'BW' }),
    dispatchTax: b.input('dispatchTax', 'seconds', { symbol: 't_{dispatch}' }),
    prefillCapacity: b.input('prefillCapacity', 'bytes', { symbol: 'C_{pre}' }),
    decodePeak: b.input('decodePeak', 'flopPerSecond', { symbol: 'R_{dec}' }),
    decodeBandwidth: b.input('decodeBandwidth', 'bytesPerSecond', { symbol: 'BW_{dec}' }),
    decodeCapacity: b.input('decodeCapacity', 'bytes', { symbol: 'C_{dec}' }),
    disaggregated: b.input('disaggregated', 'count', { symbol: '\\text{disagg}' }),
    hasDraft: b.input('hasDraft', 'count', { symbol: '\\text{draft}' }),
    draftWeightBytes: b.input('draftWeightBytes', 'bytes', { symbol: 'W_d' }),
    draftKvBytesPerToken: b.input('draftKvBytesPerToken', 'bytes', { symbol: 'b_{kv,d}' }),
    draftLinearParams: b.input('draftLinearParams', 'count', { symbol: 'P_d' }),
    original: b.input('original', 'count', {
      symbol: '\\text{orig}',
      description: '1 under fidelity mlsysim-0.1.2',
    }),
  }
}

/** Parameters the linear layers compute with: all of them in the original, the active ones of an MoE otherwise. */
function linearParameters(workload: Workload, original: boolean): number {
  const all = workload.parameters ?? 0
  return !original && workload.family === 'moe' ? workload.activeParameters : all
}

export interface ServingCatalog {
  readonly workload: Workload
  readonly hardware: Chip
  readonly precision: Precision
  readonly decodeHardware?: Chip | undefined
  readonly draftModel?: Workload | undefined
}

/** Catalog-derived values of the serving fragment's inputs. */
export function bindServing(input: ServingCatalog, context: SolveContext): Record<string, number> {
  const original = context.fidelity === ORIGINAL
  const { workload, hardware, precision } = input
  const decode = input.decodeHardware ?? hardware
  const bpe = bytesPerElement(precision)
  const draft = input.draftModel
  return {
    linearParams: linearParameters(workload, original),
    layers: workload.layers ?? 1,
    heads: workload.heads ?? DEFAULT_ATTENTION_HEADS.value,
    headDim: headDimOf(workload),
    kvBytesPerToken: kvCacheBytesPerToken(workload, bpe),
    weightBytes: lower(workload, bpe).weightBytes,
    peak: peakForPrecision(hardware, precision, context.fidelity).peak,
    memoryBandwidth: hardware.memory.bandwidth,
    dispatchTax: hardware.dispatchTax,
    prefillCapacity: hardware.memory.capacity,
    decodePeak: peakForPrecision(decode, precision, context.fidelity).peak,
    decodeBandwidth: decode.memory.bandwidth,
    decodeCapacity: decode.memory.capacity,
    disaggregated: input.decodeHardware ? 1 : 0,
    hasDraft: draft ? 1 : 0,
    draftWeightBytes: draft ? lower(draft, bpe).weightBytes : 0,
    draftKvBytesPerToken: draft ? kvCacheBytesPerToken(draft, bpe) : 0,
    draftLinearParams: draft ? linearParameters(draft, original) : 0,
    original: original ? 1 : 0,
  }
}

const model = defineModel('serving', (b) => {
  const bound = servingBindingInputs(b)
  return servingFragment(b, {
    ...bound,
    seqLen: b.input('seqLen', 'count', { symbol: 'S', description: 'context length in tokens' }),
    batchSize: b.input('batchSize', 'count', { symbol: 'B' }),
    efficiency: b.input('efficiency', 'count', { symbol: '\\eta' }),
    cachedPrefixLen: b.input('cachedPrefixLen', 'count', { symbol: 'S_{cached}' }),
    chunkTokens: b.input('prefillChunkTokens', 'count', { symbol: 'c', description: '0 = unchunked' }),
    draftAcceptanceRate: b.input('draftAcceptanceRate', 'count', { symbol: '\\alpha' }),
    networkBandwidth: b.input('networkBandwidth', 'bytesPerSecond', { symbol: 'BW_{net}' }),
  })
})

export interface SpeculativeDecoding {
  readonly draftModel: string
  readonly acceptanceRate: number
  /** Draft tokens proposed per verification (γ). */
  readonly gamma: number
  readonly expectedTokensPerStep: number
  readonly draftStepTime: number
  readonly verifyStepTime: number
  readonly draftWeightBytes: number
  readonly draftKvCacheBytes: number
}

export interface Disaggregation {
  readonly prefillHardware: string
  readonly decodeHardware: string
  readonly networkBandwidth: number
  readonly kvTransferTime: number
}

export interface ServingResult extends SolverResultBase {
  /** Time to first token, s: prefill (+ KV transfer when disaggregated). */
  readonly ttft: number
  /** Inter-token latency, s (per step of the batch; with speculation, per accepted token). */
  readonly itl: number
  readonly kvCacheBytes: number
  readonly weightBytes: number
  readonly totalMemoryBytes: number
  readonly memoryUtilization: number
  /** cached prefix / S. */
  readonly promptCacheHitRatio: number
  readonly newTokens: number
  readonly prefillChunks: number
  /** Slowest single prefill chunk with its dispatch, s (the whole prefill when unchunked). */
  readonly prefillChunkTime: number
  /** Longest a running decode can be stalled by one prefill chunk, s (= prefillChunkTime). */
  readonly decodeStallBound: number
  readonly prefillTime: number
  readonly kvTransferTime: number
  /** Decode step of the target without speculation, s. */
  readonly decodeStep: number
  readonly prefillBound: 'compute' | 'memory'
  readonly decodeBound: 'compute' | 'memory'
  readonly speculative: SpeculativeDecoding | null
  readonly disaggregated: Disaggregation | null
  readonly precision: Precision
  /** Iron Law of each phase: what made the time, and how much each term took. */
  readonly ironLaw: { readonly prefill: IronLaw; readonly decode: IronLaw }
}

type Outputs = Readonly<Record<string, number>>

/** The Iron Law decomposition of both phases from the fragment's outputs. */
export function servingIronLaw(
  o: Outputs,
  bound: Outputs,
  efficiency: number,
  original: boolean,
): ServingResult['ironLaw'] {
  const prefillTerms: IronLaw['terms'][number][] = [
    { term: 'compute', time: o.prefillCompute!, equation: '(2·P·N·B + 4·L·H·d·B·Σ n·ctx) / (R · η)' },
    { term: 'memory', time: o.prefillMemory!, equation: '(k·W + b_kv·B·Σ ctx) / BW' },
    { term: 'overhead', time: o.prefillOverhead!, equation: 'k · t_dispatch' },
  ]
  if (o.kvTransferTime! > 0)
    prefillTerms.push({ term: 'network', time: o.kvTransferTime!, equation: 'KV / BW_net' })
  return {
    prefill: {
      dataVolume: o.prefillBytes!,
      bandwidth: bound.memoryBandwidth!,
      operations: o.prefillFlops!,
      peak: bound.peak!,
      efficiency,
      overhead: o.prefillOverhead! + o.kvTransferTime!,
      terms: prefillTerms,
      combination: `${original ? 'compute' : 'max(compute, memory)'} + overhead${o.kvTransferTime! > 0 ? ' + network' : ''}`,
    },
    decode: {
      dataVolume: o.decodeBytes!,
      bandwidth: bound.decodeBandwidth!,
      operations: o.decodeFlops!,
      peak: bound.decodePeak!,
      efficiency,
      overhead: o.decodeOverhead!,
      terms: [
        { term: 'compute', time: o.decodeCompute!, equation: '(2·P·B + 4·L·H·d·S·B) / (R · η)' },
        { term: 'memory', time: o.decodeMemory!, equation: '(W + KV) / BW' },
        { term: 'overhead', time: o.decodeOverhead!, equation: 'L · t_layer' },
      ],
      combination: `${original ? 'memory' : 'max(compute, memory)'} + overhead`,
    },
  }
}

function trace(input: ServingInput, o: Outputs, fidelity: Fidelity): string[] {
  const original = fidelity === ORIGINAL
  const decodeChip = input.decodeHardware ?? input.hardware
  const lines: string[] = []
  const parts = `Weights: ${bytesText(o.weightBytes!)}, KV Cache: ${bytesText(o.kvCacheBytes!)}${
    input.draftModel ? `, draft: ${bytesText(o.totalMemoryBytes! - o.weightBytes! - o.kvCacheBytes!)}` : ''
  }`
  lines.push(
    o.decodeFits === 1
      ? `Memory Wall: Passed. Required ${bytesText(o.totalMemoryBytes!)} (${parts}) <= Available ${bytesText(decodeChip.memory.capacity)} on ${decodeChip.name}.`
      : `Memory Wall: FAILED. Required ${bytesText(o.totalMemoryBytes!)} (${parts}) > Available ${bytesText(decodeChip.memory.capacity)} on ${decodeChip.name}.`,
  )
  if (input.decodeHardware) {
    lines.push(
      `Disaggregation: prefill on ${input.hardware.name}, decode on ${decodeChip.name}; the KV cache crosses ${bandwidthText(input.networkBandwidth)} in ${secondsText(o.kvTransferTime!)}.`,
    )
    if (!original && o.prefillFits !== 1) {
      lines.push(
        `Memory Wall (prefill): FAILED. ${input.hardware.name} cannot hold the weights and the batch's KV cache (${bytesText(o.weightBytes! + o.kvCacheBytes!)} > ${bytesText(input.hardware.memory.capacity)}).`,
      )
    }
  }
  if (input.prefillChunkTokens !== undefined) {
    lines.push(
      `Serving Wall: Chunked prefill uses ${o.prefillChunks} chunks of up to ${input.prefillChunkTokens} tokens; decode interference is bounded by ${secondsText(o.prefillChunkTime!)} per prefill chunk.`,
    )
  }
  if (input.draftModel) {
    lines.push(
      `Speculative decoding: ${input.draftModel.name} drafts ${SPECULATIVE_GAMMA.value} tokens at α = ${input.draftAcceptanceRate}; ${o.expectedTokensPerStep!.toFixed(3)} tokens per verification.`,
    )
  }
  // As single-node says it: a precision without its own peak runs at the headline (FP16) peak.
  const devices = decodeChip.id === input.hardware.id ? [input.hardware] : [input.hardware, decodeChip]
  for (const chip of devices) {
    const headline = peakForPrecision(chip, input.precision, fidelity).source === 'peak'
    const note = headlinePeakNote(chip, input.precision, headline)
    if (note) lines.push(note)
  }
  lines.push(
    `Prefill ${o.prefillMemoryBound === 1 ? 'memory' : 'compute'}-bound: ${secondsText(o.prefillTime!)} for ${o.newTokens} new tokens × ${input.batchSize}; decode ${o.decodeMemoryBound === 1 ? 'memory' : 'compute'}-bound: ${secondsText(o.decodeStep!)} per step.`,
  )
  return lines
}

export function servingResult(
  input: ServingInput,
  o: Outputs,
  context: SolveContext,
  bound: Outputs,
): ServingResult {
  const original = context.fidelity === ORIGINAL
  const feasible = o.feasible === 1
  const decodeBound = o.decodeMemoryBound === 1 ? 'memory' : 'compute'
  return {
    ttft: o.ttft!,
    itl: o.itl!,
    kvCacheBytes: o.kvCacheBytes!,
    weightBytes: o.weightBytes!,
    totalMemoryBytes: o.totalMemoryBytes!,
    memoryUtilization: o.memoryUtilization!,
    promptCacheHitRatio: o.promptCacheHitRatio!,
    newTokens: o.newTokens!,
    prefillChunks: o.prefillChunks!,
    prefillChunkTime: o.prefillChunkTime!,
    decodeStallBound: o.prefillChunkTime!,
    prefillTime: o.prefillTime!,
    kvTransferTime: o.kvTransferTime!,
    decodeStep: o.decodeStep!,
    prefillBound: o.prefillMemoryBound === 1 ? 'memory' : 'compute',
    decodeBound,
    speculative: input.draftModel
      ? {
          draftModel: input.draftModel.id,
          acceptanceRate: input.draftAcceptanceRate,
          gamma: SPECULATIVE_GAMMA.value,
          expectedTokensPerStep: o.expectedTokensPerStep!,
          draftStepTime: o.draftStep!,
          verifyStepTime: o.verifyStep!,
          draftWeightBytes: bound.draftWeightBytes!,
          draftKvCacheBytes: o.draftKvCacheBytes!,
        }
      : null,
    disaggregated: input.decodeHardware
      ? {
          prefillHardware: input.hardware.id,
          decodeHardware: input.decodeHardware.id,
          networkBandwidth: input.networkBandwidth,
          kvTransferTime: o.kvTransferTime!,
        }
      : null,
    precision: input.precision,
    ironLaw: servingIronLaw(o, bound, input.efficiency, original),
    feasible,
    bindingConstraint: !feasible
      ? o.decodeFits === 1
        ? 'memory capacity (prefill device)'
        : 'memory capacity'
      : decodeBound === 'memory'
        ? 'memory bandwidth (decode)'
        : 'compute (decode)',
    constraintTrace: trace(input, o, context.fidelity),
  }
}

export const serving = defineGraphSolver({
  id: 'serving',
  title: 'LLM serving (prefill and decode)',
  walls: [4],
  description:
    'Time to first token and inter-token latency of a transformer on one device, with prompt caching, chunked prefill, disaggregation and speculative decoding.',
  input: servingInput,
  resultKeys: [
    'ttft',
    'itl',
    'kvCacheBytes',
    'weightBytes',
    'totalMemoryBytes',
    'memoryUtilization',
    'promptCacheHitRatio',
    'newTokens',
    'prefillChunks',
    'prefillChunkTime',
    'decodeStallBound',
    'prefillTime',
    'kvTransferTime',
    'decodeStep',
    'prefillBound',
    'decodeBound',
    'speculative',
    'disaggregated',
    'precision',
    'ironLaw',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: [
    'seqLen',
    'batchSize',
    'efficiency',
    'cachedPrefixLen',
    'draftAcceptanceRate',
    'networkBandwidth',
  ],
  bind(input, context) {
    // Assigned, not spread: spreading the bound record into a new literal costs microseconds.
    const values = bindServing(input, context)
    values.prefillChunkTokens = input.prefillChunkTokens ?? 0
    return values
  },
  finish: servingResult,
})
