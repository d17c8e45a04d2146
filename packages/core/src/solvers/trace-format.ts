/**
 * Numbers in constraint-trace sentences, three significant digits with an SI prefix. The
 * trace is built on every solve, so this stays a few arithmetic steps and one toPrecision
 * per number (the general `format` of @mlsysim/units parses unit tables and costs ~10× more;
 * results keep full-precision numbers for anything that needs them).
 */
const PREFIXES: readonly (readonly [number, string])[] = [
  [1e18, 'E'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
]

function prefixed(value: number, unit: string): string {
  if (!Number.isFinite(value)) return `${value > 0 ? '∞' : value < 0 ? '−∞' : 'NaN'} ${unit}`
  const size = Math.abs(value)
  for (const [scale, prefix] of PREFIXES) {
    if (size >= scale) return `${(value / scale).toPrecision(3)} ${prefix}${unit}`
  }
  return `${value.toPrecision(3)} ${unit}`
}

/** "16.1 GB" (decimal prefixes). */
export const bytesText = (value: number): string => prefixed(value, 'B')

/** "3.35 TB/s". */
export const bandwidthText = (value: number): string => prefixed(value, 'B/s')

/** "989 TFLOP/s". */
export const flopsText = (value: number): string => prefixed(value, 'FLOP/s')

/** "5.19 ms", "52.6 µs", "2.15 s"; a minute or more in min, h or days ("1.28 h"). */
export function secondsText(value: number): string {
  if (!Number.isFinite(value)) return `${value > 0 ? '∞' : 'NaN'} s`
  const size = Math.abs(value)
  if (size >= 86_400) return `${(value / 86_400).toPrecision(3)} days`
  if (size >= 3_600) return `${(value / 3_600).toPrecision(3)} h`
  if (size >= 60) return `${(value / 60).toPrecision(3)} min`
  if (size >= 1 || size === 0) return `${value.toPrecision(3)} s`
  if (size >= 1e-3) return `${(value * 1e3).toPrecision(3)} ms`
  if (size >= 1e-6) return `${(value * 1e6).toPrecision(3)} µs`
  return `${(value * 1e9).toPrecision(3)} ns`
}

/**
 * "12.5%"; a fraction just under 1 keeps the digits that show it is under 100% ("99.995%",
 * at most four, then "> 99.9999%"), so a stable queue is never reported at "100.0%".
 */
export function percentText(fraction: number): string {
  const percent = fraction * 100
  if (fraction >= 1) return `${percent.toFixed(1)}%`
  for (let digits = 1; digits <= 4; digits++) {
    const text = percent.toFixed(digits)
    if (Number(text) < 100) return `${text}%`
  }
  return '> 99.9999%'
}
