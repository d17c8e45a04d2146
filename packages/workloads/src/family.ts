/**
 * Workload families and the unit of work their `inferenceFlops` is counted in.
 *
 * The original stores one `inference_flops` number per model, but what "one inference" means
 * depends on the family: a generated token for decoder LMs (≈ 2 × parameters, 2 × active
 * parameters for MoE), one sequence at a reference length for encoders (BERT-Base: 22 GFLOP at
 * 128 tokens), one input (image, audio window, query) for vision, TinyML and recommendation
 * models, and one denoising step for diffusion models. Comparing the numbers across families
 * without normalizing mixes units of work, so every entry states its convention explicitly.
 */

export const FAMILIES = [
  'transformer',
  'moe',
  'cnn',
  'ssm',
  'diffusion',
  'tinyml',
  'recommendation',
  'generic',
] as const

export type Family = (typeof FAMILIES)[number]

export const FLOP_CONVENTIONS = ['per_token', 'per_sequence', 'per_input', 'per_step'] as const

export type FlopConvention = (typeof FLOP_CONVENTIONS)[number]

/** What one unit of `inferenceFlops` is, in words (for tables and error messages). */
export const FLOP_CONVENTION_MEANING: Readonly<Record<FlopConvention, string>> = {
  per_token: 'FLOP per generated token (≈ 2 × parameters; 2 × active parameters for MoE)',
  per_sequence: 'FLOP per sequence at the reference sequence length (encoders)',
  per_input: 'FLOP per input (one image, audio window or query), 1 MAC = 2 FLOP',
  per_step: 'FLOP per denoising step (total = per step × denoising steps)',
}

/** The convention an entry gets when it does not state one. */
export const DEFAULT_FLOP_CONVENTION: Readonly<Record<Family, FlopConvention>> = {
  transformer: 'per_token',
  moe: 'per_token',
  ssm: 'per_token',
  cnn: 'per_input',
  tinyml: 'per_input',
  recommendation: 'per_input',
  generic: 'per_input',
  diffusion: 'per_step',
}
