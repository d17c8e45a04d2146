/** V2-14, Robust AI: adversarial robustness, silent data corruption, drift, defenses. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_14 = defineLab({
  id: 'v2_14_robustness_budget',
  volume: 2,
  number: 14,
  slug: 'lab_14_robust_ai',
  title: 'The Robustness Budget',
  legacy: vol2Legacy(13, 'lab_13_robust_ai'),
  chapterId: 'robust_ai',
  durationMin: 66,
  walls: [20, 13],
  solverRefs: ['responsible', 'compression'],
  tracks: variants('What does robustness cost, and which threats are worth paying for?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Robustness tax',
      concept:
        'PGD-7 adversarial training drops clean accuracy from 76% to 50% at 8× the compute; randomized smoothing costs 100,000× at inference.',
      evidence: [['bar-chart', 'grouped clean vs robust accuracy']],
      solverRefs: ['responsible'],
    }),
    outlinePart({
      id: 'B',
      title: 'Silent errors at scale',
      concept:
        '10K GPUs at p = 10⁻⁴ per hour: P(≥1 silent data corruption per hour) = 63%; one bit flip takes accuracy from 76% to 11%.',
      evidence: [['line-chart', 'SDC probability S-curves']],
    }),
    outlinePart({
      id: 'C',
      title: 'Drift timeline',
      concept: 'Unmonitored drift loses 20–40% over 6–12 months.',
      evidence: [['timeline', 'dual timeline: drift and monitoring']],
    }),
    outlinePart({
      id: 'D',
      title: 'Defense-stack builder',
      concept: 'Guardrails cost 1.2× compute vs 8× for adversarial training.',
      evidence: [['stacked-bar', 'compute cost per defense layer']],
      solverRefs: ['responsible'],
    }),
    outlinePart({
      id: 'E',
      title: 'Compression–robustness collision',
      concept: 'At ε = 4/255, INT8 accuracy is 52% vs 68% for FP32.',
      evidence: [['pareto', 'robust accuracy vs model size']],
      solverRefs: ['compression'],
    }),
  ],
  synthesis: {
    prompt: 'Build your track’s defense stack within a compute budget and name the threat you accept.',
    citesCheckpoints: ['A', 'D', 'E'],
  },
})
