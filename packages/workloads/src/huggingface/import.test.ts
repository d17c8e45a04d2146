// Hugging Face config import: parameter counts from the architecture, checked against the
// counts their publishers state. Fixtures in test/fixtures/hf are written from the public
// config.json values of each model.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getWorkload } from '../catalog.js'
import { kvCacheBytes } from '../kv-cache.js'
import { lower } from '../lower.js'
import { HuggingFaceConfigError } from './config.js'
import { fromHuggingFaceConfig, importHuggingFaceConfig } from './import.js'

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/hf')
const text = (name: string) => readFileSync(join(FIXTURES, `${name}.json`), 'utf8')
const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>
const options = { id: 'Imported', provenance: { verified: '2026-11-27' } }
const counted = (name: string) => importHuggingFaceConfig(text(name), options)

describe('parameter counts from config.json', () => {
  it('Llama-3.1-8B: 8,030,261,248 (published 8.03B)', () => {
    // per layer: Q 4096² + K, V 4096·1024 each + O 4096² = 41,943,040; MLP 3·4096·14336 = 176,160,768;
    // two RMSNorms 8,192 → 218,112,000 × 32 = 6,979,584,000; embedding and untied LM head
    // 2 · 128,256 · 4096 = 1,050,673,152; final norm 4,096.
    const { parameters } = counted('llama-3.1-8b')
    expect(parameters.attention).toBe(32 * 41943040)
    expect(parameters.mlp).toBe(32 * 176160768)
    expect(parameters.total).toBe(6979584000 + 1050673152 + 4096)
    expect(parameters.total).toBe(8030261248)
    expect(parameters.total / 8.03e9).toBeCloseTo(1, 3)
  })

  it('Mixtral-8x7B: 46,702,792,704 total / 12,879,925,248 active (published 46.7B / 12.9B)', () => {
    // per expert 3·4096·14336 = 176,160,768; a token skips 6 of 8 experts in each of 32 layers:
    // 6 · 32 · 176,160,768 = 33,822,867,456 inactive.
    const { parameters, workload } = counted('mixtral-8x7b-v0.1')
    expect(parameters.total).toBe(46702792704)
    expect(parameters.active).toBe(46702792704 - 33822867456)
    expect(workload.family).toBe('moe')
    expect(workload.activeParameters! / 12.9e9).toBeCloseTo(1, 2)
    expect(workload.kvHeads).toBe(8)
  })

  it('DeepSeek-V3: 671.0B total / 37.6B active with MLA and 1 shared + 256 routed experts (published 671B / 37B)', () => {
    const { parameters, workload } = counted('deepseek-v3')
    expect(parameters.total).toBe(671026419200)
    expect(parameters.total / 671e9).toBeCloseTo(1, 3)
    expect(parameters.active / 37e9).toBeCloseTo(1, 1)
    expect(workload.kvLoraRank).toBe(512)
    expect(workload.qkRopeHeadDim).toBe(64)
    expect(workload.kvHeads).toBeUndefined()
    expect(workload.denseLayers).toBe(3)
    expect(workload.sharedExperts).toBe(1)
    // MLA cache: 61 · (512 + 64) per token per byte of precision.
    expect(kvCacheBytes(workload, 1, 1, 1)).toBe(61 * 576)
  })

  // [fixture, published total, published active, relative tolerance, what the publisher counts]
  it.each([
    ['llama-3.2-1b', 1.23e9, undefined, 0.005],
    ['llama-3.2-3b', 3.21e9, undefined, 0.005],
    ['mistral-7b-v0.1', 7.24e9, undefined, 0.005],
    ['qwen2.5-7b', 7.61e9, undefined, 0.005],
    ['qwen2.5-72b', 72.7e9, undefined, 0.005],
    ['qwen3-8b', 8.2e9, undefined, 0.005],
    ['qwen3-32b', 32.8e9, undefined, 0.005],
    ['qwen3-235b-a22b', 235e9, 22e9, 0.01],
    ['mixtral-8x22b-v0.1', 141e9, 39e9, 0.01],
    ['gemma-2-9b', 9242164736, undefined, 0.0001], // report's vocabulary is 128 entries longer
    ['gemma-2-27b', 27227587072, undefined, 0.0001],
    ['phi-4', 14.7e9, undefined, 0.005],
    ['llama-4-maverick-17b-128e', 400e9, 17e9, 0.011],
  ] as const)('%s matches its published count', (name, total, active, tolerance) => {
    const { parameters } = counted(name)
    expect(Math.abs(parameters.total / total - 1)).toBeLessThan(tolerance)
    if (active !== undefined) expect(Math.abs(parameters.active / active - 1)).toBeLessThan(tolerance)
  })

  it('Gemma 2 counts the report’s non-embedding parameters exactly (4 norms per layer, tied head)', () => {
    expect(counted('gemma-2-9b').parameters.total - 256000 * 3584).toBe(8324201984)
    expect(counted('gemma-2-27b').parameters.total - 256000 * 4608).toBe(26047480320)
    expect(counted('gemma-2-9b').parameters.lmHead).toBe(0)
  })

  it('gpt-oss counts biases and sinks; active excluding the embedding matches the model card', () => {
    // Model card: 20.9B total / 3.6B active, 116.8B / 5.1B; the card leaves the embedding out of "active".
    for (const [name, total, active] of [
      ['gpt-oss-20b', 20.9e9, 3.6e9],
      ['gpt-oss-120b', 116.8e9, 5.1e9],
    ] as const) {
      const { parameters } = counted(name)
      expect(parameters.total / total).toBeCloseTo(1, 2)
      expect((parameters.active - parameters.embedding) / active).toBeCloseTo(1, 1)
    }
  })

  it('reads the language model of multimodal configs (Gemma 3, Llama 4) and says so', () => {
    const gemma3 = counted('gemma-3-27b')
    expect(gemma3.parameters.total).toBe(27009346304)
    expect(gemma3.workload.provenance.notes).toContain(
      'vision encoder of this multimodal config is not counted',
    )
    const scout = counted('llama-4-scout-17b-16e')
    // Text model 107.8B of the 109B release; 17.2B active (one routed + one shared expert per layer).
    expect(scout.parameters.total / 107.77e9).toBeCloseTo(1, 3)
    expect(scout.parameters.active / 17e9).toBeCloseTo(1, 1)
    expect(scout.workload.denseLayers).toBeUndefined()
    expect(counted('llama-4-maverick-17b-128e').workload.denseLayers).toBe(24)
  })

  it('agrees with the stored catalog entries that were counted from the same configs', () => {
    expect(counted('mistral-7b-v0.1').parameters.total).toBe(getWorkload('Mistral_7B').parameters)
    expect(counted('phi-4').parameters.total).toBe(getWorkload('Phi4').parameters)
    expect(counted('gemma-3-27b').parameters.total).toBe(getWorkload('Gemma3_27B').parameters)
    expect(counted('deepseek-v3').architecture.heads).toBe(getWorkload('DeepSeek_R1').heads)
  })
})

describe('the imported workload', () => {
  it('is a validated catalog entry that lowers with 2 × (active) parameters per token', () => {
    const llama = fromHuggingFaceConfig(json('llama-3.1-8b'), {
      id: 'MyLlama',
      name: 'My Llama',
      aliases: ['my-llama'],
      year: 2024,
      org: 'Meta',
      provenance: { url: 'https://huggingface.co/meta-llama/Llama-3.1-8B', verified: '2026-11-27' },
    })
    expect(llama).toMatchObject({
      id: 'MyLlama',
      family: 'transformer',
      parameters: 8030261248,
      layers: 32,
      hiddenDim: 4096,
      heads: 32,
      kvHeads: 8,
      ffnDim: 14336,
      vocabSize: 128256,
      maxSeqLen: 131072,
      tiedEmbeddings: false,
      flopConvention: 'per_token',
    })
    expect(llama.provenance.kind).toBe('derived')
    expect(llama.provenance.url).toBe('https://huggingface.co/meta-llama/Llama-3.1-8B')
    expect(lower(llama, 'bf16').totalOps).toBe(2 * 8030261248)
    const mixtral = fromHuggingFaceConfig(text('mixtral-8x7b-v0.1'), options)
    expect(lower(mixtral, 'bf16').totalOps).toBe(2 * 12879925248)
  })

  it('keeps an explicit head dimension when it is not hidden / heads', () => {
    expect(fromHuggingFaceConfig(text('qwen3-32b'), options).headDim).toBe(128)
    expect(fromHuggingFaceConfig(text('llama-3.2-1b'), options).headDim).toBeUndefined()
  })
})

describe('fields it cannot map', () => {
  const llama = json('llama-3.1-8b')
  const fail = (config: unknown): HuggingFaceConfigError => {
    try {
      fromHuggingFaceConfig(config, options)
    } catch (error) {
      expect(error).toBeInstanceOf(HuggingFaceConfigError)
      return error as HuggingFaceConfigError
    }
    throw new Error('expected a HuggingFaceConfigError')
  }

  it('names every missing and invalid field', () => {
    const { hidden_size: _h, num_hidden_layers: _l, ...rest } = llama
    const error = fail({ ...rest, num_attention_heads: 0 })
    expect(error.message).toBe(
      "cannot map config.json (model_type 'llama'): missing hidden_size, num_hidden_layers; num_attention_heads must be a positive integer, got 0",
    )
    expect(error.fields).toEqual(['hidden_size', 'num_hidden_layers', 'num_attention_heads'])
  })

  it('rejects unknown model types, listing the supported ones', () => {
    expect(fail({ model_type: 'bert', architectures: ['BertModel'] }).message).toMatch(
      /^cannot map model_type 'bert' \(architectures: BertModel\): supported model types are llama, mistral, /,
    )
    expect(fail({ hidden_size: 8 }).message).toMatch(/no model_type/)
  })

  it('rejects features the count does not model', () => {
    expect(fail({ ...llama, num_local_experts: 8 }).message).toBe(
      "cannot map num_local_experts: model_type 'llama' is a dense architecture, so experts would be ignored",
    )
    expect(fail({ ...llama, layer_types: ['full_attention', 'linear_attention'] }).message).toMatch(
      /cannot map layer_types 'linear_attention'/,
    )
    expect(fail({ ...llama, hidden_size: 4100 }).message).toMatch(
      /hidden_size 4100 is not divisible by num_attention_heads 32; the config needs head_dim/,
    )
    expect(fail({ ...llama, num_key_value_heads: 5 }).message).toMatch(
      /num_key_value_heads 5 must divide num_attention_heads 32/,
    )
    expect(
      fail({ ...json('qwen3-235b-a22b'), mlp_only_layers: [0], intermediate_size: undefined }).message,
    ).toMatch(/missing intermediate_size/)
  })

  it('rejects text that is not a JSON object', () => {
    expect(fail('{"model_type": ').message).toMatch(/^config.json is not valid JSON/)
    expect(fail('[1, 2]').message).toBe('config.json must be a JSON object')
    expect(fail({ model_type: 'gemma3' }).message).toBe("model_type 'gemma3' needs a text_config object")
  })
})
