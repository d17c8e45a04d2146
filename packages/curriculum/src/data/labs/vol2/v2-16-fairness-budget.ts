/** V2-16, Responsible AI: impossibility results, fairness tax, feedback loops, overhead, audits. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_16 = defineLab({
  id: 'v2_16_fairness_budget',
  volume: 2,
  number: 16,
  slug: 'lab_16_responsible_ai',
  title: 'The Fairness Budget',
  legacy: vol2Legacy(15, 'lab_15_responsible_ai'),
  chapterId: 'responsible_ai',
  durationMin: 66,
  walls: [20, 16],
  solverRefs: ['responsible', 'orchestration'],
  tracks: variants('Which fairness criterion can the fleet hold, and what does auditing it cost?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Impossibility wall',
      concept:
        'Demographic parity, equalized odds and calibration cannot all hold when base rates differ (60% vs 30%).',
      evidence: [['line-chart', 'threshold sweep with three gap curves']],
      solverRefs: ['responsible'],
    }),
    outlinePart({
      id: 'B',
      title: 'Fairness tax',
      concept:
        'At a gap of 0.3: demographic parity costs ~8 points, equalized odds ~5, equal opportunity ~3.',
      evidence: [['table', 'confusion matrices per group']],
      solverRefs: ['responsible'],
    }),
    outlinePart({
      id: 'C',
      title: 'Feedback loop',
      concept: 'Without intervention, a 5% bias becomes 40–60% after 10 cycles.',
      evidence: [['line-chart', 'bias over retraining cycles (four intervention toggles)']],
    }),
    outlinePart({
      id: 'D',
      title: 'RAI overhead budget',
      concept: '30 + 15 + 50 ms misses a 100 ms SLA once margin is included.',
      evidence: [['latency-waterfall', 'inference + monitoring + explanation latency']],
      solverRefs: ['orchestration'],
    }),
    outlinePart({
      id: 'E',
      title: 'Audit pipeline',
      concept: 'Sampling rate, test, threshold and A/B duration trade detection latency against compute.',
      evidence: [['timeline', 'audit pipeline timeline']],
    }),
  ],
  synthesis: {
    prompt: 'Pick your track’s fairness criterion and audit cadence, and their latency and compute cost.',
    citesCheckpoints: ['B', 'D', 'E'],
  },
  ledger: {
    produces: [
      { key: 'fairness_criterion', description: 'the fairness criterion the fleet enforces' },
      { key: 'monitoring_overhead_ms', description: 'latency added by responsible-AI monitoring' },
    ],
    consumes: [],
  },
})
