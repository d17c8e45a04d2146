/**
 * Assembles a course document from a directory of YAML/JSON files — browser-safe: the files
 * come in as `{ path, text }`. Where a file sits says what it holds:
 *
 * - `labs/v1-02.yaml`, `chapters/vol1.json`…: one entity, or a list, of that collection
 *   (directory names in kebab-case or camelCase: `kit-activities`, `failureStates`…);
 * - `course.yaml`, `assessment.yaml`, `report-contract.yaml`, `iron-law.yaml`,
 *   `interview-taxonomy.yaml` at the root: that section itself;
 * - any other root file: a partial course document (`{ labs: […], tracks: […] }`).
 *
 * With `base`, the files extend a course (usually the shipped one): an entity with the same
 * key replaces the base's, a section given in the files replaces the base's.
 * Every entity remembers its file, so issues read `labs/v1-02.yaml:41: … parts[0].controls[1]…`.
 */
import { LineCounter, parseDocument } from 'yaml'
import {
  COLLECTION_NAMES,
  type CollectionName,
  type CourseData,
  type SingletonName,
  singletonSchemas,
} from '../schema/index.js'
import type { Locate, PathSegments, SourceLocation } from '../validate/check.js'
import type { CourseIssue } from '../validate/issue.js'

export interface CourseFile {
  /** Path relative to the course directory, with `/` separators. */
  readonly path: string
  readonly text: string
}

export interface LoadedCourse {
  /** The assembled document, ready for `validateCourse`. */
  readonly data: Record<string, unknown>
  /** Problems reading or placing files (syntax errors, a section defined twice). */
  readonly issues: readonly CourseIssue[]
  /** Maps a document path to the file and line it came from. */
  readonly locate: Locate
  /** Files read, and files skipped (not .yaml/.yml/.json). */
  readonly files: readonly string[]
  readonly skipped: readonly string[]
}

export interface LoadOptions {
  /** A course the files extend or override. */
  base?: CourseData
}

const SINGLETON_FILES: Record<string, SingletonName> = {
  course: 'course',
  assessment: 'assessment',
  'report-contract': 'reportContract',
  reportContract: 'reportContract',
  'iron-law': 'ironLaw',
  ironLaw: 'ironLaw',
  'interview-taxonomy': 'interviewTaxonomy',
  interviewTaxonomy: 'interviewTaxonomy',
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** Directory name → collection (`kit-activities` and `kitActivities` → kitActivities; `tinytorch` too). */
const COLLECTION_DIRS = new Map<string, CollectionName>([
  ...COLLECTION_NAMES.flatMap((name) => [
    [name, name] as [string, CollectionName],
    [kebab(name), name] as [string, CollectionName],
  ]),
  ['tinytorch', 'tinytorchModules'],
])

/** The key that makes an entity unique in its collection (chapter ids repeat across volumes). */
function keyOf(collection: CollectionName, entity: unknown): string | undefined {
  const e = entity as Record<string, unknown>
  if (!e || typeof e !== 'object') return undefined
  if (collection === 'chapters') return `${String(e.volumeId)}/${String(e.id)}`
  if (collection === 'walls') return String(e.number)
  if (collection === 'quizzes') return `${String(e.volumeId)}/${String(e.chapterId)}`
  return typeof e.id === 'string' ? e.id : undefined
}

interface Origin {
  file: string
  base: PathSegments
}

interface ParsedFile {
  value: unknown
  lineOf: (path: PathSegments) => number | undefined
}

function parseFile(file: CourseFile, issues: CourseIssue[]): ParsedFile | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line
      issues.push({
        check: 'load',
        severity: 'error',
        entity: `file '${file.path}'`,
        path: '',
        message: `file '${file.path}' cannot be read: ${error.message.split('\n')[0]}`,
        file: file.path,
        ...(line ? { line } : {}),
      })
    }
    return undefined
  }
  return {
    value: doc.toJS(),
    lineOf: (path) => {
      // The deepest node that exists on the path carries the line.
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true) as
          | { range?: [number, number, number] }
          | undefined
        if (node?.range) return lineCounter.linePos(node.range[0]).line
      }
      return undefined
    },
  }
}

export function loadCourseFromFiles(files: readonly CourseFile[], options: LoadOptions = {}): LoadedCourse {
  const issues: CourseIssue[] = []
  const read: string[] = []
  const skipped: string[] = []
  const collections = new Map<CollectionName, Array<{ entity: unknown; origin?: Origin }>>()
  const singletons = new Map<SingletonName, { value: unknown; origin?: Origin }>()
  const parsedFiles = new Map<string, ParsedFile>()

  const base = options.base
  for (const name of COLLECTION_NAMES) {
    const list = (base?.[name] as unknown[] | undefined) ?? []
    collections.set(
      name,
      list.map((entity) => ({ entity })),
    )
  }
  if (base)
    for (const name of Object.keys(singletonSchemas) as SingletonName[])
      if (base[name] !== undefined) singletons.set(name, { value: base[name] })
  const fromFiles = new Set<SingletonName>()

  const addEntity = (collection: CollectionName, entity: unknown, origin: Origin) => {
    const list = collections.get(collection)!
    const key = keyOf(collection, entity)
    const at = key === undefined ? -1 : list.findIndex((e) => keyOf(collection, e.entity) === key)
    if (at >= 0 && list[at]!.origin) {
      issues.push({
        check: 'load',
        severity: 'error',
        entity: `${collection} '${key}'`,
        path: '',
        message: `${collection} '${key}' is defined in ${list[at]!.origin!.file} and again in ${origin.file}`,
        file: origin.file,
      })
      return
    }
    if (at >= 0) list[at] = { entity, origin }
    else list.push({ entity, origin })
  }

  const setSingleton = (name: SingletonName, value: unknown, origin: Origin) => {
    if (fromFiles.has(name)) {
      issues.push({
        check: 'load',
        severity: 'error',
        entity: name,
        path: '',
        message: `section '${name}' is defined in ${singletons.get(name)?.origin?.file} and again in ${origin.file}`,
        file: origin.file,
      })
      return
    }
    fromFiles.add(name)
    singletons.set(name, { value, origin })
  }

  const sorted = [...files]
    .map((f) => ({ ...f, path: f.path.replace(/\\/g, '/').replace(/^\.\//, '') }))
    .sort((a, b) => a.path.localeCompare(b.path))
  for (const file of sorted) {
    const match = /\.(ya?ml|json)$/i.exec(file.path)
    if (!match) {
      skipped.push(file.path)
      continue
    }
    read.push(file.path)
    const parsed = parseFile(file, issues)
    if (!parsed) continue
    parsedFiles.set(file.path, parsed)
    const segments = file.path.split('/')
    const dir = segments.slice(0, -1).find((s) => COLLECTION_DIRS.has(s))
    if (dir) {
      const collection = COLLECTION_DIRS.get(dir)!
      if (Array.isArray(parsed.value))
        parsed.value.forEach((entity, i) => {
          addEntity(collection, entity, { file: file.path, base: [i] })
        })
      else addEntity(collection, parsed.value, { file: file.path, base: [] })
      continue
    }
    const stem = segments[segments.length - 1]!.replace(/\.(ya?ml|json)$/i, '')
    const singleton = SINGLETON_FILES[stem]
    if (singleton) {
      setSingleton(singleton, parsed.value, { file: file.path, base: [] })
      continue
    }
    if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      issues.push({
        check: 'load',
        severity: 'error',
        entity: `file '${file.path}'`,
        path: '',
        message: `file '${file.path}' must hold an object with course sections (course, labs, tracks…); put entity files in a collection directory such as labs/`,
        file: file.path,
      })
      continue
    }
    for (const [key, value] of Object.entries(parsed.value as Record<string, unknown>)) {
      if ((COLLECTION_NAMES as string[]).includes(key)) {
        if (!Array.isArray(value)) {
          issues.push({
            check: 'load',
            severity: 'error',
            entity: `file '${file.path}'`,
            path: key,
            message: `file '${file.path}' › ${key}: must be a list`,
            file: file.path,
            ...(parsed.lineOf([key]) ? { line: parsed.lineOf([key])! } : {}),
          })
          continue
        }
        value.forEach((entity, i) => {
          addEntity(key as CollectionName, entity, { file: file.path, base: [key, i] })
        })
      } else if (key in singletonSchemas)
        setSingleton(key as SingletonName, value, { file: file.path, base: [key] })
      else {
        const line = parsed.lineOf([key])
        issues.push({
          check: 'load',
          severity: 'error',
          entity: `file '${file.path}'`,
          path: key,
          message: `file '${file.path}' › ${key}: unknown course section; known: ${[...COLLECTION_NAMES, ...Object.keys(singletonSchemas)].join(', ')}`,
          file: file.path,
          ...(line ? { line } : {}),
        })
      }
    }
  }

  const data: Record<string, unknown> = {}
  const origins = new Map<string, Origin>()
  for (const [name, list] of collections) {
    // Optional collections stay absent when nobody defines them.
    if (list.length === 0 && ['quizzes', 'interviewDrills', 'pages'].includes(name)) continue
    data[name] = list.map((e) => e.entity)
    list.forEach((e, i) => {
      if (e.origin) origins.set(`${name}/${i}`, e.origin)
    })
  }
  for (const [name, { value, origin }] of singletons) {
    data[name] = value
    if (origin) origins.set(name, origin)
  }

  const locate: Locate = (path) => {
    const [head, second] = path
    let origin: Origin | undefined
    let rest: PathSegments
    if (typeof second === 'number' && origins.has(`${String(head)}/${second}`)) {
      origin = origins.get(`${String(head)}/${second}`)
      rest = path.slice(2)
    } else {
      origin = origins.get(String(head))
      rest = path.slice(1)
    }
    if (!origin) return undefined
    const inner = [...origin.base, ...rest]
    const line = parsedFiles.get(origin.file)?.lineOf(inner)
    const location: SourceLocation = { file: origin.file, path: inner, ...(line ? { line } : {}) }
    return location
  }

  return { data, issues, locate, files: read, skipped }
}
