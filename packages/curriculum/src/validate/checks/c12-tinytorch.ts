/**
 * §3.8 check 12: TinyTorch modules named in weeks exist; a module starts only after its
 * prerequisites have been scheduled; a milestone is reached only once all the modules it
 * requires have been worked on. Module numbers match their ids and prerequisites form no cycle.
 */
import type { CourseCheck } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const tinytorchCheck: CourseCheck = {
  id: 'c12',
  number: 12,
  title: 'TinyTorch modules and milestones in order',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    data.tinytorchModules.forEach((module, mi) => {
      const entity = `TinyTorch module '${module.id}'`
      const prefix = Number.parseInt(module.id.slice(0, 2), 10)
      if (prefix !== module.number)
        ctx.error(
          entity,
          ['tinytorchModules', mi, 'number'],
          `number ${module.number} disagrees with the id prefix ${prefix}`,
          module.number,
        )
      module.prereqIds.forEach((ref, pi) => {
        if (!index.modules.get(ref))
          ctx.error(
            entity,
            ['tinytorchModules', mi, 'prereqIds', pi],
            `unknown prerequisite ${show(ref)}${didYouMean(index.modules.suggest(ref))}`,
            ref,
          )
      })
      if (module.milestoneId) {
        const milestone = index.milestones.get(module.milestoneId)
        if (!milestone)
          ctx.error(
            entity,
            ['tinytorchModules', mi, 'milestoneId'],
            `unknown milestone ${show(module.milestoneId)}`,
            module.milestoneId,
          )
        else if (!milestone.requiresModuleIds.some((r) => index.modules.get(r) === module))
          ctx.error(
            entity,
            ['tinytorchModules', mi, 'milestoneId'],
            `milestone '${milestone.id}' does not require this module`,
            module.milestoneId,
          )
      }
    })
    // Prerequisites must not loop.
    const state = new Map<string, 'visiting' | 'done'>()
    const visit = (id: string, trail: string[]): void => {
      if (state.get(id) === 'done') return
      if (state.get(id) === 'visiting') {
        const mi = data.tinytorchModules.findIndex((m) => m.id === id)
        ctx.error(
          `TinyTorch module '${id}'`,
          ['tinytorchModules', mi, 'prereqIds'],
          `prerequisites form a cycle: ${[...trail, id].join(' → ')}`,
          id,
        )
        return
      }
      state.set(id, 'visiting')
      for (const ref of index.modules.get(id)?.prereqIds ?? []) {
        const next = index.modules.get(ref)
        if (next) visit(next.id, [...trail, id])
      }
      state.set(id, 'done')
    }
    for (const module of data.tinytorchModules) visit(module.id, [])
    data.milestones.forEach((milestone, mi) => {
      milestone.requiresModuleIds.forEach((ref, ri) => {
        if (!index.modules.get(ref))
          ctx.error(
            `milestone '${milestone.id}'`,
            ['milestones', mi, 'requiresModuleIds', ri],
            `unknown module ${show(ref)}`,
            ref,
          )
      })
    })

    data.offerings.forEach((offering, oi) => {
      const firstWeek = new Map<string, number>()
      offering.weeks.forEach((week, wi) => {
        const entity = `offering '${offering.id}' week ${week.number}`
        week.tinytorchModuleIds.forEach((ref, ri) => {
          const path = ['offerings', oi, 'weeks', wi, 'tinytorchModuleIds', ri]
          const module = index.modules.get(ref)
          if (!module) {
            ctx.error(
              entity,
              path,
              `unknown TinyTorch module ${show(ref)}${didYouMean(index.modules.suggest(ref))}`,
              ref,
            )
            return
          }
          if (index.modules.isAlias(ref))
            ctx.warn(
              entity,
              path,
              `module named by its old numbering ${show(ref)}; its id is ${show(module.id)}`,
              ref,
            )
          if (firstWeek.has(module.id)) return
          for (const prereqRef of module.prereqIds) {
            const prereq = index.modules.get(prereqRef)
            if (prereq && !firstWeek.has(prereq.id))
              ctx.error(
                entity,
                path,
                `module '${module.id}' starts before its prerequisite '${prereq.id}' has been scheduled`,
                ref,
              )
          }
          firstWeek.set(module.id, week.number)
        })
        ;(week.milestoneIds ?? []).forEach((ref, ri) => {
          const path = ['offerings', oi, 'weeks', wi, 'milestoneIds', ri]
          const milestone = index.milestones.get(ref)
          if (!milestone) {
            ctx.error(
              entity,
              path,
              `unknown milestone ${show(ref)}${didYouMean(index.milestones.suggest(ref))}`,
              ref,
            )
            return
          }
          const locked = milestone.requiresModuleIds
            .map((r) => index.modules.get(r))
            .filter((m) => m !== undefined && !firstWeek.has(m.id))
            .map((m) => m!.id)
          if (locked.length)
            ctx.error(
              entity,
              path,
              `milestone '${milestone.id}' needs ${locked.join(', ')}, not yet scheduled by week ${week.number}`,
              ref,
            )
        })
      })
    })
  },
}
