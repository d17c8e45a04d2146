/**
 * Weight streaming (wall 6), Cerebras-style: the original's WeightStreamingModel. The KV
 * cache (plus 10% working memory) lives in on-wafer SRAM; weights stream in layer by layer
 * from external memory over the injection link, overlapped with compute:
 *
 *   T_layer = max(W_layer / BW_inject, FLOPs_layer / (R·η) + t_dispatch),   T_token = L·T_layer
 *   FLOPs_layer = 2·(P/L)·B (decode) or 2·(P/L)·S·B + 4·H·S²·d·B (prefill)
 *
 * Batch B* = T_inject·R·η / (2·P/L) balances the two. The original (fidelity
 * 'mlsysim-0.1.2') counts prefill attention with the KV heads and one matrix product
 * (2·H_kv·S²·d), computes with every MoE parameter, and sizes the SRAM cache without MLA
 * compression; the default uses the query heads and both products (QKᵀ and A·V), the
 * active parameters, and the workload's own KV layout.
 */
import { bytesPerElement, type Precision } from '@mlsysim/units'
import { headDimOf, kvCacheBytesPerToken, kvHeadsOf } from '@mlsysim/workloads'
import { z } from 'zod'
import { CHINCHILLA, FALLBACK_INTERCONNECT_BANDWIDTH } from '../constants.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import {
  batchSizeField,
  efficiencyField,
  hardwareField,
  integerField,
  precisionField,
} from '../solver/fields.js'
import {
  ATTENTION_FLOPS_PER_ENTRY,
  DEFAULT_ATTENTION_HEADS,
  WAFER_WORKING_MEMORY_FACTOR,
  WEIGHT_STREAMING_ORIGINAL_ATTENTION_FACTOR,
} from './node-constants.js'
import { peakForPrecision } from './peak-for-precision.js'
import { attentionWorkloadField } from './serving.js'
import { bytesText, secondsText } from './trace-format.js'

export const weightStreamingInput = z.strictObject({
  workload: attentionWorkloadField('weight streaming'),
  hardware: hardwareField(),
  seqLen: integerField({ min: 1 }),
  batchSize: batchSizeField().default(1),
  precision: precisionField().default('fp16'),
  efficiency: efficiencyField().default(0.5),
  phase: z.enum(['decode', 'prefill'], { error: 'must be decode or prefill' }).default('decode'),
})
export type WeightStreamingInput = z.output<typeof weightStreamingInput>

const model = defineModel('weight-streaming', (b) => {
  const seqLen = b.input('seqLen', 'count', { symbol: 'S' })
  const batch = b.input('batchSize', 'count', { symbol: 'B' })
  const efficiency = b.input('efficiency', 'count', { symbol: '\\eta' })
  const params = b.input('parameters', 'count', { symbol: 'P' })
  const computeParams = b.input('computeParameters', 'count', { symbol: 'P_{c}' })
  const layers = b.input('layers', 'count', { symbol: 'L' })
  const heads = b.input('attentionHeads', 'count', { symbol: 'H' })
  const headDim = b.input('headDim', 'count', { symbol: 'd' })
  const attentionFactor = b.input('attentionFactor', 'flop', { symbol: 'c_{attn}' })
  const bpe = b.input('bytesPerElement', 'bytes', { symbol: 'b' })
  const kvPerToken = b.input('kvBytesPerToken', 'bytes', { symbol: 'b_{kv}' })
  const capacity = b.input('capacity', 'bytes', { symbol: 'C_{SRAM}' })
  const injection = b.input('injectionBandwidth', 'bytesPerSecond', { symbol: 'BW_{inj}' })
  const peak = b.input('peak', 'flopPerSecond', { symbol: 'R' })
  const dispatch = b.input('dispatchTax', 'seconds', { symbol: 't_{dispatch}' })
  const prefill = b.input('prefill', 'count', { symbol: '\\text{prefill}' }).gt(0)

  const working = sourcedConstant(
    b,
    'WAFER_WORKING_MEMORY_FACTOR',
    WAFER_WORKING_MEMORY_FACTOR,
    'count',
    'f_{work}',
  )
  const linear = sourcedConstant(b, 'FLOPS_PER_PARAMETER_TOKEN', CHINCHILLA.decodeConstant, 'flop', 'c_{lin}')
  const memoryRequired = b.let('memoryRequired', working.mul(kvPerToken).mul(seqLen).mul(batch), {
    symbol: 'M_{SRAM}',
  })
  const fits = memoryRequired.le(capacity)
  const layerWeights = params.div(layers).mul(bpe)
  const layerInjection = b.let('layerInjectionTime', layerWeights.div(injection), { symbol: 'T_{inj}' })
  const perLayerLinear = linear.mul(computeParams.div(layers)).mul(batch)
  const flops = b.select(
    prefill,
    perLayerLinear
      .mul(seqLen)
      .add(attentionFactor.mul(heads).mul(seqLen).mul(seqLen).mul(headDim).mul(batch)),
    perLayerLinear,
  )
  const achievable = peak.mul(efficiency)
  const layerCompute = b.let('layerComputeTime', flops.div(achievable).add(dispatch), { symbol: 'T_{comp}' })
  const layerTime = b.let('layerTime', layerCompute.max(layerInjection), { symbol: 'T_{layer}' })
  const tokenTime = b.let('tokenTime', layerTime.mul(layers), { symbol: 'T_{token}' })
  const tokens = b.select(prefill, batch.mul(seqLen), batch)
  return {
    throughputTokensPerSec: b.select(fits, tokens.div(tokenTime), b.constant(0, 'hertz')),
    computeBound: layerCompute.ge(layerInjection),
    layerComputeTime: layerCompute,
    layerInjectionTime: layerInjection,
    layerTime,
    tokenTime,
    optimalBatchSize: layerInjection
      .mul(achievable)
      .div(linear.mul(computeParams.div(layers)))
      .floor()
      .max(1),
    memoryRequired,
    waferMemoryUtilization: memoryRequired.div(capacity),
    feasible: fits,
  }
})

export interface WeightStreamingResult extends SolverResultBase {
  /** Tokens per second (B·S per pass for prefill, B per step for decode); 0 when the KV cache overflows SRAM. */
  readonly throughputTokensPerSec: number
  readonly bottleneck: 'compute' | 'interconnect'
  readonly layerComputeTime: number
  readonly layerInjectionTime: number
  readonly layerTime: number
  /** L × layer time: one decode step or one prefill pass, s. */
  readonly tokenTime: number
  /** Batch that balances injection and compute. */
  readonly optimalBatchSize: number
  /** KV cache + 10% working memory, bytes. */
  readonly memoryRequired: number
  readonly waferMemoryUtilization: number
  readonly phase: 'decode' | 'prefill'
  readonly precision: Precision
}

export const weightStreaming = defineGraphSolver({
  id: 'weight-streaming',
  title: 'Weight streaming (wafer-scale)',
  walls: [6],
  description:
    'Layer time and token throughput when weights stream from external memory over the injection link while the KV cache stays in on-wafer SRAM.',
  input: weightStreamingInput,
  resultKeys: [
    'throughputTokensPerSec',
    'bottleneck',
    'layerComputeTime',
    'layerInjectionTime',
    'layerTime',
    'tokenTime',
    'optimalBatchSize',
    'memoryRequired',
    'waferMemoryUtilization',
    'phase',
    'precision',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['seqLen', 'batchSize', 'efficiency'],
  bind(input, context) {
    const original = context.fidelity === ORIGINAL
    const w = input.workload
    const bpe = bytesPerElement(input.precision)
    const params = w.parameters ?? 0
    // The original sizes the cache as 2·L·H_kv·d·b per token, ignoring MLA compression.
    const kvLayout = original ? { ...w, kvLoraRank: undefined, qkRopeHeadDim: undefined } : w
    return {
      parameters: params,
      computeParameters: !original && w.family === 'moe' ? w.activeParameters : params,
      layers: w.layers ?? 1,
      attentionHeads: original ? kvHeadsOf(w) : (w.heads ?? DEFAULT_ATTENTION_HEADS.value),
      headDim: headDimOf(w),
      attentionFactor: (original ? WEIGHT_STREAMING_ORIGINAL_ATTENTION_FACTOR : ATTENTION_FLOPS_PER_ENTRY)
        .value,
      bytesPerElement: bpe,
      kvBytesPerToken: kvCacheBytesPerToken(kvLayout, bpe),
      capacity: input.hardware.memory.capacity,
      injectionBandwidth: input.hardware.interconnect?.bandwidth ?? FALLBACK_INTERCONNECT_BANDWIDTH.value,
      peak: peakForPrecision(input.hardware, input.precision, context.fidelity).peak,
      dispatchTax: input.hardware.dispatchTax,
      prefill: input.phase === 'prefill' ? 1 : 0,
    }
  },
  finish(input, o): WeightStreamingResult {
    const feasible = o.feasible === 1
    const chip = input.hardware
    const bottleneck = o.computeBound === 1 ? 'compute' : 'interconnect'
    return {
      throughputTokensPerSec: o.throughputTokensPerSec,
      bottleneck,
      layerComputeTime: o.layerComputeTime,
      layerInjectionTime: o.layerInjectionTime,
      layerTime: o.layerTime,
      tokenTime: o.tokenTime,
      optimalBatchSize: o.optimalBatchSize,
      memoryRequired: o.memoryRequired,
      waferMemoryUtilization: o.waferMemoryUtilization,
      phase: input.phase,
      precision: input.precision,
      feasible,
      bindingConstraint: !feasible
        ? 'on-wafer memory capacity'
        : bottleneck === 'compute'
          ? 'compute'
          : 'injection bandwidth',
      constraintTrace: [
        `SRAM Wall: ${feasible ? 'Passed' : 'FAILED'}. Required ${bytesText(o.memoryRequired)} (KV + 10% Overhead) ${feasible ? '<=' : '>'} Available ${bytesText(chip.memory.capacity)} on ${chip.name}.`,
        `Streaming Wall: ${bottleneck === 'compute' ? 'Compute-Bound' : 'Interconnect-Bandwidth-Bound'} — ${secondsText(o.layerComputeTime)} compute vs ${secondsText(o.layerInjectionTime)} injection per layer; balanced at batch ${o.optimalBatchSize}.`,
      ],
    }
  },
})
