// Chapter quizzes: the book's JSON (answers in prose) normalized to answer indices, and
// §3.8 check 14 on a passing and a broken quiz.
import { describe, expect, it } from 'vitest'
import { type CourseData, mcqAnswerIndex, normalizeQuiz, validateCourse } from '../src/index.js'
import { cloneCourse, expectIssue, issuesOf } from './helpers.js'

/** A quizzes file in the book's schema_version 2 shape (§3.6). */
const rawQuizFile = {
  metadata: {
    source_file: 'books/vol1/ml_systems/ml_systems.qmd',
    schema_version: 2,
    generated_by: 'quiz-generator',
    generated_on: '2026-05-01',
    model: 'example',
    total_sections: 3,
    sections_with_quizzes: 2,
    sections_without_quizzes: 1,
  },
  sections: [
    {
      section_id: '#sec-ml-systems-iron-law',
      section_title: 'The Iron Law',
      quiz_data: {
        quiz_needed: true,
        rationale: {
          focus_areas: ['bottlenecks'],
          question_strategy: 'apply',
          difficulty_progression: 'easy→hard',
          integration: 'x',
          ranking_explanation: 'y',
        },
        questions: [
          {
            question_type: 'MCQ',
            question: 'A decode step reads all weights once. Which term dominates at batch 1?',
            choices: ['A) Compute time', 'B) Memory time', 'C) Dispatch overhead', 'D) Network latency'],
            answer: 'The correct answer is B. Memory time: decode moves every weight byte per token.',
            learning_objective: 'Identify the binding Iron Law term.',
          },
          {
            question_type: 'TF',
            question: 'True or false: more FLOPs always reduce latency.',
            answer: 'False. A memory-bound workload does not speed up with more compute.',
          },
        ],
      },
    },
    {
      section_id: '#sec-ml-systems-light',
      section_title: 'The Light Barrier',
      quiz_data: {
        quiz_needed: true,
        questions: [
          {
            question_type: 'MCQ',
            question: 'What sets the floor of a 1,500 km round trip?',
            choices: ['Link bandwidth', 'The speed of light in fiber', 'Packet size'],
            answer:
              'Because light in fiber travels ~200,000 km/s, the speed of light in fiber sets the floor.',
          },
        ],
      },
    },
    { section_id: '#sec-ml-systems-summary', section_title: 'Summary', quiz_data: { quiz_needed: false } },
  ],
}

describe('mcqAnswerIndex', () => {
  it('reads the letter the prose names', () => {
    expect(mcqAnswerIndex('The correct answer is C. Because…', ['a', 'b', 'c', 'd'])).toBe(2)
    expect(mcqAnswerIndex('The correct answer is (A): …', ['a', 'b'])).toBe(0)
    expect(mcqAnswerIndex('B) because the cache misses', ['x', 'y'])).toBe(1)
  })

  it('falls back to the one choice the answer quotes, and gives up when none or several match', () => {
    expect(
      mcqAnswerIndex('It is the speed of light in fiber.', ['Link bandwidth', 'The speed of light in fiber']),
    ).toBe(1)
    expect(mcqAnswerIndex('No idea.', ['Link bandwidth', 'Packet size'])).toBeUndefined()
    expect(mcqAnswerIndex('Both bandwidth and size matter.', ['bandwidth', 'size'])).toBeUndefined()
    // A letter beyond the choices is not an index.
    expect(mcqAnswerIndex('The correct answer is F.', ['Link bandwidth', 'Packet size'])).toBeUndefined()
  })
})

describe('normalizeQuiz', () => {
  const { quiz, unresolved } = normalizeQuiz(rawQuizFile, { volumeId: 'vol1', chapterId: 'ml_systems' })

  it('keeps sections with quizzes and turns prose MCQ answers into indices', () => {
    expect(quiz.schemaVersion).toBe(2)
    expect(quiz.sections.map((s) => s.sectionId)).toEqual([
      '#sec-ml-systems-iron-law',
      '#sec-ml-systems-light',
    ])
    const [mcq, tf] = quiz.sections[0]!.questions
    expect(mcq!.answerIndex).toBe(1)
    expect(mcq!.objective).toBe('Identify the binding Iron Law term.')
    expect(tf!.type).toBe('TF')
    expect(tf!.answerIndex).toBeUndefined()
    expect(quiz.sections[1]!.questions[0]!.answerIndex).toBe(1)
    expect(unresolved).toEqual([])
  })

  it('passes check 14 once the chapter lists those sections, and fails on a bad anchor and index', () => {
    const withSections = (c: CourseData) => {
      const chapter = c.chapters.find((ch) => ch.volumeId === 'vol1' && ch.id === 'ml_systems')!
      chapter.sections = [
        { anchor: '#sec-ml-systems-iron-law', title: 'The Iron Law' },
        { anchor: '#sec-ml-systems-light', title: 'The Light Barrier' },
      ]
      return c
    }
    const passing = validateCourse({ ...withSections(cloneCourse()), quizzes: [quiz] })
    expect(issuesOf(passing, 'c14')).toEqual([])
    expect(passing.ok).toBe(true)

    const bad = structuredClone(quiz)
    bad.sections[1]!.sectionId = '#sec-ml-systems-lite'
    bad.sections[0]!.questions[0]!.answerIndex = 4
    const failing = validateCourse({ ...withSections(cloneCourse()), quizzes: [bad] })
    expectIssue(failing, {
      check: 'c14',
      entity: "quiz 'vol1/ml_systems'",
      path: 'quizzes[0].sections[1].sectionId',
      value: '#sec-ml-systems-lite',
      says: "is not an anchor of chapter 'ml_systems'",
    })
    expectIssue(failing, {
      check: 'c14',
      entity: "quiz 'vol1/ml_systems'",
      path: 'quizzes[0].sections[0].questions[0].answerIndex',
      value: 4,
      says: 'answerIndex 4 is outside the 4 choices',
    })
  })
})
