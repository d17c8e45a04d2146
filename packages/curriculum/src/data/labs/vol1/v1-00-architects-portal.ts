/** V1-00, orientation: pick a track and preview the lab rhythm (a five-minute walkthrough). */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_00 = defineLab({
  id: 'v1_00_architects_portal',
  volume: 1,
  number: 0,
  slug: 'lab_00_introduction',
  title: "The Architect's Portal",
  legacy: vol1Legacy(0, 'lab_00_introduction'),
  chapterId: null,
  durationMin: 5,
  walls: [],
  solverRefs: [],
  tracks: variants('Which constraint will shape every lab you take on this track?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Constraint Portrait',
      concept: 'Each track is a different binding constraint: battery, SRAM, tail latency or cost.',
      minutes: 2,
      evidence: [['track-cards', 'track cards with each persona’s dominant constraints']],
    }),
    outlinePart({
      id: 'B',
      title: 'Same Model, Different World',
      concept: 'One model lands in four worlds; what passes on one track fails on another.',
      minutes: 1.5,
      evidence: [['track-cards', 'one model across the four tracks']],
    }),
    outlinePart({
      id: 'C',
      title: 'Engineering Lens',
      concept: 'Every lab runs predict → evidence → decide → reflect → report.',
      minutes: 1,
      evidence: [['table', 'the lab rhythm and the report it produces']],
    }),
  ],
  synthesis: {
    prompt: 'Choose your track and write the one constraint you expect to bind first.',
    citesCheckpoints: ['A', 'B'],
    minutes: 0.5,
  },
  ledger: { produces: [{ key: 'chosen_track', description: 'the track later labs start on' }], consumes: [] },
  notes: ['The landing copy calls this a 5-minute walkthrough; part minutes are set to fit it.'],
})
