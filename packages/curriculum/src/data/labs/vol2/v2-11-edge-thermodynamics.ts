/**
 * V2-11, Edge Intelligence (exemplar): learning on the device — memory amplification,
 * adapters, battery drain and federated learning. Fully specified from MASTER_LAB_PLANS_FINAL.md.
 */
import { checkpointFields, defineLab, variants, vol2Legacy } from '../build.js'

const TRAINING_MEMORY = 'training-memory'

export const v2_11 = defineLab({
  id: 'v2_11_edge_thermodynamics',
  volume: 2,
  number: 11,
  slug: 'lab_11_edge_intelligence',
  title: 'The Edge Thermodynamics Lab',
  legacy: vol2Legacy(10, 'lab_10_edge_intelligence'),
  chapterId: 'edge_intelligence',
  specLevel: 'full',
  durationMin: 54,
  walls: [10, 14],
  solverRefs: ['topology', 'distributed', TRAINING_MEMORY],
  learningObjectives: [
    'Estimate the memory amplification of on-device fine-tuning',
    'Compare per-context adapters with full model copies',
    'Relate where training runs to battery drain',
    'Explain why non-IID data multiplies federated rounds',
  ],
  tracks: variants('Can the model learn on the device without breaking memory, battery or the network?', {
    iphone: {
      scenario:
        'Personalize a keyboard model on an iPhone 15 Pro under a 300 MB app ceiling and a 15 Wh battery.',
      modelRef: 'MobileNetV2',
      thresholds: { appMemory: { value: 300, unit: 'MB' } },
    },
    oura_ring: {
      scenario: 'Adapt a sleep-stage model on the ring itself: 512 KB of SRAM and a tiny battery.',
      thresholds: { appMemory: { value: 512, unit: 'KiB' } },
      residualRisk: 'Updates must be tiny enough to send over BLE.',
    },
    robotaxi: {
      scenario: 'Each RoboTaxi adapts to its city; updates merge across the fleet overnight.',
      thresholds: { appMemory: { value: 4, unit: 'GB' } },
    },
    cloud_fleet: {
      scenario: 'The cloud coordinates federated rounds across millions of phones.',
      thresholds: { appMemory: { value: 80, unit: 'GB' } },
    },
  }),
  parts: [
    {
      id: 'A',
      title: 'Memory amplification tax',
      concept:
        'Fine-tuning holds weights, gradients, optimizer state and activations: 5–9× the inference footprint.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Adam keeps two FP32 moments per parameter (8 B) plus FP32 master weights.',
        'LoRA trains a few adapter matrices; bias-only trains almost nothing.',
      ],
      scenarioSlice: 'A 10 M-parameter model uses 40 MB for inference; the app may use 300 MB.',
      prediction: {
        kind: 'choice',
        prompt: 'Does full fine-tuning fit under the 300 MB ceiling?',
        options: [
          { id: 'fits-easily', label: 'Yes, easily: about 80 MB' },
          { id: 'borderline', label: 'Only sometimes: 200–360 MB depending on batch and optimizer' },
          { id: 'gigabytes', label: 'No: it needs gigabytes' },
        ],
        correctOptionId: 'borderline',
        commonWrong: ['fits-easily'],
        whyWrong: 'Gradients and optimizer state add 3–4 copies of the weights before activations.',
      },
      controls: [
        {
          id: 'adaptation',
          kind: 'radio',
          label: 'Adaptation method',
          options: [
            { label: 'Full fine-tuning', value: 'full' },
            { label: 'LoRA (rank 16)', value: 'lora-16' },
            { label: 'Bias only', value: 'bias' },
          ],
          default: 'full',
          variableRef: 'f_train',
        },
        {
          id: 'finetune-batch',
          kind: 'slider',
          label: 'Batch size',
          min: 1,
          max: 32,
          scale: 'log',
          default: 8,
          unitless: true,
          paramRef: { solver: TRAINING_MEMORY, input: 'batchSize' },
        },
        {
          id: 'optimizer',
          kind: 'dropdown',
          label: 'Optimizer',
          options: [
            { label: 'Adam', value: 'adam' },
            { label: 'SGD', value: 'sgd' },
            { label: 'None (frozen)', value: 'none' },
          ],
          default: 'adam',
          paramRef: { solver: TRAINING_MEMORY, input: 'optimizer' },
        },
      ],
      evidence: [
        { instrumentId: 'memory-ledger', caption: 'memory stack against the app ceiling', primary: true },
      ],
      constraintCheck: {
        metric: 'fine-tuning memory',
        comparator: '<=',
        limitRef: 'appMemory',
        firstMitigation: 'Switch to LoRA or bias-only adaptation.',
      },
      mathPeek: {
        formula: 'M_{train} = P\\,(b_w + f_{train}\\,(b_g + b_o)) + M_{act}',
        variables: {
          P: 'parameters',
          b_w: 'bytes per weight',
          f_train: 'trainable fraction (1 full, ≪1 LoRA)',
          b_g: 'bytes per gradient',
          b_o: 'optimizer bytes per parameter',
          M_act: 'activation memory',
        },
        solverRef: TRAINING_MEMORY,
      },
      failureStates: [{ id: 'oom', condition: 'fine-tuning footprint > app memory ceiling' }],
      reflectionPrompts: {
        diagnosis: 'Which term of the memory stack broke the ceiling?',
        tradeoff: 'What does LoRA give up compared with full fine-tuning?',
        residualRisk: 'What if the OS reclaims memory mid-session?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [TRAINING_MEMORY],
    },
    {
      id: 'B',
      title: 'Adaptation selector',
      concept: 'Per-context adapters store a few megabytes each instead of a full model copy.',
      minutes: 12,
      whatYouNeedToKnow: [
        'A LoRA adapter of rank r on an h×h matrix stores 2·r·h parameters.',
        'Contexts share the frozen base model.',
      ],
      scenarioSlice: 'Ten personal contexts (work, home, languages…) each need their own behavior.',
      prediction: {
        kind: 'choice',
        prompt: 'Full copies for ten contexts take 400 MB. With LoRA adapters the total is about…',
        options: [
          { id: 'mb-400', label: 'Still about 400 MB' },
          { id: 'mb-200', label: 'About 200 MB' },
          { id: 'mb-42', label: 'About 42 MB' },
          { id: 'mb-4', label: 'About 4 MB' },
        ],
        correctOptionId: 'mb-42',
        commonWrong: ['mb-4'],
        whyWrong: 'The shared 40 MB base stays; only the small adapters multiply.',
      },
      controls: [
        {
          id: 'contexts',
          kind: 'slider',
          label: 'Contexts',
          min: 1,
          max: 10,
          step: 1,
          default: 10,
          unitless: true,
          variableRef: 'n',
        },
        {
          id: 'lora-rank',
          kind: 'dropdown',
          label: 'LoRA rank',
          options: [
            { label: '4', value: 4 },
            { label: '8', value: 8 },
            { label: '16', value: 16 },
            { label: '32', value: 32 },
          ],
          default: 16,
          variableRef: 'r',
        },
      ],
      evidence: [
        {
          instrumentId: 'stacked-bar',
          caption: 'storage per context: full copies vs adapters',
          primary: true,
        },
      ],
      constraintCheck: {
        metric: 'adapter storage',
        comparator: '<=',
        limit: { value: 50, unit: 'MB' },
        firstMitigation: 'Lower the rank or share adapters between similar contexts.',
      },
      mathPeek: {
        formula: 'M = M_{base} + n \\cdot 2 r h L \\cdot b',
        variables: {
          M_base: 'frozen base model',
          n: 'contexts',
          r: 'LoRA rank',
          h: 'hidden size',
          L: 'adapted layers',
          b: 'bytes per parameter',
        },
      },
      reflectionPrompts: {
        diagnosis: 'What share of storage is the shared base?',
        tradeoff: 'When is a full copy worth its size?',
        residualRisk: 'How do adapters interact when contexts overlap?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'C',
      title: 'Battery drain',
      concept:
        'Where on-device training runs, CPU or NPU, decides whether it is affordable in battery terms.',
      minutes: 12,
      whatYouNeedToKnow: ['Drain = power × time / battery energy.', 'Sessions abort below 20% battery.'],
      scenarioSlice: 'One fine-tuning session on a phone with a 15 Wh battery.',
      prediction: {
        kind: 'choice',
        prompt: 'How much battery does one session drain on the CPU and on the NPU?',
        options: [
          { id: 'cpu15-npu03', label: '≈15% on the CPU, ≈0.3% on the NPU' },
          { id: 'cpu3-npu1', label: '≈3% on the CPU, ≈1% on the NPU' },
          { id: 'cpu50-npu20', label: '≈50% on the CPU, ≈20% on the NPU' },
        ],
        correctOptionId: 'cpu15-npu03',
        commonWrong: ['cpu3-npu1'],
        whyWrong: 'The NPU does the same work at a small fraction of the energy per operation.',
      },
      controls: [
        {
          id: 'compute-unit',
          kind: 'radio',
          label: 'Compute unit',
          options: [
            { label: 'CPU', value: 'cpu' },
            { label: 'NPU', value: 'npu' },
          ],
          default: 'cpu',
          variableRef: 'P',
        },
        {
          id: 'session-length',
          kind: 'slider',
          label: 'Session length',
          unit: 'min',
          min: 1,
          max: 60,
          default: 20,
          variableRef: 't',
        },
      ],
      evidence: [{ instrumentId: 'gauge', caption: 'battery gauge with the 20% abort line', primary: true }],
      constraintCheck: {
        metric: 'battery drained per session',
        comparator: '<=',
        limit: { value: 5, unit: '%' },
        firstMitigation: 'Run on the NPU, while charging, or with fewer steps.',
      },
      mathPeek: {
        formula: '\\text{drain} = \\frac{P \\cdot t}{E_{battery}}',
        variables: { P: 'power of the compute unit', t: 'session time', E_battery: 'battery energy (15 Wh)' },
      },
      failureStates: [{ id: 'budget', condition: 'battery < 20%: the session aborts' }],
      reflectionPrompts: {
        diagnosis: 'How many sessions per day can the battery afford on each unit?',
        tradeoff: 'Would you train only while charging, and what does that delay?',
        residualRisk: 'What if the NPU does not support the training ops you need?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'D',
      title: 'Federation paradox',
      concept:
        'Non-IID client data multiplies the rounds federated learning needs, and communication dominates.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Each round sends model updates up and down for every participating client.',
        'Lower Dirichlet β means more skewed client data.',
      ],
      scenarioSlice: 'Phones collaborate on a model without sharing data; their data differ by user.',
      prediction: {
        kind: 'choice',
        prompt: 'How many more rounds does federated averaging need on non-IID data than on IID data?',
        options: [
          { id: 'same', label: 'About the same' },
          { id: 'x2', label: 'About 2×' },
          { id: 'up-to-28x', label: 'Up to 28×' },
        ],
        correctOptionId: 'up-to-28x',
        commonWrong: ['x2'],
        whyWrong: 'Skewed clients pull the average in different directions; convergence slows sharply.',
      },
      controls: [
        {
          id: 'dirichlet-beta',
          kind: 'slider',
          label: 'Data skew β',
          min: 0.1,
          max: 2,
          step: 0.1,
          default: 0.5,
          unitless: true,
          variableRef: 'β',
        },
        {
          id: 'local-epochs',
          kind: 'slider',
          label: 'Local epochs',
          min: 1,
          max: 20,
          step: 1,
          default: 3,
          unitless: true,
          variableRef: 'E',
        },
        {
          id: 'clients',
          kind: 'slider',
          label: 'Clients per round',
          min: 10,
          max: 500,
          scale: 'log',
          default: 100,
          unitless: true,
          variableRef: 'K',
        },
      ],
      evidence: [
        { instrumentId: 'line-chart', caption: 'rounds to converge vs β', primary: true },
        { instrumentId: 'stacked-bar', caption: 'communication budget per round' },
      ],
      constraintCheck: {
        metric: 'rounds to target accuracy',
        comparator: '<=',
        limit: { value: 200, unit: 'rounds' },
        firstMitigation: 'Raise local epochs to about 3 and send INT8 updates.',
      },
      mathPeek: {
        formula: 'C_{total} = R(\\beta, E) \\cdot K \\cdot |\\Delta w|',
        variables: {
          R: 'rounds to converge',
          β: 'data skew (Dirichlet concentration)',
          E: 'local epochs',
          K: 'clients per round',
          '|Δw|': 'update size',
        },
      },
      reflectionPrompts: {
        diagnosis: 'What dominated the total communication: rounds or update size?',
        tradeoff: 'What do more local epochs cost in client drift?',
        residualRisk: 'Which clients are left out of the model, and does it matter?',
      },
      checkpointFields: checkpointFields(),
    },
  ],
  synthesis: {
    prompt:
      'Decide whether your track’s model adapts on the device, how, and what it costs in memory, battery and network.',
    citesCheckpoints: ['A', 'C', 'D'],
  },
  ledger: { produces: [], consumes: [] },
  notes: [
    'Part D’s federated model is planned in mlsysim (mlsysim/sim/federated.py); until a solver exists its controls drive Math Peek variables.',
  ],
})
