/** V1-14, ML Operations: drift, retraining cadence, cost asymmetry, debt cascades. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_14 = defineLab({
  id: 'v1_14_silent_degradation',
  volume: 1,
  number: 14,
  slug: 'lab_14_ml_ops',
  title: 'Silent Degradation',
  legacy: vol1Legacy(14, 'lab_14_ml_ops'),
  chapterId: 'ml_ops',
  durationMin: 54,
  walls: [7, 19],
  solverRefs: ['tail-latency', 'checkpoint'],
  tracks: variants('How fast does the model rot while every infrastructure light stays green?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'PSI drift',
      concept: 'Six months of green infrastructure hide a 7-point accuracy drop; PSI > 0.2 fired at week 8.',
      evidence: [['dashboard', 'split dashboard: infrastructure green vs PSI lines']],
    }),
    outlinePart({
      id: 'B',
      title: 'Retraining cadence',
      concept: 'T* = √(2C/C_drift): $10K retraining and $500/day drift give 6.3 days.',
      evidence: [['line-chart', 'U-shaped total-cost curve']],
    }),
    outlinePart({
      id: 'C',
      title: 'Cost asymmetry',
      concept: 'A 100× cost gap gives a √100 = 10× cadence gap (cloud ~7 d vs edge ~70 d).',
      evidence: [['line-chart', 'cadence vs retraining cost, cloud vs edge']],
    }),
    outlinePart({
      id: 'D',
      title: 'Debt cascade',
      concept: 'Three missed cycles cost ~5–6×, not 3×, with downstream models.',
      evidence: [['bar-chart', 'cost of missed cycles vs downstream models']],
    }),
  ],
  synthesis: {
    prompt: 'Set your track’s monitoring signal and retraining cadence, and the cost of getting it wrong.',
    citesCheckpoints: ['A', 'B', 'C'],
  },
  ledger: {
    produces: [],
    consumes: [{ labId: 'v1_13_tail_latency_trap', key: 'serving_p99_ms' }],
  },
})
