/** The course itself: its four pillars and what it is made of. */
import { z } from 'zod'
import { annotations, kebabId, ref, text } from './common.js'

export const PILLAR_IDS = ['read', 'build', 'explore', 'deploy'] as const

export const pillarSchema = z.strictObject({
  id: z.enum(PILLAR_IDS),
  title: text('pillar title'),
  resource: text('pillar resource'),
  activity: text('what students do'),
  url: z.url(),
})

export const courseMetaSchema = z
  .strictObject({
    id: kebabId('course'),
    title: text('course title'),
    url: z.url(),
    pillars: z
      .array(pillarSchema)
      .length(4, 'the course has exactly four pillars: read, build, explore, deploy'),
    /** The pedagogical cycle the pillars form. */
    loop: text('pillar loop'),
    volumeIds: z.array(ref('volume')).min(1),
    offeringIds: z.array(ref('offering')).min(1),
    ...annotations,
  })
  .meta({ description: 'the course: title, pillars, volumes and offerings' })

export type Pillar = z.infer<typeof pillarSchema>
export type CourseMeta = z.infer<typeof courseMetaSchema>
