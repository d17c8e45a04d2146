/**
 * The roofline (Williams, Waterman and Patterson 2009, "Roofline: an insightful visual
 * performance model for multicore architectures", CACM 52(4)): a kernel of `ops` FLOPs that
 * moves `bytes` is memory-bound when bytes/BW > ops/R, i.e. when its arithmetic intensity
 * ops/bytes is below the ridge point R/BW.
 */
import type { Expr } from '../expr/graph-builder.js'
import { defineFormula } from './formula.js'

/** Arithmetic intensity ops/bytes [FLOP/B]. */
export const arithmeticIntensity = defineFormula(
  'arithmetic-intensity',
  { ops: 'flop', bytes: 'bytes' },
  (_b, x): Expr => x.ops.div(x.bytes),
)

/** Ridge point R/BW [FLOP/B]: the intensity above which a kernel is compute-bound. */
export const ridgePoint = defineFormula(
  'ridge-point',
  { peak: 'flopPerSecond', bandwidth: 'bytesPerSecond' },
  (_b, x): Expr => x.peak.div(x.bandwidth),
)

/** 1 when moving the bytes takes longer than the compute (bytes/BW > ops/R); a tie is compute-bound. */
export const memoryBound = defineFormula(
  'memory-bound',
  { ops: 'flop', bytes: 'bytes', peak: 'flopPerSecond', bandwidth: 'bytesPerSecond' },
  (_b, x): Expr => x.bytes.div(x.bandwidth).gt(x.ops.div(x.peak)).toNumber(),
)

export interface Bottleneck {
  readonly bottleneck: 'compute' | 'memory'
  readonly arithmeticIntensity: number
  readonly computeTime: number
  readonly memoryTime: number
}

/**
 * The original's calc_bottleneck: which roof binds a kernel of `ops` FLOPs moving `bytes` on
 * a machine of `peak` FLOP/s (already scaled by efficiency, if any) and `bandwidth` B/s.
 */
export function calcBottleneck(ops: number, bytes: number, peak: number, bandwidth: number): Bottleneck {
  return {
    bottleneck: memoryBound({ ops, bytes, peak, bandwidth }) === 1 ? 'memory' : 'compute',
    arithmeticIntensity: arithmeticIntensity({ ops, bytes }),
    computeTime: ops / peak,
    memoryTime: bytes / bandwidth,
  }
}
