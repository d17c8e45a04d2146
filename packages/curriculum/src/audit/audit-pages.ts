/**
 * Audits hand-written course pages against the catalog: the week tables of a course
 * component map (as written, old links and all) replace the offerings' weeks, the pages'
 * printed lab titles and capstone budgets are added, and the checks that concern pages run.
 * What they report is the drift between the pages and the course data.
 */

import { type CourseFile, loadCourseFromFiles } from '../load/files.js'
import type { CourseData, Offering, Week } from '../schema/index.js'
import { type ValidateOptions, type ValidationResult, validateCourse } from '../validate/validate-course.js'
import { readCourseMapWeeks } from './course-map-weeks.js'

/** Checks that judge pages: week chapters and labs, titles, TinyTorch order, kits, capstone budgets. */
export const PAGE_CHECKS = ['c01', 'c02', 'c04', 'c12', 'capstone-specs'] as const

const TINYTORCH_NOTES: Record<string, Week['tinytorchNote']> = {
  'catch-up': 'catch-up',
  'capstone prep': 'capstone-prep',
  'capstone work': 'capstone-work',
  'ai olympics': 'ai-olympics',
}

/** The offerings as a course map writes them: its weeks, everything else from `base`. */
export function offeringsFromCourseMap(markdown: string, base: CourseData): Offering[] {
  const rows = readCourseMapWeeks(markdown)
  const titles = [...new Set(rows.map((r) => r.offeringTitle))]
  return titles.flatMap((title) => {
    const offering = base.offerings.find((o) => o.title === title)
    if (!offering) return []
    const weeks = rows
      .filter((r) => r.offeringTitle === title)
      .map((row): Week => {
        const note = row.buildNote ? TINYTORCH_NOTES[row.buildNote.toLowerCase()] : undefined
        return {
          number: row.week,
          partNumeral: row.part as Week['partNumeral'],
          chapterIds: [...row.chapterRefs],
          labIds: [...row.labRefs],
          tinytorchModuleIds: row.moduleNumbers.map(
            (n) =>
              base.tinytorchModules.find((m) => m.number === n)?.id ??
              `${String(n).padStart(2, '0')}_unknown`,
          ),
          ...(note ? { tinytorchNote: note } : {}),
          kitActivityIds: [],
          due: [],
        }
      })
    // Labs the page leaves out are judged by the page, not excused by the data.
    const { unscheduledLabIds: _dropped, ...rest } = offering
    return [{ ...rest, weeks }]
  })
}

export interface OriginalPages {
  /** A course component map in Markdown (instructors/course-map.qmd). */
  courseMap?: string
  /** Page records (`pages/*.yaml`: printed lab titles, capstone budgets) and any other overrides. */
  files?: readonly CourseFile[]
}

export function auditOriginalPages(
  pages: OriginalPages,
  base: CourseData,
  options: Omit<ValidateOptions, 'only' | 'locate'> = {},
): ValidationResult {
  const loaded = loadCourseFromFiles(pages.files ?? [], { base })
  const data = loaded.data as unknown as CourseData
  const fromMap = pages.courseMap ? offeringsFromCourseMap(pages.courseMap, base) : []
  const offerings = data.offerings.map((o) => fromMap.find((m) => m.id === o.id) ?? o)
  const result = validateCourse(
    { ...data, offerings },
    { ...options, only: PAGE_CHECKS, locate: loaded.locate },
  )
  return {
    ...result,
    ok: result.ok && loaded.issues.length === 0,
    issues: [...loaded.issues, ...result.issues],
  }
}
