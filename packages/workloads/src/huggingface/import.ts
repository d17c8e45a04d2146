/**
 * `fromHuggingFaceConfig`: a transformer or MoE workload from a local Hugging Face
 * `config.json` (text or parsed object; nothing is fetched, so it runs in browsers too).
 *
 * Parameters are counted from the architecture (see ./architecture.ts), the active count for
 * MoE is the total minus the routed experts a token is not sent to, and no FLOP count is
 * stored: lowering then uses the catalog's convention of 2 × (active) parameters per token.
 */
import { type Provenance, todayIsoDate } from '@mlsysim/units'
import type { Workload } from '../schema.js'
import { parseWorkload } from '../validate.js'
import { countParameters, type DecoderArchitecture, type ParameterBreakdown } from './architecture.js'
import { HuggingFaceConfigError, readArchitecture } from './config.js'

export interface HuggingFaceImportOptions {
  /** Catalog id for the new entry, e.g. "Llama3_1_8B_Local". */
  id: string
  name?: string
  aliases?: string[]
  year?: number
  org?: string
  /**
   * Where the config came from. Defaults to a `derived` record dated today; pass a `url` to
   * the model's config.json or model card to make it checkable.
   */
  provenance?: Partial<Provenance>
}

export interface HuggingFaceImport {
  workload: Workload
  architecture: DecoderArchitecture
  parameters: ParameterBreakdown
}

/** Reads the config and returns the workload with the architecture and the parameter breakdown. */
export function importHuggingFaceConfig(
  config: unknown,
  options: HuggingFaceImportOptions,
): HuggingFaceImport {
  const { architecture: a, languageModelOnly } = readArchitecture(config)
  const parameters = countParameters(a)
  if (!Number.isFinite(parameters.total)) {
    throw new HuggingFaceConfigError(
      `cannot map config.json (model_type '${a.modelType}'): missing intermediate_size for its dense MLP layers`,
      ['intermediate_size'],
    )
  }
  const denseLayers = a.moe
    ? Array.from({ length: a.layers }, (_, i) => i).filter((i) => !a.moe!.isMoeLayer(i)).length
    : 0
  const notes = [
    `Parameters counted from the config.json architecture by @mlsysim/workloads (model_type ${a.modelType}): embeddings, attention${a.mla ? ' (multi-head latent attention)' : ''}, ${a.moe ? 'MoE experts and router' : 'MLP'}, norms${a.tiedEmbeddings ? ', LM head tied to the embedding' : ', untied LM head'}.`,
    languageModelOnly
      ? 'Language model only: the vision encoder of this multimodal config is not counted.'
      : '',
    a.moe ? 'Active parameters = total − routed experts not selected for a token (embeddings included).' : '',
  ]
  const provenance: Provenance = {
    kind: 'derived',
    ref: `Hugging Face config.json (${a.modelType})`,
    verified: todayIsoDate(),
    ...options.provenance,
    notes: [options.provenance?.notes, ...notes].filter(Boolean).join(' '),
  }
  const headDim = a.headDim !== a.hiddenDim / a.heads ? { headDim: a.headDim } : {}
  const common = {
    id: options.id,
    name: options.name ?? options.id,
    aliases: options.aliases ?? [],
    ...(options.year === undefined ? {} : { year: options.year }),
    ...(options.org === undefined ? {} : { org: options.org }),
    provenance,
    flopConvention: 'per_token',
    parameters: parameters.total,
    layers: a.layers,
    hiddenDim: a.hiddenDim,
    heads: a.heads,
    ...(a.mla
      ? { kvLoraRank: a.mla.kvLoraRank, qkRopeHeadDim: a.mla.qkRopeHeadDim }
      : { kvHeads: a.kvHeads, ...headDim }),
    ...(Number.isFinite(a.ffnDim) ? { ffnDim: a.ffnDim } : {}),
    vocabSize: a.vocabSize,
    tiedEmbeddings: a.tiedEmbeddings,
    ...(a.maxSeqLen === undefined ? {} : { maxSeqLen: a.maxSeqLen }),
  }
  const entry = a.moe
    ? {
        ...common,
        family: 'moe',
        architecture: 'MoE Transformer',
        activeParameters: parameters.active,
        experts: a.moe.experts,
        activeExpertsPerToken: a.moe.expertsPerToken,
        expertFfnDim: a.moe.expertFfnDim,
        ...(a.moe.sharedExperts > 0 ? { sharedExperts: a.moe.sharedExperts } : {}),
        ...(denseLayers > 0 ? { denseLayers } : {}),
      }
    : { ...common, family: 'transformer', architecture: 'Transformer' }
  return { workload: parseWorkload(entry), architecture: a, parameters }
}

/** A transformer or MoE workload from a Hugging Face config.json (text or object). */
export function fromHuggingFaceConfig(config: unknown, options: HuggingFaceImportOptions): Workload {
  return importHuggingFaceConfig(config, options).workload
}
