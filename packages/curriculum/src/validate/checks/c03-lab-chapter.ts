/**
 * §3.8 check 3: a lab's chapter exists in its volume and the lab's number is the chapter's
 * number (the orientation lab has no chapter and number 0); each chapter has exactly one lab.
 * Codes and file stems agree with volume and number.
 */
import type { Lab } from '../../schema/index.js'
import { type CourseCheck, labName, labPath } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const labChapterCheck: CourseCheck = {
  id: 'c03',
  number: 3,
  title: 'Labs sit on their chapter, one per chapter',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    const labOfChapter = new Map<string, Lab>()
    for (const lab of data.labs) {
      const at = labPath(ctx, lab)
      const entity = labName(lab)
      const volume = index.volumes.get(lab.volumeId)
      if (!volume) {
        ctx.error(entity, [...at, 'volumeId'], `unknown volume ${show(lab.volumeId)}`, lab.volumeId)
        continue
      }
      const code = `V${volume.number}-${String(lab.number).padStart(2, '0')}`
      if (lab.code !== code)
        ctx.error(
          entity,
          [...at, 'code'],
          `code ${show(lab.code)} disagrees with ${volume.id} lab ${lab.number}; expected ${show(code)}`,
          lab.code,
        )
      const stem = `lab_${String(lab.number).padStart(2, '0')}_`
      if (!lab.slug.startsWith(stem))
        ctx.error(
          entity,
          [...at, 'slug'],
          `file stem ${show(lab.slug)} must start with ${show(stem)}`,
          lab.slug,
        )
      if (lab.chapterId === null) {
        if (lab.number !== 0)
          ctx.error(
            entity,
            [...at, 'number'],
            `a lab without a chapter is the orientation lab and must be number 0`,
            lab.number,
          )
        if (lab.capstone)
          ctx.error(entity, [...at, 'capstone'], 'the orientation lab cannot be a capstone', lab.capstone)
        continue
      }
      const chapter = index.chapter(lab.chapterId, lab.volumeId)
      if (!chapter) {
        ctx.error(
          entity,
          [...at, 'chapterId'],
          `unknown chapter ${show(lab.chapterId)} in ${lab.volumeId}${didYouMean(index.chapterSuggestions(lab.chapterId, lab.volumeId))}`,
          lab.chapterId,
        )
        continue
      }
      if (chapter.number !== lab.number)
        ctx.error(
          entity,
          [...at, 'number'],
          `lab ${lab.number} sits on chapter ${chapter.number} ${show(chapter.id)}; the numbers must match`,
          lab.number,
        )
      const key = `${lab.volumeId}/${chapter.id}`
      const other = labOfChapter.get(key)
      if (other)
        ctx.error(
          entity,
          [...at, 'chapterId'],
          `chapter ${show(key)} already has lab '${other.id}'`,
          lab.chapterId,
        )
      else labOfChapter.set(key, lab)
    }
    data.chapters.forEach((chapter, ci) => {
      const key = `${chapter.volumeId}/${chapter.id}`
      if (!labOfChapter.has(key))
        ctx.error(
          `chapter '${key}'`,
          ['chapters', ci],
          `has no lab: every chapter has exactly one non-orientation lab`,
          key,
        )
    })
  },
}
