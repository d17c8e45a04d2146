/**
 * Chapter quizzes in normalized form: every MCQ carries the index of its correct choice
 * (the book's JSON writes the answer as prose, "The correct answer is C…";
 * `normalizeQuiz` converts it).
 */
import { z } from 'zod'
import { ref, text } from './common.js'

export const QUESTION_TYPES = ['MCQ', 'TF', 'SHORT', 'FILL', 'ORDER', 'CALC'] as const

export const quizQuestionSchema = z.strictObject({
  type: z.enum(QUESTION_TYPES),
  prompt: text('question prompt'),
  choices: z.array(text('choice')).optional(),
  /** The answer as the book writes it (prose with the explanation). */
  answer: text('answer'),
  /** Index into `choices` of the correct choice (MCQ). */
  answerIndex: z.number().int().min(0).optional(),
  objective: text('learning objective').optional(),
})

export const quizSchema = z
  .strictObject({
    volumeId: ref('volume'),
    chapterId: ref('chapter'),
    schemaVersion: z.number().int().positive(),
    sections: z
      .array(
        z.strictObject({
          /** `#sec-…` anchor of a section of the chapter. */
          sectionId: z.string().regex(/^#sec-[a-z0-9-]+$/, {
            error: (i) => `quiz sectionId ${JSON.stringify(i.input)} must look like #sec-some-title`,
          }),
          title: text('section title'),
          questions: z.array(quizQuestionSchema).min(1),
        }),
      )
      .min(1),
  })
  .meta({ description: 'a chapter quiz (normalized)' })

/** The book's `<chapter>_quizzes.json` as generated (schema_version 2); unknown keys are kept. */
export const rawQuizFileSchema = z.looseObject({
  metadata: z.looseObject({
    source_file: z.string().optional(),
    schema_version: z.number().int(),
  }),
  sections: z.array(
    z.looseObject({
      section_id: z.string(),
      section_title: z.string(),
      quiz_data: z.looseObject({
        quiz_needed: z.boolean(),
        questions: z
          .array(
            z.looseObject({
              question_type: z.string(),
              question: z.string(),
              choices: z.array(z.string()).optional(),
              answer: z.string(),
              learning_objective: z.string().optional(),
            }),
          )
          .optional(),
      }),
    }),
  ),
})

export type QuizQuestion = z.infer<typeof quizQuestionSchema>
export type Quiz = z.infer<typeof quizSchema>
export type RawQuizFile = z.infer<typeof rawQuizFileSchema>
