/** V2-12, Ops at Scale: complexity, silent failures, platform ROI, canaries, alert fatigue. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_12 = defineLab({
  id: 'v2_12_silent_fleet',
  volume: 2,
  number: 12,
  slug: 'lab_12_ops_scale',
  title: 'The Silent Fleet',
  legacy: vol2Legacy(11, 'lab_11_ops_scale'),
  chapterId: 'ops_scale',
  durationMin: 66,
  walls: [7, 16],
  solverRefs: ['tail-latency', 'orchestration'],
  tracks: variants('How does operating many models fail quietly, and what does it cost?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Complexity explosion',
      concept: 'Operations load 20N + N·log₂N + 0.5N² passes 4,000 person-hours a year at ~50 models.',
      evidence: [['stacked-bar', 'stacked load vs team capacity']],
    }),
    outlinePart({
      id: 'B',
      title: 'Silent-failure tax',
      concept:
        'A 0.5% CTR drop at 5,000 QPS and $0.50/click costs $1.08M over 24 h, vs $45K if detected in 1 h.',
      evidence: [['dashboard', '$ loss counter']],
    }),
    outlinePart({
      id: 'C',
      title: 'Platform ROI',
      concept: 'A $2M platform breaks even at 20 models.',
      evidence: [['gauge', 'ROI gauge']],
    }),
    outlinePart({
      id: 'D',
      title: 'Canary duration',
      concept: 'A 1% canary of 1 M requests/h needs 1 h to gather 10K samples.',
      evidence: [['timeline', 'rollout timeline']],
      solverRefs: ['tail-latency'],
    }),
    outlinePart({
      id: 'E',
      title: 'Alert fatigue',
      concept:
        '3σ alerts on 1,000 metrics every 5 min give ~864 false alerts a day; hierarchy cuts it to 86, adaptive thresholds to ~20.',
      evidence: [['bar-chart', 'false alerts per day by alerting scheme']],
      solverRefs: ['orchestration'],
    }),
  ],
  synthesis: {
    prompt:
      'Design your track’s monitoring: what to alert on, how fast to detect, and the platform it justifies.',
    citesCheckpoints: ['B', 'D', 'E'],
  },
  ledger: {
    produces: [],
    consumes: [{ labId: 'v2_10_inference_economy', key: 'serving_fleet_design' }],
  },
})
