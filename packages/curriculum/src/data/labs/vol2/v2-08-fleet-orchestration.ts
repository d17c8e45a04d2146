/** V2-08, Fleet Orchestration: queueing, fragmentation, placement, the utilization paradox. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_08 = defineLab({
  id: 'v2_08_fleet_orchestration',
  volume: 2,
  number: 8,
  slug: 'lab_08_fleet_orch',
  title: 'The Scheduling Trap',
  legacy: vol2Legacy(7, 'lab_07_fleet_orch'),
  chapterId: 'fleet_orchestration',
  durationMin: 54,
  walls: [16, 17],
  solverRefs: ['orchestration', 'economics', 'tail-latency'],
  tracks: variants('Why do jobs wait while accelerators sit idle?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Queuing wall',
      concept:
        'At 80% utilization with C_s = 3, queue wait is ~25 min, 5× the job time (Pollaczek–Khinchine).',
      evidence: [['line-chart', 'wait vs utilization']],
      solverRefs: ['orchestration'],
    }),
    outlinePart({
      id: 'B',
      title: 'Allocation',
      concept: '77 idle GPUs but no contiguous 64: fragmentation and gang scheduling.',
      evidence: [['heatmap', '32×8 cluster occupancy heatmap']],
      solverRefs: ['orchestration'],
    }),
    outlinePart({
      id: 'C',
      title: 'Topology-aware placement',
      concept: 'Placing jobs along the topology gives 3–5×.',
      evidence: [['topology-diagram', 'placement on racks']],
    }),
    outlinePart({
      id: 'D',
      title: 'Utilization paradox',
      concept: 'Utilization, wait, maximum wait and Jain fairness cannot all be green.',
      evidence: [['dashboard', 'four-metric dashboard with weight sliders']],
      solverRefs: ['economics'],
    }),
  ],
  synthesis: {
    prompt: 'Choose your track’s scheduling policy and the metric you let go amber.',
    citesCheckpoints: ['A', 'B', 'D'],
  },
  ledger: {
    produces: [],
    consumes: [{ labId: 'v2_05_parallelism_design', key: 'parallelism_plan' }],
  },
})
