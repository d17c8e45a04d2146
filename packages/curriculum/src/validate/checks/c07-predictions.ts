/**
 * §3.8 check 7: every prediction has a correct answer — a real option, or a numeric value with
 * unit and tolerance, written down or computed by a solver whose input and output keys exist.
 */
import type { SolverRun } from '../../schema/index.js'
import { type CheckContext, type CourseCheck, labName, labPath, type PathSegments } from '../check.js'
import { show } from '../issue.js'
import { checkCatalogValue, checkSolverKey } from './solver-inputs.js'

function checkRun(
  ctx: CheckContext,
  entity: string,
  path: PathSegments,
  run: SolverRun,
  solverRefs: readonly string[],
) {
  if (!solverRefs.includes(run.solver))
    ctx.error(
      entity,
      [...path, 'solver'],
      `the answer is computed with ${show(run.solver)}, which is not in the lab's solverRefs`,
      run.solver,
    )
  for (const [key, value] of Object.entries(run.input)) {
    checkSolverKey(ctx, entity, [...path, 'input', key], run.solver, key, 'input')
    checkCatalogValue(ctx, entity, [...path, 'input', key], key, value)
  }
  checkSolverKey(ctx, entity, [...path, 'output'], run.solver, run.output, 'output')
}

export const predictionsCheck: CourseCheck = {
  id: 'c07',
  number: 7,
  title: 'Predictions have a correct answer',
  usesResolver: 'partly',
  run(ctx) {
    for (const lab of ctx.data.labs) {
      const at = labPath(ctx, lab)
      const entity = labName(lab)
      lab.parts.forEach((part, pi) => {
        const prediction = part.prediction
        if (!prediction) return
        const pp = [...at, 'parts', pi, 'prediction']
        if (prediction.kind === 'choice') {
          const ids = prediction.options.map((o) => o.id)
          const seen = new Set<string>()
          prediction.options.forEach((o, oi) => {
            if (seen.has(o.id))
              ctx.error(
                entity,
                [...pp, 'options', oi, 'id'],
                `option id ${show(o.id)} appears twice in part ${part.id}`,
                o.id,
              )
            seen.add(o.id)
          })
          if (!ids.includes(prediction.correctOptionId))
            ctx.error(
              entity,
              [...pp, 'correctOptionId'],
              `part ${part.id}'s correct option ${show(prediction.correctOptionId)} is not one of ${ids.map((i) => show(i)).join(', ')}`,
              prediction.correctOptionId,
            )
          ;(prediction.commonWrong ?? []).forEach((id, wi) => {
            if (!ids.includes(id))
              ctx.error(entity, [...pp, 'commonWrong', wi], `unknown option ${show(id)}`, id)
            else if (id === prediction.correctOptionId)
              ctx.error(
                entity,
                [...pp, 'commonWrong', wi],
                `option ${show(id)} is the correct answer, not a common wrong one`,
                id,
              )
          })
          return
        }
        const hasValue = prediction.value !== undefined
        const hasCompute = prediction.compute !== undefined
        if (hasValue === hasCompute)
          ctx.error(
            entity,
            pp,
            hasValue
              ? `part ${part.id}'s numeric prediction has both a written value and a computed answer; keep one`
              : `part ${part.id}'s numeric prediction has no correct value: add value or compute`,
          )
        if (prediction.compute) {
          checkRun(ctx, entity, [...pp, 'compute', 'run'], prediction.compute.run, lab.solverRefs)
          if (prediction.compute.divideBy && !['×', '%'].includes(prediction.unit))
            ctx.error(
              entity,
              [...pp, 'unit'],
              `part ${part.id}'s answer is a ratio of two runs; its unit must be × or %`,
              prediction.unit,
            )
          if (prediction.compute.divideBy)
            checkRun(ctx, entity, [...pp, 'compute', 'divideBy'], prediction.compute.divideBy, lab.solverRefs)
        }
      })
    }
  },
}
