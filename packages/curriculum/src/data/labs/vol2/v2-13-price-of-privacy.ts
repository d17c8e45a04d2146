/** V2-13, Security & Privacy: differential privacy's costs and budgets. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_13 = defineLab({
  id: 'v2_13_price_of_privacy',
  volume: 2,
  number: 13,
  slug: 'lab_13_security_privacy',
  title: 'The Price of Privacy',
  legacy: vol2Legacy(12, 'lab_12_security_privacy'),
  chapterId: 'security_privacy',
  durationMin: 54,
  walls: [20],
  solverRefs: ['responsible'],
  tracks: variants('What do privacy guarantees cost in accuracy, throughput and service lifetime?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Privacy scaling wall',
      concept: 'Per-person DP error = (S/ε)/N: $2,000 at N = 100 vs $200 at N = 1,000.',
      evidence: [['line-chart', 'log–log utility zones']],
      solverRefs: ['responsible'],
    }),
    outlinePart({
      id: 'B',
      title: 'Privacy–accuracy frontier',
      concept: 'CIFAR-10 at ε = 8 reaches ~82%; the knee is at ε 1–3 (σ ≈ 4.8 at ε = 1).',
      evidence: [['line-chart', 'accuracy vs ε']],
      solverRefs: ['responsible'],
    }),
    outlinePart({
      id: 'C',
      title: 'Defense overhead stack',
      concept: 'The defense stack cuts throughput to ~700–750 tok/s against an 800 tok/s SLO with ε < 1.0.',
      evidence: [['latency-waterfall', 'throughput waterfall per defense']],
    }),
    outlinePart({
      id: 'D',
      title: 'Budget depletion',
      concept:
        'ε = 10 at 10,000 queries/day × 0.01 lasts 2.4 h with basic composition, ~3.7 days with advanced.',
      evidence: [['gauge', 'ε budget gauge']],
    }),
  ],
  synthesis: {
    prompt: 'Set ε and the composition rule so your track’s service lasts its 30-day design target.',
    citesCheckpoints: ['B', 'D'],
  },
})
