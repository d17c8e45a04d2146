/**
 * The sweep progress bar: one line on stderr, redrawn in place, only when stderr is a
 * terminal (a pipe or a log file gets no control characters at all).
 */
import type { SweepProgress } from '@mlsysim/core'
import type { Context } from './io.js'

const count = (n: number) => Math.round(n).toLocaleString('en-US')

/** "3.75M/s", "812k/s", "950/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '—/s'
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toPrecision(3)}G/s`
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toPrecision(3)}M/s`
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toPrecision(3)}k/s`
  return `${Math.round(perSecond)}/s`
}

/** "35 ms", "0.4 s", "12 s", "3 min 20 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—'
  if (seconds < 0.1) return `${Math.round(seconds * 1000)} ms`
  if (seconds < 10) return `${seconds.toFixed(1)} s`
  if (seconds < 120) return `${Math.round(seconds)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 120) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** The bar's text for one progress report, fitted to `columns`. */
export function progressLine(p: SweepProgress, columns: number): string {
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 1
  const percent = `${(fraction * 100).toFixed(1).padStart(5)}%`
  const eta = p.etaSeconds === undefined ? '' : `  ETA ${formatDuration(p.etaSeconds)}`
  const tail = `${percent}  ${count(p.done)}/${count(p.total)}  ${formatRate(p.rate)}${eta}  ${p.backend}`
  // "[" + bar + "] " + tail, one column spare so the terminal never wraps.
  const width = Math.max(10, Math.min(40, columns - tail.length - 4))
  const filled = Math.round(fraction * width)
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${tail}`.slice(0, columns - 1)
}

export interface ProgressBar {
  update(p: SweepProgress): void
  /** Erases the bar (before the summary, or a message, is written). */
  clear(): void
}

/** A bar on stderr when it is a terminal; otherwise a bar that draws nothing. */
export function progressBar(ctx: Context): ProgressBar {
  if (!ctx.stderrTTY) return { update: () => {}, clear: () => {} }
  let drawn = false
  return {
    update(p) {
      ctx.io.stderr.write(`\r\u001b[2K${progressLine(p, ctx.columns)}`)
      drawn = true
    },
    clear() {
      if (drawn) ctx.io.stderr.write('\r\u001b[2K')
      drawn = false
    },
  }
}
