/** V2-03, Network Fabrics: fabric budgets and topologies (refocused on fabrics in the 34-lab catalog). */
import { defineLab, INDEX_33, outlinePart, PLAN_32, variants, vol2Legacy } from '../build.js'

export const v2_03 = defineLab({
  id: 'v2_03_network_fabric_design',
  volume: 2,
  number: 3,
  slug: 'lab_03_communication',
  title: 'Network Fabric Design',
  legacyTitles: ['Communication at Scale'],
  legacy: vol2Legacy(3, 'lab_03_communication'),
  chapterId: 'network_fabrics',
  durationMin: 54,
  walls: [10, 14],
  solverRefs: ['topology', 'distributed'],
  tracks: variants('Which fabric and topology carry this fleet’s traffic within budget?', {
    cloud_fleet: { modelRef: 'Llama2_70B' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Fabric budget',
      concept:
        '70 B FP32 gradients (280 GB) over 64 GPUs on IB NDR: ring all-reduce takes ~11 s, almost all of it bandwidth.',
      evidence: [['stacked-bar', 'α vs β share of collective time']],
      solverRefs: ['distributed'],
    }),
    outlinePart({
      id: 'B',
      title: 'Topology frontier',
      concept: 'Fat-tree, torus and dragonfly trade bisection bandwidth against cost and hops.',
      evidence: [
        ['bisection-heatmap', 'bisection bandwidth by topology and size'],
        ['topology-diagram', 'fat-tree, 3D torus, dragonfly'],
      ],
      solverRefs: ['topology'],
    }),
    outlinePart({
      id: 'C',
      title: 'Fabric decision',
      concept: 'Hierarchical all-reduce gains 5–6× under oversubscription (1:1, 2:1, 4:1).',
      evidence: [['bar-chart', 'collective time per oversubscription ratio']],
      solverRefs: ['topology', 'distributed'],
    }),
    outlinePart({
      id: 'D',
      title: 'Network incident',
      concept:
        'Getting communication under 20% of step time takes 3–4 stacked optimizations (overlap efficiency 0.85).',
      evidence: [['latency-waterfall', 'step time as optimizations stack']],
      solverRefs: ['distributed'],
    }),
  ],
  synthesis: {
    prompt: 'Choose your track’s fabric, topology and oversubscription, and the incident it must survive.',
    citesCheckpoints: ['A', 'B', 'C'],
  },
  decisions: [
    {
      id: 'v2-03-scope',
      subject: 'scope and parts of V2-03',
      chosen: 'fabrics only: A Fabric budget · B Topology frontier · C Fabric decision · D Network incident',
      alternatives: [
        {
          value:
            'Communication at Scale: α-β budget · Ring vs Tree · Hierarchy · Compression · Comm budget (fabrics and collectives merged)',
          source: PLAN_32,
        },
        { value: 'Lab 03 "Communication at Scale"', source: INDEX_33 },
      ],
      reason: 'The 34-lab catalog splits collectives into V2-06; the old title stays as a legacy title.',
    },
  ],
})
