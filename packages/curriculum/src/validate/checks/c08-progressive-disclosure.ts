/**
 * §3.8 check 8 (progressive disclosure, labs/PROTOCOL.md §2): a lab only uses instruments
 * introduced by itself or an earlier lab, and the introducing lab really uses the instrument.
 */
import type { Lab } from '../../schema/index.js'
import { type CourseCheck, labName, labPath } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const progressiveDisclosureCheck: CourseCheck = {
  id: 'c08',
  number: 8,
  title: 'Instruments are introduced before they are used',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    const introducer = new Map<string, Lab>()
    data.instruments.forEach((instrument, ii) => {
      if (instrument.introducedInLabId === null) return
      const lab = index.lab(instrument.introducedInLabId)
      if (!lab) {
        ctx.error(
          `instrument '${instrument.id}'`,
          ['instruments', ii, 'introducedInLabId'],
          `unknown lab ${show(instrument.introducedInLabId)}${didYouMean(index.labSuggestions(instrument.introducedInLabId))}`,
          instrument.introducedInLabId,
        )
        return
      }
      introducer.set(instrument.id, lab)
      const used = lab.parts.some((p) =>
        p.evidence.some((e) => index.instruments.get(e.instrumentId) === instrument),
      )
      if (!used)
        ctx.error(
          `instrument '${instrument.id}'`,
          ['instruments', ii, 'introducedInLabId'],
          `is introduced in lab '${lab.id}' (${lab.code}), but that lab never shows it`,
          instrument.introducedInLabId,
        )
    })
    for (const lab of data.labs) {
      const at = labPath(ctx, lab)
      lab.parts.forEach((part, pi) => {
        part.evidence.forEach((use, ei) => {
          const path = [...at, 'parts', pi, 'evidence', ei, 'instrumentId']
          const instrument = index.instruments.get(use.instrumentId)
          if (!instrument) {
            ctx.error(
              labName(lab),
              path,
              `unknown instrument ${show(use.instrumentId)}${didYouMean(index.instruments.suggest(use.instrumentId))}`,
              use.instrumentId,
            )
            return
          }
          const first = introducer.get(instrument.id)
          if (first && index.labOrder(first) > index.labOrder(lab))
            ctx.error(
              labName(lab),
              path,
              `part ${part.id} uses ${show(instrument.id)} before it is introduced: ${lab.code} comes before ${first.code} ('${first.id}')`,
              use.instrumentId,
            )
        })
      })
    }
  },
}
