/**
 * Semester 2, Scale (instructors/course-map.qmd, scale-syllabus.qmd): week w reads Volume II
 * chapter w (week 15 reads Sustainable AI and Responsible AI) and explores that chapter's lab
 * in the same week (lab lag 0). TinyTorch modules 09–20 are an optional advanced track, so no
 * week assigns them.
 *
 * The course map links the 16-lab numbering of labs/index.qmd; from week 6 on those links point
 * at the lab of a different chapter. This offering uses the current catalog; each corrected
 * week records the course map's link as the alternative.
 */
import type { Decision, DueItem, Offering, Week } from '../../schema/index.js'

const COURSE_MAP = 'instructors/course-map.qmd'

interface Row {
  chapters: string[]
  labs: string[]
  due?: DueItem[]
  /** The course map's link for this week, when the current catalog puts another lab here. */
  courseMapLink?: { slug: string; lab: string }
}

const numeralOf = (week: number): Week['partNumeral'] =>
  (['I', 'II', 'III', 'IV'] as const)[Math.floor((week - 1) / 4)]!

const rows: Row[] = [
  { chapters: ['introduction'], labs: ['v2_01_scale_illusion'] },
  { chapters: ['compute_infrastructure'], labs: ['v2_02_compute_wall'] },
  { chapters: ['network_fabrics'], labs: ['v2_03_network_fabric_design'] },
  {
    chapters: ['data_storage'],
    labs: ['v2_04_data_pipeline_wall'],
    due: [{ kind: 'design-challenge', refId: 'scale-dc-tco' }],
  },
  { chapters: ['distributed_training'], labs: ['v2_05_parallelism_design'] },
  {
    chapters: ['collective_communication'],
    labs: ['v2_06_collective_communication'],
    courseMapLink: { slug: 'lab_06_fault_tolerance', lab: 'V2-07 (fault tolerance)' },
  },
  {
    chapters: ['fault_tolerance'],
    labs: ['v2_07_failure_budget_engineering'],
    courseMapLink: { slug: 'lab_07_fleet_orch', lab: 'V2-08 (fleet orchestration)' },
  },
  {
    chapters: ['fleet_orchestration'],
    labs: ['v2_08_fleet_orchestration'],
    due: [{ kind: 'design-challenge', refId: 'scale-dc-failure-recovery' }],
    courseMapLink: { slug: 'lab_08_inference', lab: 'V2-10 (inference)' },
  },
  { chapters: ['performance_engineering'], labs: ['v2_09_optimization_trap'] },
  {
    chapters: ['inference'],
    labs: ['v2_10_inference_economy'],
    courseMapLink: { slug: 'lab_10_edge_intelligence', lab: 'V2-11 (edge intelligence)' },
  },
  {
    chapters: ['edge_intelligence'],
    labs: ['v2_11_edge_thermodynamics'],
    courseMapLink: { slug: 'lab_11_ops_scale', lab: 'V2-12 (ops at scale)' },
  },
  {
    chapters: ['ops_scale'],
    labs: ['v2_12_silent_fleet'],
    due: [{ kind: 'design-challenge', refId: 'scale-dc-serving-fleet' }],
    courseMapLink: { slug: 'lab_12_security_privacy', lab: 'V2-13 (security & privacy)' },
  },
  {
    chapters: ['security_privacy'],
    labs: ['v2_13_price_of_privacy'],
    courseMapLink: { slug: 'lab_13_robust_ai', lab: 'V2-14 (robust AI)' },
  },
  {
    chapters: ['robust_ai'],
    labs: ['v2_14_robustness_budget'],
    courseMapLink: { slug: 'lab_14_sustainable_ai', lab: 'V2-15 (sustainable AI)' },
  },
  {
    chapters: ['sustainable_ai', 'responsible_ai'],
    labs: ['v2_15_carbon_budget', 'v2_16_fairness_budget'],
    courseMapLink: { slug: 'lab_15_responsible_ai', lab: 'V2-16 (responsible AI) only' },
  },
  {
    chapters: ['conclusion'],
    labs: ['v2_17_fleet_synthesis'],
    due: [
      { kind: 'design-challenge', refId: 'scale-dc-carbon-budget' },
      { kind: 'capstone', refId: 'fleet-synthesis' },
    ],
  },
]

const weekDecision = (week: number, row: Row, link: NonNullable<Row['courseMapLink']>): Decision => ({
  id: `scale-week-${week}-lab`,
  subject: `lab of Scale week ${week}`,
  chosen: row.labs.join(' + '),
  alternatives: [{ value: `${link.slug} → ${link.lab}`, source: COURSE_MAP }],
  reason: `The course map links the 16-lab numbering; in the current catalog that file is the lab of another chapter. Week ${week} explores the lab of the chapter it reads.`,
})

export const scale: Offering = {
  id: 'scale',
  title: 'Semester 2: Scale',
  volumeId: 'vol2',
  weeksCount: { min: 16, max: 16 },
  lectures: { count: 32, minutes: 75 },
  labLagWeeks: 0,
  coverage: 'all',
  defaultTrackId: 'cloud_fleet',
  sourcePath: 'instructors/scale-syllabus.qmd',
  gradeBreakdown: [
    { component: 'Decision Logs', kind: 'decision-log', weight: 40, count: 16 },
    { component: 'Design Challenges', kind: 'design-challenge', weight: 30, count: 4 },
    { component: 'Capstone: Fleet Synthesis', kind: 'capstone', weight: 30, count: 1 },
  ],
  weeks: rows.map((row, index): Week => {
    const number = index + 1
    const capstone = row.labs.includes('v2_17_fleet_synthesis')
    return {
      number,
      partNumeral: numeralOf(number),
      chapterIds: row.chapters,
      labIds: row.labs,
      tinytorchModuleIds: [],
      kitActivityIds: [],
      due: [
        // The capstone lab is graded as the capstone, not as a decision log.
        ...(capstone ? [] : row.labs.map((lab): DueItem => ({ kind: 'decision-log', refId: lab }))),
        ...(row.due ?? []),
      ],
      ...(row.courseMapLink ? { decisions: [weekDecision(number, row, row.courseMapLink)] } : {}),
    }
  }),
  decisions: [
    {
      id: 'scale-decision-log-count',
      subject: 'number of Scale decision logs',
      chosen: '16 (every non-capstone lab of the 17-lab catalog)',
      alternatives: [
        { value: '15 labs (written for the 16-lab layout)', source: 'instructors/scale-syllabus.qmd' },
      ],
      reason: 'The catalog added V2-06 (collective communication); week 15 now explores two labs.',
    },
    {
      id: 'scale-design-challenge-weeks',
      subject: 'weeks the four Scale design challenges are due',
      chosen: 'TCO audit W4, failure recovery W8, inference fleet W12, carbon budget W16',
      alternatives: [
        {
          value: 'three named (TCO audit, failure recovery, carbon budget) of "Design Challenges 30% (4)"',
          source: 'instructors/assessment.qmd; instructors/scale-syllabus.qmd',
        },
      ],
      reason:
        'The fourth challenge is V2-10’s fleet design challenge (10,000 QPS under 200 ms p99); each is due at the end of the part whose lab it extends.',
    },
  ],
}
