/**
 * Extra check `full-spec`: a lab marked `full` is specified down to every part's prediction,
 * controls, constraint check, Math Peek, reflection prompts and checkpoint fields — what the
 * lab shell needs to render it without placeholders.
 */
import { type CourseCheck, labName, labPath } from '../check.js'

const REQUIRED = [
  'prediction',
  'controls',
  'constraintCheck',
  'mathPeek',
  'reflectionPrompts',
  'checkpointFields',
] as const

export const fullSpecCheck: CourseCheck = {
  id: 'full-spec',
  title: 'Fully specified labs are complete',
  usesResolver: 'no',
  run(ctx) {
    for (const lab of ctx.data.labs) {
      if (lab.specLevel !== 'full') continue
      const at = labPath(ctx, lab)
      lab.parts.forEach((part, pi) => {
        for (const field of REQUIRED) {
          const value = part[field]
          if (value === undefined || (Array.isArray(value) && value.length === 0))
            ctx.error(
              labName(lab),
              [...at, 'parts', pi, field],
              `part ${part.id} of a fully specified lab needs ${field}`,
            )
        }
      })
      if (!lab.learningObjectives?.length)
        ctx.error(
          labName(lab),
          [...at, 'learningObjectives'],
          'a fully specified lab states its learning objectives',
        )
    }
  },
}
