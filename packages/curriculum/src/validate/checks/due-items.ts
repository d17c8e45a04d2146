/**
 * Extra check `due-items`: what a week makes due exists and has been done by then (a decision
 * log after its lab, a module notebook after the module, a design challenge after its labs), and
 * each graded component's count matches the items the weeks make due.
 */
import type { DueItem, Offering } from '../../schema/index.js'
import type { CheckContext, CourseCheck } from '../check.js'
import { show } from '../issue.js'

function firstWeek(
  offering: Offering,
  has: (week: Offering['weeks'][number]) => boolean,
): number | undefined {
  return offering.weeks.find(has)?.number
}

function checkItem(
  ctx: CheckContext,
  offering: Offering,
  oi: number,
  weekNumber: number,
  wi: number,
  item: DueItem,
  di: number,
) {
  const { index } = ctx
  const entity = `offering '${offering.id}' week ${weekNumber}`
  const path = ['offerings', oi, 'weeks', wi, 'due', di, 'refId']
  const late = (what: string, when: number | undefined) => {
    if (when === undefined) ctx.error(entity, path, `${what} is never scheduled in this offering`, item.refId)
    else if (when > weekNumber)
      ctx.error(
        entity,
        path,
        `${what} is due in week ${weekNumber} but scheduled in week ${when}`,
        item.refId,
      )
  }
  switch (item.kind) {
    case 'decision-log': {
      const lab = index.lab(item.refId, offering.volumeId)
      if (!lab) return ctx.error(entity, path, `decision log for unknown lab ${show(item.refId)}`, item.refId)
      return late(
        `lab '${lab.id}'`,
        firstWeek(offering, (w) => w.labIds.some((l) => index.lab(l, offering.volumeId) === lab)),
      )
    }
    case 'module': {
      const module = index.modules.get(item.refId)
      if (!module) return ctx.error(entity, path, `unknown TinyTorch module ${show(item.refId)}`, item.refId)
      return late(
        `module '${module.id}'`,
        firstWeek(offering, (w) => w.tinytorchModuleIds.some((m) => index.modules.get(m) === module)),
      )
    }
    case 'design-challenge': {
      const challenge = index.designChallenges.get(item.refId)
      if (!challenge)
        return ctx.error(entity, path, `unknown design challenge ${show(item.refId)}`, item.refId)
      if (challenge.offeringId !== offering.id)
        return ctx.error(
          entity,
          path,
          `design challenge '${challenge.id}' belongs to offering '${challenge.offeringId}'`,
          item.refId,
        )
      for (const ref of challenge.labIds) {
        const lab = index.lab(ref, offering.volumeId)
        if (lab)
          late(
            `lab '${lab.id}' of design challenge '${challenge.id}'`,
            firstWeek(offering, (w) => w.labIds.some((l) => index.lab(l, offering.volumeId) === lab)),
          )
      }
      return
    }
    case 'capstone':
    case 'final-project': {
      const capstone = index.capstones.get(item.refId)
      if (!capstone) return ctx.error(entity, path, `unknown capstone ${show(item.refId)}`, item.refId)
      if (capstone.offeringId !== offering.id)
        ctx.error(
          entity,
          path,
          `capstone '${capstone.id}' belongs to offering '${capstone.offeringId}'`,
          item.refId,
        )
      return
    }
    case 'quiz':
    case 'colab': {
      const chapter = index.chapter(item.refId, offering.volumeId)
      if (!chapter) return ctx.error(entity, path, `unknown chapter ${show(item.refId)}`, item.refId)
      return late(
        `chapter '${chapter.id}'`,
        firstWeek(offering, (w) => w.chapterIds.some((c) => index.chapter(c, offering.volumeId) === chapter)),
      )
    }
    case 'hardware-lab': {
      const activity = index.kitActivities.get(item.refId)
      if (!activity) return ctx.error(entity, path, `unknown kit activity ${show(item.refId)}`, item.refId)
      return late(
        `kit activity '${activity.id}'`,
        firstWeek(offering, (w) => w.kitActivityIds.includes(activity.id)),
      )
    }
  }
}

export const dueItemsCheck: CourseCheck = {
  id: 'due-items',
  title: 'Due items exist, come after their work, and match the grade counts',
  usesResolver: 'no',
  run(ctx) {
    ctx.data.offerings.forEach((offering, oi) => {
      const counts = new Map<string, number>()
      offering.weeks.forEach((week, wi) => {
        week.due.forEach((item, di) => {
          counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1)
          checkItem(ctx, offering, oi, week.number, wi, item, di)
        })
      })
      offering.gradeBreakdown.forEach((component, gi) => {
        if (component.count === undefined) return
        const due = counts.get(component.kind) ?? 0
        if (due !== component.count)
          ctx.error(
            `offering '${offering.id}'`,
            ['offerings', oi, 'gradeBreakdown', gi, 'count'],
            `"${component.component}" counts ${component.count} graded items, but the weeks make ${due} ${component.kind} item(s) due`,
            component.count,
          )
      })
    })
  },
}
