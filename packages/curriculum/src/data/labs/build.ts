/**
 * Helpers that keep the 34 lab files about the labs: catalog fields derived from volume and
 * number (code, source path), the three numbering layouts, track variants built from the
 * canonical tracks, and the standard checkpoint and synthesis fields of the report contract.
 */
import type {
  Decision,
  InstrumentUse,
  Lab,
  LabPart,
  LabTrackVariant,
  Ledger,
  LegacyNumbering,
} from '../../schema/index.js'
import { PART_CHECKPOINT_FIELDS, SYNTHESIS_FIELDS } from '../report-contract.js'
import { tracks } from '../tracks.js'

export type TrackId = 'iphone' | 'oura_ring' | 'robotaxi' | 'cloud_fleet'

/** Minutes of an outline part and of a synthesis when the lab plan gives none (depth contract: 8–15 min per part). */
export const OUTLINE_PART_MINUTES = 12
export const SYNTHESIS_MINUTES = 6

export const PLAN_32 = 'labs/plans/MASTER_LAB_PLANS_FINAL.md'
export const INDEX_33 = 'labs/index.qmd'

export interface OutlinePartDef {
  id: LabPart['id']
  title: string
  concept: string
  evidence: Array<[instrumentId: string, caption?: string]>
  minutes?: number
  solverRefs?: string[]
}

/** A part specified to the depth of the lab plan's inventory: concept, instruments, solvers. */
export function outlinePart(def: OutlinePartDef): LabPart {
  return {
    id: def.id,
    title: def.title,
    concept: def.concept,
    minutes: def.minutes ?? OUTLINE_PART_MINUTES,
    evidence: def.evidence.map(
      ([instrumentId, caption], index): InstrumentUse => ({
        instrumentId,
        ...(caption ? { caption } : {}),
        ...(index === 0 ? { primary: true } : {}),
      }),
    ),
    ...(def.solverRefs ? { solverRefs: def.solverRefs } : {}),
  }
}

/** The ledger fields every fully specified part saves, plus lab-specific extras. */
export function checkpointFields(...extra: string[]): string[] {
  return [...PART_CHECKPOINT_FIELDS, ...extra]
}

export interface VariantDef {
  scenario?: string
  hardwareRef?: string
  systemRef?: string
  modelRef?: string
  defaults?: LabTrackVariant['defaults']
  thresholds?: LabTrackVariant['thresholds']
  residualRisk?: string
}

/**
 * One variant per canonical track: the track's hardware (and fleet) with the lab's workload,
 * and a scenario that says what the track changes. Labs override any field per track.
 */
export function variants(
  question: string,
  overrides: Partial<Record<TrackId, VariantDef>> = {},
): Record<string, LabTrackVariant> {
  const result: Record<string, LabTrackVariant> = {}
  for (const track of tracks) {
    const own = overrides[track.id as TrackId] ?? {}
    const systemRef = own.systemRef ?? track.systemRef
    result[track.id] = {
      scenario:
        own.scenario ??
        `${track.label} (${track.stakeholder.toLowerCase()}): ${question} Judged by ${track.dominantConstraints.join(', ')}.`,
      hardwareRef: own.hardwareRef ?? track.hardwareRef,
      ...(systemRef ? { systemRef } : {}),
      modelRef: own.modelRef ?? track.defaultModelRef,
      ...(own.defaults ? { defaults: own.defaults } : {}),
      ...(own.thresholds ? { thresholds: own.thresholds } : {}),
      ...(own.residualRisk ? { residualRisk: own.residualRisk } : {}),
    }
  }
  return result
}

/** Numbers and file stems of a Volume I lab in the older layouts: unchanged, and no Lab 00 in the 32-lab plan. */
export function vol1Legacy(number: number, slug: string): LegacyNumbering[] {
  return [
    ...(number > 0 ? [{ layout: 'plan-32' as const, number }] : []),
    { layout: 'index-33', number, slug },
  ]
}

/**
 * Numbers of a Volume II lab in the 16-lab layouts (§2.3 map from labs/index.qmd to catalog.py).
 * The 2026-03 plan is taken to number Volume II as labs/index.qmd does (both have 16 labs with
 * fabrics and collectives in one lab); the reference gives no separate list for it.
 */
export function vol2Legacy(indexNumber: number, slug: string): LegacyNumbering[] {
  return [
    { layout: 'plan-32', number: indexNumber },
    { layout: 'index-33', number: indexNumber, slug },
  ]
}

export interface LabDef {
  id: string
  volume: 1 | 2
  number: number
  slug: string
  title: string
  altTitles?: string[]
  legacyTitles?: string[]
  legacy: LegacyNumbering[]
  chapterId: string | null
  capstone?: boolean
  specLevel?: Lab['specLevel']
  releaseChannel?: Lab['releaseChannel']
  durationMin: number
  walls: number[]
  solverRefs: string[]
  learningObjectives?: string[]
  tracks: Record<string, LabTrackVariant>
  parts: LabPart[]
  synthesis: { prompt: string; citesCheckpoints: Lab['synthesis']['citesCheckpoints']; minutes?: number }
  ledger?: Partial<Ledger>
  notes?: string[]
  decisions?: Decision[]
  sources?: string[]
}

/** A lab with its derived catalog fields. */
export function defineLab(def: LabDef): Lab {
  const vol = `vol${def.volume}`
  return {
    id: def.id,
    code: `V${def.volume}-${String(def.number).padStart(2, '0')}`,
    volumeId: vol,
    number: def.number,
    slug: def.slug,
    title: def.title,
    altTitles: def.altTitles ?? [],
    ...(def.legacyTitles ? { legacyTitles: def.legacyTitles } : {}),
    legacy: def.legacy,
    chapterId: def.chapterId,
    capstone: def.capstone ?? false,
    durationMin: def.durationMin,
    specLevel: def.specLevel ?? 'outline',
    ...(def.releaseChannel ? { releaseChannel: def.releaseChannel } : {}),
    sourcePath: `labs/${vol}/${def.slug}.py`,
    walls: def.walls,
    solverRefs: def.solverRefs,
    ...(def.learningObjectives ? { learningObjectives: def.learningObjectives } : {}),
    tracks: def.tracks,
    parts: def.parts,
    synthesis: {
      prompt: def.synthesis.prompt,
      minutes: def.synthesis.minutes ?? SYNTHESIS_MINUTES,
      citesCheckpoints: def.synthesis.citesCheckpoints,
      fields: [...SYNTHESIS_FIELDS],
    },
    ledger: { produces: def.ledger?.produces ?? [], consumes: def.ledger?.consumes ?? [] },
    ...(def.notes ? { notes: def.notes } : {}),
    ...(def.decisions ? { decisions: def.decisions } : {}),
    sources: def.sources ?? ['labs/mlsysbook_labs/catalog.py', PLAN_32],
  }
}
