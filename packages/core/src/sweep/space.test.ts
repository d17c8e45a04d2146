import { boards, chips, getHardware } from '@mlsysim/hardware'
import { describe, expect, it } from 'vitest'
import { planSweep } from './plan.js'
import {
  loadSweepSpace,
  parseSweepSpace,
  SweepSpaceError,
  type SweepSpaceInput,
  sweepableSolverIds,
  sweepSpaceJsonSchema,
} from './space.js'

const YAML_SPACE = `
name: cloud serving sweep
solver: single-node
fixed:
  workload: Llama3_8B
axes:
  hardware: { catalog: { tier: cloud } }
  precision: [fp16, fp8]
  batchSize: { from: 1, to: 256, factor: 2, scale: log }
derived:
  samplesPerJoule: batchSize / energy
constraints:
  - feasible
  - latency <= 200 ms
  - memoryUtilization <= 0.9
objectives:
  - minimize: latency
  - maximize: throughput
keep:
  topK: 5
  pareto: true
  histograms:
    - { of: hardware }
    - { of: latency, bins: 20, range: [1 ms, 1 s], scale: log }
  heatmaps:
    - { x: batchSize, y: precision, metric: mfu }
`

/** The issues of a space that must not plan, as "path: message" lines. */
function issuesOf(space: unknown): string[] {
  try {
    planSweep(space as SweepSpaceInput)
  } catch (error) {
    if (error instanceof SweepSpaceError) return error.issues.map((i) => `${i.path}: ${i.message}`)
    throw error
  }
  throw new Error('the space planned')
}

const base = { solver: 'single-node', fixed: { workload: 'Llama3_8B' } }

describe('loading spaces', () => {
  it('reads YAML and the same space as JSON, with defaults', () => {
    const yaml = loadSweepSpace(YAML_SPACE)
    expect(yaml.axes.batchSize).toEqual({ from: 1, to: 256, factor: 2, scale: 'log', integer: false })
    expect(yaml.fidelity).toBe('default')
    expect(yaml.keep.table).toBe(false)
    const json = loadSweepSpace(JSON.stringify(yaml), { format: 'json' })
    expect(json).toEqual(yaml)
  })

  it('plans the YAML space against the real catalog', () => {
    const plan = planSweep(loadSweepSpace(YAML_SPACE))
    const cloud = chips.list((c) => c.tier === 'cloud').map((c) => c.id)
    expect(plan.axes.map((a) => [a.key, a.kind, a.size])).toEqual([
      ['hardware', 'categorical', cloud.length],
      ['precision', 'categorical', 2],
      ['batchSize', 'numeric', 9], // 1, 2, 4, …, 256
    ])
    expect(plan.axes[0]!.labels).toEqual(cloud)
    expect([...plan.axes[2]!.numbers!]).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256])
    expect(plan.total).toBe(cloud.length * 2 * 9)
    expect(plan.runLength).toBe(9)
    expect(plan.combinations.count).toBe(cloud.length * 2)
    expect(plan.keep.pareto).toEqual([0, 1])
    // The hardware's numbers vary per combination; the workload's fixed numbers are constants.
    expect(plan.combinations.inputs).toContain('peak')
    expect(plan.constants.inputs).toContain('layers')
  })

  it('expands ranges by step, factor and count, with exact endpoints and clean decimals', () => {
    const plan = planSweep({
      ...base,
      fixed: { ...base.fixed, hardware: 'H100' },
      axes: {
        efficiency: { from: 0.1, to: 0.5, step: 0.1 },
        seqLen: { from: 128, to: 8192, count: 7, scale: 'log' },
        batchSize: { from: 1, to: 100, count: 5, scale: 'log', integer: true },
      },
    })
    expect([...plan.axes[0]!.numbers!]).toEqual([0.1, 0.2, 0.3, 0.4, 0.5])
    expect([...plan.axes[1]!.numbers!]).toEqual([128, 256, 512, 1024, 2048, 4096, 8192])
    // 10^(0, 0.5, 1, 1.5, 2) = 1, 3.16…, 10, 31.6…, 100 → rounded 1, 3, 10, 32, 100.
    expect([...plan.axes[2]!.numbers!]).toEqual([1, 3, 10, 32, 100])
  })

  it('reports YAML and JSON syntax errors', () => {
    expect(() => loadSweepSpace('solver: [unclosed', { source: 'space.yaml' })).toThrow(
      /space\.yaml: not valid YAML/,
    )
    expect(() => loadSweepSpace('{"solver": ', { source: 'space.json' })).toThrow(
      /space\.json: not valid JSON/,
    )
    // A problem of the whole file has no path to show.
    expect(() => loadSweepSpace('solver: [unclosed', { source: 'space.yaml' })).toThrow(
      /^invalid sweep space: space\.yaml: not valid YAML/,
    )
  })
})

describe('invalid spaces name the path and what is allowed', () => {
  it('an unknown solver, with suggestions', () => {
    expect(issuesOf({ solver: 'single-nod' })).toEqual([
      expect.stringMatching(
        /^solver: unknown solver 'single-nod'; did you mean single-node.*; solvers are single-node, /,
      ),
    ])
  })

  it('a procedure solver, explaining why', () => {
    expect(issuesOf({ solver: 'batching' })).toEqual([
      expect.stringMatching(/^solver: 'batching' is a procedure solver .* no expression graph to sweep/),
    ])
  })

  it('an unknown axis lists the solver input keys', () => {
    expect(issuesOf({ ...base, axes: { batch: [1, 2] } })).toEqual([
      "axes.batch: single-node has no input 'batch'; did you mean batchSize?; its inputs are workload, hardware, batchSize, precision, efficiency, isTraining, seqLen, zeroStage, dpSize, isLora, activationRecomputation",
    ])
  })

  it('an unknown fixed input, and an input both fixed and swept', () => {
    expect(
      issuesOf({
        ...base,
        fixed: { workload: 'Llama3_8B', hardwares: 'H100' },
        axes: { workload: ['GPT3'] },
      }),
    ).toEqual([
      expect.stringMatching(
        /^fixed\.hardwares: single-node has no input 'hardwares'; did you mean hardware\?/,
      ),
      "axes.workload: 'workload' is also in fixed; an input is either fixed or an axis",
    ])
  })

  it('an unknown output lists the model outputs', () => {
    const issues = issuesOf({
      ...base,
      fixed: { ...base.fixed, hardware: 'H100' },
      constraints: ['ttft <= 0.2'],
    })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(
      /^constraints\[0\]: unknown name 'ttft' in 'ttft <= 0\.2'; single-node's model outputs are latency, latencyCompute, latencyMemory, latencyOverhead, throughput, memoryBound, /,
    )
    expect(issues[0]).toMatch(/; its model inputs are batchSize, efficiency, /)
  })

  it('a constraint that is not true/false, an objective that is, and a typo with a suggestion', () => {
    expect(
      issuesOf({
        ...base,
        fixed: { ...base.fixed, hardware: 'H100' },
        constraints: ['latency'],
        objectives: [{ minimize: 'feasible' }, { maximize: 'throughtput' }],
      }),
    ).toEqual([
      "constraints[0]: 'latency' is a number; a constraint must be true/false (compare it: 'latency <= …')",
      "objectives[0].minimize: 'feasible' is true/false; an objective needs a number",
      expect.stringMatching(
        /^objectives\[1\]\.maximize: unknown name 'throughtput' in 'throughtput'; did you mean throughput\?/,
      ),
    ])
  })

  it('a constraint mixing dimensions', () => {
    expect(
      issuesOf({ ...base, fixed: { ...base.fixed, hardware: 'H100' }, constraints: ['latency <= 80 GB'] }),
    ).toEqual([
      expect.stringMatching(/^constraints\[0\]: '<=' mixes a duration \(seconds\) with a size in bytes/),
    ])
  })

  it('bad ranges', () => {
    expect(issuesOf({ ...base, axes: { batchSize: { from: 1, to: 8, step: 1, count: 3 } } })).toEqual([
      'axes.batchSize: a range needs exactly one of step (linear), factor (log) or count (either scale); got step, count',
    ])
    expect(issuesOf({ ...base, axes: { batchSize: { from: 1, to: 8, step: 2, scale: 'log' } } })).toEqual([
      'axes.batchSize.step: a log range steps by a factor: write factor (e.g. 2) instead of step',
    ])
    expect(issuesOf({ ...base, axes: { batchSize: { from: 8, to: 1, step: 1 } } })).toEqual([
      'axes.batchSize: to (1) is below from (8); a range runs upward',
    ])
    expect(issuesOf({ ...base, axes: { batchSize: { from: 1, to: 8, setp: 1 } } })).toEqual([
      "axes.batchSize: unknown key 'setp'; did you mean step?; allowed: from, to, step, count, factor, scale, integer",
      'axes.batchSize: a range needs exactly one of step (linear), factor (log) or count (either scale); got none',
    ])
    expect(issuesOf({ ...base, axes: { batchSize: [], precision: { values: [] } } })).toEqual([
      'axes.batchSize: an axis needs at least one value (hold an input at one value under fixed)',
      'axes.precision.values: an axis needs at least one value (hold an input at one value under fixed)',
    ])
    expect(issuesOf({ ...base, axes: { batchSize: 8 } })).toEqual([
      expect.stringMatching(/^axes\.batchSize: must be a list of values, \{ values: \[\.\.\.\] \}, a range/),
    ])
  })

  it('values the solver input rejects, by position', () => {
    expect(
      issuesOf({
        ...base,
        fixed: { ...base.fixed, hardware: 'H100' },
        axes: { batchSize: [1, 0, 2.5], precision: ['fp16', 'fp7'] },
      }),
    ).toEqual([
      'axes.batchSize[1]: must be a whole number ≥ 1 (got 0)',
      'axes.batchSize[2]: must be a whole number ≥ 1 (got 2.5)',
      expect.stringMatching(/^axes\.precision\[1\]: .*fp32.*bf16.*fp16.*fp8.*int8.* \(got "fp7"\)$/),
    ])
    expect(
      issuesOf({
        ...base,
        fixed: { ...base.fixed, hardware: 'H100' },
        axes: { batchSize: { from: 1, to: 10, count: 4, scale: 'log' } },
      }),
    ).toEqual([
      'axes.batchSize[1]: must be a whole number ≥ 1 (got 2.15443469003188) (add integer: true to the range for whole numbers)',
      'axes.batchSize[2]: must be a whole number ≥ 1 (got 4.64158883361278) (add integer: true to the range for whole numbers)',
    ])
  })

  it('fixed values the solver input rejects, and inputs given nowhere', () => {
    expect(
      issuesOf({ ...base, fixed: { ...base.fixed, hardware: 'H100', efficiency: 1.5, precision: 'fp9' } }),
    ).toEqual([
      expect.stringMatching(/^fixed\.efficiency: must be a number .*≤ 1.* \(got 1\.5\)$/),
      expect.stringMatching(/^fixed\.precision: .*fp32.*fp16.* \(got "fp9"\)$/),
    ])
    expect(issuesOf({ solver: 'single-node', axes: { batchSize: [1, 2] } })).toEqual([
      "fixed: single-node needs 'workload' and 'hardware': give each a value under fixed, or sweep it as an axis",
    ])
    expect(issuesOf({ solver: 'serving', fixed: { workload: 'Llama3_8B', hardware: 'H100' } })).toEqual([
      "fixed: serving needs 'seqLen': give it a value under fixed, or sweep it as an axis",
    ])
  })

  it('range endpoints in units the input does not take', () => {
    expect(
      issuesOf({
        ...base,
        fixed: { ...base.fixed, hardware: 'H100' },
        axes: { batchSize: { from: '1 ms', to: 10, step: 1 } },
      }),
    ).toEqual([
      'axes.batchSize.from: must be a whole number ≥ 1 (got "1 ms"): "1 ms" is a duration (seconds)',
    ])
    const serving = { solver: 'serving', fixed: { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048 } }
    expect(
      issuesOf({ ...serving, axes: { networkBandwidth: { from: '1 ms', to: '10 ms', count: 3 } } }),
    ).toEqual([
      expect.stringMatching(/^axes\.networkBandwidth\.from: .*not a bandwidth.*"1 ms" is a duration/),
      expect.stringMatching(/^axes\.networkBandwidth\.to: .*not a bandwidth.*"10 ms" is a duration/),
    ])
    // Units the input takes plan as before.
    const plan = planSweep({
      ...serving,
      axes: { networkBandwidth: { from: '10 GB/s', to: '40 GB/s', count: 4 } },
    })
    expect([...plan.axes[0]!.numbers!]).toEqual([1e10, 2e10, 3e10, 4e10])
  })

  it('a range whose every value is rejected: three reasons, then a count', () => {
    expect(
      issuesOf({
        ...base,
        fixed: { ...base.fixed, hardware: 'H100' },
        axes: { batchSize: { from: 0.5, to: 9.5, step: 1 } },
      }),
    ).toEqual([
      'axes.batchSize[0]: must be a whole number ≥ 1 (got 0.5) (add integer: true to the range for whole numbers)',
      'axes.batchSize[1]: must be a whole number ≥ 1 (got 1.5) (add integer: true to the range for whole numbers)',
      'axes.batchSize[2]: must be a whole number ≥ 1 (got 2.5) (add integer: true to the range for whole numbers)',
      'axes.batchSize: 7 more of its 10 values are rejected too',
    ])
  })

  it('repeated list values', () => {
    expect(issuesOf({ ...base, axes: { precision: ['fp16', 'fp8', 'fp16'] } })).toEqual([
      "axes.precision[2]: 'fp16' repeats value [0]",
    ])
  })

  it('catalog selections: unknown filter fields list the allowed ones, bad values list the allowed values', () => {
    expect(issuesOf({ ...base, axes: { hardware: { catalog: { tier: 'cloud', family: 'gpu' } } } })).toEqual([
      "axes.hardware.catalog: unknown filter field 'family'; hardware filters are kind, tier, vendor, yearFrom, yearTo, memoryMin, memoryMax",
    ])
    expect(issuesOf({ ...base, axes: { hardware: { catalog: { tier: 'clouds' } } } })).toEqual([
      expect.stringMatching(
        /^axes\.hardware\.catalog\.tier: .*"cloud".*"edge".*"mobile".*"workstation".*"tiny"/,
      ),
    ])
    expect(issuesOf({ ...base, axes: { batchSize: { catalog: 'all' } } })).toEqual([
      "axes.batchSize.catalog: 'batchSize' is not a catalog input; catalog selections work on hardware, workload, fleet, grid, datacenter",
    ])
    expect(issuesOf({ ...base, axes: { hardware: { ids: ['H100', 'A10O'] } } })).toEqual([
      expect.stringMatching(/^axes\.hardware\.ids\[1\]: unknown hardware 'A10O'; did you mean A100/),
    ])
    expect(issuesOf({ ...base, axes: { hardware: { catalog: { tier: 'cloud', yearFrom: 2100 } } } })).toEqual(
      [
        expect.stringMatching(
          /^axes\.hardware\.catalog: no hardware entry matches \{"tier":"cloud","yearFrom":2100\}/,
        ),
      ],
    )
  })

  it('hardware selections reach the boards and kits: kind: board, and ids', () => {
    const tinyChips = chips.list((c) => c.tier === 'tiny').map((c) => c.id)
    const tinyBoards = boards.list((b) => b.tier === 'tiny').map((b) => b.id)
    expect(tinyBoards.length).toBeGreaterThan(0)
    const labels = (hardware: unknown) =>
      planSweep({ ...base, fixed: { workload: 'DS_CNN' }, axes: { hardware } as never }).axes[0]!.labels
    // Chips only unless asked; boards after chips, in catalog order.
    expect(labels({ catalog: { tier: 'tiny' } })).toEqual(tinyChips)
    expect(labels({ catalog: { tier: 'tiny', kind: 'board' } })).toEqual(tinyBoards)
    expect(labels({ catalog: { tier: 'tiny', kind: ['chip', 'board'] } })).toEqual([
      ...tinyChips,
      ...tinyBoards,
    ])
    // Memory bounds read a board's own memory (a XIAO ESP32S3 Sense mounts 8 MB of PSRAM on a 4 MB-class chip).
    const xiao = getHardware('XIAO_ESP32S3_Sense').memory.capacity
    expect(labels({ catalog: { kind: 'board', memoryMin: xiao, memoryMax: xiao } })).toContain(
      'XIAO_ESP32S3_Sense',
    )
    // ids and exclude resolve board ids and aliases too.
    expect(labels({ ids: ['ESP32_S3', 'RaspberryPi5'] })).toEqual(['ESP32_S3', 'RaspberryPi5'])
    expect(labels({ catalog: { tier: 'tiny', kind: 'board' }, exclude: [tinyBoards[0]!] })).toEqual(
      tinyBoards.slice(1),
    )
    expect(issuesOf({ ...base, axes: { hardware: { catalog: { kind: 'kit' } } } })).toEqual([
      expect.stringMatching(/^axes\.hardware\.catalog\.kind: .*"chip".*"board"/),
    ])
  })

  it('a categorical product beyond the limit', () => {
    let issues: readonly { path: string; message: string }[] | undefined
    try {
      planSweep(
        {
          ...base,
          fixed: {},
          axes: {
            hardware: { catalog: 'all' },
            workload: { catalog: 'all' },
            precision: ['fp16', 'fp8', 'int8', 'fp32'],
          },
        },
        { maxCombinations: 1000 },
      )
    } catch (error) {
      issues = (error as SweepSpaceError).issues
    }
    expect(issues?.[0]?.path).toBe('axes')
    expect(issues?.[0]?.message).toMatch(
      /^the categorical axes hardware \(\d+\) × workload \(\d+\) × precision \(4\) make [\d,]+ combinations, each bound once by the solver; the limit is 1,000\. .*sweep numeric inputs \(batchSize, efficiency, seqLen, zeroStage, dpSize\) as ranges/,
    )
  })

  it('what to keep: Pareto needs 2–3 objectives, metric bins need a range, heatmap sides must be axes', () => {
    expect(
      issuesOf({
        ...base,
        fixed: { ...base.fixed, hardware: 'H100' },
        axes: { batchSize: [1, 2] },
        objectives: [{ minimize: 'latency' }],
        keep: {
          pareto: true,
          histograms: [{ of: 'latency', bins: 10 }],
          heatmaps: [{ x: 'latency', y: 'batchSize' }],
        },
      }),
    ).toEqual([
      'keep.pareto: a Pareto front needs 2 or 3 objectives; the space has 1 (latency)',
      "keep.histograms[0].range: bins over the metric 'latency' need a range [low, high]: bins are fixed before the sweep so that shards merge exactly",
      "keep.heatmaps[0].x: 'latency' is not an axis (axes are batchSize); to bin a metric write { of: latency, bins: 20, range: [low, high] }",
    ])
  })

  it('structural problems elsewhere in the file', () => {
    expect(() =>
      parseSweepSpace({ solver: 'single-node', objectives: [{ minimise: 'latency' }], keep: { topk: 3 } }),
    ).toThrow(SweepSpaceError)
    try {
      parseSweepSpace({ solver: 'single-node', objectives: [{ minimise: 'latency' }], keep: { topk: 3 } })
    } catch (error) {
      const paths = (error as SweepSpaceError).issues.map((i) => i.path)
      expect(paths).toEqual(['objectives[0]', 'keep'])
      expect((error as SweepSpaceError).issues[0]!.message).toBe(
        'must be { minimize: <expression> } or { maximize: <expression> }, with an optional name',
      )
    }
    expect(() => parseSweepSpace([])).toThrow(/a sweep space must be an object/)
    // Misspelt keys get the nearest key and the allowed ones.
    expect(
      issuesOf({
        solver: 'single-node',
        constraint: ['feasible'],
        keep: { topk: 3, histograms: [{ of: 'latency', bin: 3 }], table: { column: ['latency'] } },
      }),
    ).toEqual([
      "keep.histograms[0]: unknown key 'bin'; did you mean bins?; allowed: of, bins, range, scale, where",
      "keep.table: unknown key 'column'; did you mean columns?; allowed: columns, where",
      "keep: unknown key 'topk'; did you mean topK?; allowed: topK, pareto, histograms, heatmaps, table",
      ": unknown key 'constraint'; did you mean constraints?; allowed: $schema, name, description, solver, fidelity, fixed, axes, derived, constraints, objectives, keep",
    ])
  })

  it('wrong types, bounds and options say what is allowed and what was given', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ keep: { pareto: ['latency'] } }, 'keep.pareto: must list at least 2 items (got a list of 1)'],
      [{ keep: { topK: -1 } }, 'keep.topK: must be ≥ 0 (got -1)'],
      [{ keep: { topK: 'ten' } }, "keep.topK: must be a number (got 'ten')"],
      [
        { keep: { histograms: [{ of: 'latency', bins: 0 }] } },
        'keep.histograms[0].bins: must be ≥ 1 (got 0)',
      ],
      [{ solver: 5 }, 'solver: must be a string (got 5)'],
      [{ fidelity: 'orig' }, 'fidelity: must be one of "default", "mlsysim-0.1.2" (got \'orig\')'],
      [{ axes: { batchSize: { from: 1, to: 8, count: 0 } } }, 'axes.batchSize.count: must be ≥ 1 (got 0)'],
    ]
    for (const [change, message] of cases) {
      expect(issuesOf({ solver: 'single-node', ...change })).toEqual([message])
    }
  })
})

describe('JSON Schema', () => {
  it('exports the space schema, restricted to a solver’s inputs when asked', () => {
    const schema = sweepSpaceJsonSchema({
      solver: 'single-node',
      inputKeys: ['workload', 'hardware', 'batchSize'],
    })
    const properties = schema.properties as Record<string, Record<string, unknown>>
    expect(schema.title).toBe('MLSys·im sweep space (single-node)')
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining(['solver', 'fixed', 'axes', 'derived', 'constraints', 'objectives', 'keep']),
    )
    expect(properties.axes!.propertyNames).toEqual({ enum: ['workload', 'hardware', 'batchSize'] })
    expect(properties.solver!.const).toBe('single-node')
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
  })

  it('lists the sweepable solvers for editors to complete, and leaves out the searches', () => {
    const solver = (sweepSpaceJsonSchema().properties as Record<string, { enum?: string[] }>).solver!
    expect(solver.enum).toEqual(sweepableSolverIds())
    expect(solver.enum).toEqual(
      expect.arrayContaining(['single-node', 'serving', 'distributed', 'economics']),
    )
    for (const search of ['sensitivity', 'batching', 'serving-capacity', 'parallelism', 'placement']) {
      expect(solver.enum).not.toContain(search)
    }
  })
})
