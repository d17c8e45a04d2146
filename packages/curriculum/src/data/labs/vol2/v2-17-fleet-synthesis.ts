/** V2-17, Conclusion (capstone): the fleet synthesis — sensitivity, failure budget, coupling, blueprint. */
import { defineLab, INDEX_33, outlinePart, PLAN_32, variants, vol2Legacy } from '../build.js'

export const v2_17 = defineLab({
  id: 'v2_17_fleet_synthesis',
  volume: 2,
  number: 17,
  slug: 'lab_17_fleet_synthesis',
  title: 'The Fleet Synthesis',
  legacy: vol2Legacy(16, 'lab_16_fleet_synthesis'),
  chapterId: 'conclusion',
  capstone: true,
  durationMin: 54,
  walls: [21, 22],
  solverRefs: ['sensitivity', 'synthesis', 'reliability'],
  tracks: variants('Which principle binds your fleet, and how do the principles interact?', {
    cloud_fleet: { modelRef: 'GPT3' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Sensitivity wall',
      concept:
        'At 1,000 GPUs communication is 2–3× more sensitive than compute; the order flips near 64 GPUs.',
      evidence: [['sensitivity-tornado', 'sensitivity of step time per factor']],
      solverRefs: ['sensitivity'],
    }),
    outlinePart({
      id: 'B',
      title: 'Failure budget',
      concept: '10,000 GPUs at 10,000 h MTBF each give a cluster MTBF of 1 h.',
      evidence: [['line-chart', 'cluster MTBF vs size']],
      solverRefs: ['reliability'],
    }),
    outlinePart({
      id: 'C',
      title: 'Principle interaction map',
      concept: 'G_eff = G·η_comm·η_fault·(1−δ_fair)·(1−δ_carbon): the principles multiply.',
      evidence: [['fleet-synthesis-radar', 'hexagonal radar + 6×6 coupling heatmap']],
      solverRefs: ['synthesis'],
    }),
    outlinePart({
      id: 'D',
      title: 'Fleet blueprint',
      concept: 'Reach at least 50× effective gain with no axis in the red.',
      evidence: [
        ['fleet-synthesis-radar', 'blueprint against the six axes'],
        ['dashboard', 'axis status cards'],
      ],
      solverRefs: ['synthesis', 'sensitivity'],
    }),
  ],
  synthesis: {
    prompt: 'Present your fleet blueprint: effective gain, the binding principle, and the risk register.',
    citesCheckpoints: ['A', 'C', 'D'],
  },
  ledger: {
    produces: [],
    consumes: [
      { labId: 'v2_15_carbon_budget', key: 'carbon_cap_pct', default: { value: 80, unit: '%' } },
      { labId: 'v2_16_fairness_budget', key: 'fairness_criterion', default: 'equal-opportunity' },
      { labId: 'v2_16_fairness_budget', key: 'monitoring_overhead_ms', default: { value: 15, unit: 'ms' } },
    ],
  },
  decisions: [
    {
      id: 'v2-17-parts',
      subject: 'parts of V2-17',
      chosen: 'A Sensitivity wall · B Failure budget · C Principle interaction map · D Fleet blueprint',
      alternatives: [
        {
          value: 'A Ledger replay · B Interaction map · C Final design review · D Risk register',
          source: 'labs/LAB_PART_STORYLINE_DEPTH_BLUEPRINT_2026_06_13.md',
        },
      ],
      reason: 'The plan’s parts carry the quantitative targets; the risk register is the synthesis.',
    },
  ],
  sources: ['labs/mlsysbook_labs/catalog.py', PLAN_32, INDEX_33],
})
