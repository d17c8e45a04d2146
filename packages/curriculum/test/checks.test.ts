// Every cross-reference check of §3.8 (and the extra ones) against the shipped course, which
// must pass, and against broken copies of it, which must fail with a message that names the
// entity, the field and the bad reference. Catalog and solver references resolve against the
// real @mlsysim/hardware, @mlsysim/workloads and @mlsysim/core.
import { describe, expect, it } from 'vitest'
import { CHECKS, type CourseData, course, type Lab, validateCourse } from '../src/index.js'
import { cloneCourse, expectIssue, issuesOf } from './helpers.js'

const shipped = validateCourse(course)

function broken(mutate: (c: CourseData) => void, extra: Partial<CourseData> = {}) {
  const copy = cloneCourse()
  mutate(copy)
  return validateCourse({ ...copy, ...extra })
}

const lab = (c: CourseData, id: string): Lab => c.labs.find((l) => l.id === id)!
const labIndex = (id: string) => course.labs.findIndex((l) => l.id === id)
const offering = (c: CourseData, id: string) => c.offerings.find((o) => o.id === id)!

describe('the shipped course', () => {
  it('passes every check with no issue, references resolved against the real packages', () => {
    expect(shipped.issues.map((i) => i.message)).toEqual([])
    expect(shipped.ok).toBe(true)
    expect(shipped.checks.map((c) => [c.id, c.status])).toEqual([
      ['schema', 'passed'],
      ...CHECKS.map((c) => [c.id, 'passed']),
    ])
  })

  it('numbers the seventeen §3.8 checks 1–17 in order', () => {
    expect(CHECKS.filter((c) => c.number).map((c) => c.number)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    )
  })
})

describe('check 1: weeks read the volume’s chapters once, in book order', () => {
  it('flags a chapter read twice', () => {
    const result = broken((c) => {
      offering(c, 'foundations').weeks[4]!.chapterIds = ['ml_workflow']
    })
    expectIssue(result, {
      check: 'c01',
      entity: "offering 'foundations' week 5",
      path: 'offerings[0].weeks[4].chapterIds[0]',
      value: 'ml_workflow',
      says: 'is already read in week 3',
    })
    // Chapter 5 is then never read, which a full-coverage offering does not allow.
    expectIssue(result, {
      check: 'c01',
      entity: "offering 'foundations'",
      path: 'offerings[0].weeks',
      value: 'nn_computation',
      says: "chapter 5 'nn_computation' is never read, but coverage is 'all'",
    })
  })

  it('flags a chapter of the other volume', () => {
    const result = broken((c) => {
      offering(c, 'foundations').weeks[0]!.chapterIds = ['compute_infrastructure']
    })
    expectIssue(result, {
      check: 'c01',
      entity: "offering 'foundations' week 1",
      path: 'offerings[0].weeks[0].chapterIds[0]',
      value: 'compute_infrastructure',
      says: 'belongs to vol2',
    })
  })
})

describe('check 2: week labs exist, match the volume and follow the lab lag', () => {
  it('flags the course map’s week-6 mismatch: the fault-tolerance lab in the collective-communication week', () => {
    const result = broken((c) => {
      offering(c, 'scale').weeks[5]!.labIds = ['lab_06_fault_tolerance']
    })
    expectIssue(result, {
      check: 'c02',
      entity: "offering 'scale' week 6",
      path: 'offerings[1].weeks[5].labIds[0]',
      value: 'lab_06_fault_tolerance',
      says: "lab 'v2_07_failure_budget_engineering' (linked as 'lab_06_fault_tolerance') is the lab of chapter 7 'fault_tolerance', read in week 7; with labLagWeeks 0 it belongs in week 7, not week 6",
    })
    expectIssue(result, {
      check: 'c02',
      severity: 'warning',
      entity: "offering 'scale' week 6",
      path: 'offerings[1].weeks[5].labIds[0]',
      value: 'lab_06_fault_tolerance',
      says: 'links the old file',
    })
  })

  it('flags an unknown lab with the nearest ids', () => {
    const result = broken((c) => {
      offering(c, 'foundations').weeks[2]!.labIds = ['v1_02_physics_of_deploymnt']
    })
    expectIssue(result, {
      check: 'c02',
      entity: "offering 'foundations' week 3",
      path: 'offerings[0].weeks[2].labIds[0]',
      value: 'v1_02_physics_of_deploymnt',
      says: 'did you mean v1_02_physics_of_deployment',
    })
  })
})

describe('check 3: a lab sits on its chapter', () => {
  it('flags an unknown chapter', () => {
    const result = broken((c) => {
      lab(c, 'v1_06_architecture_tax').chapterId = 'nn_architecture'
    })
    expectIssue(result, {
      check: 'c03',
      entity: "lab 'v1_06_architecture_tax'",
      path: `labs[${labIndex('v1_06_architecture_tax')}].chapterId`,
      value: 'nn_architecture',
      says: 'did you mean nn_architectures',
    })
  })

  it('flags a lab number that is not its chapter’s', () => {
    const result = broken((c) => {
      lab(c, 'v2_07_failure_budget_engineering').chapterId = 'collective_communication'
    })
    expectIssue(result, {
      check: 'c03',
      entity: "lab 'v2_07_failure_budget_engineering'",
      path: `labs[${labIndex('v2_07_failure_budget_engineering')}].number`,
      value: 7,
      says: "sits on chapter 6 'collective_communication'",
    })
  })
})

describe('check 4: printed lab titles match the catalog', () => {
  const page = (title: string, labRef: string) => ({
    pages: [
      {
        id: 'syllabus',
        title: 'Syllabus',
        path: 'syllabus.qmd',
        labMentions: [{ volumeId: 'vol1', labRef, title }],
      },
    ],
  })

  it('accepts the title and the alternative titles', () => {
    const ok = broken(() => {}, page('Lab 02: The Iron Law', 'lab_02_ml_systems'))
    expect(issuesOf(ok, 'c04')).toEqual([])
  })

  it('flags a title that belongs to another lab', () => {
    const result = broken(() => {}, page('Lab 10: The Roofline Model', 'lab_10_model_compress'))
    expect(issuesOf(result, 'c04')).toHaveLength(1)
    expectIssue(result, {
      check: 'c04',
      entity: "page 'syllabus'",
      path: 'pages[0].labMentions[0].title',
      value: 'Lab 10: The Roofline Model',
      says: "for lab 'v1_10_compression_paradox' (V1-10); its title is 'Compression Paradox'",
    })
  })
})

describe('check 5: solvers resolve and walls are covered', () => {
  it('flags a misspelt solver and the wall it leaves uncovered', () => {
    const i = labIndex('v1_13_tail_latency_trap')
    const result = broken((c) => {
      lab(c, 'v1_13_tail_latency_trap').solverRefs[2] = 'tail-latancy'
    })
    expectIssue(result, {
      check: 'c05',
      entity: "lab 'v1_13_tail_latency_trap'",
      path: `labs[${i}].solverRefs[2]`,
      value: 'tail-latancy',
      says: 'is not a solver of @mlsysim/core; did you mean tail-latency',
    })
    expectIssue(result, {
      check: 'c05',
      entity: "lab 'v1_13_tail_latency_trap'",
      path: `labs[${i}].walls[2]`,
      value: 7,
      says: "claims wall 7 (Tail Latency) but not its resolver 'tail-latency'",
    })
  })

  it('flags a wall whose resolver does not resolve it in the core', () => {
    const result = broken((c) => {
      c.walls[6]!.resolver = 'serving'
    })
    expectIssue(result, {
      check: 'c05',
      entity: 'wall 7 (Tail Latency)',
      path: 'walls[6].resolver',
      value: 'serving',
      says: "solver 'serving' resolves walls 4, not wall 7",
    })
  })
})

describe('check 6: controls bind to real solver inputs', () => {
  const i = labIndex('v1_02_physics_of_deployment')

  it('flags an input the solver does not have', () => {
    const result = broken((c) => {
      lab(c, 'v1_02_physics_of_deployment').parts[0]!.controls![1]!.paramRef!.input = 'batch_size'
    })
    expectIssue(result, {
      check: 'c06',
      entity: "lab 'v1_02_physics_of_deployment'",
      path: `labs[${i}].parts[0].controls[1].paramRef.input`,
      value: 'batch_size',
      says: "solver 'single-node' has no input 'batch_size'; did you mean batchSize",
    })
  })

  it('flags a default outside [min, max], a missing unit and a fourth primary control', () => {
    const result = broken((c) => {
      const part = lab(c, 'v1_02_physics_of_deployment').parts[1]!
      part.controls![0]!.default = 6000
      delete part.controls![0]!.unit
      part.controls!.push(
        { id: 'extra-1', kind: 'switch', label: 'Extra', default: true, variableRef: 'd' },
        { id: 'extra-2', kind: 'switch', label: 'Extra', default: true, variableRef: 'd' },
      )
    })
    const base = `labs[${i}].parts[1].controls`
    expectIssue(result, {
      check: 'c06',
      entity: "lab 'v1_02_physics_of_deployment'",
      path: `${base}[0].default`,
      value: 6000,
      says: "default 6000 of control 'distance' is above max 5000",
    })
    expectIssue(result, {
      check: 'c06',
      entity: "lab 'v1_02_physics_of_deployment'",
      path: `${base}[0].unit`,
      says: "slider control 'distance' needs a unit",
    })
    expectIssue(result, {
      check: 'c06',
      entity: "lab 'v1_02_physics_of_deployment'",
      path: base,
      value: 4,
      says: 'part B shows 4 primary controls (distance, sla, extra-1, extra-2); at most 3',
    })
  })

  it('flags a catalog id offered to a hardware input that the catalog lacks', () => {
    const result = broken((c) => {
      lab(c, 'v1_02_physics_of_deployment').parts[0]!.controls![0]!.options![0]!.value = 'A1000'
    })
    expectIssue(result, {
      check: 'c06',
      entity: "lab 'v1_02_physics_of_deployment'",
      path: `labs[${i}].parts[0].controls[0].options[0].value`,
      value: 'A1000',
      says: 'is not in the hardware catalog; did you mean',
    })
  })
})

describe('check 7: predictions have a correct answer', () => {
  it('flags a correct option that is not an option', () => {
    const i = labIndex('v1_02_physics_of_deployment')
    const result = broken((c) => {
      const p = lab(c, 'v1_02_physics_of_deployment').parts[1]!.prediction!
      if (p.kind === 'choice') p.correctOptionId = 'no-lite'
    })
    expectIssue(result, {
      check: 'c07',
      entity: "lab 'v1_02_physics_of_deployment'",
      path: `labs[${i}].parts[1].prediction.correctOptionId`,
      value: 'no-lite',
      says: "part B's correct option 'no-lite' is not one of 'yes-faster-network', 'yes-smaller-model', 'no-light'",
    })
  })

  it('flags a computed answer read from an output the solver does not have', () => {
    const i = labIndex('v2_10_inference_economy')
    const result = broken((c) => {
      const p = lab(c, 'v2_10_inference_economy').parts[1]!.prediction!
      if (p.kind === 'numeric') p.compute!.run.output = 'kvCacheSize'
    })
    expectIssue(result, {
      check: 'c07',
      entity: "lab 'v2_10_inference_economy'",
      path: `labs[${i}].parts[1].prediction.compute.run.output`,
      value: 'kvCacheSize',
      says: "solver 'serving' has no output 'kvCacheSize'; did you mean kvCacheBytes",
    })
  })

  it('flags a numeric prediction with neither value nor compute', () => {
    const i = labIndex('v1_10_compression_paradox')
    const result = broken((c) => {
      const p = lab(c, 'v1_10_compression_paradox').parts[1]!.prediction!
      if (p.kind === 'numeric') delete p.compute
    })
    expectIssue(result, {
      check: 'c07',
      entity: "lab 'v1_10_compression_paradox'",
      path: `labs[${i}].parts[1].prediction`,
      says: "part B's numeric prediction has no correct value",
    })
  })
})

describe('check 8: instruments are introduced before use', () => {
  it('flags the Pareto frontier in V1-03, seven labs before V1-10 introduces it', () => {
    const i = labIndex('v1_03_constraint_tax')
    const result = broken((c) => {
      lab(c, 'v1_03_constraint_tax').parts[0]!.evidence[0]!.instrumentId = 'pareto'
    })
    expectIssue(result, {
      check: 'c08',
      entity: "lab 'v1_03_constraint_tax'",
      path: `labs[${i}].parts[0].evidence[0].instrumentId`,
      value: 'pareto',
      says: "part A uses 'pareto' before it is introduced: V1-03 comes before V1-10 ('v1_10_compression_paradox')",
    })
  })
})

describe('check 9: ledger keys come from earlier labs or defaults', () => {
  it('flags a key the producing lab does not write', () => {
    const i = labIndex('v1_02_physics_of_deployment')
    const result = broken((c) => {
      lab(c, 'v1_02_physics_of_deployment').ledger.consumes[0]!.key = 'bottleneck_at_batch_one'
    })
    expectIssue(result, {
      check: 'c09',
      entity: "lab 'v1_02_physics_of_deployment'",
      path: `labs[${i}].ledger.consumes[0].key`,
      value: 'bottleneck_at_batch_one',
      says: "from lab 'v1_01_ai_triad', which does not produce it (it produces 'bottleneck_at_batch1')",
    })
  })

  it('flags a key read from a later lab without a default', () => {
    const i = labIndex('v1_06_architecture_tax')
    const result = broken((c) => {
      lab(c, 'v1_06_architecture_tax').ledger.consumes.push({
        labId: 'v1_10_compression_paradox',
        key: 'chosen_precision',
      })
    })
    expectIssue(result, {
      check: 'c09',
      entity: "lab 'v1_06_architecture_tax'",
      path: `labs[${i}].ledger.consumes[1].labId`,
      value: 'v1_10_compression_paradox',
      says: 'which comes at or after V1-06',
    })
  })
})

describe('check 10: every lab has a resolvable variant per track', () => {
  const i = labIndex('v1_05_neural_computation')

  it('flags a variant hardware ref missing from the catalog', () => {
    const result = broken((c) => {
      lab(c, 'v1_05_neural_computation').tracks.robotaxi!.hardwareRef = 'RoboTaxii'
    })
    expectIssue(result, {
      check: 'c10',
      entity: "lab 'v1_05_neural_computation'",
      path: `labs[${i}].tracks.robotaxi.hardwareRef`,
      value: 'RoboTaxii',
      says: 'is not in the hardware catalog; did you mean RoboTaxi',
    })
  })

  it('flags a missing track and an unknown workload', () => {
    const result = broken((c) => {
      const l = lab(c, 'v1_05_neural_computation')
      delete l.tracks.oura_ring
      l.tracks.iphone!.modelRef = 'MobileNetV3'
    })
    expectIssue(result, {
      check: 'c10',
      entity: "lab 'v1_05_neural_computation'",
      path: `labs[${i}].tracks`,
      value: 'oura_ring',
      says: "has no variant for track 'oura_ring'",
    })
    expectIssue(result, {
      check: 'c10',
      entity: "lab 'v1_05_neural_computation'",
      path: `labs[${i}].tracks.iphone.modelRef`,
      value: 'MobileNetV3',
      says: 'is not in the workloads catalog; did you mean',
    })
  })
})

describe('check 11: parts, minutes and synthesis', () => {
  it('flags minutes that miss the duration and a synthesis citing one checkpoint', () => {
    const i = labIndex('v1_07_framework_tax')
    const result = broken((c) => {
      const l = lab(c, 'v1_07_framework_tax')
      l.parts[0]!.minutes = 30
      l.synthesis.citesCheckpoints = ['A']
    })
    expectIssue(result, {
      check: 'c11',
      entity: "lab 'v1_07_framework_tax'",
      path: `labs[${i}].durationMin`,
      value: 54,
      says: 'parts and synthesis take 72 min (30 + 12 + 12 + 12 + 6), more than 10% off durationMin 54',
    })
    expectIssue(result, {
      check: 'c11',
      entity: "lab 'v1_07_framework_tax'",
      path: `labs[${i}].synthesis.citesCheckpoints`,
      value: ['A'],
      says: 'the synthesis cites 1 part checkpoint(s); it must combine at least 2',
    })
  })
})

describe('check 12: TinyTorch order and milestones', () => {
  it('flags a module started before its prerequisite and a milestone reached too early', () => {
    const result = broken((c) => {
      const weeks = offering(c, 'foundations').weeks
      weeks[2]!.tinytorchModuleIds = ['03_layers']
      weeks[1]!.milestoneIds = ['1958-perceptron']
    })
    expectIssue(result, {
      check: 'c12',
      entity: "offering 'foundations' week 3",
      path: 'offerings[0].weeks[2].tinytorchModuleIds[0]',
      value: '03_layers',
      says: "module '03_layers' starts before its prerequisite '02_activations' has been scheduled",
    })
    expectIssue(result, {
      check: 'c12',
      entity: "offering 'foundations' week 2",
      path: 'offerings[0].weeks[1].milestoneIds[0]',
      value: '1958-perceptron',
      says: "milestone '1958-perceptron' needs 02_activations, 03_layers, not yet scheduled by week 2",
    })
  })
})

describe('check 13: kit activities, kits and kit hardware', () => {
  it('flags kit hardware missing from the catalog and a week that does not list its activity', () => {
    const result = broken((c) => {
      c.kits.find((k) => k.id === 'coral')!.hardwareRefs = ['CoralUSBAccelerater']
      c.kitActivities.find((a) => a.id === 'xiao-deploy-quantized-model')!.weekRefs = [
        { offeringId: 'foundations', week: 9 },
      ]
    })
    const k = course.kits.findIndex((x) => x.id === 'coral')
    const a = course.kitActivities.findIndex((x) => x.id === 'xiao-deploy-quantized-model')
    expectIssue(result, {
      check: 'c13',
      entity: "kit 'coral'",
      path: `kits[${k}].hardwareRefs[0]`,
      value: 'CoralUSBAccelerater',
      says: 'is not in the hardware catalog; did you mean',
    })
    expectIssue(result, {
      check: 'c13',
      entity: "kit activity 'xiao-deploy-quantized-model'",
      path: `kitActivities[${a}].weekRefs[0]`,
      says: "offering 'foundations' week 9 does not list this activity in kitActivityIds",
    })
    expectIssue(result, {
      check: 'c13',
      entity: "offering 'foundations' week 10",
      path: 'offerings[0].weeks[9].kitActivityIds[0]',
      value: 'xiao-deploy-quantized-model',
      says: 'does not list this week in its weekRefs',
    })
  })
})

describe('check 16: weights and rubric points add up', () => {
  it('flags grade weights of 95 and a 28-point Decision Log rubric', () => {
    const result = broken((c) => {
      offering(c, 'foundations').gradeBreakdown[0]!.weight = 30
      c.assessment.rubrics[0]!.criteria[0]!.levels[0]!.points = 8
    })
    expectIssue(result, {
      check: 'c16',
      entity: "offering 'foundations'",
      path: 'offerings[0].gradeBreakdown',
      value: 95,
      says: 'grade weights add up to 95 (TinyTorch 30 + Decision Logs 25 + Design Challenges 20 + Capstone 20), not 100',
    })
    expectIssue(result, {
      check: 'c16',
      entity: "rubric 'decision-log'",
      path: 'assessment.rubrics[0].criteria',
      value: 28,
      says: 'criteria maxima add up to 28',
    })
  })
})

describe('check 17: report fields derive from checkpoint fields', () => {
  it('flags a part that does not save its prediction', () => {
    const i = labIndex('v1_12_benchmarking_trap')
    const result = broken((c) => {
      const part = lab(c, 'v1_12_benchmarking_trap').parts[1]!
      part.checkpointFields = part.checkpointFields!.filter((f) => f !== 'prediction')
    })
    expectIssue(result, {
      check: 'c17',
      entity: "lab 'v1_12_benchmarking_trap'",
      path: `labs[${i}].parts[1].checkpointFields`,
      value: ['prediction'],
      says: 'part B does not save prediction, which the report section "Predictions" needs',
    })
  })
})

describe('extra checks', () => {
  it('structure: flags a duplicate lab id and an alias that names two tracks', () => {
    const result = broken((c) => {
      c.labs[5] = { ...c.labs[5]!, id: c.labs[4]!.id }
      c.tracks[0]!.aliases = [...(c.tracks[0]!.aliases ?? []), 'edge']
    })
    expectIssue(result, {
      check: 'structure',
      entity: `lab '${course.labs[4]!.id}'`,
      path: 'labs[5].id',
      value: course.labs[4]!.id,
      says: 'duplicate id (also labs[4])',
    })
    expectIssue(result, {
      check: 'structure',
      entity: "track 'robotaxi'",
      path: 'aliases',
      value: 'edge',
      says: "the name 'edge' already names track 'iphone'",
    })
  })

  it('full-spec: flags a fully specified part without a Math Peek', () => {
    const i = labIndex('v2_11_edge_thermodynamics')
    const result = broken((c) => {
      delete lab(c, 'v2_11_edge_thermodynamics').parts[2]!.mathPeek
    })
    expectIssue(result, {
      check: 'full-spec',
      entity: "lab 'v2_11_edge_thermodynamics'",
      path: `labs[${i}].parts[2].mathPeek`,
      says: 'part C of a fully specified lab needs mathPeek',
    })
  })

  it('due-items: flags a module notebook due before the module and a count that disagrees', () => {
    const result = broken((c) => {
      offering(c, 'foundations').weeks[1]!.due.push({ kind: 'module', refId: '03_layers' })
    })
    expectIssue(result, {
      check: 'due-items',
      entity: "offering 'foundations' week 2",
      path: 'offerings[0].weeks[1].due[2].refId',
      value: '03_layers',
      says: "module '03_layers' is due in week 2 but scheduled in week 5",
    })
    expectIssue(result, {
      check: 'due-items',
      entity: "offering 'foundations'",
      path: 'offerings[0].gradeBreakdown[0].count',
      value: 8,
      says: '"TinyTorch" counts 8 graded items, but the weeks make 9 module item(s) due',
    })
  })

  it('capstone-specs: flags a page printing another budget for a capstone track', () => {
    const result = broken(() => {}, {
      pages: [
        {
          id: 'syllabus',
          title: 'Syllabus',
          path: 'syllabus.qmd',
          labMentions: [],
          capstoneSpecs: [
            {
              capstoneId: 'ai-olympics',
              trackLabel: 'Tiny',
              name: 'Smart Doorbell',
              latencyP99: { value: 50, unit: 'ms' },
            },
          ],
        },
      ],
    })
    expectIssue(result, {
      check: 'capstone-specs',
      entity: "page 'syllabus'",
      path: 'pages[0].capstoneSpecs[0].latencyP99',
      value: { value: 50, unit: 'ms' },
      says: 'prints latencyP99 50 ms ("Smart Doorbell") for the Tiny track of \'ai-olympics\'; the assessment layer says 100 ms',
    })
  })
})

describe('check 1 with an offering’s own parts', () => {
  it('flags a week whose part is not the offering’s or runs backwards', () => {
    const result = broken((c) => {
      const weeks = offering(c, 'tinyml').weeks
      weeks[4]!.partNumeral = 'I'
      weeks[5]!.partNumeral = 'V'
    })
    expectIssue(result, {
      check: 'c01',
      entity: "offering 'tinyml' week 5",
      path: 'offerings[2].weeks[4].partNumeral',
      value: 'I',
      says: "part 'I' comes after part 'II'",
    })
    expectIssue(result, {
      check: 'c01',
      entity: "offering 'tinyml' week 6",
      path: 'offerings[2].weeks[5].partNumeral',
      value: 'V',
      says: "part 'V' is not one of the offering's parts I, II, III, IV",
    })
  })
})
