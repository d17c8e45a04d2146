/**
 * The book: volumes, their parts and chapters. Chapter ids are unique within a volume
 * (`introduction` and `conclusion` exist in both); references from outside a volume's
 * context write `vol2/introduction`.
 */
import { z } from 'zod'
import { aliasesSchema, annotations, kebabId, ref, snakeId, text } from './common.js'

export const ROMAN_NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const
export const numeralSchema = z.enum(ROMAN_NUMERALS)

export const volumeSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^vol[1-9]$/, { error: (i) => `volume id ${JSON.stringify(i.input)} must look like vol1` }),
    number: z.number().int().positive(),
    title: text('volume title'),
    subtitle: text('volume subtitle').optional(),
    status: z.enum(['published', 'draft']),
    /** Parts in book order. */
    partIds: z.array(ref('part')).min(1),
    /** Chapters in reading order. */
    chapterIds: z.array(ref('chapter')).min(1),
    backmatter: z.array(snakeId('backmatter entry')).optional(),
    /** Part titles of older layouts, kept so old syllabi still resolve. */
    legacyPartTitles: z.array(text('legacy part title')).optional(),
    url: z.url().optional(),
    ...annotations,
  })
  .meta({ description: 'a volume of the Machine Learning Systems book' })

export const partSchema = z
  .strictObject({
    id: kebabId('part'),
    volumeId: ref('volume'),
    numeral: numeralSchema,
    /** Title of the part divider in the book. */
    title: text('part title'),
    /** Name the syllabi give the part ("Physics of AI (Wk 1–4)"). */
    syllabusTitle: text('syllabus part title').optional(),
    dividerPath: text('divider path').optional(),
    /** Chapters the part teaches, in order (the syllabus counts a volume's introduction in part I). */
    chapterIds: z.array(ref('chapter')).min(1),
    description: text('part description').optional(),
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'a part of a volume' })

export const sectionSchema = z.strictObject({
  anchor: z.string().regex(/^#sec-[a-z0-9-]+$/, {
    error: (i) => `section anchor ${JSON.stringify(i.input)} must look like #sec-some-title`,
  }),
  title: text('section title'),
})

export const chapterSchema = z
  .strictObject({
    id: snakeId('chapter'),
    volumeId: ref('volume'),
    number: z.number().int().positive(),
    title: text('chapter title'),
    /** Shorter title the course tables print ("HW Acceleration"). */
    shortTitle: text('chapter short title').optional(),
    partId: ref('part'),
    /**
     * True when the book prints the chapter before its part's divider (each volume's
     * introduction), although the syllabus teaches it in that part.
     */
    beforePartDivider: z.boolean().optional(),
    sourcePath: text('source path'),
    url: z.url(),
    secAnchor: z.string().regex(/^@sec-[a-z0-9-]+$/, {
      error: (i) => `secAnchor ${JSON.stringify(i.input)} must look like @sec-ml-systems`,
    }),
    quizFile: text('quiz file').optional(),
    glossaryFile: text('glossary file').optional(),
    /** Equation labels defined in the chapter (`@eq-iron-law`). */
    equations: z.array(z.string().regex(/^@eq-[a-z0-9-]+$/)).optional(),
    /** Section anchors, when known; quizzes must point at one of them. */
    sections: z.array(sectionSchema).optional(),
    /** Older directory names and URL slugs (`dl_primer` for nn_computation). */
    aliases: aliasesSchema,
    ...annotations,
  })
  .meta({ description: 'a chapter of a volume' })

export type Volume = z.infer<typeof volumeSchema>
export type Part = z.infer<typeof partSchema>
export type Chapter = z.infer<typeof chapterSchema>
