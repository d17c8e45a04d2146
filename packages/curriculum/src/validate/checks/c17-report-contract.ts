/**
 * §3.8 check 17: every report section of the contract can be built from the lab's ledger:
 * each part's checkpoint saves the per-part fields, the synthesis saves the synthesis fields.
 * Applies to fully specified labs (outline labs declare no checkpoints yet).
 */
import { type CourseCheck, labName, labPath } from '../check.js'

export const reportContractCheck: CourseCheck = {
  id: 'c17',
  number: 17,
  title: 'Report fields derive from checkpoint fields',
  usesResolver: 'no',
  run(ctx) {
    const { data } = ctx
    const sections = data.reportContract.sections
    for (const lab of data.labs) {
      if (lab.specLevel !== 'full') continue
      const at = labPath(ctx, lab)
      lab.parts.forEach((part, pi) => {
        const saved = new Set(part.checkpointFields ?? [])
        for (const section of sections) {
          const missing = section.partFields.filter((f) => !saved.has(f))
          if (missing.length)
            ctx.error(
              labName(lab),
              [...at, 'parts', pi, 'checkpointFields'],
              `part ${part.id} does not save ${missing.join(', ')}, which the report section "${section.title}" needs`,
              missing,
            )
        }
      })
      const saved = new Set(lab.synthesis.fields)
      for (const section of sections) {
        const missing = section.synthesisFields.filter((f) => !saved.has(f))
        if (missing.length)
          ctx.error(
            labName(lab),
            [...at, 'synthesis', 'fields'],
            `the synthesis does not save ${missing.join(', ')}, which the report section "${section.title}" needs`,
            missing,
          )
      }
    }
  },
}
