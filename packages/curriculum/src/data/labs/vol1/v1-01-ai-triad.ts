/** V1-01, Introduction: the AI Triad — data, algorithm, machine — and the Iron Law's first surprise. */
import { defineLab, INDEX_33, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_01 = defineLab({
  id: 'v1_01_ai_triad',
  volume: 1,
  number: 1,
  slug: 'lab_01_ml_intro',
  title: 'The AI Triad',
  legacyTitles: ['The Magnitude Gap'],
  legacy: vol1Legacy(1, 'lab_01_ml_intro'),
  chapterId: 'introduction',
  durationMin: 51,
  walls: [1, 2],
  solverRefs: ['single-node'],
  tracks: variants('Which leg of the triad — data, algorithm or machine — binds this deployment?', {
    cloud_fleet: { modelRef: 'ResNet50' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'D-A-M diagnosis',
      concept: 'Buying 4× GPUs does not change accuracy when stale data is the binding leg.',
      evidence: [['bar-chart', 'D-A-M bars']],
    }),
    outlinePart({
      id: 'B',
      title: 'Iron Law surprise',
      concept:
        'ResNet-50 on an H100 flips from memory- to compute-bound near batch 32; MFU rises from <10% to >50%.',
      evidence: [['latency-waterfall', 'compute / memory / overhead terms vs batch']],
      solverRefs: ['single-node'],
    }),
    outlinePart({
      id: 'C',
      title: 'Triad across targets',
      concept: 'ResNet-50 at FP16 (~100 MB) against a 512 KB ESP32 SRAM is ~200× out of memory.',
      evidence: [['radar', 'log-scale hardware landscape: H100, Jetson, ESP32']],
      solverRefs: ['single-node'],
    }),
    outlinePart({
      id: 'D',
      title: 'Deployment spectrum',
      concept: 'The H100/ESP32 compute gap is ~10⁶× and the memory gap ~160,000×; only log axes show both.',
      minutes: 9,
      evidence: [['bar-chart', 'log/linear spectrum bars']],
    }),
  ],
  synthesis: {
    prompt: 'Name the binding leg of the triad for your track and the intervention that would move it.',
    citesCheckpoints: ['A', 'B', 'C'],
  },
  ledger: {
    produces: [{ key: 'bottleneck_at_batch1', description: 'the Iron Law term that binds at batch 1' }],
    consumes: [],
  },
  decisions: [
    {
      id: 'v1-01-title',
      subject: 'title of V1-01',
      chosen: 'The AI Triad',
      alternatives: [
        { value: 'The Magnitude Gap', source: 'instructors/foundations-syllabus.qmd' },
        { value: 'Lab 01 (no title)', source: INDEX_33 },
      ],
      reason: 'catalog.py is the canonical lab list; the syllabus title is kept as a legacy title.',
    },
    {
      id: 'v1-01-parts',
      subject: 'parts of V1-01',
      chosen: 'A D-A-M diagnosis · B Iron Law surprise · C Triad across targets · D Deployment spectrum',
      alternatives: [
        {
          value: 'A Diagnose · B Intervention frontier · C Defensible fix',
          source: 'labs/LAB_PART_STORYLINE_DEPTH_BLUEPRINT_2026_06_13.md',
        },
      ],
      reason: 'The master plan carries the quantitative targets and the 51-minute timing (12+12+12+9+6).',
    },
  ],
})
