/** V2-06, Collective Communication (preview): operations, algorithms, hierarchy, overlap. */
import { defineLab, outlinePart, PLAN_32, variants } from '../build.js'

export const v2_06 = defineLab({
  id: 'v2_06_collective_communication',
  volume: 2,
  number: 6,
  slug: 'lab_06_collective_communication',
  title: 'Collective Communication',
  legacy: [],
  chapterId: 'collective_communication',
  releaseChannel: 'preview',
  durationMin: 54,
  walls: [14],
  solverRefs: ['distributed'],
  tracks: variants('Which collective algorithm moves this fleet’s bytes fastest at its message sizes?', {
    cloud_fleet: { modelRef: 'Llama2_70B' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Operation anatomy',
      concept: 'AllReduce, AllGather, ReduceScatter and Broadcast under the α-β cost model.',
      evidence: [['topology-diagram', 'operation diagram']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'B',
      title: 'Algorithm / topology frontier',
      concept: 'Tree beats ring for small messages; ring wins above the crossover M = N·α·β.',
      evidence: [['line-chart', 'ring / tree / hierarchical crossover plot']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'C',
      title: 'Hierarchy as a systems decision',
      concept: 'Reduce inside the node over NVLink, then across nodes over the fabric.',
      evidence: [['bar-chart', 'intra- vs inter-node time']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'D',
      title: 'Overlap and compression',
      concept:
        'Overlapping communication with backward and compressing with error feedback shrink exposed time.',
      evidence: [['timeline', 'exposed vs overlapped communication']],
    }),
  ],
  synthesis: {
    prompt: 'Pick the collective algorithm and overlap strategy for your track’s message sizes.',
    citesCheckpoints: ['B', 'C'],
  },
  notes: [
    'New in the 34-lab catalog: in the 32- and 33-lab layouts its content was part of V2-03, so it has no legacy number.',
    'The audit lists this lab’s Math Peek as missing.',
  ],
  sources: [
    'labs/mlsysbook_labs/catalog.py',
    'labs/LAB_PART_STORYLINE_DEPTH_BLUEPRINT_2026_06_13.md',
    PLAN_32,
  ],
})
