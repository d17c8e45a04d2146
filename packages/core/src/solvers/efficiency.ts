/**
 * Software efficiency (wall 3): the original's EfficiencyModel. The achievable fraction of
 * peak (MFU) depends on the dominant kernel: dense GEMMs (FFN) reach the most, convolutions
 * somewhat less, attention without FlashAttention is bound by its O(S²) memory traffic.
 * Each kernel's MFU is quoted at η = 0.5 and scales linearly with the given η up to a cap:
 *
 *   attention + FlashAttention: min(0.75·η/0.5, 0.85)    attention: 0.30·η/0.5
 *   ffn: min(0.50·η/0.5, 0.60)                           conv: min(0.40·η/0.5, 0.55)
 *
 * The gap 1 − MFU splits into an occupancy loss 1 − min(1.1·η, 1) and a memory stall (the
 * rest). In the default model the occupancy loss is capped at the gap, so the two partition
 * 1 − MFU; the original's occupancy loss can exceed it (FlashAttention at η = 0.5: MFU 0.75
 * with a 0.45 occupancy loss), `fidelity: 'mlsysim-0.1.2'` keeps that.
 */
import type { Precision } from '@mlsysim/units'
import { z } from 'zod'
import {
  MFU_CONV_CAP,
  MFU_FFN_CAP,
  MFU_FLASH_ATTENTION,
  MFU_FLASH_ATTENTION_CAP,
  SM_OCCUPANCY_HEADROOM,
} from '../constants.js'
import { defineModel } from '../expr/model.js'
import { sourcedConstant } from '../physics/formula.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { ORIGINAL } from '../solver/fidelity.js'
import { efficiencyField, hardwareField, precisionField, workloadField } from '../solver/fields.js'
import { EFFICIENCY_REFERENCE, KERNEL_MFU_AT_REFERENCE } from './node-constants.js'
import { peakForPrecision } from './peak-for-precision.js'

export const KERNEL_TYPES = ['attention', 'ffn', 'conv'] as const
export type KernelType = (typeof KERNEL_TYPES)[number]

export const efficiencyInput = z.strictObject({
  workload: workloadField(),
  hardware: hardwareField(),
  /** The dominant kernel: attention, ffn (dense GEMM) or conv. */
  workloadType: z.enum(KERNEL_TYPES, { error: 'must be attention, ffn or conv' }).default('ffn'),
  useFlashAttention: z.boolean().default(false),
  precision: precisionField().default('fp16'),
  efficiency: efficiencyField().default(0.5),
})
export type EfficiencyInput = z.output<typeof efficiencyInput>

/** MFU at η = 0.5 and its cap, per kernel (cap 1 = uncapped). */
function kernelMfu(type: KernelType, flash: boolean): { base: number; cap: number } {
  if (type === 'attention') {
    return flash
      ? { base: MFU_FLASH_ATTENTION.value, cap: MFU_FLASH_ATTENTION_CAP.value }
      : { base: KERNEL_MFU_AT_REFERENCE.attention.value, cap: 1 }
  }
  if (type === 'ffn') return { base: KERNEL_MFU_AT_REFERENCE.ffn.value, cap: MFU_FFN_CAP.value }
  return { base: KERNEL_MFU_AT_REFERENCE.conv.value, cap: MFU_CONV_CAP.value }
}

const model = defineModel('efficiency', (b) => {
  const efficiency = b.input('efficiency', 'count', { symbol: '\\eta' })
  const base = b.input('kernelMfu', 'count', {
    symbol: '\\text{MFU}_{0.5}',
    description: 'kernel MFU at η = 0.5',
  })
  const cap = b.input('kernelCap', 'count', { symbol: '\\text{MFU}_{max}' })
  const peak = b.input('peak', 'flopPerSecond', { symbol: 'R' })
  const reference = sourcedConstant(b, 'EFFICIENCY_REFERENCE', EFFICIENCY_REFERENCE, 'count', '\\eta_{ref}')
  const headroom = sourcedConstant(b, 'SM_OCCUPANCY_HEADROOM', SM_OCCUPANCY_HEADROOM, 'count', 'h_{occ}')
  const mfu = b.let('mfu', base.mul(efficiency.div(reference)).min(cap).clamp(0, 1), {
    symbol: '\\text{MFU}',
  })
  const original = b.input('original', 'count', { symbol: '\\text{orig}' }).gt(0)
  const gap = b.constant(1).sub(mfu)
  const occupancy = b.constant(1).sub(efficiency.mul(headroom).min(1))
  const occupancyLoss = b.let('occupancyLoss', b.select(original, occupancy, occupancy.min(gap)), {
    symbol: 'L_{occ}',
  })
  return {
    mfu,
    achievableFlops: peak.mul(mfu),
    peakFlops: peak,
    occupancyLoss,
    memoryStall: gap.sub(occupancyLoss).max(0),
  }
})

export interface EfficiencyResult extends SolverResultBase {
  readonly mfu: number
  /** peak × MFU, FLOP/s. */
  readonly achievableFlops: number
  readonly peakFlops: number
  readonly workloadType: KernelType
  readonly useFlashAttention: boolean
  readonly precision: Precision
  /** How the lost fraction 1 − MFU splits. */
  readonly overheadBreakdown: { readonly occupancyLoss: number; readonly memoryStall: number }
}

export const efficiency = defineGraphSolver({
  id: 'efficiency',
  title: 'Software efficiency (MFU by kernel)',
  walls: [3],
  description:
    'Achievable MFU and FLOP/s of the dominant kernel (attention, FFN, convolution), with the loss split into occupancy and memory stalls.',
  input: efficiencyInput,
  resultKeys: [
    'mfu',
    'achievableFlops',
    'peakFlops',
    'workloadType',
    'useFlashAttention',
    'precision',
    'overheadBreakdown',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['efficiency'],
  bind(input, context) {
    const { base, cap } = kernelMfu(input.workloadType, input.useFlashAttention)
    return {
      kernelMfu: base,
      kernelCap: cap,
      peak: peakForPrecision(input.hardware, input.precision, context.fidelity).peak,
      original: context.fidelity === ORIGINAL ? 1 : 0,
    }
  },
  finish(input, o): EfficiencyResult {
    const kernel =
      input.workloadType === 'attention'
        ? `attention${input.useFlashAttention ? ' with FlashAttention' : ' (unfused, O(S²) memory traffic)'}`
        : input.workloadType === 'ffn'
          ? 'FFN (dense GEMM)'
          : 'convolution (im2col + GEMM)'
    return {
      mfu: o.mfu,
      achievableFlops: o.achievableFlops,
      peakFlops: o.peakFlops,
      workloadType: input.workloadType,
      useFlashAttention: input.useFlashAttention,
      precision: input.precision,
      overheadBreakdown: { occupancyLoss: o.occupancyLoss, memoryStall: o.memoryStall },
      feasible: true,
      bindingConstraint: o.memoryStall >= o.occupancyLoss ? 'memory stalls' : 'SM occupancy',
      constraintTrace: [
        `Software Wall: ${kernel} on ${input.hardware.name} sustains MFU ${(o.mfu * 100).toFixed(1)}% of ${(o.peakFlops / 1e12).toPrecision(4)} TFLOP/s; ${(o.occupancyLoss * 100).toFixed(1)}% lost to occupancy, ${(o.memoryStall * 100).toFixed(1)}% to memory stalls.`,
      ],
    }
  },
})
