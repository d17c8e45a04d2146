/**
 * A small benchmark harness: warm up, then run batches until a time budget is spent, and
 * report operations per second (the median of several rounds, so one GC pause or a busy
 * neighbour does not decide the figure).
 */
export interface Measurement {
  readonly label: string
  /** Operations per second (median round). */
  readonly rate: number
  /** Microseconds per operation (median round). */
  readonly microseconds: number
}

export function measure(
  label: string,
  run: () => unknown,
  options: { rounds?: number; roundMs?: number } = {},
): Measurement {
  const rounds = options.rounds ?? 5
  const roundMs = options.roundMs ?? 300
  let sink: unknown
  // Warm-up: let the JIT settle on the hot path.
  const warmUntil = performance.now() + roundMs
  while (performance.now() < warmUntil) sink = run()
  const rates: number[] = []
  for (let r = 0; r < rounds; r++) {
    let count = 0
    const start = performance.now()
    let now = start
    while (now - start < roundMs) {
      for (let i = 0; i < 64; i++) sink = run()
      count += 64
      now = performance.now()
    }
    rates.push((count * 1000) / (now - start))
  }
  if (sink === Symbol.for('never')) console.log(sink)
  rates.sort((a, b) => a - b)
  const rate = rates[Math.floor(rates.length / 2)]!
  return { label, rate, microseconds: 1e6 / rate }
}

/** "12.3 M", "416.2 k": a rate for a table cell whose header gives the unit. */
export function shortRate(rate: number): string {
  return rate >= 1e6
    ? `${(rate / 1e6).toFixed(1)} M`
    : rate >= 1e3
      ? `${(rate / 1e3).toFixed(1)} k`
      : rate.toFixed(0)
}

/**
 * The same record as a plain object literal would be. Benchmarks build their inputs with
 * this before timing: made in a loop with `{ ...base, [key]: value }`, V8 gives each a slow
 * dictionary-mode object whose allocation alone costs more than half a microsecond, and it
 * would be timed as if it were the solver's.
 */
export function literal<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export function formatRate(rate: number): string {
  if (rate >= 1e9) return `${(rate / 1e9).toFixed(2)} G/s`
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M/s`
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k/s`
  return `${rate.toFixed(1)} /s`
}

/** Prints aligned rows: label, rate, µs per op, and the ratio to a baseline rate. */
export function printTable(title: string, rows: readonly Measurement[], baseline?: number): void {
  console.log(`\n${title}`)
  const width = Math.max(...rows.map((r) => r.label.length))
  for (const row of rows) {
    const ratio = baseline ? `  ×${(row.rate / baseline).toFixed(1)}` : ''
    console.log(
      `  ${row.label.padEnd(width)}  ${formatRate(row.rate).padStart(11)}  ${row.microseconds.toFixed(3).padStart(9)} µs/op${ratio}`,
    )
  }
}
