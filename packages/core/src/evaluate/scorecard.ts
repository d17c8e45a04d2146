/**
 * The scorecard as text (the original's `SystemEvaluation.scorecard()`): a box-drawn card
 * with the three levels, their summaries, their metrics with units, and the plan's
 * assertions. `ascii: true` draws with + - | and writes every character in ASCII, for
 * terminals and logs that cannot show box-drawing characters.
 */
import type { DimensionName } from '@mlsysim/units'
import type { AssertionResult } from './assertions.js'
import { LEVEL_KEYS, type MetricValue, type SystemEvaluation } from './levels.js'
import { formatQuantity, METRIC_DIMENSIONS } from './metrics.js'

export interface ScorecardOptions {
  /** Plain ASCII instead of box drawing and symbols (default false). */
  readonly ascii?: boolean
  /** Characters between the borders (default 64, at least 32). */
  readonly width?: number
  /** List each level's metrics under its summary (default true). */
  readonly metrics?: boolean
}

const BOX = {
  top: ['╔', '═', '╗'],
  divider: ['╠', '═', '╣'],
  separator: ['╟', '─', '╢'],
  bottom: ['╚', '═', '╝'],
  side: '║',
  arrow: '↳',
  held: '✓',
  failed: '✗',
} as const

const ASCII = {
  top: ['+', '=', '+'],
  divider: ['+', '=', '+'],
  separator: ['+', '-', '+'],
  bottom: ['+', '=', '+'],
  side: '|',
  arrow: '->',
  held: 'ok',
  failed: 'x',
} as const

const TRANSLITERATIONS: Record<string, string> = {
  µ: 'u',
  μ: 'u',
  '·': '.',
  '≤': '<=',
  '≥': '>=',
  '×': 'x',
  '—': '-',
  '–': '-',
  '→': '->',
  '₂': '2',
  '…': '...',
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
}

function toAscii(text: string): string {
  return [...text].map((c) => (c.charCodeAt(0) < 128 ? c : (TRANSLITERATIONS[c] ?? '?'))).join('')
}

/** "memoryUsed" → "memory used". */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()

export function formatMetric(key: string, value: MetricValue): string {
  if (value === null) return '—'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return value
  const dimension: DimensionName | undefined = METRIC_DIMENSIONS[key]
  return formatQuantity(value, dimension ?? 'count')
}

/** Splits `text` into lines of at most `width` characters, breaking at spaces where it can. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = []
  let rest = text
  let prefix = ''
  while ([...(prefix + rest)].length > width) {
    const room = width - prefix.length
    const cut = rest.lastIndexOf(' ', room)
    const at = cut > room / 3 ? cut : room
    lines.push(prefix + rest.slice(0, at))
    rest = rest.slice(at).trimStart()
    prefix = indent
  }
  lines.push(prefix + rest)
  return lines
}

export function renderScorecard(
  evaluation: SystemEvaluation & { readonly assertions?: readonly AssertionResult[] },
  options: ScorecardOptions = {},
): string {
  const glyphs = options.ascii ? ASCII : BOX
  const width = Math.max(32, options.width ?? 64)
  const showMetrics = options.metrics ?? true
  const out: string[] = []
  const rule = ([left, fill, right]: readonly string[]) => out.push(`${left}${fill!.repeat(width)}${right}`)
  const line = (text: string, indent = '  ') => {
    const content = options.ascii ? toAscii(text) : text
    for (const piece of wrap(content, width - 2, indent)) {
      out.push(`${glyphs.side} ${piece}${' '.repeat(width - 1 - [...piece].length)}${glyphs.side}`)
    }
  }

  rule(glyphs.top)
  line('MLSys·im SYSTEM EVALUATION')
  line(`Scenario: ${evaluation.scenarioName}`)
  if (evaluation.fidelity !== 'default') line(`Fidelity: ${evaluation.fidelity}`)
  rule(glyphs.divider)
  LEVEL_KEYS.forEach((key, index) => {
    const lvl = evaluation[key]
    line(`Level ${index + 1}: ${lvl.levelName} [${lvl.status}]`)
    line(`${glyphs.arrow} ${lvl.summary}`, '   ')
    if (showMetrics) {
      const entries = Object.entries(lvl.metrics)
      const labelWidth = Math.max(0, ...entries.map(([k]) => words(k).length))
      for (const [k, v] of entries) line(`   ${words(k).padEnd(labelWidth)}  ${formatMetric(k, v)}`, '     ')
    }
    if (index < LEVEL_KEYS.length - 1) rule(glyphs.separator)
  })
  const assertions = evaluation.assertions ?? []
  if (assertions.length > 0) {
    rule(glyphs.separator)
    const held = assertions.filter((a) => a.passed).length
    line(`Assertions: ${held} of ${assertions.length} held`)
    for (const a of assertions) line(`${a.passed ? glyphs.held : glyphs.failed} ${a.message}`, '   ')
  }
  rule(glyphs.bottom)
  return out.join('\n')
}
