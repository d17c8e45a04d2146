/**
 * §3.8 check 13: kit activities name real kits, chapters and weeks (and the weeks list them
 * back); an activity comes no earlier than the week that reads its chapter; kit hardware
 * resolves in the catalog.
 */
import type { CourseCheck } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const kitsCheck: CourseCheck = {
  id: 'c13',
  number: 13,
  title: 'Kit activities reference kits, chapters, weeks and hardware',
  usesResolver: 'partly',
  run(ctx) {
    const { data, index, resolver } = ctx
    data.kits.forEach((kit, ki) => {
      if (!resolver) return
      kit.hardwareRefs.forEach((ref, ri) => {
        if (!resolver.hardware.has(ref))
          ctx.error(
            `kit '${kit.id}'`,
            ['kits', ki, 'hardwareRefs', ri],
            `${show(ref)} is not in the hardware catalog${didYouMean(resolver.hardware.suggest(ref))}`,
            ref,
          )
      })
    })
    data.kitActivities.forEach((activity, ai) => {
      const entity = `kit activity '${activity.id}'`
      activity.kitIds.forEach((ref, ki) => {
        if (!index.kits.get(ref))
          ctx.error(
            entity,
            ['kitActivities', ai, 'kitIds', ki],
            `unknown kit ${show(ref)}${didYouMean(index.kits.suggest(ref))}`,
            ref,
          )
      })
      if (activity.capstoneId && !index.capstones.get(activity.capstoneId))
        ctx.error(
          entity,
          ['kitActivities', ai, 'capstoneId'],
          `unknown capstone ${show(activity.capstoneId)}`,
          activity.capstoneId,
        )
      const chapters = activity.chapterIds.map((ref, ci) => {
        const chapter = index.chapter(ref)
        if (!chapter)
          ctx.error(
            entity,
            ['kitActivities', ai, 'chapterIds', ci],
            `unknown chapter ${show(ref)} (write volume/chapter when the id exists in both volumes)${didYouMean(index.chapterSuggestions(ref))}`,
            ref,
          )
        return chapter
      })
      activity.weekRefs.forEach((weekRef, wi) => {
        const path = ['kitActivities', ai, 'weekRefs', wi]
        const offering = index.offerings.get(weekRef.offeringId)
        if (!offering) {
          ctx.error(
            entity,
            [...path, 'offeringId'],
            `unknown offering ${show(weekRef.offeringId)}`,
            weekRef.offeringId,
          )
          return
        }
        const week = offering.weeks.find((w) => w.number === weekRef.week)
        if (!week) {
          ctx.error(
            entity,
            [...path, 'week'],
            `offering '${offering.id}' has no week ${weekRef.week}`,
            weekRef.week,
          )
          return
        }
        if (!week.kitActivityIds.includes(activity.id))
          ctx.error(
            entity,
            path,
            `offering '${offering.id}' week ${week.number} does not list this activity in kitActivityIds`,
            weekRef,
          )
        for (const chapter of chapters) {
          if (!chapter || chapter.volumeId !== offering.volumeId) continue
          const readWeek = offering.weeks.find((w) =>
            w.chapterIds.some((c) => index.chapter(c, offering.volumeId) === chapter),
          )
          if (!readWeek)
            ctx.error(
              entity,
              path,
              `grounds chapter '${chapter.id}', which offering '${offering.id}' never reads`,
              weekRef,
            )
          else if (readWeek.number > week.number)
            ctx.error(
              entity,
              path,
              `runs in week ${week.number} but its chapter '${chapter.id}' is read in week ${readWeek.number}`,
              weekRef,
            )
        }
      })
    })
    data.offerings.forEach((offering, oi) => {
      offering.weeks.forEach((week, wi) => {
        week.kitActivityIds.forEach((ref, ki) => {
          const path = ['offerings', oi, 'weeks', wi, 'kitActivityIds', ki]
          const entity = `offering '${offering.id}' week ${week.number}`
          const activity = index.kitActivities.get(ref)
          if (!activity)
            ctx.error(
              entity,
              path,
              `unknown kit activity ${show(ref)}${didYouMean(index.kitActivities.suggest(ref))}`,
              ref,
            )
          else if (!activity.weekRefs.some((w) => w.offeringId === offering.id && w.week === week.number))
            ctx.error(
              entity,
              path,
              `kit activity '${activity.id}' does not list this week in its weekRefs`,
              ref,
            )
        })
      })
    })
  },
}
