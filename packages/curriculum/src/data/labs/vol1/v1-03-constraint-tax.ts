/** V1-03, ML Workflow: constraints discovered late cost exponentially more. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_03 = defineLab({
  id: 'v1_03_constraint_tax',
  volume: 1,
  number: 3,
  slug: 'lab_03_ml_workflow',
  title: 'Constraint Tax',
  altTitles: ['Silent Degradation Loop'],
  legacy: vol1Legacy(3, 'lab_03_ml_workflow'),
  chapterId: 'ml_workflow',
  durationMin: 54,
  walls: [8, 9],
  solverRefs: ['data', 'transformation'],
  tracks: variants('How much does discovering a deployment constraint late cost the project?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Constraint propagation',
      concept:
        'A constraint found at stage N costs 2^(N−1): stage 5 costs 16×; diagnosis takes 0.003 s, the team spent 150 days.',
      evidence: [['line-chart', 'cost curve 2^(N−1)']],
    }),
    outlinePart({
      id: 'B',
      title: 'Iteration velocity',
      concept:
        'Team B (1-hour cycles, 90% start) beats Team A (1-week cycles, 95% start): acc = a₀ + α·log(1 + experiments).',
      evidence: [
        ['line-chart', 'dual accuracy lines'],
        ['sweep-heatmap', '27-config feasibility heatmap'],
      ],
      solverRefs: ['data', 'transformation'],
    }),
    outlinePart({
      id: 'C',
      title: 'Where time goes',
      concept: 'Model development is 10–20% of the effort, data 60–80%; 40 GB at 2 Mbps takes ≈46 h.',
      evidence: [['bar-chart', 'effort by lifecycle stage']],
      solverRefs: ['data'],
    }),
    outlinePart({
      id: 'D',
      title: 'Feedback loops',
      concept: 'A 200-clinic rollout needs 4–8 lifecycle iterations.',
      evidence: [['sankey', 'feedback flow across lifecycle stages']],
    }),
  ],
  synthesis: {
    prompt: 'Order your track’s constraints by when they must be checked, and the cost of finding each late.',
    citesCheckpoints: ['A', 'B'],
  },
})
