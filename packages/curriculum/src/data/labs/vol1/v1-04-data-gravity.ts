/** V1-04, Data Engineering: feeding the accelerator, moving data vs compute, cascades. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_04 = defineLab({
  id: 'v1_04_data_gravity',
  volume: 1,
  number: 4,
  slug: 'lab_04_data_engr',
  title: 'Data Gravity',
  altTitles: ['The Data Gravity Trap'],
  legacy: vol1Legacy(4, 'lab_04_data_engr'),
  chapterId: 'data_engineering',
  durationMin: 54,
  walls: [8, 10],
  solverRefs: ['data', 'topology'],
  tracks: variants('Can the data pipeline keep the accelerator busy, and should data or compute move?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Feeding tax',
      concept: 'An SSD at 250 MB/s leaves an A100 less than 5% busy.',
      evidence: [
        ['gauge', 'accelerator utilization'],
        ['timeline', 'batch timeline'],
      ],
      solverRefs: ['data'],
    }),
    outlinePart({
      id: 'B',
      title: 'Move compute vs data',
      concept: '50 TB over 10 Gbps takes ≈11.1 h plus $4,000 egress; the crossover is ~1–5 TB.',
      evidence: [['bar-chart', 'cost bars: move data vs move compute']],
      solverRefs: ['topology'],
    }),
    outlinePart({
      id: 'C',
      title: 'Data cascades',
      concept: 'A 2% ingestion error becomes ~15% accuracy loss (×1.3–1.5 per stage).',
      evidence: [['line-chart', 'cascade chart']],
    }),
    outlinePart({
      id: 'D',
      title: 'False-positive trap',
      concept: 'One false wake per month needs 99.99996% rejection over 2.6 M windows.',
      evidence: [['line-chart', 'false wakes vs rejection rate']],
    }),
  ],
  synthesis: {
    prompt:
      'Size the data path for your track: storage bandwidth, where data lives, and the error budget per stage.',
    citesCheckpoints: ['A', 'B', 'C'],
  },
})
