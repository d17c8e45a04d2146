/**
 * Generates the course component map (instructors/course-map.qmd) from the course data: the
 * four pillars, a week-by-week table per offering, kit integration points, the assessment and
 * practice layer, and the Iron Law. Titles, links and numbering come from the data, so the page
 * cannot drift from the catalog.
 */
import type { CourseData, Offering, Week } from '../schema/index.js'

const SITE = 'https://mlsysbook.ai'

export interface CourseMapOptions {
  /** Offerings to print, in order (default: the course's offerings). */
  offeringIds?: readonly string[]
  /** Offerings whose kit integration points are printed (default: every offering with kit activities). */
  kitOfferingIds?: readonly string[]
}

const TINYTORCH_NOTES: Record<NonNullable<Week['tinytorchNote']>, string> = {
  'catch-up': '*Catch-up*',
  'capstone-prep': '*Capstone prep*',
  'capstone-work': '*Capstone work*',
  'ai-olympics': '*AI Olympics*',
}

/** Escapes a table cell (pipes would split it). */
const cell = (text: string) => text.replace(/\|/g, '\\|')

const linkText = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '')

function chapterOf(course: CourseData, volumeId: string, ref: string) {
  const bare = ref.includes('/') ? ref.slice(ref.indexOf('/') + 1) : ref
  const vol = ref.includes('/') ? ref.slice(0, ref.indexOf('/')) : volumeId
  return course.chapters.find((c) => c.volumeId === vol && (c.id === bare || c.aliases?.includes(bare)))
}

function labOf(course: CourseData, volumeId: string, ref: string) {
  return course.labs.find(
    (l) => l.id === ref || (l.volumeId === volumeId && l.slug === ref) || l.code === ref,
  )
}

/** URL of a lab page on the labs site. */
export function labUrl(lab: { volumeId: string; slug: string }): string {
  return `${SITE}/labs/${lab.volumeId}/${lab.slug}.html`
}

function readCell(course: CourseData, offering: Offering, week: Week): string {
  return week.chapterIds
    .map((ref) => {
      const chapter = chapterOf(course, offering.volumeId, ref)
      return chapter ? `[${chapter.shortTitle ?? chapter.title}](${chapter.url})` : ref
    })
    .join(' + ')
}

function buildCell(course: CourseData, offering: Offering, week: Week): string {
  const earlier = new Set(
    offering.weeks.filter((w) => w.number < week.number).flatMap((w) => w.tinytorchModuleIds),
  )
  const parts = week.tinytorchModuleIds.map((ref) => {
    const module = course.tinytorchModules.find((m) => m.id === ref || m.aliases?.includes(ref))
    if (!module) return ref
    const label = `Module ${String(module.number).padStart(2, '0')}`
    return earlier.has(module.id) ? `${label} (cont.)` : `[${label}: ${module.title}](${module.url})`
  })
  if (week.tinytorchNote) parts.push(TINYTORCH_NOTES[week.tinytorchNote])
  return parts.join(' + ') || '—'
}

function exploreCell(course: CourseData, offering: Offering, week: Week): string {
  return (
    week.labIds
      .map((ref) => {
        const lab = labOf(course, offering.volumeId, ref)
        return lab ? `[Lab ${String(lab.number).padStart(2, '0')}: ${lab.title}](${labUrl(lab)})` : ref
      })
      .join(' + ') || '—'
  )
}

function weekTable(course: CourseData, offering: Offering): string[] {
  const withBuild = offering.weeks.some((w) => w.tinytorchModuleIds.length > 0 || w.tinytorchNote)
  const header = withBuild
    ? ['Week', 'Part', 'Read', 'Build (TinyTorch)', 'Explore (Lab)']
    : ['Week', 'Part', 'Read', 'Explore (Lab)']
  const rows = offering.weeks.map((week) => {
    const number = week.optional ? `${week.number} (optional)` : String(week.number)
    const row = [number, week.partNumeral, readCell(course, offering, week)]
    if (withBuild) row.push(buildCell(course, offering, week))
    row.push(exploreCell(course, offering, week))
    return row
  })
  return table(header, rows)
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ':---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ]
}

function kitTable(course: CourseData, offering: Offering): string[] {
  const rows: string[][] = []
  for (const week of offering.weeks) {
    for (const activityId of week.kitActivityIds) {
      const activity = course.kitActivities.find((a) => a.id === activityId)
      if (!activity) continue
      const chapter = activity.capstoneId
        ? 'Capstone'
        : activity.chapterIds
            .map((ref) => chapterOf(course, offering.volumeId, ref))
            .map((c) => (c ? (c.shortTitle ?? c.title) : ''))
            .join(', ')
      const device =
        activity.deviceLabel ??
        activity.kitIds.map((id) => course.kits.find((k) => k.id === id)?.name ?? id).join(' + ')
      rows.push([String(week.number), chapter, activity.title, device])
    }
  }
  const label = offering.title.replace(/^Semester (\d+):.*$/, 'Sem $1')
  return rows.length ? table([`Week (${label})`, 'Chapter', 'Hardware Activity', 'Device'], rows) : []
}

export function generateCourseMap(course: CourseData, options: CourseMapOptions = {}): string {
  const offerings = (options.offeringIds ?? course.course.offeringIds)
    .map((id) => course.offerings.find((o) => o.id === id))
    .filter((o): o is Offering => o !== undefined)
  const kitOfferings = options.kitOfferingIds
    ? offerings.filter((o) => options.kitOfferingIds!.includes(o.id))
    : offerings.filter((o) => o.weeks.some((w) => w.kitActivityIds.length > 0))
  const lines: string[] = [
    '---',
    'title: "Course Component Map"',
    'subtitle: "How Read, Build, Explore, and Deploy connect week by week"',
    '---',
    '<!-- Generated by @mlsysim/curriculum (generateCourseMap) from the course data; edit the data, not this page. -->',
    `The ML Systems curriculum has four pillars. This page shows how they integrate across ${offerings.length === 2 ? 'both semesters' : 'the offerings'} — so you can see, at a glance, what students do each week.`,
    '',
    '## The Four Pillars',
    ...table(
      ['Pillar', 'Resource', 'What Students Do', 'Link'],
      course.course.pillars.map((p) => [
        `**${p.title}**`,
        p.resource,
        p.activity,
        `[${linkText(p.url)}](${p.url})`,
      ]),
    ),
    `The **${course.course.loop}** loop is the core pedagogical cycle.`,
  ]
  for (const offering of offerings) {
    lines.push('', `## ${offering.title} — Week-by-Week Integration`, ...weekTable(course, offering))
  }
  kitOfferings.forEach((offering, i) => {
    const rows = kitTable(course, offering)
    if (rows.length === 0) return
    lines.push(
      '',
      i === 0
        ? '## Hardware Kit Integration Points'
        : `## Hardware Kit Integration Points: ${offering.title}`,
    )
    if (i === 0)
      lines.push('Hardware kits are optional but provide powerful "reality checks" at specific moments:')
    lines.push(...rows)
    if (i === 0)
      lines.push(
        '::: {.callout-tip}',
        '## No Hardware? No Problem.',
        'All hardware experiences are grounded in the interactive labs via [`mlsysim`](https://mlsysbook.ai/mlsysim/). Labs use datasheet-based analytical models for memory constraints, power/thermal envelopes, and latency bounds.',
        ':::',
      )
  })
  if (course.assessment.practiceLayer.length) {
    lines.push(
      '',
      '## Assessment and Practice Layer',
      ...table(
        ['Course Moment', 'Evidence of Mastery', 'Recommended Artifact', 'StaffML / Quiz Connection'],
        course.assessment.practiceLayer.map((r) => [r.moment, r.evidence, r.artifact, r.connection]),
      ),
    )
  }
  if (course.ironLaw) {
    const [first, second] = course.course.offeringIds
    lines.push(
      '',
      '## The Unifying Thread: The Iron Law',
      'Every optimization in both semesters maps to a specific term in the Iron Law:',
      `$$${course.ironLaw.equation}$$`,
      ...table(
        ['Term', 'Represents', 'Sem 1 Examples', 'Sem 2 Examples'],
        course.ironLaw.terms.map((t) => [
          `$${t.latex}$`,
          t.meaning,
          (first && t.examples[first]) || '—',
          (second && t.examples[second]) || '—',
        ]),
      ),
    )
  }
  return `${lines.join('\n')}\n`
}
