/** V2-01, Introduction to Scale: reliability, coordination and the Iron Law at fleet scale. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_01 = defineLab({
  id: 'v2_01_scale_illusion',
  volume: 2,
  number: 1,
  slug: 'lab_01_introduction',
  title: 'The Scale Illusion',
  legacy: vol2Legacy(1, 'lab_01_introduction'),
  chapterId: 'introduction',
  durationMin: 66,
  walls: [14],
  solverRefs: ['distributed', 'reliability', 'scaling'],
  tracks: variants('What breaks first when one device becomes thousands?', {
    cloud_fleet: { modelRef: 'GPT3' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Reliability collapse',
      concept:
        '1,000 GPUs at 99.9% uptime each are all healthy only 36.8% of the time; 25K GPUs fail about every 4.4 h.',
      evidence: [['line-chart', 'fleet availability vs fleet size']],
      solverRefs: ['reliability'],
    }),
    outlinePart({
      id: 'B',
      title: 'Coordination tax',
      concept: 'A 175 B model on 256 GPUs over InfiniBand NDR runs at 55–65% efficiency.',
      evidence: [['stacked-bar', 'step time: compute vs communication']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'C',
      title: 'Scaling-law budget',
      concept: 'At 10²³ FLOPs, 3 B parameters and 600 B tokens are compute-optimal (C = 6PD, D ≈ 20P).',
      evidence: [['scaling-curve', 'compute-optimal frontier']],
      solverRefs: ['scaling'],
    }),
    outlinePart({
      id: 'D',
      title: 'Iron Law of scale',
      concept: 'With r = 0.2, efficiency falls below 50% at 32–64 GPUs unless communication overlaps.',
      evidence: [['scaling-curve', 'log–log speedup with overlap 0–80%']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'E',
      title: 'C-Cubed diagnostic',
      concept: 'LLM training is Communication-bound; DLRM and federated training are Coordination-bound.',
      evidence: [['bar-chart', 'Computation / Communication / Coordination shares per workload']],
    }),
  ],
  synthesis: {
    prompt: 'Diagnose your track’s fleet with C-Cubed and name the term that grows fastest with scale.',
    citesCheckpoints: ['A', 'B', 'D'],
  },
  ledger: {
    produces: [],
    consumes: [
      {
        labId: 'v1_16_architects_audit',
        key: 'binding_constraint_summary',
        default: 'memory bandwidth binds single-node inference',
      },
    ],
  },
})
