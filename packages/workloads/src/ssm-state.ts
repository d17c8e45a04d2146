/**
 * Recurrent state of a state-space model (Mamba): `L · B · hidden · N · bpe`, independent of
 * sequence length, which is the SSM's answer to the transformer's growing KV cache.
 */
import { resolveBytesPerElement } from './lower.js'
import type { Workload } from './schema.js'

export function ssmStateBytes(workload: Workload, batch: number, bytesPerElement: string | number): number {
  if (workload.family !== 'ssm') {
    throw new TypeError(
      `ssmStateBytes: workload '${workload.id}' is a ${workload.family} workload; only ssm workloads keep a recurrent state`,
    )
  }
  if (!Number.isInteger(batch) || batch < 1) {
    throw new RangeError(`batch ${batch} is not allowed: must be a whole number ≥ 1`)
  }
  const bpe = resolveBytesPerElement(bytesPerElement)
  return workload.layers * batch * workload.hiddenDim * workload.stateSize * bpe
}
