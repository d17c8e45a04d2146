/**
 * Normalizes the book's `<chapter>_quizzes.json` (schema_version 2) into the Quiz schema. The
 * book writes an MCQ's answer as prose — "The correct answer is C. …" — so the correct choice
 * is recovered as an index: by the letter the answer names, or else by the choice text the
 * answer quotes. Sections without a quiz are dropped.
 */
import type { Quiz, QuizQuestion } from './schema/index.js'
import { QUESTION_TYPES, rawQuizFileSchema } from './schema/index.js'

export interface QuizNormalization {
  readonly quiz: Quiz
  /** MCQs whose answer could not be tied to a choice, by section and question index. */
  readonly unresolved: ReadonlyArray<{ sectionId: string; question: number; answer: string }>
}

/** "A) Foo", "B. Bar", "(c) Baz" → the choice text without its letter. */
function stripLetter(choice: string): string {
  return choice.replace(/^\s*\(?[A-Ha-h][).:]\s+/, '').trim()
}

/** Index of the choice an MCQ's prose answer names, or undefined. */
export function mcqAnswerIndex(answer: string, choices: readonly string[]): number | undefined {
  const letter =
    /correct answer is\s*(?:option\s*)?\(?([A-H])\b/i.exec(answer)?.[1] ??
    /^\s*(?:answer\s*[:.-]\s*)?\(?([A-H])[).:](?:\s|$)/i.exec(answer)?.[1]
  if (letter) {
    const index = letter.toUpperCase().charCodeAt(0) - 65
    if (index < choices.length) return index
  }
  const text = answer.toLowerCase()
  const matches = choices
    .map((c, i) => ({ i, body: stripLetter(c).toLowerCase() }))
    .filter(({ body }) => body.length > 0 && text.includes(body))
  return matches.length === 1 ? matches[0]!.i : undefined
}

const KNOWN_TYPES = new Set<string>(QUESTION_TYPES)

export function normalizeQuiz(
  raw: unknown,
  where: { volumeId: string; chapterId: string },
): QuizNormalization {
  const file = rawQuizFileSchema.parse(raw)
  const unresolved: Array<{ sectionId: string; question: number; answer: string }> = []
  const sections = file.sections
    .filter((s) => s.quiz_data.quiz_needed && (s.quiz_data.questions?.length ?? 0) > 0)
    .map((section) => ({
      sectionId: section.section_id,
      title: section.section_title,
      questions: (section.quiz_data.questions ?? []).map((q, qi): QuizQuestion => {
        const type = (
          KNOWN_TYPES.has(q.question_type.toUpperCase()) ? q.question_type.toUpperCase() : 'SHORT'
        ) as QuizQuestion['type']
        const answerIndex = type === 'MCQ' && q.choices ? mcqAnswerIndex(q.answer, q.choices) : undefined
        if (type === 'MCQ' && answerIndex === undefined)
          unresolved.push({ sectionId: section.section_id, question: qi, answer: q.answer })
        return {
          type,
          prompt: q.question,
          ...(q.choices ? { choices: q.choices } : {}),
          answer: q.answer,
          ...(answerIndex !== undefined ? { answerIndex } : {}),
          ...(q.learning_objective ? { objective: q.learning_objective } : {}),
        }
      }),
    }))
  return {
    quiz: {
      volumeId: where.volumeId,
      chapterId: where.chapterId,
      schemaVersion: file.metadata.schema_version,
      sections,
    },
    unresolved,
  }
}
