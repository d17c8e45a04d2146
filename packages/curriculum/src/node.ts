/// <reference types="node" />
/**
 * Node-only helpers (`@mlsysim/curriculum/node`): read a course directory from disk. The main
 * entry stays browser-safe; these wrap its file loader.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { type CourseFile, type LoadedCourse, type LoadOptions, loadCourseFromFiles } from './load/files.js'
import { type FilesValidationResult, validateCourseFiles } from './load/validate-files.js'
import type { ValidateOptions } from './validate/validate-course.js'

const COURSE_FILE = /\.(ya?ml|json)$/i

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = join(dir, entry.name)
      if (entry.isDirectory())
        return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : walk(full)
      return entry.isFile() && COURSE_FILE.test(entry.name) ? [full] : []
    }),
  )
  return nested.flat()
}

/**
 * Every .yaml/.yml/.json file under `dir`, with paths relative to it. A path to one such file
 * reads that file alone (a partial course document or an entity list named by its directory
 * is not inferred: the file is read as a root file). A missing path is an error naming it.
 */
export async function readCourseFiles(dir: string): Promise<CourseFile[]> {
  const info = await stat(dir).catch(() => undefined)
  if (info === undefined) throw new Error(`course directory '${dir}' does not exist`)
  if (info.isFile()) {
    if (!COURSE_FILE.test(dir)) {
      throw new Error(`'${dir}' is not a course directory or a .yaml/.yml/.json course file`)
    }
    return [{ path: basename(dir), text: await readFile(dir, 'utf8') }]
  }
  const paths = await walk(dir)
  return Promise.all(
    paths.map(async (full) => ({
      path: relative(dir, full).split(sep).join('/'),
      text: await readFile(full, 'utf8'),
    })),
  )
}

/** Assembles the course document of a directory (see `loadCourseFromFiles` for the layout). */
export async function loadCourseDirectory(dir: string, options: LoadOptions = {}): Promise<LoadedCourse> {
  return loadCourseFromFiles(await readCourseFiles(dir), options)
}

/** Loads and validates a course directory; issues carry file and line. */
export async function validateCourseDirectory(
  dir: string,
  options: LoadOptions & Omit<ValidateOptions, 'locate'> = {},
): Promise<FilesValidationResult> {
  return validateCourseFiles(await readCourseFiles(dir), options)
}

export type { CourseFile, LoadedCourse, LoadOptions } from './load/files.js'
export type { FilesValidationResult } from './load/validate-files.js'
