/** V1-15, Responsible Engineering: fairness, explainability and carbon have costs. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_15 = defineLab({
  id: 'v1_15_no_free_fairness',
  volume: 1,
  number: 15,
  slug: 'lab_15_responsible_engr',
  title: 'No Free Fairness',
  legacy: vol1Legacy(15, 'lab_15_responsible_engr'),
  chapterId: 'responsible_engr',
  durationMin: 54,
  walls: [20],
  solverRefs: ['responsible'],
  tracks: variants('What does responsible deployment cost in accuracy, latency and carbon?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Fairness illusion',
      concept:
        'Equal 92% accuracy across groups with base rates 30% and 10% still gives a 3× false-positive-rate gap.',
      evidence: [['bar-chart', 'per-group metric bars (yellow above 5%, red above 10%)']],
    }),
    outlinePart({
      id: 'B',
      title: 'Price of fairness',
      concept: 'Cutting the FPR gap from 15% to 5% costs 3–5% accuracy.',
      evidence: [['pareto', 'fairness vs accuracy frontier']],
      solverRefs: ['responsible'],
    }),
    outlinePart({
      id: 'C',
      title: 'Explainability tax',
      concept: 'SHAP with 50 features adds ~50× latency against a 100 ms SLO.',
      evidence: [['latency-waterfall', 'inference + explanation latency']],
    }),
    outlinePart({
      id: 'D',
      title: 'Carbon of responsibility',
      concept: 'Weekly retraining plus SHAP on 10% of traffic emits ~60× the carbon.',
      evidence: [['stacked-bar', 'carbon stack by activity']],
    }),
  ],
  synthesis: {
    prompt: 'Choose the fairness criterion and explanation budget your track can afford, with their costs.',
    citesCheckpoints: ['B', 'C', 'D'],
  },
})
