/** V2-09, Performance Engineering: diagnose before optimizing. */
import { defineLab, outlinePart, variants, vol2Legacy } from '../build.js'

export const v2_09 = defineLab({
  id: 'v2_09_optimization_trap',
  volume: 2,
  number: 9,
  slug: 'lab_09_perf_engineering',
  title: 'The Optimization Trap',
  legacy: vol2Legacy(9, 'lab_09_perf_engineering'),
  chapterId: 'performance_engineering',
  durationMin: 66,
  walls: [21, 3],
  solverRefs: ['sensitivity', 'efficiency', 'single-node'],
  tracks: variants('Which optimization pays off for this workload, and which wastes a quarter?', {
    cloud_fleet: { modelRef: 'Llama2_70B' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Roofline diagnostic',
      concept:
        'Ridge points V100 69 / A100 156 / H100 295 (as quoted): LLM decoding at batch 1 is deeply memory-bound.',
      evidence: [['roofline', 'roofline per GPU generation']],
      solverRefs: ['single-node'],
    }),
    outlinePart({
      id: 'B',
      title: 'Fusion dividend',
      concept: 'FlashAttention saves ~60× more traffic than element-wise fusion (4 GB vs 64 MB per layer).',
      evidence: [['bar-chart', 'HBM traffic per optimization']],
      solverRefs: ['efficiency'],
    }),
    outlinePart({
      id: 'C',
      title: 'FlashAttention savings curve',
      concept: 'Memory savings ≈ N/(2d): 32× at 8K, 256× at 32K, 1,024× at 128K.',
      evidence: [['line-chart', 'log–log savings curve']],
    }),
    outlinePart({
      id: 'D',
      title: 'Precision',
      concept: 'Naive INT4 adds ~8 perplexity; outlier-aware INT4 adds under 0.5.',
      evidence: [['bar-chart', 'perplexity per quantization scheme']],
    }),
    outlinePart({
      id: 'E',
      title: 'Optimization playbook',
      concept: 'The wrong optimization gives under 5%; the right one gives 2–4×.',
      evidence: [['sensitivity-tornado', 'which term the workload is sensitive to']],
      solverRefs: ['sensitivity'],
    }),
  ],
  synthesis: {
    prompt: 'Write your track’s optimization playbook: diagnosis first, then the two optimizations that pay.',
    citesCheckpoints: ['A', 'B', 'E'],
  },
  ledger: {
    produces: [],
    consumes: [{ labId: 'v2_07_failure_budget_engineering', key: 'checkpoint_interval_min' }],
  },
})
