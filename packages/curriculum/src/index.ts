/**
 * @mlsysim/curriculum — the Machine Learning Systems course as zod schemas and validated data.
 * Browser-safe: Node-only helpers live in `@mlsysim/curriculum/node`.
 */
export { AnswerError, computeNumericAnswer, type SolveFunction, withinTolerance } from './answers.js'
export {
  auditOriginalPages,
  type OriginalPages,
  offeringsFromCourseMap,
  PAGE_CHECKS,
} from './audit/audit-pages.js'
export { type CourseMapWeek, readCourseMapWeeks } from './audit/course-map-weeks.js'
export { course } from './data/index.js'
export { type CourseMapOptions, generateCourseMap, labUrl } from './generate/course-map.js'
export {
  linksIn,
  type MarkdownLink,
  type MarkdownSection,
  parseMarkdownTables,
  urlStem,
} from './generate/markdown-tables.js'
export { curriculumJsonSchema, type JsonSchema } from './json-schema.js'
export { type CourseFile, type LoadedCourse, type LoadOptions, loadCourseFromFiles } from './load/files.js'
export { type FilesValidationResult, validateCourseFiles } from './load/validate-files.js'
export { mcqAnswerIndex, normalizeQuiz, type QuizNormalization } from './quiz-normalize.js'
export * from './schema/index.js'
export type { CourseCheck, Locate, SourceLocation } from './validate/check.js'
export { LEVEL_BLOOM, ZONE_BLOOM_AFFINITY } from './validate/checks/c15-interview-drills.js'
export { CHECKS } from './validate/checks/index.js'
export { CourseIndex, NameIndex } from './validate/course-index.js'
export { type CourseIssue, formatIssue, type Severity } from './validate/issue.js'
export { packageResolver } from './validate/package-resolver.js'
export { formatValidationReport, type ReportOptions } from './validate/report.js'
export {
  type CatalogLookup,
  lookupFromIds,
  lookupFromRegistries,
  type ReferenceLists,
  type ReferenceRegistries,
  type ReferenceResolver,
  type RegistryLike,
  resolverFromLists,
  resolverFromRegistries,
  type SolverSignature,
} from './validate/resolver.js'
export {
  type CheckStatus,
  type CheckSummary,
  type ValidateOptions,
  type ValidationResult,
  validateCourse,
} from './validate/validate-course.js'
