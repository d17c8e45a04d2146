/** Microsoft Phi-4 (14B dense, GQA). */
import { defineWorkload } from '../define.js'
import { countedFromConfig, paper, perTokenConvention } from './sources.js'

export const Phi4 = defineWorkload({
  id: 'Phi4',
  name: 'Phi-4',
  aliases: ['phi-4', 'microsoft/phi-4'],
  family: 'transformer',
  architecture: 'Transformer',
  year: 2024,
  org: 'Microsoft',
  provenance: paper(
    'Abdin et al. (2024), Phi-4 Technical Report (14B dense decoder, 16K context)',
    'https://arxiv.org/abs/2412.08905',
  ),
  sources: {
    parameters: countedFromConfig('microsoft/phi-4 config.json', 'https://huggingface.co/microsoft/phi-4'),
    inferenceFlops: perTokenConvention('parameters'),
  },
  parameters: 14659507200,
  inferenceFlops: 2 * 14659507200,
  layers: 40,
  hiddenDim: 5120,
  heads: 40,
  kvHeads: 10,
  ffnDim: 17920,
  vocabSize: 100352,
  tiedEmbeddings: false,
  maxSeqLen: 16384,
})
