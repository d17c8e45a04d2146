/**
 * TinyTorch's twenty modules (tinytorch/quarto/_quarto.yml, the canonical sidebar order) and
 * the historical milestones. Stale numberings found in tinytorch/src stay as aliases.
 *
 * Prerequisites follow the sidebar: each module builds on the one before it. Hours per module
 * are printed in instructors/foundations-syllabus.qmd but are not in the reference this package
 * was built from, so they are left out rather than invented.
 */
import type { Milestone, TinyTorchModule } from '../schema/index.js'

type Tier = TinyTorchModule['tier']

const rows: Array<[number: number, slug: string, title: string, tier: Tier, aliases?: string[]]> = [
  [1, 'tensor', 'Tensor', 'foundation'],
  [2, 'activations', 'Activations', 'foundation'],
  [3, 'layers', 'Layers', 'foundation'],
  [4, 'losses', 'Losses', 'foundation'],
  [5, 'dataloader', 'DataLoader', 'foundation', ['08_dataloader']],
  [6, 'autograd', 'Autograd', 'foundation', ['05_autograd']],
  [7, 'optimizers', 'Optimizers', 'foundation', ['06_optimizers']],
  [8, 'training', 'Training', 'foundation', ['07_training']],
  [9, 'convolutions', 'Convolutions', 'architecture', ['09_spatial']],
  [10, 'tokenization', 'Tokenization', 'architecture'],
  [11, 'embeddings', 'Embeddings', 'architecture'],
  [12, 'attention', 'Attention', 'architecture'],
  [13, 'transformers', 'Transformers', 'architecture'],
  [14, 'profiling', 'Profiling', 'optimization'],
  [15, 'quantization', 'Quantization', 'optimization'],
  [16, 'compression', 'Compression', 'optimization'],
  [17, 'acceleration', 'Acceleration', 'optimization', ['18_acceleration']],
  [18, 'memoization', 'Memoization', 'optimization', ['17_memoization']],
  [19, 'benchmarking', 'Benchmarking', 'optimization'],
  [20, 'capstone', 'Capstone', 'capstone'],
]

const moduleId = (n: number, slug: string) => `${String(n).padStart(2, '0')}_${slug}`

/** Milestone each module completes, per foundations-syllabus.qmd's TinyTorch table and the milestone list. */
const MILESTONE_OF: Record<string, string> = {
  '03_layers': '1958-perceptron',
  '04_losses': '1969-xor',
  '08_training': '1986-mlp',
  '09_convolutions': '1998-cnn',
  '13_transformers': '2017-transformer',
  '19_benchmarking': '2018-mlperf',
  '20_capstone': '2020-tinygpt',
}

export const tinytorchModules: TinyTorchModule[] = rows.map(([number, slug, title, tier, aliases], index) => {
  const id = moduleId(number, slug)
  const previous = rows[index - 1]
  return {
    id,
    number,
    title,
    ...(id === '12_attention'
      ? {
          subtitle: 'Learning to Focus',
          description: 'Build scaled dot-product and multi-head attention mechanisms.',
        }
      : id === '20_capstone'
        ? { subtitle: 'Torch Olympics' }
        : {}),
    tier,
    prereqIds: previous ? [moduleId(previous[0], previous[1])] : [],
    ...(MILESTONE_OF[id] ? { milestoneId: MILESTONE_OF[id] } : {}),
    url: `https://mlsysbook.ai/tinytorch/modules/${id}_ABOUT.html`,
    ...(aliases ? { aliases } : {}),
  }
})

const foundationThrough = (last: number) => rows.slice(0, last).map(([n, slug]) => moduleId(n, slug))

export const milestones: Milestone[] = [
  {
    id: '1958-perceptron',
    number: 1,
    year: 1958,
    title: 'Perceptron',
    requiresModuleIds: foundationThrough(3),
    aliases: ['01_1957_perceptron', '01_1958_perceptron'],
    decisions: [
      {
        id: 'perceptron-year',
        subject: 'year of the perceptron milestone',
        chosen: '1958',
        alternatives: [
          { value: '1957 (older directory 01_1957_perceptron)', source: 'tinytorch/milestones/' },
        ],
        reason: 'The current milestone directory and the foundations syllabus say 1958 (Rosenblatt).',
      },
    ],
  },
  { id: '1969-xor', number: 2, year: 1969, title: 'XOR crisis', requiresModuleIds: foundationThrough(4) },
  { id: '1986-mlp', number: 3, year: 1986, title: 'MLP revival', requiresModuleIds: foundationThrough(8) },
  {
    id: '1998-cnn',
    number: 4,
    year: 1998,
    title: 'CNN',
    requiresModuleIds: [...foundationThrough(8), '09_convolutions'],
  },
  {
    id: '2017-transformer',
    number: 5,
    year: 2017,
    title: 'Transformer',
    requiresModuleIds: foundationThrough(13),
  },
  { id: '2018-mlperf', number: 6, year: 2018, title: 'MLPerf', requiresModuleIds: foundationThrough(19) },
  {
    id: '2020-tinygpt',
    number: 7,
    year: 2020,
    title: 'TinyGPT / 2024 kernels',
    requiresModuleIds: foundationThrough(20),
  },
]
