/**
 * Reads the pipe tables of a Markdown page by section, and the links in a cell — enough to
 * compare a generated page with a hand-written one, or to audit a hand-written one.
 */

export interface MarkdownSection {
  /** Text of the `##` heading ('' before the first heading). */
  readonly heading: string
  /** Each table as rows of cells (header row first, the alignment row dropped). */
  readonly tables: string[][][]
}

export interface MarkdownLink {
  readonly text: string
  readonly url: string
}

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  return inner.split('|').map((c) => c.trim())
}

export function parseMarkdownTables(markdown: string): MarkdownSection[] {
  const sections: Array<{ heading: string; tables: string[][][] }> = [{ heading: '', tables: [] }]
  let table: string[][] | undefined
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim()
    const heading = /^##\s+(.*)$/.exec(line)
    if (heading) {
      sections.push({ heading: heading[1]!.trim(), tables: [] })
      table = undefined
      continue
    }
    if (line.startsWith('|')) {
      const row = cells(line)
      if (row.every((c) => /^:?-{3,}:?$/.test(c))) continue
      if (!table) {
        table = []
        sections[sections.length - 1]!.tables.push(table)
      }
      table.push(row)
    } else table = undefined
  }
  return sections.filter((s) => s.heading !== '' || s.tables.length > 0)
}

export function linksIn(cell: string): MarkdownLink[] {
  return [...cell.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)].map((m) => ({ text: m[1]!, url: m[2]! }))
}

/** File stem of a link: `…/lab_06_fault_tolerance.html` → `lab_06_fault_tolerance`. */
export function urlStem(url: string): string {
  const last =
    url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? ''
  return last.replace(/\.[a-z]+$/i, '')
}
