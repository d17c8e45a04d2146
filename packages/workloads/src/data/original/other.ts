/**
 * Recommendation, state-space and generative-vision models of the original
 * (`recommendation.yaml`, `statespace.yaml`, `generativevision.yaml`).
 */
import { defineWorkload } from '../define.js'
import { GU_MAMBA } from './sources.js'

/** Described by its stored size: 100 GB of embeddings, so lowering ignores the precision. */
export const DLRM = defineWorkload({
  id: 'DLRM',
  name: 'DLRM',
  aliases: ['dlrm'],
  family: 'recommendation',
  architecture: 'DLRM',
  year: 2019,
  org: 'Meta',
  provenance: {
    kind: 'literature',
    ref: 'Naumov et al. (2019), Deep Learning Recommendation Model (DLRM)',
    url: 'https://arxiv.org/abs/1906.00091',
    verified: '2025-03-06',
    id: 'prov:naumov-dlrm-2019',
  },
  modelSize: 100e9,
  embeddingEntries: 25e9,
  parameterRangeMin: 100e9,
  parameterRangeMax: 10e12,
})

export const Mamba_130M = defineWorkload({
  id: 'Mamba_130M',
  name: 'Mamba-130M',
  aliases: ['mamba-130m', 'state-spaces/mamba-130m'],
  family: 'ssm',
  architecture: 'SSM',
  year: 2023,
  org: 'Carnegie Mellon & Princeton',
  provenance: GU_MAMBA,
  parameters: 130e6,
  inferenceFlops: 260e6,
  layers: 24,
  stateSize: 16,
  hiddenDim: 768,
})

export const Mamba_2_8B = defineWorkload({
  id: 'Mamba_2_8B',
  name: 'Mamba-2.8B',
  aliases: ['mamba-2.8b', 'state-spaces/mamba-2.8b'],
  family: 'ssm',
  architecture: 'SSM',
  year: 2023,
  org: 'Carnegie Mellon & Princeton',
  provenance: GU_MAMBA,
  parameters: 2.8e9,
  inferenceFlops: 5.6e9,
  layers: 64,
  stateSize: 16,
  hiddenDim: 2560,
})

export const StableDiffusion_v1_5 = defineWorkload({
  id: 'StableDiffusion_v1_5',
  name: 'Stable Diffusion v1.5',
  aliases: ['stable-diffusion-v1-5', 'sd-1.5', 'sd15'],
  family: 'diffusion',
  architecture: 'Diffusion/U-Net',
  year: 2022,
  org: 'Runway / Stability AI',
  provenance: {
    kind: 'literature',
    ref: 'Rombach et al. (2022), High-Resolution Image Synthesis with Latent Diffusion Models',
    url: 'https://arxiv.org/abs/2112.10752',
    verified: '2025-03-06',
    id: 'prov:rombach-stable-diffusion-2022',
  },
  notes:
    'parameters = the 860M U-Net (text encoder and VAE excluded). 20 GFLOP per step is the original’s value; architecture-level counts of the SD U-Net at 512 × 512 are far higher (hundreds of GMAC per step), so treat total FLOP here as a teaching anchor.',
  parameters: 860e6,
  inferenceFlops: 20e9,
  flopConvention: 'per_step',
  denoisingSteps: 50,
  resolution: 512,
})
