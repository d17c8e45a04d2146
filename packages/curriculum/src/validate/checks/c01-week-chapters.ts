/**
 * §3.8 check 1: a week's chapters belong to the offering's volume; each chapter is read once
 * per offering (every chapter, for a full-coverage offering), in book order; weeks are numbered
 * 1…n within the planned length and sit in the book part of what they read (or, for an offering
 * with its own parts, in one of those, in order).
 */
import type { CourseCheck } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const weekChaptersCheck: CourseCheck = {
  id: 'c01',
  number: 1,
  title: 'Weeks read the offering volume’s chapters once, in book order',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    data.offerings.forEach((offering, oi) => {
      const volume = index.volumes.get(offering.volumeId)
      if (!volume) {
        ctx.error(
          `offering '${offering.id}'`,
          ['offerings', oi, 'volumeId'],
          `unknown volume ${show(offering.volumeId)}`,
          offering.volumeId,
        )
        return
      }
      const weeks = offering.weeks
      if (weeks.length < offering.weeksCount.min || weeks.length > offering.weeksCount.max) {
        ctx.error(
          `offering '${offering.id}'`,
          ['offerings', oi, 'weeks'],
          `has ${weeks.length} weeks; weeksCount allows ${offering.weeksCount.min}–${offering.weeksCount.max}`,
          weeks.length,
        )
      }
      const readIn = new Map<string, number>()
      let lastNumber = 0
      const ownParts = offering.parts?.map((p) => p.numeral)
      let lastPart = 0
      weeks.forEach((week, wi) => {
        const entity = `offering '${offering.id}' week ${week.number}`
        if (ownParts) {
          // The offering's own parts: a week names one of them, and parts run in order.
          const at = ownParts.indexOf(week.partNumeral)
          if (at < 0)
            ctx.error(
              entity,
              ['offerings', oi, 'weeks', wi, 'partNumeral'],
              `part ${show(week.partNumeral)} is not one of the offering's parts ${ownParts.join(', ')}`,
              week.partNumeral,
            )
          else if (at < lastPart)
            ctx.error(
              entity,
              ['offerings', oi, 'weeks', wi, 'partNumeral'],
              `part ${show(week.partNumeral)} comes after part ${show(ownParts[lastPart])}`,
              week.partNumeral,
            )
          else lastPart = at
        }
        if (week.number !== wi + 1)
          ctx.error(
            entity,
            ['offerings', oi, 'weeks', wi, 'number'],
            `weeks must be numbered 1…n in order; expected ${wi + 1}`,
            week.number,
          )
        week.chapterIds.forEach((ref, ci) => {
          const path = ['offerings', oi, 'weeks', wi, 'chapterIds', ci]
          const chapter = index.chapter(ref, offering.volumeId)
          if (!chapter) {
            const elsewhere = index.chapter(ref)
            ctx.error(
              entity,
              path,
              elsewhere
                ? `chapter ${show(ref)} belongs to ${elsewhere.volumeId}, not to the offering's volume ${offering.volumeId}`
                : `unknown chapter ${show(ref)} in ${offering.volumeId}${didYouMean(index.chapterSuggestions(ref, offering.volumeId))}`,
              ref,
            )
            return
          }
          if (index.chapterIsAlias(ref, offering.volumeId))
            ctx.warn(
              entity,
              path,
              `chapter linked by its old name ${show(ref)}; its id is ${show(chapter.id)}`,
              ref,
            )
          const first = readIn.get(chapter.id)
          if (first !== undefined) {
            ctx.error(entity, path, `chapter ${show(chapter.id)} is already read in week ${first}`, ref)
            return
          }
          readIn.set(chapter.id, week.number)
          if (chapter.number <= lastNumber)
            ctx.error(
              entity,
              path,
              `chapter ${chapter.number} ${show(chapter.id)} comes after chapter ${lastNumber} in the offering but before it in the book`,
              ref,
            )
          lastNumber = Math.max(lastNumber, chapter.number)
          const part = index.parts.get(chapter.partId)
          if (!offering.parts && part && part.numeral !== week.partNumeral)
            ctx.error(
              entity,
              ['offerings', oi, 'weeks', wi, 'partNumeral'],
              `week is in part ${week.partNumeral} but reads ${show(chapter.id)} of part ${part.numeral}`,
              week.partNumeral,
            )
        })
      })
      if (offering.coverage === 'all') {
        for (const chapterId of volume.chapterIds) {
          const chapter = index.chapter(chapterId, volume.id)
          if (chapter && !readIn.has(chapter.id))
            ctx.error(
              `offering '${offering.id}'`,
              ['offerings', oi, 'weeks'],
              `chapter ${chapter.number} ${show(chapter.id)} is never read, but coverage is 'all'`,
              chapter.id,
            )
        }
      }
    })
  },
}
