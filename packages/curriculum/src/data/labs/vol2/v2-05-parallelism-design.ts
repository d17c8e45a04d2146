/** V2-05, Distributed Training: data, tensor and pipeline parallelism and ZeRO. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_05 = defineLab({
  id: 'v2_05_parallelism_design',
  volume: 2,
  number: 5,
  slug: 'lab_05_dist_train',
  title: 'The Parallelism Puzzle',
  legacy: vol2Legacy(5, 'lab_05_dist_train'),
  chapterId: 'distributed_training',
  durationMin: 66,
  walls: [14, 3],
  solverRefs: ['distributed', 'efficiency', 'training-memory', 'parallelism'],
  tracks: variants('How should the model be split across devices to fit and to scale?', {
    cloud_fleet: { modelRef: 'GPT3' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Communication wall',
      concept: 'Pure data parallelism for 175 B on 256 GPUs reaches only ~50–55% efficiency.',
      evidence: [['scaling-curve', 'efficiency vs data-parallel width']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'B',
      title: 'ZeRO',
      concept: 'ZeRO-3 on 64 A100s: 38 GB static + ~50 GB activations = 88 GB > 80 GB; it does not fit.',
      evidence: [['memory-ledger', 'per-GPU memory stack by ZeRO stage']],
      solverRefs: ['training-memory'],
    }),
    outlinePart({
      id: 'C',
      title: 'Pipeline bubbles',
      concept: 'Eight pipeline stages need ~72 microbatches to keep bubbles under 10%: (P−1)/(P+M−1).',
      evidence: [['pipeline-gantt', 'animated pipeline Gantt']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'D',
      title: 'Scaling tax',
      concept: 'DLRM at r = 0.5 reaches its cost optimum at ~4 GPUs.',
      evidence: [['line-chart', 'cost per step vs GPUs']],
      solverRefs: ['efficiency'],
    }),
    outlinePart({
      id: 'E',
      title: '3D parallelism',
      concept: '175 B on 256 H100s: TP8 · PP4 · DP8.',
      evidence: [
        ['parallelism-map', 'TP × PP × DP on the cluster'],
        ['topology-diagram', 'placement on nodes'],
      ],
      solverRefs: ['parallelism', 'distributed'],
    }),
  ],
  synthesis: {
    prompt: 'Give your track’s parallelism plan (TP, PP, DP, ZeRO stage) with its memory and efficiency.',
    citesCheckpoints: ['B', 'C', 'E'],
  },
  ledger: {
    produces: [{ key: 'parallelism_plan', description: 'TP, PP, DP and ZeRO stage chosen' }],
    consumes: [],
  },
})
