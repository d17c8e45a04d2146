/** V2-04, Data Storage: storage–compute chasm, pipeline equation, shard collisions, stalls, checkpoints. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_04 = defineLab({
  id: 'v2_04_data_pipeline_wall',
  volume: 2,
  number: 4,
  slug: 'lab_04_data_storage',
  title: 'The Data Pipeline Wall',
  legacy: vol2Legacy(4, 'lab_04_data_storage'),
  chapterId: 'data_storage',
  durationMin: 66,
  walls: [8, 10],
  solverRefs: ['data', 'topology', 'checkpoint', 'reliability'],
  tracks: variants('Can storage feed the fleet, and what do checkpoints cost it?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Storage–compute chasm',
      concept:
        'A100 → H100 with fixed storage drops utilization from 30% to 15% (compute grew 236×, NVMe 4×).',
      evidence: [['line-chart', 'compute vs storage bandwidth across generations (dual axis)']],
      solverRefs: ['data'],
    }),
    outlinePart({
      id: 'B',
      title: 'Pipeline equation',
      concept: 'Doubling from 128 to 256 GPUs takes utilization from 80% to 40% (BW_req = N·U·S/T).',
      evidence: [['line-chart', 'stall S-curve']],
      solverRefs: ['data', 'topology'],
    }),
    outlinePart({
      id: 'C',
      title: 'Shard birthday problem',
      concept:
        '256 workers on 1,000 shards collide with probability ~100%; deterministic assignment makes it 0.',
      evidence: [['gauge', 'collision meter']],
    }),
    outlinePart({
      id: 'D',
      title: 'Data-stall diagnostic',
      concept: '200 ms of compute against 300 ms of I/O leaves a 33% stall even with prefetching.',
      evidence: [['timeline', 'compute and I/O overlap']],
      solverRefs: ['data'],
    }),
    outlinePart({
      id: 'E',
      title: 'Checkpoint economics',
      concept: 'MTBF 5 h with a 2-minute write gives a ~27–35 min checkpoint interval (Young–Daly).',
      evidence: [['young-daly', 'overhead vs checkpoint interval (U-curve)']],
      solverRefs: ['checkpoint', 'reliability'],
    }),
  ],
  synthesis: {
    prompt: 'Size your track’s storage path and checkpoint interval so the accelerators do not wait.',
    citesCheckpoints: ['A', 'B', 'E'],
  },
})
