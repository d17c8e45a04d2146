/**
 * JSON Schema of the course document (draft 2020-12), for editors and the CLI's
 * `mlsysim schema curriculum`. It describes what a user writes: the schemas have no
 * transforms, so input and output agree; cross-reference rules are not expressible in JSON
 * Schema and stay in `validateCourse`.
 */
import { closestMatches } from '@mlsysim/units'
import { z } from 'zod'
import { COLLECTION_NAMES, type CollectionName, collectionSchemas, courseDataSchema } from './schema/index.js'

export type JsonSchema = Record<string, unknown>

/** The JSON Schema of a whole course document, or of one entity collection's entries. */
export function curriculumJsonSchema(entity?: CollectionName): JsonSchema {
  if (entity !== undefined && !(COLLECTION_NAMES as readonly string[]).includes(entity)) {
    const near = closestMatches(String(entity), COLLECTION_NAMES, 2)
    throw new RangeError(
      `unknown course entity '${String(entity)}'${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (entities: ${COLLECTION_NAMES.join(', ')})`,
    )
  }
  const schema = entity ? collectionSchemas[entity] : courseDataSchema
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: `https://mlsysbook.ai/schemas/mlsysim/curriculum${entity ? `/${entity}` : ''}.json`,
  }
}
