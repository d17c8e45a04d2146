/**
 * §3.8 check 4: the lab titles hand-written pages print match the lab's title or one of its
 * alternative titles. A known stale title is a warning naming the current one; an unknown title
 * is an error, and when it is another lab's title the link points at the wrong lab.
 */
import { closestMatches } from '@mlsysim/units'
import type { Lab } from '../../schema/index.js'
import { type CourseCheck, labName, labPath } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

/** "Lab 01: The Magnitude Gap" and "magnitude gap" compare equal. */
export function normalizeTitle(title: string): string {
  return title
    .replace(/^\s*lab\s+\d+\s*[:.–-]\s*/i, '')
    .replace(/^the\s+/i, '')
    .replace(/[“”"']/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

const titlesOf = (lab: Lab) => [lab.title, ...lab.altTitles]

export const labTitlesCheck: CourseCheck = {
  id: 'c04',
  number: 4,
  title: 'Printed lab titles match the catalog',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    // Titles identify labs on pages: two labs of a volume must not share one.
    const owner = new Map<string, Lab>()
    for (const lab of data.labs) {
      titlesOf(lab).forEach((title, i) => {
        const key = `${lab.volumeId}:${normalizeTitle(title)}`
        const other = owner.get(key)
        if (other && other !== lab)
          ctx.error(
            labName(lab),
            [...labPath(ctx, lab), i === 0 ? 'title' : 'altTitles'],
            `title ${show(title)} is also lab '${other.id}'s`,
            title,
          )
        else owner.set(key, lab)
      })
    }
    ;(data.pages ?? []).forEach((page, pi) => {
      page.labMentions.forEach((mention, mi) => {
        const entity = `page '${page.id}'${mention.week ? ` week ${mention.week}` : ''}`
        const path = ['pages', pi, 'labMentions', mi]
        const lab = index.lab(mention.labRef, mention.volumeId)
        if (!lab) {
          ctx.error(
            entity,
            [...path, 'labRef'],
            `unknown lab ${show(mention.labRef)}${didYouMean(index.labSuggestions(mention.labRef, mention.volumeId))}`,
            mention.labRef,
          )
          return
        }
        const printed = normalizeTitle(mention.title)
        if (titlesOf(lab).some((t) => normalizeTitle(t) === printed)) return
        if ((lab.legacyTitles ?? []).some((t) => normalizeTitle(t) === printed)) {
          ctx.warn(
            entity,
            [...path, 'title'],
            `prints the stale title ${show(mention.title)} for lab '${lab.id}' (${lab.code}); its title is ${show(lab.title)}`,
            mention.title,
          )
          return
        }
        const belongsTo = owner.get(`${lab.volumeId}:${printed}`)
        if (belongsTo)
          ctx.error(
            entity,
            [...path, 'title'],
            `prints ${show(mention.title)} on a link to lab '${lab.id}' (${lab.code}, ${show(lab.title)}), but that is the title of lab '${belongsTo.id}' (${belongsTo.code})`,
            mention.title,
          )
        else {
          const near = closestMatches(
            mention.title,
            data.labs.filter((l) => l.volumeId === lab.volumeId).flatMap(titlesOf),
          )
          ctx.error(
            entity,
            [...path, 'title'],
            `prints ${show(mention.title)} for lab '${lab.id}' (${lab.code}); its title is ${show(lab.title)}${
              lab.altTitles.length ? ` (or ${lab.altTitles.map((t) => show(t)).join(', ')})` : ''
            }${near.length && !near.includes(lab.title) ? `; the printed title is closest to ${near.map((t) => show(t)).join(', ')}` : ''}`,
            mention.title,
          )
        }
      })
    })
  },
}
