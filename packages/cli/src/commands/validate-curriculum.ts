/**
 * `mlsysim validate curriculum [dir]`: the shipped course, or a course directory of YAML/JSON
 * files (on its own, or with --extend on top of the shipped course), through the schema and
 * every cross-reference check, with hardware, workload and solver references resolved against
 * the real catalogs and solvers. Each issue names its file and line when it came from a file.
 */
import { stat } from 'node:fs/promises'
import { type CheckSummary, type CourseIssue, course, formatIssue, validateCourse } from '@mlsysim/curriculum'
import { validateCourseDirectory } from '@mlsysim/curriculum/node'
import { UsageError } from '../errors.js'
import type { Context } from '../io.js'
import { renderTable } from '../table.js'

interface Report {
  readonly ok: boolean
  readonly source: string
  readonly issues: readonly CourseIssue[]
  readonly checks: readonly CheckSummary[]
  readonly files?: readonly string[]
  readonly skipped?: readonly string[]
}

async function directoryReport(dir: string, extend: boolean, ctx: Context): Promise<Report> {
  const full = ctx.resolvePath(dir)
  const info = await stat(full).catch(() => undefined)
  if (!info) throw new UsageError(`cannot read course directory '${dir}': no such directory`)
  if (!info.isDirectory()) {
    throw new UsageError(
      `'${dir}' is a file; give the course directory that holds the course's YAML/JSON files`,
    )
  }
  const result = await validateCourseDirectory(full, extend ? { base: course } : {})
  if (result.files.length === 0) {
    throw new UsageError(`'${dir}' holds no course files (.yaml, .yml or .json)`)
  }
  return {
    ok: result.ok,
    source: dir,
    issues: result.issues,
    checks: result.checks,
    files: result.files,
    skipped: result.skipped,
  }
}

export async function validateCurriculum(
  dir: string | undefined,
  options: { json: boolean; extend: boolean },
  ctx: Context,
): Promise<number> {
  if (dir === undefined && options.extend) throw new UsageError('--extend needs a course directory to add')
  const report: Report =
    dir === undefined
      ? (() => {
          const r = validateCourse(course)
          return { ok: r.ok, source: 'the shipped course', issues: r.issues, checks: r.checks }
        })()
      : await directoryReport(dir, options.extend, ctx)
  if (options.json) {
    ctx.printJson(report)
    return report.ok ? 0 : 1
  }
  const errors = report.issues.filter((i) => i.severity === 'error')
  const warnings = report.issues.filter((i) => i.severity !== 'error')
  ctx.print(
    renderTable(
      report.checks,
      [
        { header: 'check', cell: (c) => c.id },
        { header: 'title', cell: (c) => c.title },
        {
          header: 'status',
          cell: (c) =>
            c.status === 'failed'
              ? ctx.out.red(c.status)
              : c.status === 'passed'
                ? ctx.out.green(c.status)
                : c.status,
        },
        { header: 'errors', cell: (c) => String(c.errors), align: 'right' },
        { header: 'warnings', cell: (c) => String(c.warnings), align: 'right' },
      ],
      ctx.out,
    ),
  )
  if (report.skipped && report.skipped.length > 0) {
    ctx.print(ctx.out.dim(`skipped (not course files): ${report.skipped.join(', ')}`))
  }
  for (const issue of warnings) ctx.note(`${ctx.err.yellow('warning:')} ${formatIssue(issue)}`)
  for (const issue of errors) ctx.note(`${ctx.err.red('error:')} ${formatIssue(issue)}`)
  const counts = `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
  const files = report.files ? ` (${report.files.length} file${report.files.length === 1 ? '' : 's'})` : ''
  if (report.ok) ctx.print(`${ctx.out.green('valid')}: ${report.source}${files}; ${counts}`)
  else ctx.note(`${ctx.err.red('invalid')}: ${report.source}${files}; ${counts}`)
  return report.ok ? 0 : 1
}
