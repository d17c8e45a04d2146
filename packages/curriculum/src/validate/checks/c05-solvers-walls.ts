/**
 * §3.8 check 5: a lab's solvers resolve in @mlsysim/core and the resolver of every wall the
 * lab claims is among its solvers. Parts and Math Peeks only use the lab's solvers; every wall's
 * resolver is a real solver.
 */
import { closestMatches } from '@mlsysim/units'
import { type CourseCheck, labName, labPath } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const solversWallsCheck: CourseCheck = {
  id: 'c05',
  number: 5,
  title: 'Solvers resolve and walls are covered by their resolvers',
  usesResolver: 'partly',
  run(ctx) {
    const { data, index, resolver } = ctx
    const wallNumbers = new Set<number>()
    data.walls.forEach((wall, wi) => {
      if (wallNumbers.has(wall.number))
        ctx.error(`wall ${wall.number}`, ['walls', wi, 'number'], 'duplicate wall number', wall.number)
      wallNumbers.add(wall.number)
      const signature = resolver?.solver(wall.resolver)
      if (signature?.walls && !signature.walls.includes(wall.number))
        ctx.error(
          `wall ${wall.number} (${wall.name})`,
          ['walls', wi, 'resolver'],
          `solver ${show(wall.resolver)} resolves walls ${signature.walls.join(', ')}, not wall ${wall.number}`,
          wall.resolver,
        )
      if (resolver && !signature)
        ctx.error(
          `wall ${wall.number} (${wall.name})`,
          ['walls', wi, 'resolver'],
          `resolver ${show(wall.resolver)} is not a solver of @mlsysim/core${didYouMean(closestMatches(wall.resolver, resolver.solverIds()))}`,
          wall.resolver,
        )
    })
    for (const lab of data.labs) {
      const at = labPath(ctx, lab)
      const entity = labName(lab)
      const own = new Set(lab.solverRefs)
      lab.solverRefs.forEach((solverId, i) => {
        if (resolver && !resolver.solver(solverId))
          ctx.error(
            entity,
            [...at, 'solverRefs', i],
            `${show(solverId)} is not a solver of @mlsysim/core${didYouMean(closestMatches(solverId, resolver.solverIds()))}`,
            solverId,
          )
      })
      lab.walls.forEach((number, i) => {
        const wall = index.walls.get(number)
        if (!wall) {
          ctx.error(entity, [...at, 'walls', i], `unknown wall ${number}`, number)
          return
        }
        if (!own.has(wall.resolver))
          ctx.error(
            entity,
            [...at, 'walls', i],
            `claims wall ${number} (${wall.name}) but not its resolver ${show(wall.resolver)}; add it to solverRefs`,
            number,
          )
      })
      lab.parts.forEach((part, pi) => {
        ;(part.solverRefs ?? []).forEach((solverId, si) => {
          if (!own.has(solverId))
            ctx.error(
              entity,
              [...at, 'parts', pi, 'solverRefs', si],
              `part ${part.id} uses ${show(solverId)}, which is not in the lab's solverRefs`,
              solverId,
            )
        })
        const peek = part.mathPeek?.solverRef
        if (peek && !own.has(peek))
          ctx.error(
            entity,
            [...at, 'parts', pi, 'mathPeek', 'solverRef'],
            `part ${part.id}'s Math Peek cites ${show(peek)}, which is not in the lab's solverRefs`,
            peek,
          )
      })
    }
  },
}
