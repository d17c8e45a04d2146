// The shipped course: what it contains, counted, and the invariants the data promises beyond
// the checks (numbering layouts, decisions with alternatives, computed answers).
import { describe, expect, it } from 'vitest'
import type { Decision, Lab } from '../schema/index.js'
import { course } from './index.js'

const byVolume = (volumeId: string) => course.labs.filter((l) => l.volumeId === volumeId)
const labById = (id: string): Lab => course.labs.find((l) => l.id === id)!

function decisionsIn(value: unknown): Decision[] {
  if (Array.isArray(value)) return value.flatMap(decisionsIn)
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'decisions' && Array.isArray(v) ? (v as Decision[]) : decisionsIn(v),
  )
}

describe('the shipped course', () => {
  it('holds both volumes: 16 + 17 chapters in 4 + 4 parts', () => {
    expect(course.volumes.map((v) => [v.id, v.chapterIds.length, v.partIds.length])).toEqual([
      ['vol1', 16, 4],
      ['vol2', 17, 4],
    ])
    expect(course.chapters).toHaveLength(33)
    expect(course.parts).toHaveLength(8)
  })

  it('holds the 34 labs of catalog.py, 17 per volume, numbered 0–16 and 1–17', () => {
    expect(course.labs).toHaveLength(34)
    expect(byVolume('vol1').map((l) => l.number)).toEqual(Array.from({ length: 17 }, (_, i) => i))
    expect(byVolume('vol2').map((l) => l.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1))
    expect(course.labs.filter((l) => l.capstone).map((l) => l.code)).toEqual(['V1-16', 'V2-17'])
  })

  it('specifies exactly V1-02, V1-10, V1-11, V1-12, V2-10 and V2-11 down to predictions', () => {
    expect(course.labs.filter((l) => l.specLevel === 'full').map((l) => l.code)).toEqual([
      'V1-02',
      'V1-10',
      'V1-11',
      'V1-12',
      'V2-10',
      'V2-11',
    ])
    const full = course.labs.filter((l) => l.specLevel === 'full')
    // 4 + 5 + 5 + 4 + 4 + 4 parts, each with a prediction.
    expect(full.flatMap((l) => l.parts).filter((p) => p.prediction)).toHaveLength(26)
  })

  it('computes every numeric answer with a solver instead of writing it down', () => {
    const numeric = course.labs.flatMap((l) =>
      l.parts.flatMap((p) =>
        p.prediction?.kind === 'numeric' ? [[l.code, p.id, p.prediction] as const] : [],
      ),
    )
    expect(numeric.map(([code, part]) => `${code}${part}`)).toEqual(['V1-02A', 'V1-10B', 'V2-10B'])
    for (const [, , prediction] of numeric) {
      expect(prediction.value).toBeUndefined()
      expect(prediction.compute).toBeDefined()
    }
  })

  it('keeps the older layouts: 16 + 16 labs in the 2026-03 plan, 17 + 16 in labs/index.qmd', () => {
    const count = (layout: string, vol: string) =>
      byVolume(vol).filter((l) => l.legacy.some((x) => x.layout === layout)).length
    expect([count('plan-32', 'vol1'), count('plan-32', 'vol2')]).toEqual([16, 16])
    expect([count('index-33', 'vol1'), count('index-33', 'vol2')]).toEqual([17, 16])
    // §2.3: labs/index.qmd's 06 fault_tolerance is today's V2-07; 08 inference is V2-10.
    expect(labById('v2_07_failure_budget_engineering').legacy).toContainEqual({
      layout: 'index-33',
      number: 6,
      slug: 'lab_06_fault_tolerance',
    })
    expect(labById('v2_10_inference_economy').legacy).toContainEqual({
      layout: 'index-33',
      number: 8,
      slug: 'lab_08_inference',
    })
    expect(labById('v2_06_collective_communication').legacy).toEqual([])
  })

  it('runs three offerings: 16, 16 and 10–12 weeks', () => {
    expect(course.offerings.map((o) => [o.id, o.weeks.length, o.weeksCount.min])).toEqual([
      ['foundations', 16, 16],
      ['scale', 16, 16],
      ['tinyml', 12, 10],
    ])
    const scheduled = (id: string) =>
      course.offerings.find((o) => o.id === id)!.weeks.flatMap((w) => w.labIds)
    expect(scheduled('foundations')).toHaveLength(16)
    expect(scheduled('scale')).toHaveLength(17)
  })

  it('binds the four tracks to catalog hardware', () => {
    expect(course.tracks.map((t) => [t.id, t.hardwareRef, t.systemRef ?? null])).toEqual([
      ['iphone', 'iPhone15Pro', null],
      ['oura_ring', 'OuraRing', null],
      ['robotaxi', 'RoboTaxi', null],
      ['cloud_fleet', 'H100', 'Lab_64_H100'],
    ])
    for (const lab of course.labs)
      expect(Object.keys(lab.tracks).sort()).toEqual(['cloud_fleet', 'iphone', 'oura_ring', 'robotaxi'])
  })

  it('counts 20 TinyTorch modules in four tiers, 7 milestones, 22 walls, 6 kits', () => {
    expect(course.tinytorchModules).toHaveLength(20)
    const tiers = new Map<string, number>()
    for (const m of course.tinytorchModules) tiers.set(m.tier, (tiers.get(m.tier) ?? 0) + 1)
    expect(Object.fromEntries(tiers)).toEqual({
      foundation: 8,
      architecture: 5,
      optimization: 6,
      capstone: 1,
    })
    expect(course.milestones.map((m) => m.year)).toEqual([1958, 1969, 1986, 1998, 2017, 2018, 2020])
    expect(course.walls.map((w) => w.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1))
    expect(course.kits).toHaveLength(6)
    expect(course.kitActivities).toHaveLength(24)
    expect([course.instruments.length, course.instruments.filter((i) => i.introducedInLabId).length]).toEqual(
      [30, 19],
    )
    expect(course.failureStates).toHaveLength(10)
  })

  it('weights the assessment layer as the sources do', () => {
    expect(course.assessment.tiers.map((t) => t.weight)).toEqual([40, 30, 30])
    expect(course.assessment.rubrics.map((r) => [r.id, r.total])).toEqual([
      ['decision-log', 30],
      ['design-challenge', 50],
      ['tinytorch-module', 100],
    ])
    const olympics = course.assessment.capstones.find((c) => c.id === 'ai-olympics')!
    expect(
      olympics.tracks.map((t) => [t.label, t.latencyP99.value, `${t.memory.value} ${t.memory.unit}`]),
    ).toEqual([
      ['Cloud', 10, '16 GB'],
      ['Edge', 50, '1 GB'],
      ['Mobile', 30, '256 MB'],
      ['Tiny', 100, '256 KB'],
    ])
    expect(course.assessment.designChallenges.filter((d) => d.offeringId === 'scale')).toHaveLength(4)
  })

  it('records every decision with its alternatives, under a unique id', () => {
    const decisions = decisionsIn(course)
    expect(decisions.length).toBeGreaterThanOrEqual(30)
    expect(new Set(decisions.map((d) => d.id)).size).toBe(decisions.length)
    for (const d of decisions) expect(d.alternatives.length).toBeGreaterThan(0)
    // The ones the issue names: week 6 of Scale, lab titles, the two capstone specs.
    const ids = decisions.map((d) => d.id)
    expect(ids).toEqual(
      expect.arrayContaining(['scale-week-6-lab', 'v1-01-title', 'v1-10-title', 'ai-olympics-tiny-budget']),
    )
  })

  it('keeps stale titles and old chapter directories as aliases', () => {
    expect(labById('v1_01_ai_triad').legacyTitles).toEqual(['The Magnitude Gap'])
    expect(labById('v2_03_network_fabric_design').legacyTitles).toEqual(['Communication at Scale'])
    const aliases = course.chapters.filter((c) => c.aliases?.length).map((c) => [c.id, c.aliases])
    expect(aliases).toEqual([
      ['nn_computation', ['dl_primer']],
      ['model_serving', ['serving']],
      ['ml_ops', ['ops']],
    ])
  })
})
