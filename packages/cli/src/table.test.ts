import { describe, expect, it } from 'vitest'
import { styleFor } from './style.js'
import { renderTable } from './table.js'

describe('renderTable', () => {
  const rows = [
    { id: 'H100', peak: '989 TFLOP/s' },
    { id: 'ESP32_S3', peak: '500 MFLOP/s' },
    { id: 'T4', peak: '65 TFLOP/s' },
  ]
  const columns = [
    { header: 'id', cell: (r: (typeof rows)[number]) => r.id },
    { header: 'peak', cell: (r: (typeof rows)[number]) => r.peak, align: 'right' as const },
  ]

  it('aligns columns, numbers to the right, with a rule under the header', () => {
    expect(renderTable(rows, columns)).toBe(
      [
        'id               peak',
        '────────  ───────────',
        'H100      989 TFLOP/s',
        'ESP32_S3  500 MFLOP/s',
        'T4         65 TFLOP/s',
      ].join('\n'),
    )
  })

  it('measures widths without colour codes', () => {
    const bold = styleFor(true, {})
    const lines = renderTable(rows, columns, bold).split('\n')
    expect(lines[0]).toBe('\u001b[1mid               peak\u001b[22m')
    expect(lines[2]).toBe('H100      989 TFLOP/s')
  })
})

describe('styleFor', () => {
  it('colours a terminal unless NO_COLOR or TERM=dumb, and forces colour with FORCE_COLOR', () => {
    expect(styleFor(true, {}).red('x')).toBe('\u001b[31mx\u001b[39m')
    expect(styleFor(true, { NO_COLOR: '1' }).red('x')).toBe('x')
    expect(styleFor(true, { TERM: 'dumb' }).red('x')).toBe('x')
    expect(styleFor(false, {}).red('x')).toBe('x')
    expect(styleFor(false, { FORCE_COLOR: '1' }).red('x')).toBe('\u001b[31mx\u001b[39m')
    expect(styleFor(false, { FORCE_COLOR: '0' }).red('x')).toBe('x')
  })
})
