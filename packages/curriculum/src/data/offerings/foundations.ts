/**
 * Semester 1, Foundations (instructors/course-map.qmd, foundations-syllabus.qmd): week w reads
 * Volume I chapter w, builds TinyTorch modules 01–08, and explores the lab of the previous
 * week's chapter (lab lag 1: W1 Lab 00 … W16 Lab 15).
 */
import type { DueItem, Offering, Week } from '../../schema/index.js'

interface Row {
  chapter: string
  lab: string
  modules?: string[]
  note?: Week['tinytorchNote']
  kit?: string[]
  milestones?: string[]
  due?: DueItem[]
  tip?: string
}

const numeralOf = (week: number): Week['partNumeral'] =>
  (['I', 'II', 'III', 'IV'] as const)[Math.floor((week - 1) / 4)]!

/** The decision log of the week's lab is due that week; Lab 00 (orientation) has none. */
const decisionLog = (lab: string): DueItem[] =>
  lab === 'v1_00_architects_portal' ? [] : [{ kind: 'decision-log', refId: lab }]

const rows: Row[] = [
  { chapter: 'introduction', lab: 'v1_00_architects_portal', modules: ['01_tensor'] },
  {
    chapter: 'ml_systems',
    lab: 'v1_01_ai_triad',
    modules: ['01_tensor'],
    due: [{ kind: 'module', refId: '01_tensor' }],
  },
  { chapter: 'ml_workflow', lab: 'v1_02_physics_of_deployment', modules: ['02_activations'] },
  {
    chapter: 'data_engineering',
    lab: 'v1_03_constraint_tax',
    modules: ['02_activations'],
    kit: ['nano33-sensor-data-collection'],
    due: [
      { kind: 'module', refId: '02_activations' },
      { kind: 'design-challenge', refId: 'foundations-dc-physics' },
    ],
  },
  {
    chapter: 'nn_computation',
    lab: 'v1_04_data_gravity',
    modules: ['03_layers'],
    milestones: ['1958-perceptron'],
    due: [{ kind: 'module', refId: '03_layers' }],
  },
  {
    chapter: 'nn_architectures',
    lab: 'v1_05_neural_computation',
    modules: ['04_losses'],
    milestones: ['1969-xor'],
    due: [{ kind: 'module', refId: '04_losses' }],
  },
  {
    chapter: 'frameworks',
    lab: 'v1_06_architecture_tax',
    modules: ['05_dataloader'],
    due: [{ kind: 'module', refId: '05_dataloader' }],
  },
  {
    chapter: 'training',
    lab: 'v1_07_framework_tax',
    modules: ['06_autograd'],
    due: [
      { kind: 'module', refId: '06_autograd' },
      { kind: 'design-challenge', refId: 'foundations-dc-stack' },
    ],
    tip: 'Milestone check: every student has a working Tensor → Autograd stack.',
  },
  {
    chapter: 'data_selection',
    lab: 'v1_08_training_gauntlet',
    modules: ['07_optimizers'],
    due: [{ kind: 'module', refId: '07_optimizers' }],
  },
  {
    chapter: 'model_compression',
    lab: 'v1_09_selection_paradox',
    modules: ['08_training'],
    kit: ['xiao-deploy-quantized-model'],
  },
  {
    chapter: 'hw_acceleration',
    lab: 'v1_10_compression_paradox',
    modules: ['08_training'],
    kit: ['rpi-coral-profile-inference'],
    milestones: ['1986-mlp'],
    due: [{ kind: 'module', refId: '08_training' }],
  },
  {
    chapter: 'benchmarking',
    lab: 'v1_11_hardware_roofline',
    note: 'catch-up',
    due: [{ kind: 'design-challenge', refId: 'foundations-dc-compression' }],
  },
  { chapter: 'model_serving', lab: 'v1_12_benchmarking_trap', note: 'capstone-prep' },
  { chapter: 'ml_ops', lab: 'v1_13_tail_latency_trap', note: 'capstone-prep' },
  {
    chapter: 'responsible_engr',
    lab: 'v1_14_silent_degradation',
    note: 'capstone-work',
    due: [{ kind: 'design-challenge', refId: 'foundations-dc-serving' }],
  },
  {
    chapter: 'conclusion',
    lab: 'v1_15_no_free_fairness',
    note: 'ai-olympics',
    kit: ['ai-olympics-deployment'],
    due: [{ kind: 'capstone', refId: 'ai-olympics' }],
  },
]

export const foundations: Offering = {
  id: 'foundations',
  title: 'Semester 1: Foundations',
  volumeId: 'vol1',
  weeksCount: { min: 16, max: 16 },
  lectures: { count: 32, minutes: 75 },
  labLagWeeks: 1,
  coverage: 'all',
  defaultTrackId: 'iphone',
  sourcePath: 'instructors/foundations-syllabus.qmd',
  gradeBreakdown: [
    { component: 'TinyTorch', kind: 'module', weight: 35, count: 8 },
    { component: 'Decision Logs', kind: 'decision-log', weight: 25, count: 15 },
    { component: 'Design Challenges', kind: 'design-challenge', weight: 20, count: 4 },
    { component: 'Capstone', kind: 'capstone', weight: 20, count: 1 },
  ],
  unscheduledLabIds: ['v1_16_architects_audit'],
  weeks: rows.map((row, index): Week => {
    const number = index + 1
    return {
      number,
      partNumeral: numeralOf(number),
      chapterIds: [row.chapter],
      labIds: [row.lab],
      tinytorchModuleIds: row.modules ?? [],
      ...(row.note ? { tinytorchNote: row.note } : {}),
      ...(row.milestones ? { milestoneIds: row.milestones } : {}),
      kitActivityIds: row.kit ?? [],
      due: [...decisionLog(row.lab), ...(row.due ?? [])],
      ...(row.tip ? { instructorTip: row.tip } : {}),
    }
  }),
  decisions: [
    {
      id: 'foundations-v1-16-unscheduled',
      subject: 'week of V1-16 (The Architect’s Audit)',
      chosen:
        'not scheduled: with the lab lag of one week it would fall in week 17; week 16 is the AI Olympics',
      alternatives: [
        { value: 'Lab 16 is not scheduled', source: 'instructors/course-map.qmd' },
        {
          value: 'assign V1-16 in week 16 next to the AI Olympics',
          source: 'labs/mlsysbook_labs/catalog.py (34 labs)',
        },
      ],
      reason: 'Keeps the course map’s rhythm; instructors who want the audit can add it to week 16.',
    },
    {
      id: 'foundations-design-challenge-weeks',
      subject: 'weeks the four design challenges are due',
      chosen: 'weeks 4, 8, 12 and 15 (end of each part, after the labs they extend)',
      alternatives: [
        { value: 'count only: "Design Challenges 20% (4)"', source: 'instructors/foundations-syllabus.qmd' },
      ],
      reason: 'The reference gives the count but not the weeks.',
    },
  ],
}
