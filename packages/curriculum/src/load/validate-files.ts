/** Load a course from files and validate it in one step, issues pointing at files and lines. */
import { type ValidateOptions, type ValidationResult, validateCourse } from '../validate/validate-course.js'
import { type CourseFile, type LoadOptions, loadCourseFromFiles } from './files.js'

export interface FilesValidationResult extends ValidationResult {
  readonly files: readonly string[]
  readonly skipped: readonly string[]
}

export function validateCourseFiles(
  files: readonly CourseFile[],
  options: LoadOptions & Omit<ValidateOptions, 'locate'> = {},
): FilesValidationResult {
  const loaded = loadCourseFromFiles(files, options)
  const result = validateCourse(loaded.data, { ...options, locate: loaded.locate })
  const issues = [...loaded.issues, ...result.issues]
  return {
    ...result,
    ok: result.ok && !loaded.issues.some((i) => i.severity === 'error'),
    issues,
    files: loaded.files,
    skipped: loaded.skipped,
  }
}
