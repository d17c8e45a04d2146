/**
 * The four lab tracks of the course (labs/mlsysbook_labs/tracks.py): the deployment context
 * a student follows through every lab — a phone, a ring, a robotaxi or a cloud fleet — with
 * its hardware, stakeholder, the metrics that matter and the constraints that dominate.
 * Looked up by id or by the labs' legacy aliases (mobile → iphone, tiny → oura_ring, …).
 */
import { type Provenance, provenanceSchema, Registry } from '@mlsysim/units'
import { z } from 'zod'

export interface Track {
  /** "iphone", "oura_ring", "robotaxi", "cloud_fleet". */
  readonly id: string
  readonly label: string
  readonly category: string
  readonly emoji: string
  readonly aliases: readonly string[]
  /** Chip catalog id the track's labs run on. */
  readonly hardware: string
  /** Fleet catalog id, for tracks that operate a cluster. */
  readonly system?: string
  readonly stakeholder: string
  readonly primaryMetrics: readonly string[]
  readonly guardrailMetrics: readonly string[]
  readonly dominantConstraints: readonly string[]
  readonly narrative: string
  /** Where the track's hardware facts come from. */
  readonly sourcePolicy: string
  readonly provenance: Provenance
}

const words = z.array(z.string().trim().min(1)).min(1)

export const trackSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a track id is lower_snake_case'),
  label: z.string().trim().min(1),
  category: z.string().trim().min(1),
  emoji: z.string().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  hardware: z.string().trim().min(1),
  system: z.string().trim().min(1).optional(),
  stakeholder: z.string().trim().min(1),
  primaryMetrics: words,
  guardrailMetrics: words,
  dominantConstraints: words,
  narrative: z.string().trim().min(1),
  sourcePolicy: z.string().trim().min(1),
  provenance: provenanceSchema,
})

export type TrackInput = z.input<typeof trackSchema>

const LAB_TRACKS: Provenance = {
  id: 'prov:mlsysbook-lab-tracks',
  kind: 'convention',
  ref: 'cs249r_book labs/mlsysbook_labs/tracks.py (CANONICAL_TRACKS, TRACK_ALIASES)',
  url: 'https://github.com/harvard-edge/cs249r_book',
  verified: '2026-11-27',
}

/** The track a lab opens on when none is chosen. */
export const DEFAULT_TRACK_ID = 'iphone'

export const TRACK_DATA: TrackInput[] = [
  {
    id: 'iphone',
    label: 'iPhone',
    category: 'Mobile ML',
    emoji: '📱',
    aliases: ['mobile', 'mobile_ml', 'phone'],
    hardware: 'iPhone15Pro',
    stakeholder: 'Mobile product engineer',
    primaryMetrics: ['battery drain', 'thermal headroom', 'on-device latency', 'memory'],
    guardrailMetrics: ['quality', 'privacy', 'responsiveness'],
    dominantConstraints: ['battery', 'thermal envelope', 'unified memory', 'interactive latency'],
    narrative: 'Ship a responsive local model without overheating or draining the phone.',
    sourcePolicy: 'Hardware facts come from the iPhone15Pro chip entry.',
    provenance: LAB_TRACKS,
  },
  {
    id: 'oura_ring',
    label: 'Oura Ring',
    category: 'TinyML / wearable',
    emoji: '💍',
    aliases: ['tiny', 'tinyml', 'wearable', 'oura'],
    hardware: 'OuraRing',
    stakeholder: 'Wearable firmware engineer',
    primaryMetrics: ['SRAM fit', 'flash fit', 'battery life', 'OTA payload'],
    guardrailMetrics: ['signal quality', 'sampling cadence', 'user comfort'],
    dominantConstraints: ['SRAM', 'flash', 'battery energy', 'radio/OTA budget'],
    narrative: 'Fit sensing and inference into a tiny wearable budget.',
    sourcePolicy:
      'Public Oura specifications seed the profile; the MCU, memory and battery internals are estimates (see the OuraRing entry).',
    provenance: LAB_TRACKS,
  },
  {
    id: 'robotaxi',
    label: 'RoboTaxi',
    category: 'Edge AI',
    emoji: '🚕',
    aliases: ['edge', 'edge_ai', 'taxi', 'robo_taxi'],
    hardware: 'RoboTaxi',
    stakeholder: 'Autonomous vehicle platform engineer',
    primaryMetrics: ['p99 latency', 'p999 latency', 'rare-event recall', 'power'],
    guardrailMetrics: ['safety margin', 'reliability', 'thermal headroom'],
    dominantConstraints: ['tail latency', 'power envelope', 'sensor bandwidth', 'safety guardrails'],
    narrative: 'Keep perception and planning inside tight latency and safety guardrails.',
    sourcePolicy:
      'A DRIVE AGX Orin-class reference profile (the RoboTaxi entry); vehicle-fleet operator internals are not assumed.',
    provenance: LAB_TRACKS,
  },
  {
    id: 'cloud_fleet',
    label: 'Cloud Fleet',
    category: 'Cloud/Fleet',
    emoji: '☁️',
    aliases: ['cloud', 'cloud/fleet', 'fleet'],
    hardware: 'H100',
    system: 'Lab_64_H100',
    stakeholder: 'Fleet service owner',
    primaryMetrics: ['throughput', 'p99 latency', 'cost/request', 'utilization', 'carbon'],
    guardrailMetrics: ['SLA', 'quality', 'capacity headroom'],
    dominantConstraints: ['throughput', 'SLA', 'cost', 'utilization', 'carbon intensity'],
    narrative: 'Run a service under SLA, cost, capacity and sustainability constraints.',
    sourcePolicy:
      'Hardware facts come from the H100 chip entry; the fleet topology from the Lab_64_H100 cluster.',
    provenance: LAB_TRACKS,
  },
]

function parseTrack(input: unknown): Track {
  const parsed = trackSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(track)'}: ${i.message}`)
  throw new Error(`invalid track: ${issues.join('; ')}`)
}

/** The tracks by id or alias, case- and punctuation-insensitive ("Cloud/Fleet", "robo-taxi"). */
export const tracks: Registry<Track> = new Registry<Track>({
  kind: 'track',
  idOf: (t) => t.id,
  aliasesOf: (t) => t.aliases,
  validate: parseTrack,
})
for (const entry of TRACK_DATA) tracks.add(entry)

/** A track by id or alias; no id (undefined or blank) gives the default track, iPhone. */
export function resolveTrack(idOrAlias?: string): Track {
  return tracks.get(idOrAlias === undefined || idOrAlias.trim() === '' ? DEFAULT_TRACK_ID : idOrAlias)
}
