/**
 * §3.8 check 9: every Design Ledger key a lab reads is written by an earlier lab, or has a
 * default (the capstones' class-median fallback).
 */
import { type CourseCheck, labName, labPath } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const ledgerCheck: CourseCheck = {
  id: 'c09',
  number: 9,
  title: 'Ledger keys are produced earlier or defaulted',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    for (const lab of data.labs) {
      const at = labPath(ctx, lab)
      const entity = labName(lab)
      const produced = new Set<string>()
      lab.ledger.produces.forEach((p, i) => {
        if (produced.has(p.key))
          ctx.error(entity, [...at, 'ledger', 'produces', i, 'key'], `produces ${show(p.key)} twice`, p.key)
        produced.add(p.key)
      })
      lab.ledger.consumes.forEach((c, i) => {
        const path = [...at, 'ledger', 'consumes', i]
        const producer = index.lab(c.labId)
        if (!producer) {
          ctx.error(
            entity,
            [...path, 'labId'],
            `reads ${show(c.key)} from unknown lab ${show(c.labId)}${didYouMean(index.labSuggestions(c.labId))}`,
            c.labId,
          )
          return
        }
        if (c.default !== undefined) return
        if (!producer.ledger.produces.some((p) => p.key === c.key)) {
          ctx.error(
            entity,
            [...path, 'key'],
            `reads ${show(c.key)} from lab '${producer.id}', which does not produce it (it produces ${
              producer.ledger.produces.map((p) => show(p.key)).join(', ') || 'nothing'
            }); add a default or fix the key`,
            c.key,
          )
          return
        }
        if (index.labOrder(producer) >= index.labOrder(lab))
          ctx.error(
            entity,
            [...path, 'labId'],
            `reads ${show(c.key)} from lab '${producer.id}' (${producer.code}), which comes at or after ${lab.code}; add a default`,
            c.labId,
          )
      })
    }
  },
}
