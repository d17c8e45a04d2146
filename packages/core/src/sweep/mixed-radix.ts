/**
 * Index ↔ coordinates of a Cartesian product by mixed radix, so a product of 10¹⁰ points is
 * walked without ever being materialized. Digit 0 is the most significant (outermost, slowest
 * varying); the last digit varies fastest:
 *
 *   index = ((d₀·r₁ + d₁)·r₂ + d₂)·… + d_{n−1}
 *
 * Indices are plain numbers, so a product may hold at most 2⁵³ − 1 points.
 */

export class MixedRadixError extends Error {
  override readonly name = 'MixedRadixError'
}

export class MixedRadix {
  /** Number of points: the product of the radices (1 for no digits). */
  readonly size: number
  /** strides[k] = r_{k+1} · … · r_{n−1}: how far the index moves when digit k steps by one. */
  readonly strides: readonly number[]

  constructor(readonly radices: readonly number[]) {
    let size = 1
    const strides = new Array<number>(radices.length)
    for (let k = radices.length - 1; k >= 0; k--) {
      const radix = radices[k]!
      if (!Number.isInteger(radix) || radix < 1) {
        throw new MixedRadixError(`radix ${k} is ${radix}; every radix must be a whole number ≥ 1`)
      }
      strides[k] = size
      size *= radix
      if (size > Number.MAX_SAFE_INTEGER) {
        throw new MixedRadixError(
          `the product of the radices exceeds 2^53 − 1 (${Number.MAX_SAFE_INTEGER}); indices would lose precision`,
        )
      }
    }
    this.size = size
    this.strides = strides
  }

  /** Digits of `index` (0 ≤ index < size), most significant first; written into `out` when given. */
  digits(
    index: number,
    out: number[] | Uint32Array = new Array<number>(this.radices.length),
  ): number[] | Uint32Array {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new MixedRadixError(`index ${index} is outside [0, ${this.size})`)
    }
    let rest = index
    for (let k = this.radices.length - 1; k >= 0; k--) {
      const radix = this.radices[k]!
      const digit = rest % radix
      out[k] = digit
      rest = (rest - digit) / radix
    }
    return out
  }

  /** The index of `digits` (most significant first); each must be within its radix. */
  index(digits: ArrayLike<number>): number {
    if (digits.length !== this.radices.length) {
      throw new MixedRadixError(`expected ${this.radices.length} digits, got ${digits.length}`)
    }
    let index = 0
    for (let k = 0; k < this.radices.length; k++) {
      const digit = digits[k]!
      const radix = this.radices[k]!
      if (!Number.isInteger(digit) || digit < 0 || digit >= radix) {
        throw new MixedRadixError(`digit ${k} is ${digit}; it must be a whole number in [0, ${radix})`)
      }
      index = index * radix + digit
    }
    return index
  }
}

/**
 * The slice of [0, total) that shard `index` of `count` evaluates: contiguous, deterministic,
 * sizes differing by at most one, and the shards together cover every index exactly once.
 * Computed in BigInt so that index · total cannot lose precision.
 */
export function shardRange(total: number, index: number, count: number): { start: number; end: number } {
  if (!Number.isInteger(count) || count < 1)
    throw new MixedRadixError(`shard count ${count} must be a whole number ≥ 1`)
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new MixedRadixError(`shard index ${index} must be a whole number in [0, ${count})`)
  }
  const t = BigInt(total)
  const start = Number((BigInt(index) * t) / BigInt(count))
  const end = Number((BigInt(index + 1) * t) / BigInt(count))
  return { start, end }
}
