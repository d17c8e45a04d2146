/**
 * The TinyML short course (instructors/tinyml-syllabus.qmd): 10–12 weeks in four parts built
 * on the TinyML slides, with Nicla Vision or Nano 33 BLE Sense hardware; each week maps to a
 * Volume I chapter. The syllabus's own week table is not in the reference, so the weeks below
 * follow its four parts and Volume I's chapter order, pair each chapter with its Volume I lab on
 * the Oura Ring (TinyML) track, and use the Nicla Vision pages as the hardware labs.
 */
import type { DueItem, Offering, Week } from '../../schema/index.js'

interface Row {
  part: Week['partNumeral']
  chapter: string
  labs: string[]
  kit?: string[]
  optional?: boolean
  due?: DueItem[]
}

const rows: Row[] = [
  {
    part: 'I',
    chapter: 'introduction',
    labs: ['v1_00_architects_portal', 'v1_01_ai_triad'],
    kit: ['nicla-vision-setup'],
  },
  { part: 'I', chapter: 'ml_systems', labs: ['v1_02_physics_of_deployment'] },
  {
    part: 'I',
    chapter: 'data_engineering',
    labs: ['v1_04_data_gravity'],
    kit: ['shared-kws-feature-engineering'],
  },
  {
    part: 'II',
    chapter: 'nn_computation',
    labs: ['v1_05_neural_computation'],
    kit: ['shared-dsp-spectral-features'],
  },
  {
    part: 'II',
    chapter: 'nn_architectures',
    labs: ['v1_06_architecture_tax'],
    kit: ['nicla-vision-image-classification'],
  },
  {
    part: 'II',
    chapter: 'frameworks',
    labs: ['v1_07_framework_tax'],
    kit: ['nicla-vision-keyword-spotting'],
  },
  {
    part: 'III',
    chapter: 'model_compression',
    labs: ['v1_10_compression_paradox'],
    kit: ['nicla-vision-object-detection'],
  },
  {
    part: 'III',
    chapter: 'hw_acceleration',
    labs: ['v1_11_hardware_roofline'],
    kit: ['nicla-vision-motion-classification'],
  },
  { part: 'III', chapter: 'benchmarking', labs: ['v1_12_benchmarking_trap'] },
  { part: 'IV', chapter: 'ml_ops', labs: ['v1_14_silent_degradation'] },
  { part: 'IV', chapter: 'responsible_engr', labs: ['v1_15_no_free_fairness'], optional: true },
  {
    part: 'IV',
    chapter: 'conclusion',
    labs: ['v1_16_architects_audit'],
    optional: true,
    due: [{ kind: 'final-project', refId: 'tinyml-final-project' }],
  },
]

export const tinyml: Offering = {
  id: 'tinyml',
  title: 'TinyML short course',
  volumeId: 'vol1',
  weeksCount: { min: 10, max: 12 },
  parts: [
    { numeral: 'I', title: 'Fundamentals' },
    { numeral: 'II', title: 'Applications' },
    { numeral: 'III', title: 'Deployment' },
    { numeral: 'IV', title: 'MLOps & Scaling' },
  ],
  labLagWeeks: 0,
  coverage: 'subset',
  defaultTrackId: 'oura_ring',
  hardwareRefs: ['ArduinoNiclaVision', 'ArduinoNano33BLESense'],
  sourcePath: 'instructors/tinyml-syllabus.qmd',
  gradeBreakdown: [
    { component: 'Colab notebooks', kind: 'colab', weight: 30 },
    { component: 'Hardware labs', kind: 'hardware-lab', weight: 30 },
    { component: 'Quizzes', kind: 'quiz', weight: 15 },
    { component: 'Final project', kind: 'final-project', weight: 25, count: 1 },
  ],
  unscheduledLabIds: [
    'v1_03_constraint_tax',
    'v1_08_training_gauntlet',
    'v1_09_selection_paradox',
    'v1_13_tail_latency_trap',
  ],
  weeks: rows.map(
    (row, index): Week => ({
      number: index + 1,
      partNumeral: row.part,
      chapterIds: [row.chapter],
      labIds: row.labs,
      tinytorchModuleIds: [],
      kitActivityIds: row.kit ?? [],
      due: [
        { kind: 'quiz', refId: row.chapter },
        { kind: 'colab', refId: row.chapter },
        ...(row.kit ?? []).map((id): DueItem => ({ kind: 'hardware-lab', refId: id })),
        ...(row.due ?? []),
      ],
      ...(row.optional ? { optional: true } : {}),
      ...(index === 9 ? { instructorTip: 'In a 10-week run, collect the final project this week.' } : {}),
    }),
  ),
  decisions: [
    {
      id: 'tinyml-week-map',
      subject: 'TinyML week-by-week map',
      chosen:
        'twelve weeks (11–12 optional) over twelve Volume I chapters in book order; parts I Fundamentals (W1–3), II Applications (W4–6), III Deployment (W7–9), IV MLOps & Scaling (W10–12)',
      alternatives: [
        {
          value: '10–12 weeks in 4 parts; each week links a Volume I chapter by numbered URL',
          source: 'instructors/tinyml-syllabus.qmd',
        },
      ],
      reason:
        'The syllabus’s per-week table is not in the reference; the map keeps its shape and part names.',
    },
  ],
  notes: [
    'Chapters 3 (ML Workflow), 8 (Training), 9 (Data Selection) and 13 (Model Serving) are left out: they are the least TinyML-specific; their labs are listed as unscheduled.',
  ],
}
