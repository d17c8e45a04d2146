/** V2-15, Sustainable AI: energy, geography, lifecycle carbon, Jevons, carbon-aware fleets. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_15 = defineLab({
  id: 'v2_15_carbon_budget',
  volume: 2,
  number: 15,
  slug: 'lab_15_sustainable_ai',
  title: 'The Carbon Budget',
  legacy: vol2Legacy(14, 'lab_14_sustainable_ai'),
  chapterId: 'sustainable_ai',
  durationMin: 66,
  walls: [18, 17],
  solverRefs: ['sustainability', 'economics', 'placement'],
  tracks: variants('Where and when should this workload run to meet a carbon budget?', {
    cloud_fleet: { modelRef: 'GPT3' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Energy wall',
      concept:
        'Frontier training compute outgrew efficiency by ~195,000× from 2012 to 2019 (frontier training compute, annotated).',
      evidence: [['line-chart', 'compute demand vs efficiency, log scale']],
    }),
    outlinePart({
      id: 'B',
      title: 'Geography of carbon',
      concept: 'Quebec (20 gCO₂/kWh) vs Poland (800) is 40×.',
      evidence: [
        ['carbon-map', 'regions by grid intensity'],
        ['carbon-waterfall', 'operational carbon per region'],
      ],
      solverRefs: ['sustainability', 'placement'],
    }),
    outlinePart({
      id: 'C',
      title: 'Lifecycle shift',
      concept:
        'On a clean grid, embodied carbon is 30–50%+ of the total (H100 ≈ 150–200 kg; the catalog says 164 kg).',
      evidence: [['carbon-waterfall', 'operational vs embodied carbon']],
      solverRefs: ['sustainability'],
    }),
    outlinePart({
      id: 'D',
      title: 'Jevons trap',
      concept:
        'E_total = (E₀/eff)·V₀·eff^ε: a 2× efficiency gain with elasticity 2 raises energy 100%; only a cap bends the curve.',
      evidence: [['line-chart', 'total energy vs efficiency ("JEVONS REBOUND")']],
    }),
    outlinePart({
      id: 'E',
      title: 'Carbon-aware fleet',
      concept:
        'Cut carbon 50% with at most 48 h of delay by moving jobs on a 24 h carbon-intensity timeline.',
      evidence: [['timeline', '24 h carbon-intensity timeline with draggable jobs']],
      solverRefs: ['placement', 'economics'],
    }),
  ],
  synthesis: {
    prompt: 'Set your track’s carbon cap and the placement and timing that meet it.',
    citesCheckpoints: ['B', 'C', 'E'],
  },
  ledger: {
    produces: [{ key: 'carbon_cap_pct', description: 'carbon cap as a percent of the unconstrained plan' }],
    consumes: [],
  },
  decisions: [
    {
      id: 'v2-15-quebec-poland',
      subject: 'grid intensities quoted in Part B',
      chosen: 'the carbon-map reads @mlsysim/hardware grids (Quebec 20, Poland 820 gCO₂/kWh)',
      alternatives: [
        { value: 'Quebec 20 vs Poland 800 gCO₂/kWh (40×)', source: 'labs/plans/MASTER_LAB_PLANS_FINAL.md' },
      ],
      reason:
        'The catalog’s grids.yaml gives Poland 820; the lab quotes a rounded 800. The ratio stays ~40×.',
    },
  ],
})
