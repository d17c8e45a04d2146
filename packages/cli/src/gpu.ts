/**
 * The WebGPU path of `mlsysim sweep`. It never decides the sweep's fate: it either returns a
 * result, or says why it could not (unavailable here, or failed), and the caller evaluates on
 * the CPU instead.
 */
import { getSweepBackend, type SweepPlan, type SweepResult } from '@mlsysim/core'
import type { SweepHooks, SweepRunOptions } from './commands/sweep.js'
import type { Context } from './io.js'

export type GpuOutcome =
  | { readonly ok: true; readonly result: SweepResult; readonly backend: string }
  | {
      readonly ok: false
      /** True when the GPU path started and broke (crash, device loss); false when it cannot run here. */
      readonly failed: boolean
      readonly reason: string
    }

export async function runOnGpu(
  _plan: SweepPlan,
  _options: SweepRunOptions,
  _hooks: SweepHooks,
  _ctx: Context,
): Promise<GpuOutcome> {
  if (!getSweepBackend('webgpu')) {
    return { ok: false, failed: false, reason: 'this build of @mlsysim/core has no WebGPU sweep backend' }
  }
  return { ok: false, failed: false, reason: 'no WebGPU adapter is available to Node here' }
}
