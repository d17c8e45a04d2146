/** V2-07, Fault Tolerance: failures as routine, Young–Daly, checkpoint storms, serving degradation. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_07 = defineLab({
  id: 'v2_07_failure_budget_engineering',
  volume: 2,
  number: 7,
  slug: 'lab_07_fault_tolerance',
  title: 'When Failure Is Routine',
  legacy: vol2Legacy(6, 'lab_06_fault_tolerance'),
  chapterId: 'fault_tolerance',
  durationMin: 66,
  walls: [15, 19],
  solverRefs: ['reliability', 'checkpoint'],
  tracks: variants('How often does the fleet fail, and how much work does each failure cost?', {
    cloud_fleet: { modelRef: 'GPT3' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Failure recall',
      concept: '10,000 GPUs at 50,000 h MTBF each fail every 5 h: ~144 failures in 30 days.',
      evidence: [['line-chart', 'survival curve of the job']],
      solverRefs: ['reliability'],
    }),
    outlinePart({
      id: 'B',
      title: 'Young–Daly sweet spot',
      concept: '16K GPUs, MTBF ≈ 3 h, 2-minute write: checkpoint every ~27 min.',
      evidence: [['young-daly', 'overhead vs checkpoint interval']],
      solverRefs: ['reliability', 'checkpoint'],
    }),
    outlinePart({
      id: 'C',
      title: 'Checkpoint storm',
      concept:
        'A 175 B checkpoint is 2.45 TB (14 B/param); at 1 GB/s NFS it takes ~41 min, longer than the optimal interval.',
      evidence: [['bar-chart', 'write time per storage tier vs the interval']],
      solverRefs: ['checkpoint'],
    }),
    outlinePart({
      id: 'D',
      title: 'Serving degradation',
      concept: 'A failed LLM replica loses its KV cache, so in-flight requests restart from prefill.',
      evidence: [['timeline', 'requests around a replica failure']],
    }),
    outlinePart({
      id: 'E',
      title: 'Reliability budget',
      concept: 'Reserve 10–15% of the budget for fault tolerance.',
      evidence: [['pareto', 'cost vs goodput of fault-tolerance plans']],
      solverRefs: ['reliability'],
    }),
  ],
  synthesis: {
    prompt: 'Set your track’s checkpoint interval, storage tier and reliability reserve.',
    citesCheckpoints: ['B', 'C', 'E'],
  },
  ledger: {
    produces: [{ key: 'checkpoint_interval_min', description: 'checkpoint interval chosen, in minutes' }],
    consumes: [{ labId: 'v2_05_parallelism_design', key: 'parallelism_plan' }],
  },
})
