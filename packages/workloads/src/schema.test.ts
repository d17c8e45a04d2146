import { describe, expect, it } from 'vitest'
import { FAMILY_SCHEMAS, workloadSchema } from './schema.js'
import { parseWorkload, WorkloadValidationError } from './validate.js'

const prov = { kind: 'convention', ref: 'test fixture', verified: '2026-11-27' } as const
const base = {
  id: 'Custom_1_7B',
  name: 'Custom 1.7B',
  family: 'transformer',
  architecture: 'Transformer',
  provenance: prov,
}

function problems(input: unknown): string[] {
  try {
    parseWorkload(input)
  } catch (error) {
    expect(error).toBeInstanceOf(WorkloadValidationError)
    return [...(error as WorkloadValidationError).problems]
  }
  throw new Error('expected a validation error')
}

describe('workloadSchema', () => {
  it('reads quantities with units into SI numbers and fills defaults', () => {
    const w = parseWorkload({
      ...base,
      parameters: '1.7B',
      layers: 24,
      inferenceFlops: '3.4 GFLOP',
      hiddenDim: 2048,
      heads: 16,
    })
    expect(w.parameters).toBe(1.7e9)
    expect(w.inferenceFlops).toBeCloseTo(3.4e9, -1)
    expect(w.kind).toBe('workload')
    expect(w.aliases).toEqual([])
    expect(w.flopConvention).toBe('per_token')
    expect(Object.isFrozen(w)).toBe(true)
  })

  it('defaults the FLOP convention per family', () => {
    const cnn = parseWorkload({ ...base, family: 'cnn', parameters: 1e6, inferenceFlops: '300 MMAC' })
    expect(cnn.flopConvention).toBe('per_input')
    expect(cnn.inferenceFlops).toBe(600e6) // 1 MAC = 2 FLOP
    const diffusion = parseWorkload({
      ...base,
      family: 'diffusion',
      parameters: 1e9,
      denoisingSteps: 30,
      resolution: 1024,
    })
    expect(diffusion.flopConvention).toBe('per_step')
  })

  it('names the field, the value and what is allowed', () => {
    expect(problems({ ...base, parameters: -5, layers: 2.5 })).toEqual([
      'parameters: -5 is out of range: must be > 0',
      'layers: 2.5 is out of range: must be > 0, a whole number',
    ])
    expect(problems({ ...base, parameters: '7 GB', layers: 2 })[0]).toMatch(/^parameters: .*7 GB.*count/)
    expect(problems({ ...base, parameters: true, layers: 2 })).toEqual([
      'parameters: must be a number or a string with a unit, not true',
    ])
    expect(problems({ ...base, family: 'cnn', parameters: 1, flopConvention: 'per_step' })).toEqual([
      'flopConvention: flopConvention of a cnn workload must be per_token, per_sequence or per_input (per_step is for diffusion)',
    ])
  })

  it('rejects unknown fields and suggests the intended one', () => {
    expect(problems({ ...base, parameters: 1e9, layers: 2, kv_heads: 8, hidden_size: 4096 })).toEqual([
      "unknown field 'kv_heads' for a transformer workload; did you mean kvHeads?; unknown field 'hidden_size' for a transformer workload; did you mean hiddenDim?",
    ])
    // A field of another family is unknown too.
    expect(problems({ ...base, family: 'cnn', parameters: 1, stateSize: 16 })[0]).toMatch(
      /unknown field 'stateSize' for a cnn workload/,
    )
  })

  it('rejects an unknown family, listing the families', () => {
    expect(problems({ ...base, family: 'rnn' })).toEqual([
      'family: family must be one of transformer, moe, cnn, ssm, diffusion, tinyml, recommendation, generic (got "rnn")',
    ])
  })

  it('checks attention geometry', () => {
    expect(problems({ ...base, parameters: 1e9, layers: 2, hiddenDim: 4096, heads: 32, kvHeads: 5 })).toEqual(
      ['kvHeads: kvHeads 5 must divide heads 32 (each KV head serves a whole group of query heads)'],
    )
    expect(problems({ ...base, parameters: 1e9, layers: 2, hiddenDim: 1000, heads: 16 })).toEqual([
      'headDim: hiddenDim 1000 is not divisible by heads 16; set headDim explicitly',
    ])
    expect(problems({ ...base, parameters: 1e9, layers: 2, kvLoraRank: 512 })).toEqual([
      'qkRopeHeadDim: multi-head latent attention needs both kvLoraRank and qkRopeHeadDim, or neither',
    ])
    expect(problems({ ...base, parameters: 1e9, layers: 2, kvHeads: 8 })).toEqual([
      'heads: kvHeads is set, so heads must be set too',
    ])
    expect(problems({ ...base, parameters: 1e9, layers: 2, flopConvention: 'per_sequence' })).toEqual([
      'referenceSeqLen: a per-sequence FLOP count needs the referenceSeqLen it was counted at',
    ])
  })

  it('checks MoE totals', () => {
    const moe = { ...base, family: 'moe', layers: 2, experts: 8 }
    expect(problems({ ...moe, parameters: 1e9, activeParameters: 2e9, activeExpertsPerToken: 9 })).toEqual([
      'activeParameters: activeParameters 2000000000 exceeds parameters 1000000000; parameters is the total over all experts',
      'activeExpertsPerToken: activeExpertsPerToken 9 exceeds experts 8',
    ])
    expect(parseWorkload({ ...moe, parameters: 1e9, activeParameters: 3e8 }).activeExpertsPerToken).toBe(1)
  })

  it('requires parameters or modelSize where the family does not require parameters', () => {
    expect(problems({ ...base, family: 'generic' })).toEqual([
      'parameters: a workload needs parameters or modelSize: without either its weight bytes are unknown',
    ])
    expect(parseWorkload({ ...base, family: 'recommendation', modelSize: '2 GB' }).modelSize).toBe(2e9)
    expect(
      problems({
        ...base,
        family: 'recommendation',
        modelSize: 1,
        parameterRangeMin: 10,
        parameterRangeMax: 5,
      }),
    ).toEqual(['parameterRangeMax: parameterRangeMax 5 is below parameterRangeMin 10'])
  })

  it('requires the family fields', () => {
    expect(problems({ ...base, family: 'ssm', parameters: 1e6, layers: 2, hiddenDim: 8 })).toEqual([
      'stateSize: is required (a count or ratio, e.g. "32")',
    ])
  })
})

describe('provenance rules', () => {
  const entry = { ...base, parameters: 1e9, layers: 2 }

  it('requires a provenance on every entry', () => {
    const { provenance: _dropped, ...bare } = entry
    expect(problems(bare)[0]).toMatch(/^provenance: /)
  })

  it('requires a URL for datasheets and literature, notes for estimates and derived values', () => {
    expect(
      problems({ ...entry, provenance: { kind: 'literature', ref: 'A paper', verified: '2026-01-01' } }),
    ).toEqual(['provenance.url: a literature source needs a url'])
    expect(
      problems({ ...entry, provenance: { kind: 'estimate', ref: 'Guess', verified: '2026-01-01' } }),
    ).toEqual(['provenance.notes: an estimate needs notes saying how it was obtained'])
    expect(problems({ ...entry, provenance: { ...prov, verified: '2026-02-30' } })).toEqual([
      'provenance.verified: is not a real calendar date',
    ])
  })

  it('checks per-field sources: the same rules, and only for fields the entry sets', () => {
    expect(
      problems({
        ...entry,
        sources: { parameters: { kind: 'datasheet', ref: 'x', verified: '2026-01-01' } },
      }),
    ).toEqual(['sources.parameters.url: a datasheet source needs a url'])
    expect(problems({ ...entry, sources: { kvHeads: prov } })).toEqual([
      "sources.kvHeads: sources['kvHeads'] cites a field the entry does not set",
    ])
    expect(problems({ ...entry, sources: { colour: prov } })).toEqual([
      "sources.colour: sources['colour'] does not name a field of a transformer workload",
    ])
  })

  it('checks corrections: a known field, the original value, and a reason', () => {
    expect(problems({ ...entry, corrections: [{ path: 'kvheads', original: null, reason: 'x' }] })).toEqual([
      "corrections.[0].path: correction path 'kvheads' does not name a field of a transformer workload",
    ])
    expect(problems({ ...entry, corrections: [{ path: 'layers', reason: 'x' }] })[0]).toMatch(
      /^corrections\.\[0\]\.original: original must be/,
    )
  })
})

describe('per-family schemas', () => {
  it('are exported for every family and accept only their family', () => {
    expect(Object.keys(FAMILY_SCHEMAS)).toEqual([
      'transformer',
      'moe',
      'cnn',
      'ssm',
      'diffusion',
      'tinyml',
      'recommendation',
      'generic',
    ])
    expect(FAMILY_SCHEMAS.cnn.safeParse({ ...base, family: 'cnn', parameters: 5 }).success).toBe(true)
    expect(FAMILY_SCHEMAS.cnn.safeParse({ ...base, parameters: 5, layers: 1 }).success).toBe(false)
    expect(workloadSchema.safeParse({ ...base, parameters: 5, layers: 1 }).success).toBe(true)
  })
})
