// Schema errors name the entity, the field and the value, and units are checked.
import { describe, expect, it } from 'vitest'
import { course } from '../data/index.js'
import { validateCourse } from '../validate/validate-course.js'
import { isKnownUnit, quantitySchema } from './common.js'
import { controlSchema } from './control.js'

describe('schema issues', () => {
  it('name the lab, the field path and the rejected value', () => {
    const copy = structuredClone(course)
    const lab = copy.labs[2]!
    ;(lab.parts[0]!.controls![0] as { kind: string }).kind = 'slidr'
    ;(lab as { title: unknown }).title = ''
    const result = validateCourse(copy)
    expect(result.ok).toBe(false)
    expect(result.checks.filter((c) => c.status === 'skipped')).toHaveLength(result.checks.length - 1)
    expect(result.issues.map((i) => i.message)).toEqual([
      "lab 'v1_02_physics_of_deployment' › labs[2].title: lab title must not be empty (got '')",
      `lab 'v1_02_physics_of_deployment' › labs[2].parts[0].controls[0].kind: must be one of "slider", "range", "number", "radio", "dropdown", "checkbox", "multiselect", "switch", "preset" (got 'slidr')`,
    ])
    expect(result.issues[1]!.value).toBe('slidr')
  })

  it('names the missing section of a document', () => {
    const { assessment: _removed, ...rest } = course
    const result = validateCourse(rest)
    expect(result.issues.map((i) => i.message)).toEqual(['assessment › assessment: is required (an object)'])
  })

  it('says a missing choice field is missing, and suggests the field a typo meant', () => {
    const copy = structuredClone(course)
    const { evidence, ...track } = copy.tracks[0]!
    ;(copy as { tracks: unknown[] }).tracks[0] = { ...track, evidense: evidence }
    expect(validateCourse(copy).issues.map((i) => i.message)).toEqual([
      `track 'iphone' › tracks[0].evidence: is required (one of "datasheet", "estimate")`,
      "track 'iphone' › tracks[0].evidense: unknown field 'evidense'; did you mean evidence?",
    ])
  })
})

describe('quantities', () => {
  it('accept units @mlsysim/units reads and the course’s display units', () => {
    for (const unit of ['ms', 'GB', 'KiB', '%', 'QPS', 'FLOP/B', 'W', '×', 'FPS', 'km', '°C', 'pp'])
      expect(isKnownUnit(unit), unit).toBe(true)
    for (const unit of ['fps', 'GBs', 'parsecs']) expect(isKnownUnit(unit), unit).toBe(false)
    expect(quantitySchema.safeParse({ value: 10, unit: 'ms' }).success).toBe(true)
    const bad = quantitySchema.safeParse({ value: 10, unit: 'parsecs' })
    expect(bad.error?.issues[0]?.message).toMatch(/^unknown unit "parsecs"/)
  })
})

describe('controls', () => {
  const base = { id: 'batch', kind: 'slider', label: 'Batch', min: 1, max: 256, unitless: true } as const

  it('bind exactly one of a solver input or a Math Peek variable', () => {
    expect(
      controlSchema.safeParse({ ...base, paramRef: { solver: 'single-node', input: 'batchSize' } }).success,
    ).toBe(true)
    const neither = controlSchema.safeParse(base)
    expect(neither.error?.issues[0]?.message).toBe(
      "control 'batch' must bind exactly one of paramRef (a solver input) or variableRef (a Math Peek variable)",
    )
    const both = controlSchema.safeParse({
      ...base,
      variableRef: 'B',
      paramRef: { solver: 'single-node', input: 'batchSize' },
    })
    expect(both.success).toBe(false)
  })

  it('need bounds on numeric kinds, a positive min on log scales, and options on choices', () => {
    const messages = (input: object) =>
      controlSchema.safeParse(input).error?.issues.map((i) => i.message) ?? []
    expect(messages({ ...base, variableRef: 'B', min: undefined })).toEqual([
      "slider control 'batch' needs min and max",
    ])
    expect(messages({ ...base, variableRef: 'B', min: 0, scale: 'log' })).toEqual([
      "log-scale control 'batch' needs min > 0, got 0",
    ])
    expect(messages({ id: 'hw', kind: 'dropdown', label: 'HW', variableRef: 'x' })).toEqual([
      "dropdown control 'hw' needs options",
    ])
  })
})
