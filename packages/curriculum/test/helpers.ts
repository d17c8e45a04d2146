/** Shared by the integration tests: the shipped course, fixtures, and issue matchers. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import {
  type CourseData,
  type CourseFile,
  type CourseIssue,
  course,
  type ValidationResult,
} from '../src/index.js'

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

/** A deep copy of the shipped course to break. */
export function cloneCourse(): CourseData {
  return structuredClone(course)
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

/** Every file under a fixture directory, as loader input. */
export function fixtureFiles(dir: string): CourseFile[] {
  const root = join(FIXTURES, dir)
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const full = join(d, name)
      return statSync(full).isDirectory() ? walk(full) : [full]
    })
  return walk(root).map((full) => ({
    path: relative(root, full).split(sep).join('/'),
    text: readFileSync(full, 'utf8'),
  }))
}

export function issuesOf(result: ValidationResult, check: string): CourseIssue[] {
  return result.issues.filter((i) => i.check === check)
}

export interface ExpectedIssue {
  check: string
  severity?: 'error' | 'warning'
  entity: string
  path: string
  value?: unknown
  /** Text the message must contain, beyond entity, path and value. */
  says: string | RegExp
}

/** The result holds an issue naming entity, field and bad value, with `says` in its message. */
export function expectIssue(result: ValidationResult, expected: ExpectedIssue): CourseIssue {
  const candidates = issuesOf(result, expected.check).filter((i) => i.path === expected.path)
  expect(
    candidates,
    `no ${expected.check} issue at ${expected.path}; got:\n${result.issues.map((i) => i.message).join('\n')}`,
  ).not.toHaveLength(0)
  const issue = candidates.find((i) =>
    typeof expected.says === 'string' ? i.message.includes(expected.says) : expected.says.test(i.message),
  )
  expect(
    issue,
    `no ${expected.check} issue at ${expected.path} saying ${String(expected.says)}; got:\n${candidates.map((i) => i.message).join('\n')}`,
  ).toBeDefined()
  expect(issue!.severity).toBe(expected.severity ?? 'error')
  expect(issue!.entity).toBe(expected.entity)
  expect(issue!.message.startsWith(`${expected.entity} › ${expected.path}: `)).toBe(true)
  if (expected.value !== undefined) {
    expect(issue!.value).toEqual(expected.value)
    if (typeof expected.value === 'string') expect(issue!.message).toContain(`'${expected.value}'`)
  }
  return issue!
}
