/** V1-08, Training: memory budget, pipeline bubbles, mixed precision, communication tax. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_08 = defineLab({
  id: 'v1_08_training_gauntlet',
  volume: 1,
  number: 8,
  slug: 'lab_08_model_train',
  title: 'Training Gauntlet',
  altTitles: ['Training Memory Budget'],
  legacy: vol1Legacy(8, 'lab_08_model_train'),
  chapterId: 'training',
  durationMin: 54,
  walls: [1, 2, 3],
  solverRefs: ['single-node', 'efficiency', 'training-memory'],
  tracks: variants('Does training fit, and what stalls it: memory, data, or gradient sync?', {
    cloud_fleet: { modelRef: 'GPT2' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Memory budget',
      concept: '7 B parameters with Adam in FP32 need 112 GB (16 B/param) before activations.',
      evidence: [['memory-ledger', 'weights / gradients / optimizer / activations']],
      solverRefs: ['training-memory'],
    }),
    outlinePart({
      id: 'B',
      title: 'Pipeline bubble',
      concept: 'The training pipeline’s bottleneck is data loading or gradient sync, not compute.',
      evidence: [['pipeline-gantt', 'Gantt of load / forward / backward / sync']],
    }),
    outlinePart({
      id: 'C',
      title: 'Mixed precision',
      concept:
        'Mixed precision saves ~1.7×, not 2× (GPT-2 1.5 B: 77 → ~45 GB), because FP32 master weights and Adam state stay.',
      evidence: [['memory-ledger', 'FP32 vs mixed-precision footprint']],
      solverRefs: ['training-memory'],
    }),
    outlinePart({
      id: 'D',
      title: 'Communication tax',
      concept: 'Speedup = N/(1 + (N−1)·r): 8 GPUs at r = 0.15 give ~3.9×.',
      evidence: [['scaling-curve', 'speedup vs GPUs for r presets']],
      solverRefs: ['single-node', 'efficiency'],
    }),
  ],
  synthesis: {
    prompt: 'Give your track’s training plan: precision, optimizer, batch and the first stall you would fix.',
    citesCheckpoints: ['A', 'C', 'D'],
  },
  ledger: {
    produces: [
      { key: 'training_memory_budget', description: 'bytes per parameter and activation budget chosen' },
    ],
    consumes: [
      { labId: 'v1_05_neural_computation', key: 'activation_memory_profile' },
      { labId: 'v1_06_architecture_tax', key: 'workload_signature' },
    ],
  },
})
