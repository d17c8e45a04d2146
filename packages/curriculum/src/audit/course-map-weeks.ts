/**
 * Reads the week-by-week tables of a course component map (generated or hand-written) into
 * rows of references as the page writes them: chapter and lab file stems from the links,
 * TinyTorch module numbers from the Build column.
 */
import { linksIn, parseMarkdownTables, urlStem } from '../generate/markdown-tables.js'

export interface CourseMapWeek {
  /** The section heading's offering title ("Semester 1: Foundations"). */
  readonly offeringTitle: string
  readonly week: number
  readonly part: string
  /** Chapter references: the link's file stem (`dl_primer`), as written. */
  readonly chapterRefs: readonly string[]
  /** Module numbers the Build column names (01 for "Module 01: Tensor" and "Module 01 (cont.)"). */
  readonly moduleNumbers: readonly number[]
  /** The Build column's note ("Catch-up", "AI Olympics"), if any. */
  readonly buildNote?: string
  /** Lab references: the link's file stem (`lab_06_fault_tolerance`), as written. */
  readonly labRefs: readonly string[]
}

const WEEK_HEADING = /^(.*?)\s+—\s+Week-by-Week Integration$/

export function readCourseMapWeeks(markdown: string): CourseMapWeek[] {
  const weeks: CourseMapWeek[] = []
  for (const section of parseMarkdownTables(markdown)) {
    const heading = WEEK_HEADING.exec(section.heading)
    const table = section.tables[0]
    if (!heading || !table) continue
    const header = table[0]!.map((h) => h.toLowerCase())
    const col = (prefix: string) => header.findIndex((h) => h.startsWith(prefix))
    const [week, part, read, build, explore] = [
      col('week'),
      col('part'),
      col('read'),
      col('build'),
      col('explore'),
    ]
    for (const row of table.slice(1)) {
      const buildCell = build >= 0 ? (row[build] ?? '') : ''
      const note = /\*([^*]+)\*/.exec(buildCell)?.[1]
      weeks.push({
        offeringTitle: heading[1]!,
        week: Number.parseInt(row[week] ?? '', 10),
        part: row[part] ?? '',
        chapterRefs: linksIn(row[read] ?? '').map((l) => urlStem(l.url)),
        moduleNumbers: [...buildCell.matchAll(/Module\s+(\d+)/g)].map((m) => Number.parseInt(m[1]!, 10)),
        ...(note ? { buildNote: note } : {}),
        labRefs: linksIn(row[explore] ?? '').map((l) => urlStem(l.url)),
      })
    }
  }
  return weeks
}
