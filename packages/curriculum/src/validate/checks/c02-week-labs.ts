/**
 * §3.8 check 2: a week's labs exist, belong to the offering's volume, and follow the lag rule —
 * the lab of chapter k lands labLagWeeks after the week that reads chapter k. Old file stems
 * resolve (with a warning), so the course map's `lab_06_fault_tolerance` in week 6 is caught
 * as the lab of chapter 7. Every lab of the volume is scheduled once, or listed as unscheduled.
 */
import type { Lab } from '../../schema/index.js'
import type { CourseCheck } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const weekLabsCheck: CourseCheck = {
  id: 'c02',
  number: 2,
  title: 'Week labs exist, match the volume and follow the lab lag',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    data.offerings.forEach((offering, oi) => {
      if (!index.volumes.get(offering.volumeId)) return
      const weekOfChapter = new Map<string, number>()
      for (const week of offering.weeks)
        for (const ref of week.chapterIds) {
          const chapter = index.chapter(ref, offering.volumeId)
          if (chapter) weekOfChapter.set(chapter.id, week.number)
        }
      const scheduled = new Map<Lab, number>()
      offering.weeks.forEach((week, wi) => {
        const entity = `offering '${offering.id}' week ${week.number}`
        week.labIds.forEach((ref, li) => {
          const path = ['offerings', oi, 'weeks', wi, 'labIds', li]
          const lab = index.lab(ref, offering.volumeId)
          if (!lab) {
            ctx.error(
              entity,
              path,
              `unknown lab ${show(ref)}${didYouMean(index.labSuggestions(ref, offering.volumeId))}`,
              ref,
            )
            return
          }
          const linked = lab.id === ref ? `lab '${lab.id}'` : `lab '${lab.id}' (linked as ${show(ref)})`
          if (lab.volumeId !== offering.volumeId) {
            ctx.error(
              entity,
              path,
              `${linked} belongs to ${lab.volumeId}, not to the offering's volume ${offering.volumeId}`,
              ref,
            )
            return
          }
          const legacy = lab.legacy.find((l) => l.slug === ref && l.slug !== lab.slug)
          if (legacy)
            ctx.warn(
              entity,
              path,
              `links the old file ${show(ref)} (Lab ${String(legacy.number).padStart(2, '0')} of the ${legacy.layout} layout); today it is ${lab.code} ${show(lab.slug)}, lab '${lab.id}'`,
              ref,
            )
          else if (![lab.id, lab.slug, lab.code].includes(ref))
            ctx.warn(entity, path, `${linked}: name the lab by its id ${show(lab.id)}`, ref)
          const before = scheduled.get(lab)
          if (before !== undefined)
            ctx.error(entity, path, `${linked} is already scheduled in week ${before}`, ref)
          else scheduled.set(lab, week.number)
          if (lab.chapterId === null) {
            if (week.number !== 1)
              ctx.error(entity, path, `${linked} is the orientation lab and belongs in week 1`, ref)
            return
          }
          const chapter = index.chapter(lab.chapterId, lab.volumeId)
          if (!chapter) return // reported by check 3
          const readWeek = weekOfChapter.get(chapter.id)
          if (readWeek === undefined) {
            ctx.error(
              entity,
              path,
              `${linked} is the lab of chapter ${chapter.number} ${show(chapter.id)}, which this offering never reads`,
              ref,
            )
            return
          }
          const expected = readWeek + offering.labLagWeeks
          if (expected !== week.number) {
            ctx.error(
              entity,
              path,
              `${linked} is the lab of chapter ${chapter.number} ${show(chapter.id)}, read in week ${readWeek}; with labLagWeeks ${offering.labLagWeeks} it belongs in week ${expected}, not week ${week.number}`,
              ref,
            )
          }
        })
      })
      const deliberate = new Set<Lab>()
      ;(offering.unscheduledLabIds ?? []).forEach((ref, i) => {
        const path = ['offerings', oi, 'unscheduledLabIds', i]
        const lab = index.lab(ref, offering.volumeId)
        if (!lab) ctx.error(`offering '${offering.id}'`, path, `unknown lab ${show(ref)}`, ref)
        else if (scheduled.has(lab))
          ctx.error(
            `offering '${offering.id}'`,
            path,
            `lab '${lab.id}' is listed as unscheduled but runs in week ${scheduled.get(lab)}`,
            ref,
          )
        else deliberate.add(lab)
      })
      for (const lab of data.labs) {
        if (lab.volumeId === offering.volumeId && !scheduled.has(lab) && !deliberate.has(lab))
          ctx.warn(
            `offering '${offering.id}'`,
            ['offerings', oi, 'weeks'],
            `lab '${lab.id}' (${lab.code}) is not scheduled in any week; schedule it or list it in unscheduledLabIds`,
            lab.id,
          )
      }
    })
  },
}
