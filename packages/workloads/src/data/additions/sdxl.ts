/** Stable Diffusion XL base 1.0: a 2.6B-parameter U-Net denoiser at 1024 × 1024. */
import { defineWorkload } from '../define.js'
import { paper, VERIFIED } from './sources.js'

export const SDXL_Base = defineWorkload({
  id: 'SDXL_Base',
  name: 'Stable Diffusion XL base 1.0',
  aliases: ['sdxl', 'sdxl-base-1.0', 'stabilityai/stable-diffusion-xl-base-1.0'],
  family: 'diffusion',
  architecture: 'Diffusion/U-Net',
  year: 2023,
  org: 'Stability AI',
  provenance: paper(
    'Podell et al. (2023), SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis (2.6B-parameter U-Net; text encoders 817M in total; 1024 × 1024 base resolution)',
    'https://arxiv.org/abs/2307.01952',
  ),
  sources: {
    denoisingSteps: {
      kind: 'convention',
      ref: 'Default num_inference_steps of the diffusers StableDiffusionXLPipeline (50)',
      url: 'https://huggingface.co/docs/diffusers/api/pipelines/stable_diffusion/stable_diffusion_xl',
      verified: VERIFIED,
    },
  },
  notes:
    'No per-step FLOP count is published with the model, so inferenceFlops is left out; lowering then falls back to the original’s 2 × parameters per step, which underestimates a convolutional U-Net at a 128 × 128 latent. parameters is the U-Net only (text encoders and VAE excluded).',
  parameters: 2.6e9,
  denoisingSteps: 50,
  resolution: 1024,
})
