/**
 * §3.8 check 15: StaffML drills follow the vault's rules — level ↔ Bloom level, the zone × Bloom
 * affinity, topic on the closed list, and the length and plain-text rules of titles, scenarios
 * and questions.
 *
 * The level ↔ Bloom mapping is the vault's (L1 remember … L6+ create). The zone × Bloom
 * affinity matrix below is reconstructed from the zone names: the vault's own matrix
 * (interviews/vault/schema) is not in this package's sources; replace it when available.
 */
import type { InterviewDrill } from '../../schema/index.js'
import type { CourseCheck } from '../check.js'
import { show } from '../issue.js'

type Bloom = NonNullable<InterviewDrill['bloomLevel']>

export const LEVEL_BLOOM: Record<InterviewDrill['level'], Bloom> = {
  L1: 'remember',
  L2: 'understand',
  L3: 'apply',
  L4: 'analyze',
  L5: 'evaluate',
  'L6+': 'create',
}

export const ZONE_BLOOM_AFFINITY: Record<InterviewDrill['zone'], readonly Bloom[]> = {
  recall: ['remember', 'understand'],
  fluency: ['understand', 'apply'],
  implement: ['apply', 'create'],
  specification: ['apply', 'analyze', 'create'],
  analyze: ['analyze', 'evaluate'],
  diagnosis: ['analyze', 'evaluate'],
  optimization: ['apply', 'analyze', 'evaluate'],
  evaluation: ['evaluate'],
  design: ['evaluate', 'create'],
  realization: ['apply', 'create'],
  mastery: ['evaluate', 'create'],
}

const TITLE_MAX = 120
const SCENARIO_MIN = 30
const QUESTION_MAX = 200
/** LaTeX ($…$, \command) or Markdown (emphasis, code, headings, links) in a plain-text field. */
const MARKUP = /\$|\\[a-zA-Z]+|\*\*|__|`|^#|\[[^\]]*\]\([^)]*\)/m

export const interviewDrillsCheck: CourseCheck = {
  id: 'c15',
  number: 15,
  title: 'Interview drills follow the vault’s rules',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    const topics = data.interviewTaxonomy ? new Set(data.interviewTaxonomy.topics) : undefined
    ;(data.interviewDrills ?? []).forEach((drill, di) => {
      const entity = `interview drill '${drill.id}'`
      const at = ['interviewDrills', di]
      if (!drill.id.startsWith(`${drill.track}-`))
        ctx.error(entity, [...at, 'id'], `id must start with its track ${show(`${drill.track}-`)}`, drill.id)
      if (drill.bloomLevel) {
        const expected = LEVEL_BLOOM[drill.level]
        if (drill.bloomLevel !== expected)
          ctx.error(
            entity,
            [...at, 'bloomLevel'],
            `level ${drill.level} maps to Bloom level ${show(expected)}, not ${show(drill.bloomLevel)}`,
            drill.bloomLevel,
          )
      }
      const bloom = drill.bloomLevel ?? LEVEL_BLOOM[drill.level]
      const allowed = ZONE_BLOOM_AFFINITY[drill.zone]
      if (!allowed.includes(bloom))
        ctx.error(
          entity,
          [...at, 'zone'],
          `zone ${show(drill.zone)} admits Bloom levels ${allowed.join(', ')}, not ${show(bloom)}`,
          drill.zone,
        )
      if (topics && !topics.has(drill.topic))
        ctx.error(
          entity,
          [...at, 'topic'],
          `topic ${show(drill.topic)} is not on the vault's topic list`,
          drill.topic,
        )
      if (drill.title.length > TITLE_MAX)
        ctx.error(
          entity,
          [...at, 'title'],
          `title is ${drill.title.length} characters; at most ${TITLE_MAX}`,
          drill.title,
        )
      if (MARKUP.test(drill.title))
        ctx.error(
          entity,
          [...at, 'title'],
          'title must be plain text, without LaTeX or Markdown',
          drill.title,
        )
      if (drill.scenario.length < SCENARIO_MIN)
        ctx.error(
          entity,
          [...at, 'scenario'],
          `scenario is ${drill.scenario.length} characters; at least ${SCENARIO_MIN}`,
          drill.scenario,
        )
      if (drill.question !== undefined && drill.question.length > QUESTION_MAX)
        ctx.error(
          entity,
          [...at, 'question'],
          `question is ${drill.question.length} characters; at most ${QUESTION_MAX}`,
          drill.question,
        )
      ;(drill.chapterRefs ?? []).forEach((ref, ci) => {
        if (!index.chapter(ref))
          ctx.error(
            entity,
            [...at, 'chapterRefs', ci],
            `unknown chapter ${show(ref)} (write vol1/… or vol2/…)`,
            ref,
          )
      })
    })
  },
}
