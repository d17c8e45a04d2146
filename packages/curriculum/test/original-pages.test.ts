// The validation report fed the original pages as written: the seed course map's week tables
// (read from the fixture copy) and the syllabi's printed titles and capstone budget. It must
// find the drift the issue names: Scale week 6, the lab-title drift, the two capstone specs.
import { describe, expect, it } from 'vitest'
import { auditOriginalPages, course, formatValidationReport } from '../src/index.js'
import { fixtureFiles, issuesOf, readFixture } from './helpers.js'

const result = auditOriginalPages(
  { courseMap: readFixture('course-component-map.seed.md'), files: fixtureFiles('original-pages') },
  course,
)
const report = formatValidationReport(result, { title: 'Original course pages vs the course data' })

describe('audit of the original pages', () => {
  it('fails, with the drift counted by check', () => {
    expect(result.ok).toBe(false)
    const counts = Object.fromEntries(
      result.checks.filter((c) => c.errors + c.warnings > 0).map((c) => [c.id, [c.errors, c.warnings]]),
    )
    expect(counts).toEqual({
      c01: [0, 3], // dl_primer, serving, ops
      c02: [8, 12], // Scale weeks 6–8, 10–14; 10 old files linked; V1-16 and V2-06 unscheduled
      c04: [4, 1], // Workflow Pipeline, Computation Graph, Roofline Model, AllReduce Physics; stale Magnitude Gap
      'capstone-specs': [1, 0], // Smart Doorbell 50 ms vs 100 ms
    })
  })

  it('catches the week-6 mismatch: the collective-communication week links the fault-tolerance lab', () => {
    const week6 = issuesOf(result, 'c02').filter((i) => i.entity === "offering 'scale' week 6")
    expect(week6.map((i) => [i.severity, i.message])).toEqual([
      [
        'warning',
        "offering 'scale' week 6 › offerings[1].weeks[5].labIds[0]: links the old file 'lab_06_fault_tolerance' (Lab 06 of the index-33 layout); today it is V2-07 'lab_07_fault_tolerance', lab 'v2_07_failure_budget_engineering'",
      ],
      [
        'error',
        "offering 'scale' week 6 › offerings[1].weeks[5].labIds[0]: lab 'v2_07_failure_budget_engineering' (linked as 'lab_06_fault_tolerance') is the lab of chapter 7 'fault_tolerance', read in week 7; with labLagWeeks 0 it belongs in week 7, not week 6",
      ],
    ])
    expect(report).toContain("offering 'scale' week 6")
  })

  it('catches the lab-title drift of the syllabi, with file and line', () => {
    const titles = issuesOf(result, 'c04').map((i) => [i.severity, i.file, i.line, i.message])
    expect(titles).toEqual([
      [
        'warning',
        'pages/foundations-syllabus.yaml',
        10,
        "page 'foundations-syllabus' › labMentions[0].title: prints the stale title 'Lab 01: The Magnitude Gap' for lab 'v1_01_ai_triad' (V1-01); its title is 'The AI Triad'",
      ],
      [
        'error',
        'pages/foundations-syllabus.yaml',
        14,
        "page 'foundations-syllabus' › labMentions[1].title: prints 'Lab 03: The Workflow Pipeline' for lab 'v1_03_constraint_tax' (V1-03); its title is 'Constraint Tax' (or 'Silent Degradation Loop')",
      ],
      [
        'error',
        'pages/foundations-syllabus.yaml',
        18,
        "page 'foundations-syllabus' › labMentions[2].title: prints 'Lab 04: The Computation Graph' for lab 'v1_04_data_gravity' (V1-04); its title is 'Data Gravity' (or 'The Data Gravity Trap')",
      ],
      [
        'error',
        'pages/foundations-syllabus.yaml',
        22,
        "page 'foundations-syllabus' › labMentions[3].title: prints 'Lab 10: The Roofline Model' for lab 'v1_10_compression_paradox' (V1-10); its title is 'Compression Paradox' (or 'Compression Frontier')",
      ],
      [
        'error',
        'pages/scale-syllabus.yaml',
        8,
        "page 'scale-syllabus' week 6 › labMentions[0].title: prints 'Lab 06: AllReduce Physics' for lab 'v2_07_failure_budget_engineering' (V2-07); its title is 'When Failure Is Routine'",
      ],
    ])
  })

  it('catches the two capstone specs that disagree', () => {
    expect(issuesOf(result, 'capstone-specs').map((i) => [i.file, i.message])).toEqual([
      [
        'pages/foundations-syllabus.yaml',
        "page 'foundations-syllabus' › capstoneSpecs[0].latencyP99: prints latencyP99 50 ms (\"Smart Doorbell\") for the Tiny track of 'ai-olympics'; the assessment layer says 100 ms",
      ],
    ])
  })

  it('renders a Markdown report with a summary row per check and the issues by check', () => {
    expect(
      report.startsWith('# Original course pages vs the course data\n\nInvalid: 13 error(s), 16 warning(s).'),
    ).toBe(true)
    expect(report).toContain(
      '| c02 | 2 | Week labs exist, match the volume and follow the lab lag | **failed** | 8 | 12 |',
    )
    expect(report).toContain(
      '| c05 | 5 | Solvers resolve and walls are covered by their resolvers | not run | 0 | 0 |',
    )
    expect(report).toContain('## c04: Printed lab titles match the catalog')
    expect(report).toContain('(pages/scale-syllabus.yaml:8)')
  })
})
