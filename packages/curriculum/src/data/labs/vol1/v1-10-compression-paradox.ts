/**
 * V1-10, Model Compression (exemplar, five parts): quantization, pruning, the Pareto frontier,
 * the energy dividend and distillation. Fully specified from MASTER_LAB_PLANS_FINAL.md.
 */
import { checkpointFields, defineLab, INDEX_33, PLAN_32, variants, vol1Legacy } from '../build.js'

const COMPRESSION = 'compression'

const bitwidthOptions = [
  { label: 'FP32', value: 32 },
  { label: 'FP16', value: 16 },
  { label: 'INT8', value: 8 },
  { label: 'INT4', value: 4 },
  { label: 'INT3', value: 3 },
  { label: 'INT2', value: 2 },
]

export const v1_10 = defineLab({
  id: 'v1_10_compression_paradox',
  volume: 1,
  number: 10,
  slug: 'lab_10_model_compress',
  title: 'Compression Paradox',
  altTitles: ['Compression Frontier'],
  legacy: vol1Legacy(10, 'lab_10_model_compress'),
  chapterId: 'model_compression',
  specLevel: 'full',
  durationMin: 66,
  walls: [13],
  solverRefs: [COMPRESSION],
  learningObjectives: [
    'Predict the accuracy cost of quantization and locate the precision cliff',
    'Explain why unstructured sparsity rarely speeds up dense hardware',
    'Select a Pareto-optimal model for a memory tier',
    'Attribute inference energy to data movement rather than arithmetic',
    'Judge what distillation recovers',
  ],
  tracks: variants('Which compression fits the model into the device without losing what matters?', {
    iphone: {
      scenario:
        'MobileNetV2 in an iPhone app: the download size and the battery cost per inference both matter.',
      modelRef: 'MobileNetV2',
      defaults: { 'compression-model': 'MobileNetV2' },
    },
    oura_ring: {
      scenario: 'A keyword spotter on an Oura Ring must fit flash and SRAM with room for firmware.',
      modelRef: 'DS_CNN',
      defaults: { 'compression-model': 'DS_CNN' },
    },
    robotaxi: {
      scenario: 'ResNet-50 on the RoboTaxi computer: accuracy on rare scenes cannot drop.',
      modelRef: 'ResNet50',
      defaults: { 'compression-model': 'ResNet50' },
      residualRisk: 'Quantization error concentrated on rare classes.',
    },
    cloud_fleet: {
      scenario: 'Llama-3-8B on the H100 fleet: memory per replica sets how many replicas a node holds.',
      modelRef: 'Llama3_8B',
      defaults: { 'compression-model': 'Llama3_8B' },
    },
  }),
  parts: [
    {
      id: 'A',
      title: 'Quantization',
      concept:
        'Precision can fall from FP32 to INT8 almost for free; accuracy falls off a cliff below 4 bits.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Quantizing to b bits shrinks weights by 32/b from FP32.',
        'Accuracy loss is small down to 8 bits and steep below 4 ("quantization cliff").',
      ],
      scenarioSlice: 'The model must shrink; the first tool is fewer bits per weight.',
      prediction: {
        kind: 'choice',
        prompt: 'Quantizing ResNet-50 from FP32 to INT8: how much top-1 accuracy is lost?',
        options: [
          { id: 'lt-1-pp', label: 'Less than 1 point' },
          { id: 'about-5-pp', label: 'About 5 points' },
          { id: 'about-10-pp', label: 'About 10 points' },
          { id: 'gt-25-pp', label: 'More than 25 points' },
        ],
        correctOptionId: 'lt-1-pp',
        commonWrong: ['about-10-pp'],
        whyWrong: 'Eight bits still resolve the weight distribution; the cliff comes at 3–4 bits.',
      },
      controls: [
        {
          id: 'precision',
          kind: 'dropdown',
          label: 'Weight precision',
          unit: 'bit',
          options: bitwidthOptions,
          default: 8,
          paramRef: { solver: COMPRESSION, input: 'targetBitwidth' },
        },
        {
          id: 'compression-model',
          kind: 'dropdown',
          label: 'Model',
          options: [
            { label: 'ResNet-50', value: 'ResNet50' },
            { label: 'MobileNetV2', value: 'MobileNetV2' },
            { label: 'DS-CNN', value: 'DS_CNN' },
            { label: 'Llama-3-8B', value: 'Llama3_8B' },
          ],
          paramRef: { solver: COMPRESSION, input: 'workload' },
        },
      ],
      evidence: [
        {
          instrumentId: 'line-chart',
          caption: 'accuracy vs bits with the QUANTIZATION CLIFF at 3–4 bits',
          primary: true,
        },
        { instrumentId: 'bar-chart', caption: 'model size per precision' },
      ],
      constraintCheck: {
        metric: 'accuracy drop',
        comparator: '<=',
        limit: { value: 1, unit: 'pp' },
        firstMitigation: 'Stay at 8 bits, or use quantization-aware training below that.',
      },
      mathPeek: {
        formula: 'r = \\frac{b_{base}}{b}',
        variables: { r: 'compression ratio', b_base: 'baseline bits (32)', b: 'target bits' },
        solverRef: COMPRESSION,
      },
      reflectionPrompts: {
        diagnosis: 'Where is the cliff for your model, and what does it cost to step past it?',
        tradeoff: 'Which is worth more on your track: the last point of accuracy or half the memory?',
        residualRisk: 'Which inputs lose the most accuracy at low precision?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [COMPRESSION],
    },
    {
      id: 'B',
      title: 'Pruning trap',
      concept: 'Unstructured sparsity shrinks the model on paper but does not speed up dense hardware.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Pruning a fraction s of weights compresses by 1/(1−s).',
        'Dense kernels still multiply the zeros; only structured or 2:4 sparsity maps to hardware.',
      ],
      scenarioSlice: 'A colleague prunes 90% of ResNet-50’s weights and expects a 10× faster service.',
      prediction: {
        kind: 'numeric',
        prompt: 'With 90% unstructured sparsity, what inference speedup does the H100 deliver?',
        unit: '×',
        tolerancePct: 10,
        compute: {
          run: {
            solver: COMPRESSION,
            input: {
              workload: 'ResNet50',
              hardware: 'H100',
              method: 'pruning',
              sparsity: 0.9,
              sparsityType: 'unstructured',
            },
            output: 'inferenceSpeedup',
          },
        },
        claimed: { value: { value: 1, unit: '×' }, source: PLAN_32 },
        commonWrong: [10],
        whyWrong: '1/(1−s) is the storage ratio; dense hardware does the same work with zeros.',
      },
      controls: [
        {
          id: 'sparsity',
          kind: 'slider',
          label: 'Sparsity',
          min: 0,
          max: 0.95,
          step: 0.05,
          default: 0.9,
          unitless: true,
          paramRef: { solver: COMPRESSION, input: 'sparsity' },
        },
        {
          id: 'sparsity-type',
          kind: 'radio',
          label: 'Sparsity pattern',
          options: [
            { label: 'Unstructured', value: 'unstructured' },
            { label: 'Structured', value: 'structured' },
            { label: '2:4', value: 'n_m' },
          ],
          default: 'unstructured',
          paramRef: { solver: COMPRESSION, input: 'sparsityType' },
        },
      ],
      evidence: [{ instrumentId: 'line-chart', caption: 'speedup vs sparsity per pattern', primary: true }],
      constraintCheck: {
        metric: 'accuracy drop',
        comparator: '<=',
        limit: { value: 1, unit: 'pp' },
        firstMitigation: 'Use structured or 2:4 sparsity and stay below 85%.',
      },
      mathPeek: {
        formula: 'r = \\frac{1}{1-s}',
        variables: { r: 'compression ratio', s: 'sparsity' },
        solverRef: COMPRESSION,
      },
      reflectionPrompts: {
        diagnosis: 'Why did 10× fewer weights give no speedup?',
        tradeoff: 'What accuracy does structured sparsity cost for the speedup it does give?',
        residualRisk: 'Where does structured pruning above 85% collapse the model?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [COMPRESSION],
    },
    {
      id: 'C',
      title: 'Pareto frontier',
      concept: 'Only Pareto-optimal configurations are worth shipping, and the memory tier decides which.',
      minutes: 12,
      whatYouNeedToKnow: [
        'A configuration is dominated if another is smaller and at least as accurate.',
        'Weight bytes = parameters × bits / 8.',
      ],
      scenarioSlice: 'Llama-3-8B must fit a 4 GB memory tier.',
      prediction: {
        kind: 'choice',
        prompt: 'What is the widest precision at which Llama-3-8B fits in 4 GB?',
        options: [
          { id: 'fp16', label: 'FP16' },
          { id: 'int8', label: 'INT8' },
          { id: 'int4', label: 'INT4' },
          { id: 'int2', label: 'INT2' },
        ],
        correctOptionId: 'int4',
        commonWrong: ['int8'],
        whyWrong: '8 B parameters at one byte each are 8 GB; only 4 bits bring it near 4 GB.',
      },
      controls: [
        {
          id: 'memory-tier',
          kind: 'dropdown',
          label: 'Memory tier',
          unit: 'GB',
          options: [
            { label: '8 GB', value: 8 },
            { label: '4 GB', value: 4 },
            { label: '2 GB', value: 2 },
          ],
          default: 4,
          variableRef: 'M',
        },
        {
          id: 'candidate-precision',
          kind: 'dropdown',
          label: 'Candidate precision',
          unit: 'bit',
          options: bitwidthOptions,
          default: 4,
          paramRef: { solver: COMPRESSION, input: 'targetBitwidth' },
        },
      ],
      evidence: [
        {
          instrumentId: 'pareto',
          caption: 'size vs accuracy; dominated points greyed; tier lines at 8/4/2 GB',
          primary: true,
        },
        { instrumentId: 'table', caption: 'candidate table' },
      ],
      constraintCheck: {
        metric: 'weight bytes',
        comparator: '<=',
        limit: { value: 4, unit: 'GB' },
        firstMitigation: 'Drop to the next precision on the frontier.',
      },
      mathPeek: {
        formula: '|W| = P \\cdot \\frac{b}{8} \\le M',
        variables: { W: 'weight bytes', P: 'parameters', b: 'bits per weight', M: 'memory tier' },
        solverRef: COMPRESSION,
      },
      failureStates: [{ id: 'oom', condition: 'compressed size > memory tier' }],
      reflectionPrompts: {
        diagnosis: 'Which configurations are on the frontier for your tier?',
        tradeoff: 'What does the step from INT8 to INT4 cost in accuracy, and what does it buy?',
        residualRisk: 'Does the KV cache or activation memory still fit once the weights do?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [COMPRESSION],
    },
    {
      id: 'D',
      title: 'Energy dividend',
      concept: 'Inference energy is dominated by moving data; fewer bits save energy by moving fewer bytes.',
      minutes: 12,
      whatYouNeedToKnow: [
        'A DRAM access costs ~640 pJ; an integer add ~0.015 pJ (Horowitz, 45 nm).',
        'INT8 moves a quarter of FP32’s bytes.',
      ],
      scenarioSlice: 'The battery budget, not the latency, is what your track’s stakeholder asks about.',
      prediction: {
        kind: 'choice',
        prompt: 'What share of inference energy goes to memory access rather than arithmetic?',
        options: [
          { id: 'share-10', label: 'About 10%' },
          { id: 'share-50', label: 'About half' },
          { id: 'share-99', label: 'About 99%' },
        ],
        correctOptionId: 'share-99',
        commonWrong: ['share-10'],
        whyWrong: 'One DRAM access costs as much as tens of thousands of integer adds.',
      },
      controls: [
        {
          id: 'energy-precision',
          kind: 'dropdown',
          label: 'Weight precision',
          unit: 'bit',
          options: bitwidthOptions.slice(0, 4),
          default: 32,
          paramRef: { solver: COMPRESSION, input: 'targetBitwidth' },
        },
        {
          id: 'memory-level',
          kind: 'radio',
          label: 'Where weights live',
          options: [
            { label: 'DRAM', value: 'dram' },
            { label: 'SRAM', value: 'sram' },
          ],
          default: 'dram',
          variableRef: 'E_mem',
        },
      ],
      evidence: [
        { instrumentId: 'stacked-bar', caption: 'energy stack: memory access vs arithmetic', primary: true },
      ],
      constraintCheck: {
        metric: 'memory share of energy',
        comparator: '<=',
        limit: { value: 90, unit: '%' },
        firstMitigation: 'Keep weights in SRAM or cut bits per weight.',
      },
      mathPeek: {
        formula: 'E = N_{access} \\cdot E_{mem} + N_{op} \\cdot E_{op}',
        variables: {
          N_access: 'memory accesses',
          E_mem: 'energy per access (DRAM 640 pJ, SRAM 5 pJ)',
          N_op: 'arithmetic operations',
          E_op: 'energy per operation (INT8 MAC 0.2 pJ)',
        },
      },
      reflectionPrompts: {
        diagnosis: 'Which term of the energy stack did precision change, and by how much?',
        tradeoff: 'Is SRAM residency worth a smaller model on your track?',
        residualRisk: 'What energy remains once weights are INT8 and on chip?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'E',
      title: 'Distillation',
      concept: 'A small student can recover most of a large teacher’s accuracy at a fraction of the cost.',
      minutes: 12,
      whatYouNeedToKnow: [
        'The student learns from the teacher’s softened outputs (temperature T).',
        'Distillation changes the model, not the bits: it composes with quantization.',
      ],
      scenarioSlice: 'ResNet-50 (76.1% top-1) is too big; MobileNetV2 is the candidate student.',
      prediction: {
        kind: 'choice',
        prompt: 'A MobileNetV2 student distilled from the 76.1% ResNet-50 teacher reaches about…',
        options: [
          { id: 'acc-60', label: 'About 60%' },
          { id: 'acc-73', label: 'About 73%' },
          { id: 'acc-76', label: '76% or more' },
        ],
        correctOptionId: 'acc-73',
        commonWrong: ['acc-76'],
        whyWrong: 'The student’s capacity caps what it can absorb; it closes most, not all, of the gap.',
      },
      controls: [
        {
          id: 'temperature',
          kind: 'slider',
          label: 'Temperature',
          min: 1,
          max: 20,
          step: 1,
          default: 4,
          unitless: true,
          variableRef: 'T',
        },
        {
          id: 'soft-weight',
          kind: 'slider',
          label: 'Soft-target weight',
          min: 0,
          max: 1,
          step: 0.05,
          default: 0.5,
          unitless: true,
          advanced: true,
          variableRef: 'α',
        },
      ],
      evidence: [
        { instrumentId: 'line-chart', caption: 'student accuracy vs temperature', primary: true },
        { instrumentId: 'bar-chart', caption: 'teacher vs student size and latency' },
      ],
      constraintCheck: {
        metric: 'student accuracy',
        comparator: '>=',
        limit: { value: 72, unit: '%' },
        firstMitigation: 'Tune the temperature or distil on more unlabeled data.',
      },
      mathPeek: {
        formula: 'L = \\alpha T^2 \\, KL\\left(p_T^{(T)} \\| p_S^{(T)}\\right) + (1-\\alpha)\\, CE(y, p_S)',
        variables: {
          T: 'temperature',
          α: 'weight of the soft targets',
          p_T: 'teacher distribution',
          p_S: 'student distribution',
        },
      },
      reflectionPrompts: {
        diagnosis: 'How much of the teacher–student gap did distillation close?',
        tradeoff: 'Would you rather distil to a smaller model or quantize the bigger one?',
        residualRisk: 'Which classes does the student still miss?',
      },
      checkpointFields: checkpointFields('chosen_precision'),
    },
  ],
  synthesis: {
    prompt:
      'Choose one compression plan for your track (bits, sparsity pattern, student) and defend it on the frontier.',
    citesCheckpoints: ['A', 'B', 'C', 'D', 'E'],
  },
  ledger: {
    produces: [{ key: 'chosen_precision', description: 'the weight precision the student ships' }],
    consumes: [
      { labId: 'v1_05_neural_computation', key: 'activation_memory_profile' },
      { labId: 'v1_08_training_gauntlet', key: 'training_memory_budget' },
    ],
  },
  decisions: [
    {
      id: 'v1-10-title',
      subject: 'title of V1-10',
      chosen: 'Compression Paradox',
      alternatives: [
        { value: 'Compression Frontier', source: PLAN_32 },
        {
          value: 'The Roofline Model (link to lab_10_model_compress)',
          source: 'instructors/foundations-syllabus.qmd',
        },
      ],
      reason:
        'catalog.py names it Compression Paradox; "Frontier" stays an alternative title. "The Roofline Model" is V1-11’s subject, a mislabelled link.',
    },
  ],
  sources: ['labs/mlsysbook_labs/catalog.py', PLAN_32, INDEX_33],
})
