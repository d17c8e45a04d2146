/**
 * §3.8 check 16: grade weights add up to 100 per offering (and the assessment tiers to 100);
 * a rubric's criteria maxima add up to its total (30 / 50 / 100); capstone scoring adds to 100.
 */
import type { CourseCheck } from '../check.js'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9

export const weightsRubricsCheck: CourseCheck = {
  id: 'c16',
  number: 16,
  title: 'Grade weights and rubric points add up',
  usesResolver: 'no',
  run(ctx) {
    const { data } = ctx
    data.offerings.forEach((offering, oi) => {
      const total = sum(offering.gradeBreakdown.map((g) => g.weight))
      if (!close(total, 100))
        ctx.error(
          `offering '${offering.id}'`,
          ['offerings', oi, 'gradeBreakdown'],
          `grade weights add up to ${total} (${offering.gradeBreakdown.map((g) => `${g.component} ${g.weight}`).join(' + ')}), not 100`,
          total,
        )
    })
    const tiers = sum(data.assessment.tiers.map((t) => t.weight))
    if (!close(tiers, 100))
      ctx.error('assessment', ['assessment', 'tiers'], `tier weights add up to ${tiers}, not 100`, tiers)
    data.assessment.rubrics.forEach((rubric, ri) => {
      const maxima = rubric.criteria.map((c) => Math.max(...c.levels.map((l) => l.points)))
      const total = sum(maxima)
      if (!close(total, rubric.total))
        ctx.error(
          `rubric '${rubric.id}'`,
          ['assessment', 'rubrics', ri, 'criteria'],
          `criteria maxima add up to ${total} (${rubric.criteria.map((c, i) => `${c.name} ${maxima[i]}`).join(' + ')}), not the rubric total ${rubric.total}`,
          total,
        )
    })
    data.assessment.capstones.forEach((capstone, ci) => {
      if (!capstone.scoring) return
      const total = sum(capstone.scoring.map((s) => s.points))
      if (!close(total, 100))
        ctx.error(
          `capstone '${capstone.id}'`,
          ['assessment', 'capstones', ci, 'scoring'],
          `scoring adds up to ${total}, not 100`,
          total,
        )
    })
  },
}
