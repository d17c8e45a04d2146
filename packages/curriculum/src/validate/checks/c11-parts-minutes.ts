/**
 * §3.8 check 11: a lab has 3–5 parts (A, B, C… in order) plus a synthesis that combines at
 * least two part checkpoints, and its part and synthesis minutes add up to its duration ±10%.
 */
import { PART_IDS } from '../../schema/index.js'
import { type CourseCheck, labName, labPath } from '../check.js'
import { show } from '../issue.js'

const TOLERANCE = 0.1

export const partsMinutesCheck: CourseCheck = {
  id: 'c11',
  number: 11,
  title: 'Parts, minutes and synthesis',
  usesResolver: 'no',
  run(ctx) {
    for (const lab of ctx.data.labs) {
      const at = labPath(ctx, lab)
      const entity = labName(lab)
      const n = lab.parts.length
      if (n < 3 || n > 5)
        ctx.error(entity, [...at, 'parts'], `has ${n} parts; a lab has 3 to 5 parts plus a synthesis`, n)
      lab.parts.forEach((part, i) => {
        if (part.id !== PART_IDS[i])
          ctx.error(
            entity,
            [...at, 'parts', i, 'id'],
            `part ${i + 1} is labelled ${show(part.id)}; parts run A, B, C… in order`,
            part.id,
          )
      })
      const total = lab.parts.reduce((sum, p) => sum + p.minutes, 0) + lab.synthesis.minutes
      if (Math.abs(total - lab.durationMin) > TOLERANCE * lab.durationMin)
        ctx.error(
          entity,
          [...at, 'durationMin'],
          `parts and synthesis take ${total} min (${lab.parts.map((p) => p.minutes).join(' + ')} + ${lab.synthesis.minutes}), more than 10% off durationMin ${lab.durationMin}`,
          lab.durationMin,
        )
      const ids = new Set(lab.parts.map((p) => p.id))
      const cited = new Set(lab.synthesis.citesCheckpoints)
      lab.synthesis.citesCheckpoints.forEach((id, i) => {
        if (!ids.has(id))
          ctx.error(
            entity,
            [...at, 'synthesis', 'citesCheckpoints', i],
            `cites part ${show(id)}, which the lab does not have`,
            id,
          )
      })
      if (cited.size < 2)
        ctx.error(
          entity,
          [...at, 'synthesis', 'citesCheckpoints'],
          `the synthesis cites ${cited.size} part checkpoint(s); it must combine at least 2`,
          [...cited],
        )
    }
  },
}
