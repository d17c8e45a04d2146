/**
 * §3.8 check 6: every control is bound to a real solver input (one of the lab's solvers) or to a
 * variable of its part's Math Peek; defaults lie within [min, max] or among the options, per
 * track too; numeric controls carry a unit unless declared unitless; a part shows at most three
 * primary (non-advanced) controls. Catalog ids offered to `hardware`/`workload` inputs resolve.
 */
import type { Control } from '../../schema/index.js'
import { NUMERIC_CONTROL_KINDS } from '../../schema/index.js'
import { type CourseCheck, labName, labPath } from '../check.js'
import { show } from '../issue.js'
import { checkCatalogValue, checkSolverKey } from './solver-inputs.js'

const MAX_PRIMARY_CONTROLS = 3

function valueProblem(control: Control, value: unknown): string | undefined {
  if (control.options?.length) {
    return control.options.some((o) => o.value === value)
      ? undefined
      : `is not one of the options ${control.options.map((o) => show(o.value)).join(', ')}`
  }
  if (NUMERIC_CONTROL_KINDS.has(control.kind)) {
    if (typeof value !== 'number') return 'must be a number'
    if (control.min !== undefined && value < control.min) return `is below min ${control.min}`
    if (control.max !== undefined && value > control.max) return `is above max ${control.max}`
    return undefined
  }
  if (control.kind === 'switch' || control.kind === 'checkbox')
    return typeof value === 'boolean' ? undefined : 'must be true or false'
  return undefined
}

export const controlsCheck: CourseCheck = {
  id: 'c06',
  number: 6,
  title: 'Controls bind to solver inputs, with valid defaults and units',
  usesResolver: 'partly',
  run(ctx) {
    for (const lab of ctx.data.labs) {
      const at = labPath(ctx, lab)
      const entity = labName(lab)
      const controls = new Map<string, Control>()
      lab.parts.forEach((part, pi) => {
        const list = part.controls ?? []
        const primary = list.filter((c) => !c.advanced)
        if (primary.length > MAX_PRIMARY_CONTROLS)
          ctx.error(
            entity,
            [...at, 'parts', pi, 'controls'],
            `part ${part.id} shows ${primary.length} primary controls (${primary.map((c) => c.id).join(', ')}); at most ${MAX_PRIMARY_CONTROLS}, mark the rest advanced`,
            primary.length,
          )
        list.forEach((control, ci) => {
          const cp = [...at, 'parts', pi, 'controls', ci]
          if (controls.has(control.id))
            ctx.error(
              entity,
              [...cp, 'id'],
              `control id ${show(control.id)} is used twice in the lab`,
              control.id,
            )
          controls.set(control.id, control)
          if (control.paramRef) {
            const { solver, input } = control.paramRef
            if (!lab.solverRefs.includes(solver))
              ctx.error(
                entity,
                [...cp, 'paramRef', 'solver'],
                `control '${control.id}' drives ${show(solver)}, which is not in the lab's solverRefs`,
                solver,
              )
            checkSolverKey(ctx, entity, [...cp, 'paramRef', 'input'], solver, input, 'input')
            control.options?.forEach((option, oi) => {
              checkCatalogValue(ctx, entity, [...cp, 'options', oi, 'value'], input, option.value)
            })
          }
          if (control.variableRef) {
            const variables = part.mathPeek?.variables
            if (!variables)
              ctx.error(
                entity,
                [...cp, 'variableRef'],
                `control '${control.id}' names Math Peek variable ${show(control.variableRef)} but part ${part.id} has no Math Peek`,
                control.variableRef,
              )
            else if (!(control.variableRef in variables))
              ctx.error(
                entity,
                [...cp, 'variableRef'],
                `control '${control.id}' names ${show(control.variableRef)}, which is not a variable of part ${part.id}'s Math Peek (${Object.keys(variables).join(', ')})`,
                control.variableRef,
              )
          }
          if (NUMERIC_CONTROL_KINDS.has(control.kind) && !control.unit && !control.unitless)
            ctx.error(
              entity,
              [...cp, 'unit'],
              `${control.kind} control '${control.id}' needs a unit (or unitless: true for counts and fractions)`,
            )
          if (control.default !== undefined) {
            const problem = valueProblem(control, control.default)
            if (problem)
              ctx.error(
                entity,
                [...cp, 'default'],
                `default ${show(control.default)} of control '${control.id}' ${problem}`,
                control.default,
              )
          }
        })
      })
      // Per-track defaults name real controls with valid values; controls without a default get one per track.
      for (const [trackId, variant] of Object.entries(lab.tracks)) {
        for (const [controlId, value] of Object.entries(variant.defaults ?? {})) {
          const path = [...at, 'tracks', trackId, 'defaults', controlId]
          const control = controls.get(controlId)
          if (!control) {
            ctx.error(
              entity,
              path,
              `track '${trackId}' sets a default for unknown control ${show(controlId)}`,
              controlId,
            )
            continue
          }
          const problem = valueProblem(control, value)
          if (problem)
            ctx.error(
              entity,
              path,
              `track '${trackId}' default ${show(value)} for control '${controlId}' ${problem}`,
              value,
            )
        }
      }
      lab.parts.forEach((part, pi) => {
        ;(part.controls ?? []).forEach((control, ci) => {
          if (control.default !== undefined) return
          const missing = Object.entries(lab.tracks)
            .filter(([, v]) => v.defaults?.[control.id] === undefined)
            .map(([t]) => t)
          if (missing.length)
            ctx.error(
              entity,
              [...at, 'parts', pi, 'controls', ci, 'default'],
              `control '${control.id}' has no default and no per-track default on ${missing.join(', ')}`,
            )
        })
      })
    }
  },
}
