/** V1-05, Neural Computation: what activations, widths and the memory hierarchy cost. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_05 = defineLab({
  id: 'v1_05_neural_computation',
  volume: 1,
  number: 5,
  slug: 'lab_05_nn_compute',
  title: 'Activation Tax',
  legacy: vol1Legacy(5, 'lab_05_nn_compute'),
  chapterId: 'nn_computation',
  durationMin: 54,
  walls: [1, 2],
  solverRefs: ['single-node'],
  tracks: variants('Where do a network’s activations live, and what do they cost in time and memory?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Transistor tax',
      concept:
        'Sigmoid on a mobile NPU costs ~23% of inference time (ReLU ~50 vs Sigmoid ~2,500 transistors).',
      evidence: [['bar-chart', 'time per activation function']],
    }),
    outlinePart({
      id: 'B',
      title: 'Memory-hierarchy cliff',
      concept: 'Growing activations from 16 to 32 KB crosses L2 on mobile: a 10× latency cliff.',
      evidence: [
        ['memory-ledger', 'activation footprint against cache tiers'],
        ['stacked-bar', 'tier-coloured stacked bar'],
      ],
      solverRefs: ['single-node'],
    }),
    outlinePart({
      id: 'C',
      title: 'Width²',
      concept: 'Doubling hidden width from 128 to 256 costs ~3.8× the FLOPs.',
      evidence: [['line-chart', 'FLOPs vs width']],
      solverRefs: ['single-node'],
    }),
    outlinePart({
      id: 'D',
      title: 'Forward vs backward',
      concept: 'Training memory is 4–10× inference memory.',
      evidence: [['memory-ledger', 'inference vs training footprint']],
    }),
  ],
  synthesis: {
    prompt: 'Pick the activation, width and batch your track’s device can hold in its fastest memory tier.',
    citesCheckpoints: ['B', 'D'],
  },
  ledger: {
    produces: [
      { key: 'activation_memory_profile', description: 'activation bytes per layer against the cache tiers' },
    ],
    consumes: [],
  },
})
