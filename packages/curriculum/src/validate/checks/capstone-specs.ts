/**
 * Extra check `capstone-specs`: a budget a hand-written page prints for a capstone track agrees
 * with the assessment layer (the foundations syllabus's Smart Doorbell vs the AI Olympics table).
 */
import { parse } from '@mlsysim/units'
import type { Quantity } from '../../schema/index.js'
import type { CourseCheck } from '../check.js'
import { show } from '../issue.js'

/** Compares quantities in base units when both parse, else by value and unit as written. */
function same(a: Quantity, b: Quantity): boolean {
  try {
    return Math.abs(parse(`${a.value} ${a.unit}`).value - parse(`${b.value} ${b.unit}`).value) < 1e-12
  } catch {
    return a.value === b.value && a.unit === b.unit
  }
}

const q = (x: Quantity) => `${x.value} ${x.unit}`

export const capstoneSpecsCheck: CourseCheck = {
  id: 'capstone-specs',
  title: 'Pages print the capstone budgets of the assessment layer',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    ;(data.pages ?? []).forEach((page, pi) => {
      ;(page.capstoneSpecs ?? []).forEach((spec, si) => {
        const entity = `page '${page.id}'`
        const path = ['pages', pi, 'capstoneSpecs', si]
        const capstone = index.capstones.get(spec.capstoneId)
        if (!capstone) {
          ctx.error(
            entity,
            [...path, 'capstoneId'],
            `unknown capstone ${show(spec.capstoneId)}`,
            spec.capstoneId,
          )
          return
        }
        const track = capstone.tracks.find((t) => t.label.toLowerCase() === spec.trackLabel.toLowerCase())
        if (!track) {
          ctx.error(
            entity,
            [...path, 'trackLabel'],
            `capstone '${capstone.id}' has no track ${show(spec.trackLabel)}`,
            spec.trackLabel,
          )
          return
        }
        const name = spec.name ? ` ("${spec.name}")` : ''
        for (const field of ['latencyP99', 'memory'] as const) {
          const printed = spec[field]
          if (printed && !same(printed, track[field]))
            ctx.error(
              entity,
              [...path, field],
              `prints ${field} ${q(printed)}${name} for the ${track.label} track of '${capstone.id}'; the assessment layer says ${q(track[field])}`,
              printed,
            )
        }
      })
    })
  },
}
