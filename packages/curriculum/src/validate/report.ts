/** A validation result as a Markdown report: a summary table of checks, then issues by check. */
import type { CourseIssue } from './issue.js'
import type { ValidationResult } from './validate-course.js'

const STATUS: Record<string, string> = {
  passed: 'passed',
  failed: '**failed**',
  partial: 'passed (catalog/solver refs not checked)',
  skipped: 'not run',
}

export interface ReportOptions {
  title?: string
}

function location(issue: CourseIssue): string {
  return issue.file ? ` (${issue.file}${issue.line ? `:${issue.line}` : ''})` : ''
}

export function formatValidationReport(result: ValidationResult, options: ReportOptions = {}): string {
  const errors = result.issues.filter((i) => i.severity === 'error').length
  const warnings = result.issues.length - errors
  const lines = [
    `# ${options.title ?? 'Course validation report'}`,
    '',
    `${result.ok ? 'Valid' : 'Invalid'}: ${errors} error(s), ${warnings} warning(s).`,
    '',
    '| Check | § 3.8 | What it checks | Status | Errors | Warnings |',
    '|:---|:---|:---|:---|---:|---:|',
    ...result.checks.map(
      (c) =>
        `| ${c.id} | ${c.number ?? '—'} | ${c.title} | ${STATUS[c.status] ?? c.status} | ${c.errors} | ${c.warnings} |`,
    ),
  ]
  const byCheck = new Map<string, CourseIssue[]>()
  for (const issue of result.issues) byCheck.set(issue.check, [...(byCheck.get(issue.check) ?? []), issue])
  for (const [check, issues] of byCheck) {
    const summary = result.checks.find((c) => c.id === check)
    lines.push('', `## ${check}${summary ? `: ${summary.title}` : ''}`, '')
    for (const issue of issues)
      lines.push(`- ${issue.severity === 'error' ? 'error' : 'warning'}: ${issue.message}${location(issue)}`)
  }
  return `${lines.join('\n')}\n`
}
