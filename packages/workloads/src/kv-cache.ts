/**
 * KV-cache sizing for transformer workloads (dense, GQA, MLA, paged), following the
 * original's formulas (mlsysim.md §2.2):
 *
 * - Multi-head latent attention (both `kvLoraRank` and `qkRopeHeadDim` set, DeepSeek-V2/V3):
 *   each layer caches one compressed latent plus the decoupled rotary key per token,
 *   `L · (r_kv + d_rope) · S · B · bpe`.
 * - Otherwise a K and a V vector per KV head per layer per token,
 *   `2 · L · H_kv · d_head · S · B · bpe`, with `H_kv = kvHeads ?? heads ?? 32` (no kvHeads
 *   means multi-head attention) and `d_head = headDim ?? ⌊(hiddenDim ?? 4096) / (heads ?? 32)⌋`.
 *   The defaults 4096 and 32 and the floor division are the original's.
 * - Paged (vLLM-style blocks of `pageSize` tokens): the sequence is padded up to whole pages,
 *   `S_pad = ⌈S / p⌉ · p`, and `fragmentation = (S_pad − S) / S_pad` is the wasted share.
 */
import { resolveBytesPerElement } from './lower.js'
import type { MoeWorkload, TransformerWorkload, Workload } from './schema.js'

type AttentionWorkload = TransformerWorkload | MoeWorkload

function attentionWorkload(workload: Workload, helper: string): AttentionWorkload {
  if (workload.family !== 'transformer' && workload.family !== 'moe') {
    const hint = workload.family === 'ssm' ? '; an SSM keeps a fixed state, see ssmStateBytes' : ''
    throw new TypeError(
      `${helper}: workload '${workload.id}' is a ${workload.family} workload and has no KV cache (transformer or moe only)${hint}`,
    )
  }
  return workload
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} ${value} is not allowed: must be a whole number ≥ ${min}`)
  }
}

/** True when the workload caches an MLA latent instead of per-head K and V. */
export function usesLatentAttention(workload: Workload): boolean {
  return workload.kvLoraRank !== undefined && workload.qkRopeHeadDim !== undefined
}

/** Per-head dimension the KV-cache formula uses: headDim, else ⌊hidden / heads⌋ with the original's defaults. */
export function headDimOf(workload: Workload): number {
  return workload.headDim ?? Math.floor((workload.hiddenDim ?? 4096) / (workload.heads ?? 32))
}

/** KV heads the cache stores per layer: kvHeads, else heads (MHA), else the original's default 32. */
export function kvHeadsOf(workload: Workload): number {
  return workload.kvHeads ?? workload.heads ?? 32
}

/** MLA cache `L · (r_kv + d_rope) · S · B · bpe` from the raw dimensions. */
export function mlaCacheBytes(
  layers: number,
  kvLoraRank: number,
  qkRopeHeadDim: number,
  seqLen: number,
  batch: number,
  bytesPerElement: string | number,
): number {
  checkCount('seqLen', seqLen, 0)
  checkCount('batch', batch, 1)
  return layers * (kvLoraRank + qkRopeHeadDim) * seqLen * batch * resolveBytesPerElement(bytesPerElement)
}

/** Bytes of KV cache one token adds across all layers (batch 1). */
export function kvCacheBytesPerToken(workload: Workload, bytesPerElement: string | number): number {
  return kvCacheBytes(workload, 1, 1, bytesPerElement)
}

/** KV-cache bytes for `batch` sequences of `seqLen` tokens (MLA when the workload has both MLA fields). */
export function kvCacheBytes(
  workload: Workload,
  seqLen: number,
  batch: number,
  bytesPerElement: string | number,
): number {
  const w = attentionWorkload(workload, 'kvCacheBytes')
  checkCount('seqLen', seqLen, 0)
  checkCount('batch', batch, 1)
  const bpe = resolveBytesPerElement(bytesPerElement)
  if (w.kvLoraRank !== undefined && w.qkRopeHeadDim !== undefined) {
    return mlaCacheBytes(w.layers, w.kvLoraRank, w.qkRopeHeadDim, seqLen, batch, bpe)
  }
  return 2 * w.layers * kvHeadsOf(w) * headDimOf(w) * seqLen * batch * bpe
}

export interface PagedKvCache {
  /** Bytes allocated: the KV cache of the padded sequence. */
  bytes: number
  /** Sequence length rounded up to whole pages. */
  paddedSeqLen: number
  /** Share of the allocation that holds no token: (paddedSeqLen − seqLen) / paddedSeqLen. */
  fragmentation: number
}

/** KV cache allocated in pages of `pageSize` tokens (default 16, vLLM's block size). */
export function pagedKvCacheBytes(
  workload: Workload,
  seqLen: number,
  batch: number,
  bytesPerElement: string | number,
  pageSize = 16,
): PagedKvCache {
  attentionWorkload(workload, 'pagedKvCacheBytes')
  checkCount('pageSize', pageSize, 1)
  checkCount('seqLen', seqLen, 0)
  const paddedSeqLen = Math.ceil(seqLen / pageSize) * pageSize
  return {
    bytes: kvCacheBytes(workload, paddedSeqLen, batch, bytesPerElement),
    paddedSeqLen,
    fragmentation: paddedSeqLen === 0 ? 0 : (paddedSeqLen - seqLen) / paddedSeqLen,
  }
}
