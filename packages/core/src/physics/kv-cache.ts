/**
 * KV-cache sizing inside graphs, and the paged-allocation physics of continuous batching
 * (wall 5, Batching).
 *
 * The bytes one token adds to the cache (dense, grouped-query or multi-head latent
 * attention) are a property of the workload and come from @mlsysim/workloads'
 * `kvCacheBytesPerToken`, which holds the only copy of those formulas; graphs multiply
 * that per-token size by tokens and sequences (`kvCacheSize`), and by tokens padded to whole
 * pages (`pagedSeqLen`, the same padding as `pagedKvCacheBytes`).
 *
 * Paged allocation over a distribution of request lengths (the original's newer
 * ContinuousBatchingModel): lengths S are exponential with scale μ, capped at S_max, so that
 * E[min(S, S_max)] = μ·(1 − e^{−S_max/μ}) equals the mean request length. A request holds
 * ⌈S/p⌉ pages of p tokens; with r = e^{−p/μ} and K = ⌈S_max/p⌉, P(⌈S/p⌉ ≥ j) = r^{j−1} for
 * j ≤ K, so E[pages] = Σ_{j=1..K} r^{j−1} = (1 − r^K)/(1 − r), and E[allocated tokens] = p·E[pages].
 */
import type { Expr, GraphBuilder } from '../expr/graph-builder.js'
import { defineFormula } from './formula.js'

/** KV-cache bytes of `batch` sequences of `seqLen` tokens, from the workload's bytes per token. */
export const kvCacheSize = defineFormula(
  'kv-cache-size',
  { bytesPerToken: 'bytes', seqLen: 'count', batch: 'count' },
  (_b, x): Expr => x.bytesPerToken.mul(x.seqLen).mul(x.batch),
)

/** Tokens a paged allocator holds for a sequence: ⌈S/p⌉·p (vLLM pages of p tokens). */
export const pagedSeqLen = defineFormula(
  'paged-seq-len',
  { seqLen: 'count', pageSize: 'count' },
  (_b, x): Expr => x.seqLen.div(x.pageSize).ceil().mul(x.pageSize),
)

/**
 * 1 − e^{−x} for x ≥ 0, accurate for small x without expm1: with u = e^{−x} rounded,
 * (1 − u)·x/(−ln u) cancels the rounding error of u (Kahan's trick, Higham, "Accuracy and
 * Stability of Numerical Algorithms", §1.14.1); x itself when u rounds to 1; 1 − u for x ≥ ½.
 */
export function oneMinusExpNeg(b: GraphBuilder, x: Expr): Expr {
  const u = x.neg().exp()
  const direct = b.constant(1).sub(u)
  const corrected = direct.mul(x).div(u.log().neg())
  // For x ≥ ½ the subtraction loses nothing (and u may underflow to 0, where ln u = −∞).
  return b.select(x.ge(0.5), direct, b.select(u.lt(1), corrected, x))
}

/**
 * Scale μ of an exponential length distribution capped at `maxSeqLen` whose mean is
 * `mean`: the root of μ·(1 − e^{−S_max/μ}) = mean, found by bisection in TypeScript (the
 * left side rises from 0 to S_max as μ goes from 0 to ∞, so the root is unique). It is not a
 * graph formula: a bisection's derivative through its comparisons would be zero, so solvers
 * compute μ when they bind their inputs and pass it to the graph. ∞ when mean = S_max (every
 * request has the full length). The original bisects 100 times; this one runs until the
 * bracket stops shrinking, which reaches the same root to the last bit.
 */
export function cappedExponentialScale(mean: number, maxSeqLen: number): number {
  if (!(Number.isFinite(maxSeqLen) && maxSeqLen > 0)) {
    throw new RangeError(`maxSeqLen ${maxSeqLen} is not allowed: must be a finite number > 0`)
  }
  if (!(Number.isFinite(mean) && mean > 0 && mean <= maxSeqLen)) {
    throw new RangeError(`mean ${mean} is not allowed: must be > 0 and ≤ maxSeqLen (${maxSeqLen})`)
  }
  if (mean === maxSeqLen) return Number.POSITIVE_INFINITY
  const cappedMean = (scale: number) => -scale * Math.expm1(-maxSeqLen / scale)
  // cappedMean(μ) < μ, so the root is above `mean`; and cappedMean(μ) ≥ S_max − S_max²/(2μ),
  // so at μ = S_max²/(2(S_max − mean)) it is at least `mean`.
  let low = mean
  let high = Math.max(mean, (maxSeqLen * maxSeqLen) / (2 * (maxSeqLen - mean)))
  for (let i = 0; i < 2000; i++) {
    const mid = low + (high - low) / 2
    if (mid <= low || mid >= high) break
    if (cappedMean(mid) < mean) low = mid
    else high = mid
  }
  return low + (high - low) / 2
}

/**
 * Expected tokens a paged allocator holds per request, p·(1 − r^K)/(1 − r) with r = e^{−p/μ}
 * and K = ⌈S_max/p⌉; K·p when μ = ∞ (every request is S_max long).
 */
export const expectedPagedKvTokens = defineFormula(
  'expected-paged-kv-tokens',
  { lengthScale: 'count', maxSeqLen: 'count', pageSize: 'count' },
  (b, x): Expr => {
    const pages = x.maxSeqLen.div(x.pageSize).ceil()
    const perPage = x.pageSize.div(x.lengthScale)
    const expectedPages = b.select(
      perPage.gt(0),
      oneMinusExpNeg(b, pages.mul(perPage)).div(oneMinusExpNeg(b, perPage)),
      pages,
    )
    return x.pageSize.mul(expectedPages)
  },
)

/**
 * Speculative branches (tree or beam decoding) that fit in a KV budget of `kvCapacity`
 * bytes, each branch `branchTokens` long after a shared `prefixTokens` prompt:
 *   naive (every branch copies the prefix):  ⌊C / ((l_p + l_b)·b)⌋
 *   copy-on-write (prefix stored once; a branch adds its tokens plus one page for the
 *   partially shared last block):            ⌊(C − l_p·b) / ((l_b + block)·b)⌋
 * Never negative: a budget below the prefix holds no branch.
 */
export const speculativeBranchCapacity = defineFormula(
  'speculative-branch-capacity',
  {
    kvCapacity: 'bytes',
    prefixTokens: 'count',
    branchTokens: 'count',
    bytesPerToken: 'bytes',
    copyOnWrite: 'count',
    blockTokens: 'count',
  },
  (b, x): Expr => {
    const naive = x.kvCapacity.div(x.prefixTokens.add(x.branchTokens).mul(x.bytesPerToken)).floor()
    const shared = x.kvCapacity
      .sub(x.prefixTokens.mul(x.bytesPerToken))
      .div(x.branchTokens.add(x.blockTokens).mul(x.bytesPerToken))
      .floor()
    return b.select(x.copyOnWrite.gt(0), shared, naive).max(0)
  },
)
