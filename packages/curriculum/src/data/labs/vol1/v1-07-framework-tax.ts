/** V1-07, ML Frameworks: dispatch overhead, kernel fusion, compile break-even, runtimes. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_07 = defineLab({
  id: 'v1_07_framework_tax',
  volume: 1,
  number: 7,
  slug: 'lab_07_ml_frameworks',
  title: 'Framework Tax',
  altTitles: ['Kernel Fusion Dividend'],
  legacy: vol1Legacy(7, 'lab_07_ml_frameworks'),
  chapterId: 'frameworks',
  durationMin: 54,
  walls: [3],
  solverRefs: ['efficiency'],
  tracks: variants('How much of the runtime is the framework rather than the model?'),
  parts: [
    outlinePart({
      id: 'A',
      title: 'Dispatch tax',
      concept:
        '1,000 tiny kernels (5 µs) vs 20 big ones (500 µs) at ~10 µs dispatch: <1% vs >90% utilization.',
      evidence: [['gauge', 'accelerator utilization']],
      solverRefs: ['efficiency'],
    }),
    outlinePart({
      id: 'B',
      title: 'Fusion',
      concept: 'Fusing three element-wise ops gives ~3× (arithmetic intensity 0.5 → 1.5).',
      evidence: [['timeline', 'eager vs fused kernel timeline']],
    }),
    outlinePart({
      id: 'C',
      title: 'Compile break-even',
      concept:
        'torch.compile pays off after tens of thousands of inferences (30 s compile / 2 ms saved = 15,000).',
      evidence: [['line-chart', 'break-even curves']],
    }),
    outlinePart({
      id: 'D',
      title: 'Deployment spectrum',
      concept:
        'ResNet-50 spans 17× in latency across frameworks; the PyTorch runtime (1,800 MB) is ~3,600× an ESP32’s 512 KB.',
      evidence: [['bar-chart', 'latency and runtime size per framework']],
    }),
  ],
  synthesis: {
    prompt: 'Pick the runtime for your track and the fusion or compilation it needs to pay off.',
    citesCheckpoints: ['A', 'C', 'D'],
  },
})
