/** V1-09, Data Selection: coresets, the selection inequality, preprocessing, Chinchilla. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_09 = defineLab({
  id: 'v1_09_selection_paradox',
  volume: 1,
  number: 9,
  slug: 'lab_09_data_selection',
  title: 'Selection Paradox',
  legacy: vol1Legacy(9, 'lab_09_data_selection'),
  chapterId: 'data_selection',
  durationMin: 54,
  walls: [11, 13],
  solverRefs: ['scaling', 'compression'],
  tracks: variants('Does selecting data save more time than the selection costs?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'ICR frontier',
      concept: 'A 50% coreset keeps ~99% of the accuracy.',
      evidence: [['line-chart', 'information-compute ratio curve with its knee']],
    }),
    outlinePart({
      id: 'B',
      title: 'Selection inequality',
      concept:
        'T_sel + T_train(subset) < T_train(full): 2.8 + 4.2 vs 8.0 h saves only 1 h, and fails on edge.',
      evidence: [['latency-waterfall', 'selection + training time vs full training']],
    }),
    outlinePart({
      id: 'C',
      title: 'Preprocessing tax',
      concept: 'Heavy augmentation leaves the GPU computing ~25% of the time.',
      evidence: [['gauge', 'accelerator busy fraction vs loader workers']],
    }),
    outlinePart({
      id: 'D',
      title: 'Chinchilla frontier',
      concept: 'At 10²¹ FLOPs, 3 B parameters / 660 B tokens beats 10 B / 200 B.',
      evidence: [['scaling-curve', 'IsoFLOP contours with a draggable point']],
      solverRefs: ['scaling'],
    }),
  ],
  synthesis: {
    prompt:
      'Decide how much data your track should select, and whether the compute goes to parameters or tokens.',
    citesCheckpoints: ['B', 'D'],
  },
})
