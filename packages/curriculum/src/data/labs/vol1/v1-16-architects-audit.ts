/** V1-16, Conclusion (capstone): audit a design across every wall of Volume I. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_16 = defineLab({
  id: 'v1_16_architects_audit',
  volume: 1,
  number: 16,
  slug: 'lab_16_ml_conclusion',
  title: "The Architect's Audit",
  legacy: vol1Legacy(16, 'lab_16_ml_conclusion'),
  chapterId: 'conclusion',
  capstone: true,
  durationMin: 66,
  walls: [21, 22],
  solverRefs: ['sensitivity', 'synthesis'],
  tracks: variants('Which constraint binds your track’s design, and what does fixing it expose next?', {
    cloud_fleet: { modelRef: 'Llama2_70B' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Cost of a token',
      concept:
        'Llama-2 70B at batch 1 on an H100 spends ~98% of its time on memory; the bars equalize near batch 64.',
      evidence: [['latency-waterfall', 'Iron Law bars vs batch']],
      solverRefs: ['sensitivity'],
    }),
    outlinePart({
      id: 'B',
      title: 'Conservation of complexity',
      concept: 'INT8 MobileNetV2 without monitoring silently loses ~8% over a year (1.3%/month).',
      evidence: [['radar', '5-axis system health radar']],
    }),
    outlinePart({
      id: 'C',
      title: 'Ledger archaeology',
      concept: 'Your own prediction errors across the labs, with a class-median fallback.',
      evidence: [['radar', 'radar of the student’s prediction error']],
    }),
    outlinePart({
      id: 'D',
      title: 'Amdahl revisited',
      concept: '5× on the largest component (inference, 40%) gives 1.47× end to end.',
      evidence: [['sensitivity-tornado', 'which component to speed up']],
      solverRefs: ['sensitivity'],
    }),
    outlinePart({
      id: 'E',
      title: 'Constraint cascade',
      concept:
        'INT4 70B: 35 GB weights + ~40 GB KV at 32K = 75 GB, so the KV cache becomes the new binding constraint.',
      evidence: [['memory-ledger', 'constraint cascade as optimizations are checked']],
      solverRefs: ['synthesis'],
    }),
  ],
  synthesis: {
    prompt: 'Write the audit: the binding constraint, the fix, and the constraint the fix exposes.',
    citesCheckpoints: ['A', 'C', 'D', 'E'],
  },
  ledger: {
    produces: [
      { key: 'binding_constraint_summary', description: 'the audit’s binding constraint and its successor' },
    ],
    consumes: [
      { labId: 'v1_01_ai_triad', key: 'bottleneck_at_batch1', default: 'memory' },
      { labId: 'v1_10_compression_paradox', key: 'chosen_precision', default: 'int8' },
      { labId: 'v1_13_tail_latency_trap', key: 'serving_p99_ms', default: { value: 115, unit: 'ms' } },
    ],
  },
  notes: [
    'Capstones read earlier labs’ ledger entries and fall back to class-median defaults when history is missing.',
  ],
})
