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
