/** Provenance helpers for the entries added beyond the original (checked 2026-11-27). */
import type { Provenance } from '@mlsysim/units'

export const VERIFIED = '2026-11-27'

/** A model card (Hugging Face or vendor page), which also hosts the config.json the architecture fields come from. */
export function modelCard(ref: string, url: string, notes?: string): Provenance {
  return { kind: 'datasheet', ref, url, verified: VERIFIED, ...(notes ? { notes } : {}) }
}

export function paper(ref: string, url: string, notes?: string): Provenance {
  return { kind: 'literature', ref, url, verified: VERIFIED, ...(notes ? { notes } : {}) }
}

/** A parameter count computed from the published config.json by this package's counter. */
export function countedFromConfig(config: string, url: string): Provenance {
  return {
    kind: 'derived',
    ref: `Parameters counted from ${config} (embeddings, attention, MLP, norms, LM head)`,
    url,
    verified: VERIFIED,
    notes:
      'Computed by countParameters from the published config.json; test/fixtures/hf holds the config values and the huggingface tests reproduce the count.',
  }
}

/** The per-token FLOP convention of the original: 2 FLOP per (active) parameter per generated token. */
export function perTokenConvention(parameters: 'parameters' | 'active parameters'): Provenance {
  return {
    kind: 'convention',
    ref: `2 × ${parameters} per generated token (the original's decode convention; attention over the KV cache excluded)`,
    verified: VERIFIED,
  }
}
