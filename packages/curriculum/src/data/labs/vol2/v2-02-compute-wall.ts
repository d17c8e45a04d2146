/** V2-02, Compute Infrastructure: memory wall, roofline, bandwidth staircase, node memory, TCO. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_02 = defineLab({
  id: 'v2_02_compute_wall',
  volume: 2,
  number: 2,
  slug: 'lab_02_compute_infra',
  title: 'The Compute Infrastructure Wall',
  legacy: vol2Legacy(2, 'lab_02_compute_infra'),
  chapterId: 'compute_infrastructure',
  durationMin: 66,
  walls: [1, 2, 10],
  solverRefs: ['single-node', 'topology', 'training-memory', 'economics'],
  tracks: variants('Which part of the machine — HBM, links, memory or money — limits the node?', {
    cloud_fleet: { modelRef: 'Llama2_70B' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Memory wall',
      concept:
        '70 B decoding at batch 1 leaves an H100 ~99% idle: 140 GB / 3.35 TB/s ≈ 42 ms vs 0.07 ms of compute.',
      evidence: [
        ['latency-waterfall', 'compute vs memory time per token'],
        ['gauge', 'MFU gauge'],
      ],
      solverRefs: ['single-node'],
    }),
    outlinePart({
      id: 'B',
      title: 'Roofline diagnostic',
      concept: 'Decode intensity is ~0.5 against a ridge of 295; only prefill and training cross the ridge.',
      evidence: [['roofline', 'draggable workload dots']],
      solverRefs: ['single-node'],
    }),
    outlinePart({
      id: 'C',
      title: 'Bandwidth staircase',
      concept: 'NVLink (900 GB/s) vs InfiniBand NDR (50 GB/s) is 18×: 10 GB takes 11 ms vs 200 ms.',
      evidence: [['bar-chart', 'bandwidth staircase from HBM to the network']],
      solverRefs: ['topology'],
    }),
    outlinePart({
      id: 'D',
      title: 'Node memory budget',
      concept: 'A 175 B model with Adam needs 1,400 GB of static state vs 640 GB in a DGX.',
      evidence: [['memory-ledger', 'static memory vs node HBM, ZeRO 0–3']],
      solverRefs: ['training-memory'],
    }),
    outlinePart({
      id: 'E',
      title: 'TCO',
      concept:
        '1,000 H100s draw 700 kW; at PUE 1.12 and $0.12/kWh that is ~$824K/yr, ~30% of the 3-year TCO.',
      evidence: [['stacked-bar', 'TCO stack: capital, energy, maintenance']],
      solverRefs: ['economics'],
    }),
  ],
  synthesis: {
    prompt:
      'Spec the node for your track’s workload: accelerator, interconnect and memory, with its 3-year cost.',
    citesCheckpoints: ['A', 'C', 'E'],
  },
})
