import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workloads } from './catalog.js'
import { catalogMarkdown } from './catalog-table.js'

/** Table cells without the padding a Markdown formatter adds to align columns. */
function normalize(markdown: string): string[] {
  return markdown
    .trimEnd()
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-{3,}$/, '---'))
            .join('|')
        : line,
    )
}

describe('CATALOG.md', () => {
  it('is up to date with the catalog (run `pnpm gen:docs` after changing entries)', () => {
    const checkedIn = readFileSync(join(import.meta.dirname, '../CATALOG.md'), 'utf8')
    expect(normalize(checkedIn)).toEqual(normalize(catalogMarkdown(workloads)))
  })

  it('notices a changed number', () => {
    const current = catalogMarkdown(workloads)
    expect(normalize(current.replace('| 8.03B |', '| 8.04B |'))).not.toEqual(normalize(current))
  })

  it('has one row per entry with the headline numbers', () => {
    const markdown = catalogMarkdown(workloads)
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `'))
    expect(rows).toHaveLength(workloads.size)
    expect(rows.find((r) => r.startsWith('| `Llama3_8B`'))).toContain(
      '| 8.03B | 16.1 GFLOP/token | 32 | 4096 | 32/8 |',
    )
    expect(rows.find((r) => r.startsWith('| `DeepSeek_V3`'))).toContain('671B (37B active)')
    expect(rows.find((r) => r.startsWith('| `DeepSeek_V3`'))).toContain('128 MLA (512+64)')
    expect(rows.find((r) => r.startsWith('| `BERT_Base`'))).toContain('22 GFLOP/seq@128')
    expect(rows.find((r) => r.startsWith('| `DLRM`'))).toContain('100 GB stored')
    expect(rows.find((r) => r.startsWith('| `StableDiffusion_v1_5`'))).toContain('50 steps, 512 px')
  })
})
