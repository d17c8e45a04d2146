/**
 * Building blocks shared by every curriculum schema: id spellings, text, quantities with
 * units, and the record of a decision taken where the course's sources disagree.
 *
 * The schemas carry no transforms or defaults on purpose: what an author writes is what the
 * validator sees, TypeScript input and output types coincide, and the JSON Schema export
 * describes exactly the files a user writes.
 */
import { parse, UnitError } from '@mlsysim/units'
import { z } from 'zod'

/** snake_case ids: `ml_systems`, `v1_02_physics_of_deployment`, `oura_ring`. */
export const SNAKE_ID = /^[a-z0-9]+(?:_[a-z0-9]+)*$/
/** kebab-case ids: `latency-waterfall`, `vol1-foundations`, `single-node`. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** An id written in snake_case; the message names the entity and the rejected spelling. */
export function snakeId(entity: string) {
  return z
    .string()
    .regex(SNAKE_ID, {
      error: (issue) =>
        `${entity} id ${JSON.stringify(issue.input)} must be snake_case (lowercase letters, digits, single underscores)`,
    })
    .meta({ description: `${entity} id (snake_case)` })
}

/** An id written in kebab-case. */
export function kebabId(entity: string) {
  return z
    .string()
    .regex(KEBAB_ID, {
      error: (issue) =>
        `${entity} id ${JSON.stringify(issue.input)} must be kebab-case (lowercase letters, digits, single hyphens)`,
    })
    .meta({ description: `${entity} id (kebab-case)` })
}

/** A reference to another entity by id or alias; resolution happens in the cross-reference checks. */
export function ref(target: string) {
  return z
    .string()
    .trim()
    .min(1, `a ${target} reference must not be empty`)
    .meta({
      description: `id or alias of a ${target}`,
    })
}

/** Non-empty prose. */
export function text(what: string) {
  return z.string().trim().min(1, `${what} must not be empty`)
}

/**
 * Display units the course uses that are not physical units of @mlsysim/units: ratios and
 * speedups (×), percentage points, frames per second, distances and temperatures of lab
 * scenarios, privacy budgets.
 */
export const DISPLAY_UNITS = Object.freeze([
  '×',
  'pp',
  'FPS',
  'km',
  '°C',
  'mAh',
  'ε',
  'rounds',
  'perplexity',
  'person-h/yr',
  'alerts/day',
  'models',
  'GPUs',
  'tok/s',
]) as readonly string[]

/** True when `unit` is a display unit or a unit @mlsysim/units can read ("GB", "ms", "%", "W"). */
export function isKnownUnit(unit: string): boolean {
  if (DISPLAY_UNITS.includes(unit)) return true
  try {
    parse(`1 ${unit}`)
    return true
  } catch (error) {
    if (error instanceof UnitError) return false
    throw error
  }
}

export const unitSchema = z
  .string()
  .trim()
  .min(1, 'a unit must not be empty')
  .refine(isKnownUnit, {
    error: (issue) =>
      `unknown unit ${JSON.stringify(issue.input)}: write a unit @mlsysim/units reads (GB, ms, %, W, QPS…) or one of ${DISPLAY_UNITS.join(', ')}`,
  })
  .meta({ description: `a unit @mlsysim/units reads, or one of ${DISPLAY_UNITS.join(', ')}` })

/** Every numeric quantity in course data is `{ value, unit }`, as people read it. */
export const quantitySchema = z
  .strictObject({
    value: z.number().refine(Number.isFinite, 'a quantity value must be a finite number'),
    unit: unitSchema,
  })
  .meta({ description: 'a number with the unit it is written in, e.g. { value: 10, unit: "ms" }' })

export type Quantity = z.infer<typeof quantitySchema>

/** Where a fact comes from: a path in the public harvard-edge/cs249r_book repository, or a page. */
export const sourceSchema = z.string().trim().min(1).meta({
  description: 'source path in harvard-edge/cs249r_book (e.g. labs/mlsysbook_labs/catalog.py) or page name',
})

/**
 * A decision taken where the course's sources disagree: what was chosen, what else the sources
 * say (kept, so nothing is lost), and why.
 */
export const decisionSchema = z
  .strictObject({
    /** Stable id, so a page, a test or the README can cite the decision. */
    id: kebabId('decision'),
    /** The field or fact decided, in words: "title", "week 6 lab", "Tiny track latency". */
    subject: text('decision subject'),
    chosen: text('chosen value'),
    alternatives: z
      .array(z.strictObject({ value: text('alternative value'), source: sourceSchema }))
      .min(1, 'a decision records at least one alternative the sources give'),
    reason: text('decision reason'),
  })
  .meta({ description: 'a decision where sources disagree, with the alternatives kept' })

export type Decision = z.infer<typeof decisionSchema>

/** Fields every annotated entity may carry. */
export const annotations = {
  notes: z.array(text('note')).optional(),
  decisions: z.array(decisionSchema).optional(),
  sources: z.array(sourceSchema).optional(),
}

export const aliasesSchema = z.array(z.string().trim().min(1)).optional()
