/** V1-06, NN Architectures: structure, the quadratic wall, depth vs width, workload signatures. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_06 = defineLab({
  id: 'v1_06_architecture_tax',
  volume: 1,
  number: 6,
  slug: 'lab_06_nn_arch',
  title: 'Architecture Tax',
  altTitles: ['The Quadratic Wall'],
  legacy: vol1Legacy(6, 'lab_06_nn_arch'),
  chapterId: 'nn_architectures',
  durationMin: 54,
  walls: [1, 2, 3],
  solverRefs: ['single-node', 'efficiency'],
  tracks: variants('Which architecture family fits this device’s compute, memory and dispatch budget?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Cost of no structure',
      concept:
        'An MLP’s first layer on 224×224×3 input has 22.7 B parameters (91 GB FP32) vs 1,728 for a 3×3 conv.',
      evidence: [['bar-chart', 'log parameter bars with device memory lines']],
    }),
    outlinePart({
      id: 'B',
      title: 'Quadratic wall',
      concept: 'Going from 4K to 8K context quadruples attention memory; 128K with 32 heads is ≈64 GB.',
      evidence: [['line-chart', 'log–log attention memory vs sequence length']],
    }),
    outlinePart({
      id: 'C',
      title: 'Depth vs width',
      concept:
        'At equal FLOPs, shallow-wide (2×512) runs ~10× faster than deep-narrow (128×32): dispatch tax per layer.',
      evidence: [['latency-waterfall', 'dispatch overhead vs compute per layer']],
      solverRefs: ['efficiency'],
    }),
    outlinePart({
      id: 'D',
      title: 'Workload signatures',
      concept: 'A CNN reaches the highest MFU at batch 1 among the families.',
      evidence: [['workload-signature', 'arithmetic-intensity bars vs the ridge']],
      solverRefs: ['single-node'],
    }),
  ],
  synthesis: {
    prompt: 'Choose the architecture family for your track and name the tax it pays.',
    citesCheckpoints: ['B', 'C', 'D'],
  },
  ledger: {
    produces: [
      { key: 'workload_signature', description: 'arithmetic intensity and MFU per architecture family' },
    ],
    consumes: [{ labId: 'v1_05_neural_computation', key: 'activation_memory_profile' }],
  },
})
