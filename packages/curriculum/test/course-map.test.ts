// The generated course component map against the seed page (a verbatim fixture copy): same
// reading, TinyTorch module and lab every week — labs compared through their aliases, so the
// old 16-lab links resolve — except the weeks a recorded decision corrects, whose course-map
// link must be exactly what the decision keeps as its alternative.
import { describe, expect, it } from 'vitest'
import {
  course,
  type Decision,
  generateCourseMap,
  parseMarkdownTables,
  readCourseMapWeeks,
} from '../src/index.js'
import { CourseIndex } from '../src/validate/course-index.js'
import { readFixture } from './helpers.js'

const seed = readFixture('course-component-map.seed.md')
const generated = generateCourseMap(course)
const index = new CourseIndex(course)

/** A week of a map as canonical ids: chapters and labs through aliases, modules by number. */
function canonicalWeeks(markdown: string) {
  return readCourseMapWeeks(markdown).map((w) => {
    const offering = course.offerings.find((o) => o.title === w.offeringTitle)!
    return {
      offering: offering.id,
      week: w.week,
      part: w.part,
      chapters: w.chapterRefs.map((ref) => index.chapter(ref, offering.volumeId)?.id ?? `?${ref}`),
      modules: w.moduleNumbers,
      note: w.buildNote ?? null,
      labs: w.labRefs.map((ref) => index.lab(ref, offering.volumeId)?.id ?? `?${ref}`),
      labRefs: w.labRefs,
    }
  })
}

const seedWeeks = canonicalWeeks(seed)
const ourWeeks = canonicalWeeks(generated)

describe('generated course component map vs the seed page', () => {
  it('prints both semesters of the seed, week by week, and the TinyML course after them', () => {
    const count = (o: string, weeks: typeof seedWeeks) => weeks.filter((w) => w.offering === o).length
    expect([count('foundations', seedWeeks), count('scale', seedWeeks), count('tinyml', seedWeeks)]).toEqual([
      16, 16, 0,
    ])
    expect([count('foundations', ourWeeks), count('scale', ourWeeks), count('tinyml', ourWeeks)]).toEqual([
      16, 16, 12,
    ])
  })

  it('matches the seed’s reading, part and TinyTorch column in every week', () => {
    const pick = (w: (typeof seedWeeks)[number]) => ({
      key: `${w.offering} ${w.week}`,
      part: w.part,
      chapters: w.chapters,
      modules: w.modules,
      note: w.note,
    })
    const seedRows = seedWeeks.map(pick)
    expect(ourWeeks.filter((w) => w.offering !== 'tinyml').map(pick)).toEqual(seedRows)
    // The seed links chapters by their old directories; every one of them resolves.
    expect(seedRows.flatMap((r) => r.chapters).filter((c) => c.startsWith('?'))).toEqual([])
  })

  it('matches the seed’s lab every week, except the Scale weeks the data corrects — each with a decision that keeps the seed’s link', () => {
    const differing: string[] = []
    for (const ours of ourWeeks.filter((w) => w.offering !== 'tinyml')) {
      const theirs = seedWeeks.find((w) => w.offering === ours.offering && w.week === ours.week)!
      expect(theirs.labs.filter((l) => l.startsWith('?'))).toEqual([])
      if (JSON.stringify(theirs.labs) === JSON.stringify(ours.labs)) continue
      differing.push(`${ours.offering} ${ours.week}`)
      const week = course.offerings.find((o) => o.id === ours.offering)!.weeks[ours.week - 1]!
      const decision: Decision | undefined = week.decisions?.find(
        (d) => d.id === `${ours.offering}-week-${ours.week}-lab`,
      )
      expect(decision, `week ${ours.week} differs from the seed without a decision`).toBeDefined()
      expect(decision!.alternatives[0]!.value.startsWith(theirs.labRefs[0]!)).toBe(true)
      expect(decision!.alternatives[0]!.source).toBe('instructors/course-map.qmd')
    }
    // Foundations agrees throughout; Scale differs from week 6 on, except 9 and 16 (same lab, renumbered file).
    expect(differing).toEqual([
      'scale 6',
      'scale 7',
      'scale 8',
      'scale 10',
      'scale 11',
      'scale 12',
      'scale 13',
      'scale 14',
      'scale 15',
    ])
    const week16 = seedWeeks.find((w) => w.offering === 'scale' && w.week === 16)!
    expect([week16.labRefs, week16.labs]).toEqual([['lab_16_fleet_synthesis'], ['v2_17_fleet_synthesis']])
  })

  const tableOf = (markdown: string, heading: string) =>
    parseMarkdownTables(markdown).find((s) => s.heading === heading)?.tables[0]

  it('prints the seed’s pillars, kit integration points, practice layer and Iron Law tables verbatim', () => {
    for (const heading of [
      'The Four Pillars',
      'Hardware Kit Integration Points',
      'Assessment and Practice Layer',
      'The Unifying Thread: The Iron Law',
    ]) {
      const theirs = tableOf(seed, heading)
      expect(theirs, heading).toBeDefined()
      expect(tableOf(generated, heading), heading).toEqual(theirs)
    }
    expect(generated).toContain(
      '$$T \\approx \\frac{D_{vol}}{BW} + \\frac{O}{R_{peak} \\cdot \\eta} + L_{lat}$$',
    )
  })

  it('links labs by today’s files with their catalog titles', () => {
    expect(generated).toContain(
      '[Lab 06: Collective Communication](https://mlsysbook.ai/labs/vol2/lab_06_collective_communication.html)',
    )
    expect(generated).toContain(
      '| 15 | IV | [Sustainable AI](https://mlsysbook.ai/vol2/sustainable_ai.html) + [Responsible AI](https://mlsysbook.ai/vol2/responsible_ai.html) | [Lab 15: The Carbon Budget](https://mlsysbook.ai/labs/vol2/lab_15_sustainable_ai.html) + [Lab 16: The Fairness Budget](https://mlsysbook.ai/labs/vol2/lab_16_responsible_ai.html) |',
    )
    expect(generated).toContain(
      '| 2 | I | [ML Systems](https://mlsysbook.ai/vol1/ml_systems.html) | Module 01 (cont.) | [Lab 01: The AI Triad]',
    )
    expect(generated).toContain('| 11 (optional) | IV |')
  })
})
