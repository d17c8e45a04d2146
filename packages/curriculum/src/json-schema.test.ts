// The JSON Schema export describes the document users write: entities reject unknown fields,
// ids carry their patterns, and the shipped course's own shape agrees with it.
import { describe, expect, it } from 'vitest'
import { course } from './data/index.js'
import { curriculumJsonSchema } from './json-schema.js'

// JSON Schema is untyped JSON; tests walk it by key.
// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary nested JSON
type Schema = Record<string, any>

describe('curriculumJsonSchema', () => {
  const schema = curriculumJsonSchema() as Schema

  it('is a draft 2020-12 schema of the whole course document with a stable $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toBe('https://mlsysbook.ai/schemas/mlsysim/curriculum.json')
    expect(schema.required).toEqual(
      expect.arrayContaining(['course', 'volumes', 'chapters', 'offerings', 'labs', 'tracks', 'assessment']),
    )
    expect(schema.additionalProperties).toBe(false)
  })

  it('describes a lab with its id pattern, closed fields and the prediction union', () => {
    const lab = schema.properties.labs.items
    expect(lab.additionalProperties).toBe(false)
    expect(lab.properties.id.pattern).toBe('^[a-z0-9]+(?:_[a-z0-9]+)*$')
    expect(lab.properties.code.pattern).toBe('^V\\d-\\d{2}$')
    const prediction = lab.properties.parts.items.properties.prediction
    const kinds = prediction.oneOf.map((p: Schema) => p.properties.kind.const)
    expect(kinds).toEqual(['choice', 'numeric'])
  })

  it('exports one collection’s entries on request', () => {
    const tracks = curriculumJsonSchema('tracks') as Schema
    expect(tracks.$id).toBe('https://mlsysbook.ai/schemas/mlsysim/curriculum/tracks.json')
    expect(tracks.type).toBe('object')
    expect(tracks.properties.evidence.enum).toEqual(['datasheet', 'estimate'])
  })

  it('names the entity it does not know and the one that was meant', () => {
    expect(() => curriculumJsonSchema('labz' as 'labs')).toThrow(
      /^unknown course entity 'labz'; did you mean labs\? \(entities: volumes, parts, chapters/,
    )
  })

  it('lists every top-level key the shipped course uses, and requires each entity’s required fields', () => {
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(course)))
    const chapterRequired: string[] = schema.properties.chapters.items.required
    for (const chapter of course.chapters)
      for (const field of chapterRequired) expect(chapter, `${chapter.id}.${field}`).toHaveProperty(field)
  })
})
