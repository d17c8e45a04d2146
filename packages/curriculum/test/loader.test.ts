// Loading a course from YAML/JSON files (browser-safe) and from a directory (Node): the
// layout rules, round-tripping the shipped course, and issues as file:line messages.
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import {
  COLLECTION_NAMES,
  type CourseFile,
  course,
  formatIssue,
  loadCourseFromFiles,
  validateCourse,
  validateCourseFiles,
} from '../src/index.js'
import { loadCourseDirectory, validateCourseDirectory } from '../src/node.js'
import { FIXTURES, fixtureFiles } from './helpers.js'

/** The shipped course written out the way a user would lay out a course directory. */
function courseAsFiles(): CourseFile[] {
  const files: CourseFile[] = [
    { path: 'course.yaml', text: stringify(course.course) },
    { path: 'assessment.json', text: JSON.stringify(course.assessment, null, 2) },
    { path: 'report-contract.yaml', text: stringify(course.reportContract) },
    { path: 'iron-law.yaml', text: stringify(course.ironLaw) },
  ]
  for (const lab of course.labs)
    files.push({ path: `labs/${lab.volumeId}/${lab.slug}.yaml`, text: stringify(lab) })
  for (const name of COLLECTION_NAMES) {
    if (name === 'labs') continue
    const list = course[name] as unknown[] | undefined
    if (list?.length)
      files.push({
        path: `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}/all.yaml`,
        text: stringify(list),
      })
  }
  return files
}

describe('loadCourseFromFiles', () => {
  it('round-trips the shipped course through a directory of YAML and JSON files', () => {
    const loaded = loadCourseFromFiles([...courseAsFiles(), { path: 'README.md', text: '# notes' }])
    expect(loaded.issues).toEqual([])
    expect(loaded.skipped).toEqual(['README.md'])
    // Files are read in path order; labs come back sorted by file, so compare as sets by id.
    const sortById = <T extends { id: string }>(list: T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id))
    expect(sortById(loaded.data.labs as typeof course.labs)).toEqual(sortById(course.labs))
    expect(loaded.data.course).toEqual(course.course)
    expect(loaded.data.assessment).toEqual(course.assessment)
    expect(validateCourse(loaded.data).ok).toBe(true)
  }, 30_000)

  it('reports a course extending the shipped one with file:line messages and did-you-mean hints', () => {
    const result = validateCourseFiles(fixtureFiles('user-course'), { base: course })
    expect(result.files).toEqual(['kit-activities/jetson-kit.yaml', 'kits/jetson-kit.yaml'])
    expect(result.ok).toBe(false)
    expect(result.issues.map(formatIssue)).toEqual([
      "kits/jetson-kit.yaml:6: error [c13] kit 'jetson-kit' › hardwareRefs[1]: 'JetsonNano' is not in the hardware catalog; did you mean JetsonOrinNano?",
      "kit-activities/jetson-kit.yaml:10: error [c13] kit activity 'jetson-kit-quantize' › [1].chapterIds[0]: unknown chapter 'vol1/model_compresion' (write volume/chapter when the id exists in both volumes); did you mean model_compression?",
    ])
  })

  it('reports schema errors against the file, the field and the value', () => {
    const result = validateCourseFiles(fixtureFiles('user-course-schema'), { base: course })
    expect(result.ok).toBe(false)
    expect(result.issues.map(formatIssue)).toEqual([
      "tracks/iphone.yaml:2: error [schema] track 'iPhone' › id: track id \"iPhone\" must be snake_case (lowercase letters, digits, single underscores) (got 'iPhone')",
      "tracks/iphone.yaml:2: error [schema] track 'iPhone' › hardwareRef: is required (a string)",
      // The misspelt key is reported on its own line, with the field it was meant to be.
      "tracks/iphone.yaml:5: error [schema] track 'iPhone' › hardware: unknown field 'hardware'; did you mean hardwareRef?",
    ])
  })

  it('reports unreadable files and sections defined twice', () => {
    const syntax = loadCourseFromFiles([{ path: 'course.yaml', text: 'id: broken\ntitle: [unclosed\n' }])
    expect(syntax.issues).toHaveLength(1)
    expect(formatIssue(syntax.issues[0]!)).toMatch(
      /^course\.yaml:3: error \[load\] file 'course\.yaml' cannot be read: /,
    )

    const twice = loadCourseFromFiles([
      { path: 'course.yaml', text: stringify(course.course) },
      { path: 'all.yaml', text: stringify({ course: course.course, nonsense: 1 }) },
    ])
    expect(twice.issues.map((i) => i.message)).toEqual([
      // Files are read in path order: all.yaml first.
      `file 'all.yaml' › nonsense: unknown course section; known: ${[...COLLECTION_NAMES, 'course', 'assessment', 'reportContract', 'ironLaw', 'interviewTaxonomy'].join(', ')}`,
      "section 'course' is defined in all.yaml and again in course.yaml",
    ])
  })

  it('lets files replace entities of the base by key', () => {
    const iphone = { ...course.tracks[0]!, label: 'iPhone 15 Pro' }
    const loaded = loadCourseFromFiles([{ path: 'tracks/iphone.yaml', text: stringify(iphone) }], {
      base: course,
    })
    const tracks = loaded.data.tracks as typeof course.tracks
    expect(tracks.map((t) => t.label)).toEqual(['iPhone 15 Pro', 'Oura Ring', 'RoboTaxi', 'Cloud Fleet'])
    // The same key in two files is an error, not a silent override.
    const twice = loadCourseFromFiles(
      [
        { path: 'tracks/a.yaml', text: stringify(iphone) },
        { path: 'tracks/b.yaml', text: stringify(iphone) },
      ],
      { base: course },
    )
    expect(twice.issues.map((i) => i.message)).toEqual([
      "tracks 'iphone' is defined in tracks/a.yaml and again in tracks/b.yaml",
    ])
  })
})

describe('@mlsysim/curriculum/node', () => {
  it('reads a course directory from disk', async () => {
    const loaded = await loadCourseDirectory(`${FIXTURES}user-course`, { base: course })
    expect(loaded.files).toEqual(['kit-activities/jetson-kit.yaml', 'kits/jetson-kit.yaml'])
    expect((loaded.data.kits as typeof course.kits).map((k) => k.id)).toContain('jetson-kit')
    const result = await validateCourseDirectory(`${FIXTURES}user-course`, { base: course })
    expect(result.issues.map((i) => `${i.file}:${i.line} ${i.check}`)).toEqual([
      'kits/jetson-kit.yaml:6 c13',
      'kit-activities/jetson-kit.yaml:10 c13',
    ])
  })

  it('names a path that is not there instead of failing with ENOENT', async () => {
    await expect(validateCourseDirectory(`${FIXTURES}no-such-course`)).rejects.toThrow(
      `course directory '${FIXTURES}no-such-course' does not exist`,
    )
    await expect(validateCourseDirectory(`${FIXTURES}user-course/README.md`)).rejects.toThrow(
      'is not a course directory or a .yaml/.yml/.json course file',
    )
  })

  it('reads a single course file given instead of a directory', async () => {
    const loaded = await loadCourseDirectory(`${FIXTURES}user-course/kits/jetson-kit.yaml`)
    expect(loaded.files).toEqual(['jetson-kit.yaml'])
  })
})
