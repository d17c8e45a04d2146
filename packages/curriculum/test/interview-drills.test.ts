// StaffML interview drills: schema and §3.8 check 15 on passing and broken drills.
import { describe, expect, it } from 'vitest'
import { type InterviewDrill, LEVEL_BLOOM, validateCourse, ZONE_BLOOM_AFFINITY } from '../src/index.js'
import { cloneCourse, expectIssue, issuesOf } from './helpers.js'

const drill: InterviewDrill = {
  schemaVersion: '1.0',
  id: 'cloud-0042',
  track: 'cloud',
  level: 'L4',
  zone: 'diagnosis',
  topic: 'memory-bandwidth',
  competencyArea: 'memory',
  bloomLevel: 'analyze',
  phase: 'inference',
  title: 'Why does the H100 upgrade barely help decode',
  scenario: 'A team moved batch-1 Llama-3-8B decoding from A100 to H100 and saw a 1.6x gain, not 3x.',
  question: 'Which resource binds, and what would raise the gain?',
  details: {
    realisticSolution: 'Decode is memory-bound; the gain tracks HBM bandwidth. Batch more requests.',
  },
  status: 'published',
  provenance: 'human',
  expectedTimeMinutes: 10,
  chapterRefs: ['vol1/ml_systems'],
}

const taxonomy = { topics: ['memory-bandwidth', 'roofline'], source: 'interviews/vault/schema' }

describe('check 15: interview drills', () => {
  it('maps every level to one Bloom level and every zone admits at least one', () => {
    expect(Object.values(LEVEL_BLOOM)).toEqual([
      'remember',
      'understand',
      'apply',
      'analyze',
      'evaluate',
      'create',
    ])
    for (const allowed of Object.values(ZONE_BLOOM_AFFINITY)) expect(allowed.length).toBeGreaterThan(0)
  })

  it('passes a well-formed drill', () => {
    const result = validateCourse({ ...cloneCourse(), interviewDrills: [drill], interviewTaxonomy: taxonomy })
    expect(issuesOf(result, 'c15')).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('flags level ↔ Bloom, zone affinity, topic, markup and lengths', () => {
    const bad: InterviewDrill = {
      ...drill,
      id: 'edge-0001',
      bloomLevel: 'create',
      zone: 'recall',
      topic: 'memory bandwith',
      title: 'Why is **decode** slow',
      scenario: 'Decode is slow.',
      question: 'x'.repeat(201),
      chapterRefs: ['ml_system'],
    }
    const result = validateCourse({ ...cloneCourse(), interviewDrills: [bad], interviewTaxonomy: taxonomy })
    const entity = "interview drill 'edge-0001'"
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].id',
      value: 'edge-0001',
      says: "must start with its track 'cloud-'",
    })
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].bloomLevel',
      value: 'create',
      says: "level L4 maps to Bloom level 'analyze'",
    })
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].zone',
      value: 'recall',
      says: "zone 'recall' admits Bloom levels remember, understand, not 'create'",
    })
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].topic',
      value: 'memory bandwith',
      says: "is not on the vault's topic list",
    })
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].title',
      says: 'title must be plain text',
    })
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].scenario',
      says: 'scenario is 15 characters; at least 30',
    })
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].question',
      says: 'question is 201 characters; at most 200',
    })
    expectIssue(result, {
      check: 'c15',
      entity,
      path: 'interviewDrills[0].chapterRefs[0]',
      value: 'ml_system',
      says: 'unknown chapter',
    })
  })

  it('rejects an unknown competency area in the schema, naming the drill and the value', () => {
    const result = validateCourse({
      ...cloneCourse(),
      interviewDrills: [{ ...drill, competencyArea: 'storage' }],
    })
    expect(result.ok).toBe(false)
    const issue = result.issues.find((i) => i.path === 'interviewDrills[0].competencyArea')!
    expect(issue.check).toBe('schema')
    expect(issue.entity).toBe("interview drill 'cloud-0042'")
    expect(issue.message).toContain("(got 'storage')")
  })
})
