/** ViT-B/16 at 224 × 224: 196 patches + 1 class token through 12 encoder layers. FLOP per image. */
import { defineWorkload } from '../define.js'
import { VERIFIED } from './sources.js'

export const ViT_B_16 = defineWorkload({
  id: 'ViT_B_16',
  name: 'ViT-B/16',
  aliases: ['vit-b-16', 'vit-base-patch16-224', 'google/vit-base-patch16-224'],
  family: 'transformer',
  architecture: 'Vision Transformer',
  year: 2020,
  org: 'Google',
  provenance: {
    kind: 'derived',
    ref: 'Dosovitskiy et al. (2021), An Image is Worth 16x16 Words, Table 1 (ViT-Base: 12 layers, hidden 768, MLP 3072, 12 heads, 86M parameters); counts derived layer by layer',
    url: 'https://arxiv.org/abs/2010.11929',
    verified: VERIFIED,
    notes:
      'Parameters with the 1000-class ImageNet head: 86,567,656 (the paper rounds to 86M). Operations at 224 × 224 (197 tokens): 17,563,828,224 MAC = 35.1 GFLOP with 1 MAC = 2 FLOP; papers that count a MAC as one FLOP report 17.6 GFLOPs. Derivation in whisper-vit.test.ts.',
  },
  parameters: 86567656,
  inferenceFlops: 2 * 17563828224,
  flopConvention: 'per_input',
  layers: 12,
  hiddenDim: 768,
  heads: 12,
  ffnDim: 3072,
})
