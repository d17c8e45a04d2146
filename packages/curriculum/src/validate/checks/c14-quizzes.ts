/**
 * §3.8 check 14: quiz sections point at section anchors of their chapter; an MCQ's answer
 * index falls inside its choices.
 */
import type { CourseCheck } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

export const quizzesCheck: CourseCheck = {
  id: 'c14',
  number: 14,
  title: 'Quizzes point at real sections; MCQ answers are valid indices',
  usesResolver: 'no',
  run(ctx) {
    const { data, index } = ctx
    ;(data.quizzes ?? []).forEach((quiz, qi) => {
      const chapter = index.chapter(quiz.chapterId, quiz.volumeId)
      const entity = `quiz '${quiz.volumeId}/${quiz.chapterId}'`
      if (!chapter) {
        ctx.error(
          entity,
          ['quizzes', qi, 'chapterId'],
          `unknown chapter ${show(quiz.chapterId)} in ${quiz.volumeId}${didYouMean(index.chapterSuggestions(quiz.chapterId, quiz.volumeId))}`,
          quiz.chapterId,
        )
        return
      }
      const anchors = chapter.sections?.map((s) => s.anchor)
      if (!anchors)
        ctx.warn(
          entity,
          ['quizzes', qi, 'chapterId'],
          `chapter '${chapter.id}' lists no sections, so section anchors cannot be checked`,
          chapter.id,
        )
      quiz.sections.forEach((section, si) => {
        if (anchors && !anchors.includes(section.sectionId))
          ctx.error(
            entity,
            ['quizzes', qi, 'sections', si, 'sectionId'],
            `section ${show(section.sectionId)} is not an anchor of chapter '${chapter.id}'`,
            section.sectionId,
          )
        section.questions.forEach((question, qqi) => {
          const path = ['quizzes', qi, 'sections', si, 'questions', qqi]
          if (question.type !== 'MCQ') return
          if (!question.choices?.length) {
            ctx.error(entity, [...path, 'choices'], 'an MCQ needs choices')
            return
          }
          if (question.answerIndex === undefined)
            ctx.error(
              entity,
              [...path, 'answerIndex'],
              'an MCQ needs answerIndex (run normalizeQuiz on the book’s JSON)',
            )
          else if (question.answerIndex >= question.choices.length)
            ctx.error(
              entity,
              [...path, 'answerIndex'],
              `answerIndex ${question.answerIndex} is outside the ${question.choices.length} choices`,
              question.answerIndex,
            )
        })
      })
    })
  },
}
