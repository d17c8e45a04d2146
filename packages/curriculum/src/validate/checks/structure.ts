/**
 * Extra check `structure`: ids are unique, aliases name one entity, and the book's own
 * references agree (a volume lists its parts and chapters, a chapter's part lists it back,
 * chapter numbers follow reading order, the course lists real volumes and offerings).
 */
import type { CourseCheck } from '../check.js'
import type { NameIndex } from '../course-index.js'
import { show } from '../issue.js'
import { didYouMean as hint } from '../resolver.js'

export const structureCheck: CourseCheck = {
  id: 'structure',
  title: 'Ids, aliases and book structure',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    const collections: Array<[string, string, { id: string }[]]> = [
      ['volumes', 'volume', data.volumes],
      ['parts', 'part', data.parts],
      ['offerings', 'offering', data.offerings],
      ['labs', 'lab', data.labs],
      ['instruments', 'instrument', data.instruments],
      ['failureStates', 'failure state', data.failureStates],
      ['tracks', 'track', data.tracks],
      ['tinytorchModules', 'TinyTorch module', data.tinytorchModules],
      ['milestones', 'milestone', data.milestones],
      ['kits', 'kit', data.kits],
      ['kitActivities', 'kit activity', data.kitActivities],
    ]
    for (const [key, noun, list] of collections) {
      const seen = new Map<string, number>()
      list.forEach((entry, i) => {
        const first = seen.get(entry.id)
        if (first !== undefined)
          ctx.error(`${noun} '${entry.id}'`, [key, i, 'id'], `duplicate id (also ${key}[${first}])`, entry.id)
        else seen.set(entry.id, i)
      })
    }
    // Chapters: unique within their volume.
    const chapterKeys = new Map<string, number>()
    data.chapters.forEach((c, i) => {
      const key = `${c.volumeId}/${c.id}`
      const first = chapterKeys.get(key)
      if (first !== undefined)
        ctx.error(
          `chapter '${key}'`,
          ['chapters', i, 'id'],
          `duplicate chapter id in ${c.volumeId} (also chapters[${first}])`,
          c.id,
        )
      else chapterKeys.set(key, i)
    })

    const aliasIndexes: Array<[string, NameIndex<unknown>]> = [
      ['lab', index.labs as NameIndex<unknown>],
      ['track', index.tracks as NameIndex<unknown>],
      ['instrument', index.instruments as NameIndex<unknown>],
      ['TinyTorch module', index.modules as NameIndex<unknown>],
      ['milestone', index.milestones as NameIndex<unknown>],
      ['kit', index.kits as NameIndex<unknown>],
      ...[...index.labsByVolume.entries()].map(
        ([v, i]) => [`${v} lab`, i as NameIndex<unknown>] as [string, NameIndex<unknown>],
      ),
      ...[...index.chaptersByVolume.entries()].map(
        ([v, i]) => [`${v} chapter`, i as NameIndex<unknown>] as [string, NameIndex<unknown>],
      ),
    ]
    for (const [noun, names] of aliasIndexes) {
      for (const [name, first, second] of names.collisions) {
        if (first === second) continue
        ctx.error(
          `${noun} '${second}'`,
          ['aliases'],
          `the name ${show(name)} already names ${noun} '${first}'`,
          name,
        )
      }
    }

    // Decisions are cited by id (README, tests): one id, one decision.
    const decisionIds = new Map<string, string>()
    const visit = (value: unknown, path: Array<string | number>) => {
      if (Array.isArray(value))
        value.forEach((v, i) => {
          visit(v, [...path, i])
        })
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === 'decisions' && Array.isArray(v)) {
            v.forEach((d: { id?: string }, i) => {
              if (typeof d?.id !== 'string') return
              const where = [...path, k, i].join('.')
              const first = decisionIds.get(d.id)
              if (first)
                ctx.error(
                  `decision '${d.id}'`,
                  [...path, k, i, 'id'],
                  `duplicate decision id (also at ${first})`,
                  d.id,
                )
              else decisionIds.set(d.id, where)
            })
          } else visit(v, [...path, k])
        }
      }
    }
    visit(data, [])

    // The course lists real volumes and offerings.
    data.course.volumeIds.forEach((v, i) => {
      if (!index.volumes.get(v))
        ctx.error(`course '${data.course.id}'`, ['course', 'volumeIds', i], `unknown volume ${show(v)}`, v)
    })
    data.course.offeringIds.forEach((o, i) => {
      if (!index.offerings.get(o))
        ctx.error(
          `course '${data.course.id}'`,
          ['course', 'offeringIds', i],
          `unknown offering ${show(o)}`,
          o,
        )
    })

    // Volumes, parts and chapters agree with each other.
    data.volumes.forEach((volume, vi) => {
      const entity = `volume '${volume.id}'`
      volume.partIds.forEach((partId, i) => {
        const part = index.parts.get(partId)
        if (!part)
          ctx.error(
            entity,
            ['volumes', vi, 'partIds', i],
            `unknown part ${show(partId)}${hint(index.parts.suggest(partId))}`,
            partId,
          )
        else if (part.volumeId !== volume.id)
          ctx.error(
            entity,
            ['volumes', vi, 'partIds', i],
            `part ${show(partId)} belongs to ${show(part.volumeId)}`,
            partId,
          )
      })
      volume.chapterIds.forEach((chapterId, i) => {
        const chapter = index.chapter(chapterId, volume.id)
        if (!chapter)
          ctx.error(
            entity,
            ['volumes', vi, 'chapterIds', i],
            `unknown chapter ${show(chapterId)} in ${volume.id}`,
            chapterId,
          )
        else if (chapter.number !== i + 1)
          ctx.error(
            entity,
            ['volumes', vi, 'chapterIds', i],
            `chapter ${show(chapter.id)} is number ${chapter.number} but is listed ${i + 1}${ordinal(i + 1)} in reading order`,
            chapterId,
          )
      })
      const listed = new Set(volume.chapterIds.map((c) => index.chapter(c, volume.id)))
      data.chapters.forEach((chapter, ci) => {
        if (chapter.volumeId === volume.id && !listed.has(chapter))
          ctx.error(
            `chapter '${volume.id}/${chapter.id}'`,
            ['chapters', ci, 'volumeId'],
            `not listed in ${volume.id}.chapterIds`,
            chapter.id,
          )
      })
    })
    data.chapters.forEach((chapter, ci) => {
      const entity = `chapter '${chapter.volumeId}/${chapter.id}'`
      if (!index.volumes.get(chapter.volumeId))
        ctx.error(
          entity,
          ['chapters', ci, 'volumeId'],
          `unknown volume ${show(chapter.volumeId)}`,
          chapter.volumeId,
        )
      const part = index.parts.get(chapter.partId)
      if (!part)
        ctx.error(
          entity,
          ['chapters', ci, 'partId'],
          `unknown part ${show(chapter.partId)}${hint(index.parts.suggest(chapter.partId))}`,
          chapter.partId,
        )
      else if (!part.chapterIds.some((c) => index.chapter(c, part.volumeId) === chapter))
        ctx.error(
          entity,
          ['chapters', ci, 'partId'],
          `part ${show(part.id)} does not list this chapter`,
          chapter.partId,
        )
    })
    data.parts.forEach((part, pi) => {
      part.chapterIds.forEach((chapterId, i) => {
        const chapter = index.chapter(chapterId, part.volumeId)
        if (!chapter)
          ctx.error(
            `part '${part.id}'`,
            ['parts', pi, 'chapterIds', i],
            `unknown chapter ${show(chapterId)} in ${part.volumeId}`,
            chapterId,
          )
        else if (chapter.partId !== part.id)
          ctx.error(
            `part '${part.id}'`,
            ['parts', pi, 'chapterIds', i],
            `chapter ${show(chapterId)} names part ${show(chapter.partId)}`,
            chapterId,
          )
      })
    })
  },
}

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
}
