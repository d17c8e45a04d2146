/**
 * Aligned text tables for people: a header, a rule, one line per row; numbers (cells whose
 * column says `align: 'right'`) right-aligned so magnitudes line up. Cells are plain strings
 * already formatted (units by @mlsysim/units `format`); widths count characters as seen.
 */
import { type Style, stripAnsi } from './style.js'

export interface Column<T> {
  readonly header: string
  readonly cell: (row: T) => string
  readonly align?: 'left' | 'right'
}

const width = (text: string) => [...stripAnsi(text)].length

function pad(text: string, size: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)))
  return align === 'right' ? fill + text : text + fill
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], style?: Style): string {
  const cells = rows.map((row) => columns.map((c) => c.cell(row)))
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i]!))))
  const line = (parts: string[]) =>
    parts
      .map((p, i) => pad(p, widths[i]!, columns[i]!.align ?? 'left'))
      .join('  ')
      .trimEnd()
  const header = line(columns.map((c) => c.header))
  const out = [
    style ? style.bold(header) : header,
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.map(line),
  ]
  return out.join('\n')
}

/** "—" for a missing value, so an empty cell is never mistaken for a misaligned one. */
export const MISSING = '—'
