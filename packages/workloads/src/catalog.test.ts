import { RegistryError } from '@mlsysim/units'
import { describe, expect, it } from 'vitest'
import { createWorkloadCatalog, getWorkload, resolveWorkload, workloads } from './catalog.js'
import type { Family } from './family.js'
import { listWorkloads, sortWorkloads } from './query.js'
import { NUMERIC_FIELDS, type NumericField } from './schema.js'
import { addWorkloadsFromText, parseWorkloadText, WorkloadTextError } from './user-entries.js'
import { WorkloadValidationError } from './validate.js'

const prov = { kind: 'convention', ref: 'test fixture', verified: '2026-11-27' } as const

describe('lookup', () => {
  it('finds entries by id and by readable aliases, case- and punctuation-insensitively', () => {
    expect(getWorkload('Llama3_8B').name).toBe('Llama-3.1-8B')
    expect(getWorkload('llama-3.1-8b').id).toBe('Llama3_8B')
    expect(getWorkload('meta-llama/Llama-3.1-8B').id).toBe('Llama3_8B')
    expect(getWorkload('resnet-50').id).toBe('ResNet50')
    expect(getWorkload('RESNET_50').id).toBe('ResNet50')
    expect(getWorkload('mixtral-8x7b').id).toBe('Mixtral_8x7B')
    expect(getWorkload('gpt-2').id).toBe('GPT2')
    expect(getWorkload('gpt2-small').id).toBe('GPT2_Small')
  })

  it('answers a miss with the nearest ids', () => {
    expect(() => getWorkload('Llama3_8')).toThrowError("unknown workload 'Llama3_8'; did you mean Llama3_8B?")
    try {
      getWorkload('mamba')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(RegistryError)
      expect((error as RegistryError).suggestions).toEqual(
        expect.arrayContaining(['Mamba_130M', 'Mamba_2_8B']),
      )
    }
  })

  it('resolves a name or an inline definition', () => {
    expect(resolveWorkload('bert-base').id).toBe('BERT_Base')
    const custom = resolveWorkload({
      id: 'MyLM_1_7B',
      name: 'My LM 1.7B',
      family: 'transformer',
      architecture: 'Transformer',
      provenance: prov,
      parameters: '1.7B',
      layers: 24,
      hiddenDim: 2048,
      heads: 16,
      kvHeads: 4,
    })
    expect(custom.parameters).toBe(1.7e9)
    expect(workloads.has('MyLM_1_7B')).toBe(false) // inline definitions are not registered
    expect(() => resolveWorkload({ id: 'Bad', family: 'transformer' })).toThrow(WorkloadValidationError)
  })

  it('fills the citation fields of a minimal inline definition, marked as the user’s numbers', () => {
    const minimal = resolveWorkload({
      family: 'transformer',
      parameters: 1.7e9,
      layers: 24,
      hiddenDim: 2048,
      heads: 16,
    })
    expect(minimal.id).toBe('inline-workload')
    expect(minimal.name).toBe('inline-workload')
    expect(minimal.architecture).toBe('Transformer')
    expect(minimal.provenance.kind).toBe('illustrative')
    expect(minimal.provenance.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // Given fields win over the defaults; the catalog itself still requires them.
    expect(resolveWorkload({ id: 'Mine', family: 'cnn', parameters: 1e6, inferenceFlops: 2e8 }).name).toBe(
      'Mine',
    )
    expect(() => workloads.add({ id: 'NoCitation', family: 'cnn', parameters: 1e6 })).toThrow(
      WorkloadValidationError,
    )
  })
})

describe('listing, filtering, sorting', () => {
  it('filters by family, year, org and parameter range', () => {
    const ids = (filter: Parameters<typeof listWorkloads>[1]) =>
      listWorkloads(workloads, filter).map((w) => w.id)
    expect(ids({ family: 'ssm' })).toEqual(expect.arrayContaining(['Mamba_130M', 'Mamba_2_8B']))
    expect(ids({ family: 'ssm' }).every((id) => getWorkload(id).family === 'ssm')).toBe(true)
    expect(ids({ family: ['diffusion', 'recommendation'] })).toEqual(
      expect.arrayContaining(['StableDiffusion_v1_5', 'DLRM']),
    )
    expect(ids({ org: 'meta', year: 2023 })).toEqual(expect.arrayContaining(['Llama2_7B', 'Llama2_70B']))
    expect(ids({ org: 'meta', year: 2023 }).every((id) => getWorkload(id).year === 2023)).toBe(true)
    expect(ids({ yearTo: 1990 })).toEqual(['LeNet1'])
    // 60B–80B: Llama-2-70B, Llama-3.1-70B; DLRM's 100B–10T range does not overlap.
    expect(ids({ minParameters: 60e9, maxParameters: 80e9, yearTo: 2024 })).toEqual(
      expect.arrayContaining(['Llama2_70B', 'Llama3_70B']),
    )
    expect(ids({ minParameters: 60e9, maxParameters: 80e9 })).not.toContain('DLRM')
    expect(ids({ minParameters: 5e12 })).toEqual(expect.arrayContaining(['DLRM']))
    expect(ids({ architecture: 'mlp' })).toContain('AnomalyDetector')
  })

  it('sorts by any numeric field, entries without it last', () => {
    const bySize = sortWorkloads(workloads, 'parameters', 'desc', { family: 'transformer' })
    const sizes = bySize.map((w) => w.parameters)
    expect(sizes).toEqual([...sizes].sort((a, b) => (b ?? 0) - (a ?? 0)))
    expect(sortWorkloads(workloads, 'kvLoraRank', 'asc')[0]?.id).toBe('DeepSeek_V3')
    const layers = sortWorkloads(workloads, 'layers')
    expect(layers.at(-1)?.layers).toBeUndefined()
  })

  it('rejects a family or sort field that does not exist instead of returning nothing or an unsorted list', () => {
    expect(() => listWorkloads(workloads, { family: 'moee' as Family })).toThrow(
      "unknown workload family 'moee'; did you mean moe?",
    )
    expect(() => sortWorkloads(workloads, 'paramters' as NumericField)).toThrow(
      "cannot sort workloads by 'paramters': not a numeric field; did you mean parameters?",
    )
    expect(() => sortWorkloads(workloads, 'name' as NumericField)).toThrow(/not a numeric field/)
    expect(NUMERIC_FIELDS).toEqual(
      expect.arrayContaining(['parameters', 'activeParameters', 'year', 'stateSize']),
    )
    expect(NUMERIC_FIELDS).not.toContain('tiedEmbeddings')
  })
})

describe('user entries', () => {
  const yaml = `
TinyLM:
  name: Tiny LM
  family: transformer
  architecture: Transformer
  aliases: [tiny-lm]
  parameters: 1.7B
  inferenceFlops: 3.4 GFLOP
  layers: 24
  hiddenDim: 2048
  heads: 16
  kvHeads: 4
  provenance: { kind: convention, ref: my lab, verified: '2026-11-27' }
`

  it('adds entries from YAML (a map of id → entry) to a separate catalog', () => {
    const catalog = createWorkloadCatalog()
    const [added] = addWorkloadsFromText(catalog, yaml)
    expect(added?.id).toBe('TinyLM')
    expect(catalog.get('tiny-lm').parameters).toBe(1.7e9)
    expect(workloads.has('TinyLM')).toBe(false)
  })

  it('reads JSON objects and lists', () => {
    const one = {
      id: 'X1',
      name: 'x',
      family: 'cnn',
      architecture: 'CNN',
      parameters: 1000,
      provenance: prov,
    }
    expect(parseWorkloadText(JSON.stringify(one))[0]?.id).toBe('X1')
    expect(parseWorkloadText(JSON.stringify([one, { ...one, id: 'X2' }])).map((w) => w.id)).toEqual([
      'X1',
      'X2',
    ])
    expect(createWorkloadCatalog([one]).get('X1').family).toBe('cnn')
  })

  it('validates user entries with the same schemas, naming the entry and field', () => {
    expect(() => parseWorkloadText(yaml.replace('kvHeads: 4', 'kvHeads: 3'))).toThrowError(
      "invalid workload 'TinyLM': kvHeads: kvHeads 3 must divide heads 16 (each KV head serves a whole group of query heads)",
    )
    expect(() => parseWorkloadText('a: [1, 2')).toThrow(WorkloadTextError)
    expect(() => parseWorkloadText('42')).toThrow('workload text must hold an object')
    expect(() => parseWorkloadText('X: 3')).toThrow("entry 'X' must be an object of workload fields")
  })

  it('refuses ids and aliases that belong to another entry', () => {
    const catalog = createWorkloadCatalog()
    expect(() => addWorkloadsFromText(catalog, yaml.replace('[tiny-lm]', '[llama-3.1-8b]'))).toThrowError(
      "workload 'TinyLM': the name 'llama-3.1-8b' already belongs to 'Llama3_8B'",
    )
    expect(() => catalog.add(getWorkload('ResNet50'))).toThrow(RegistryError)
  })
})
