/**
 * V1-11, Hardware Acceleration (exemplar): the roofline, fusion, balance shift, the energy
 * roofline and tiling. Fully specified from MASTER_LAB_PLANS_FINAL.md, with the ledger fields of
 * labs/vol1/lab_11_hw_accel.track-plan.md.
 */
import { checkpointFields, defineLab, PLAN_32, variants, vol1Legacy } from '../build.js'

const SINGLE_NODE = 'single-node'
const EFFICIENCY = 'efficiency'
const TRACK_PLAN = 'labs/vol1/lab_11_hw_accel.track-plan.md'

export const v1_11 = defineLab({
  id: 'v1_11_hardware_roofline',
  volume: 1,
  number: 11,
  slug: 'lab_11_hw_accel',
  title: 'Hardware Roofline',
  legacy: vol1Legacy(11, 'lab_11_hw_accel'),
  chapterId: 'hw_acceleration',
  specLevel: 'full',
  durationMin: 66,
  walls: [1, 2],
  solverRefs: [SINGLE_NODE, EFFICIENCY],
  learningObjectives: [
    'Place a kernel on the roofline and name its regime',
    'Move a memory-bound kernel right by fusion and tiling',
    'Explain why the same kernel changes regime across accelerators',
    'Relate arithmetic intensity to energy per FLOP',
  ],
  tracks: variants('Is the accelerator the bottleneck, or the bytes that feed it?', {
    iphone: {
      scenario: 'The iPhone 15 Pro’s Neural Engine runs MobileNetV2: which kernels leave it idle?',
      defaults: { device: 'iPhone15Pro', 'roofline-hardware': 'iPhone15Pro' },
    },
    oura_ring: {
      scenario: 'The Oura Ring’s microcontroller runs DS-CNN: is SRAM bandwidth or compute the limit?',
      defaults: { device: 'OuraRing', 'roofline-hardware': 'OuraRing' },
    },
    robotaxi: {
      scenario: 'The RoboTaxi computer runs YOLOv8 Nano: which layers are memory-bound at batch 1?',
      defaults: { device: 'RoboTaxi', 'roofline-hardware': 'RoboTaxi' },
    },
    cloud_fleet: {
      scenario: 'A GEMM-heavy service on H100s reports 31.5% MFU; the team suspects a bug.',
      defaults: { device: 'H100', 'roofline-hardware': 'H100' },
    },
  }),
  parts: [
    {
      id: 'A',
      title: 'Roofline',
      concept:
        'Attainable performance is min(peak, intensity × bandwidth); below the ridge a kernel is memory-bound.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Arithmetic intensity = FLOPs / bytes moved.',
        'Ridge point = peak / bandwidth (H100 FP16 ≈ 295 FLOP/B).',
        'Low MFU below the ridge is physics, not a bug.',
      ],
      scenarioSlice: 'A GEMM with N = 512 runs at 31.5% MFU on an H100.',
      prediction: {
        kind: 'choice',
        prompt: 'What explains the 31.5% MFU?',
        options: [
          { id: 'bug', label: 'A bug in the kernel' },
          { id: 'memory-bound', label: 'It is memory-bound: its intensity is below the ridge' },
          { id: 'thermal', label: 'Thermal throttling' },
          { id: 'launch', label: 'Kernel launch overhead' },
        ],
        correctOptionId: 'memory-bound',
        commonWrong: ['bug'],
        whyWrong: 'Its intensity (≈170 FLOP/B) sits below the H100’s ridge (≈295), so bandwidth caps it.',
      },
      controls: [
        {
          id: 'gemm-n',
          kind: 'slider',
          label: 'Matrix size N',
          min: 128,
          max: 8192,
          scale: 'log',
          default: 512,
          unitless: true,
          variableRef: 'N',
        },
        {
          id: 'roofline-precision',
          kind: 'dropdown',
          label: 'Precision',
          options: [
            { label: 'FP32', value: 'fp32' },
            { label: 'FP16', value: 'fp16' },
            { label: 'INT8', value: 'int8' },
          ],
          default: 'fp16',
          paramRef: { solver: SINGLE_NODE, input: 'precision' },
        },
        {
          id: 'roofline-hardware',
          kind: 'dropdown',
          label: 'Accelerator',
          options: [
            { label: 'NVIDIA H100', value: 'H100' },
            { label: 'NVIDIA A100', value: 'A100' },
            { label: 'Jetson Orin NX', value: 'JetsonOrinNX' },
            { label: 'RoboTaxi reference computer', value: 'RoboTaxi' },
            { label: 'iPhone 15 Pro', value: 'iPhone15Pro' },
            { label: 'Oura Ring', value: 'OuraRing' },
          ],
          paramRef: { solver: SINGLE_NODE, input: 'hardware' },
        },
      ],
      evidence: [
        {
          instrumentId: 'roofline',
          caption: 'log–log roofline with the ridge and the GEMM’s point',
          primary: true,
        },
        { instrumentId: 'table', caption: 'candidate table' },
      ],
      constraintCheck: {
        metric: 'MFU',
        comparator: '>=',
        limit: { value: 50, unit: '%' },
        firstMitigation: 'Raise arithmetic intensity: larger tiles, fusion or batching.',
      },
      mathPeek: {
        formula: 'R = \\min(R_{peak}, AI \\cdot BW), \\quad AI_{GEMM} = \\frac{2N^3}{3N^2 b}',
        variables: {
          R: 'attainable FLOP/s',
          R_peak: 'peak FLOP/s',
          AI: 'arithmetic intensity',
          BW: 'memory bandwidth',
          N: 'matrix dimension',
          b: 'bytes per element',
        },
        solverRef: SINGLE_NODE,
      },
      reflectionPrompts: {
        diagnosis: 'Where does the GEMM sit relative to the ridge, and what caps it?',
        tradeoff: 'What would you change first: N, precision, or the accelerator?',
        residualRisk: 'Which of your model’s layers stay memory-bound at any batch?',
      },
      checkpointFields: checkpointFields('workload_ai', 'ridge_flop_per_byte', 'roofline_regime', 'mfu_pct'),
      solverRefs: [SINGLE_NODE],
    },
    {
      id: 'B',
      title: 'Fusion moves the point',
      concept:
        'Fusing element-wise ops removes round trips to HBM and moves the point right on the roofline.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Each unfused element-wise op reads and writes the whole tensor.',
        'Fusing k ops reads and writes it once: intensity grows about k-fold.',
      ],
      scenarioSlice: 'LayerNorm, Dropout and ReLU run as three kernels after each attention block.',
      prediction: {
        kind: 'choice',
        prompt: 'Fusing LayerNorm + Dropout + ReLU into one kernel speeds the sequence up by about…',
        options: [
          { id: 'x1-1', label: 'About 1.1×' },
          { id: 'x3-5', label: '3–5×' },
          { id: 'x20', label: 'About 20×' },
        ],
        correctOptionId: 'x3-5',
        commonWrong: ['x1-1'],
        whyWrong: 'Memory-bound ops are paid in bytes; fusion removes most of them.',
      },
      controls: [
        {
          id: 'fused-ops',
          kind: 'slider',
          label: 'Ops fused into one kernel',
          min: 1,
          max: 5,
          step: 1,
          default: 1,
          unitless: true,
          variableRef: 'k',
        },
      ],
      evidence: [
        { instrumentId: 'bar-chart', caption: 'HBM traffic per op, unfused vs fused', primary: true },
        { instrumentId: 'roofline', caption: 'the point moving right' },
      ],
      constraintCheck: {
        metric: 'speedup of the op sequence',
        comparator: '>=',
        limit: { value: 3, unit: '×' },
        firstMitigation: 'Fuse the element-wise chain into the producer kernel.',
      },
      mathPeek: {
        formula: 'AI_{fused} \\approx k \\cdot AI_{op}',
        variables: { k: 'ops fused', AI_op: 'intensity of one element-wise op' },
      },
      reflectionPrompts: {
        diagnosis: 'How much HBM traffic did fusion remove?',
        tradeoff: 'What does fusion cost in compile time and flexibility?',
        residualRisk: 'Which ops in your model cannot be fused?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'C',
      title: 'Balance shift',
      concept:
        'The ridge point moves with the hardware: the same kernel is compute-bound on one device, memory-bound on another.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Ridge points (as quoted): Jetson Orin NX ≈ 118, A100 ≈ 156, H100 ≈ 295 FLOP/B.',
        'Accelerators grew compute faster than bandwidth, so ridges climb.',
      ],
      scenarioSlice: 'A kernel tuned on a Jetson Orin NX is compute-bound there.',
      prediction: {
        kind: 'choice',
        prompt: 'Moved unchanged to an H100, the kernel is…',
        options: [
          { id: 'still-compute', label: 'Still compute-bound' },
          { id: 'memory-bound', label: 'Memory-bound' },
        ],
        correctOptionId: 'memory-bound',
        commonWrong: ['still-compute'],
        whyWrong: 'The H100’s ridge is more than twice the Jetson’s; the kernel’s intensity did not change.',
      },
      controls: [
        {
          id: 'device',
          kind: 'dropdown',
          label: 'Accelerator',
          options: [
            { label: 'Jetson Orin NX', value: 'JetsonOrinNX' },
            { label: 'NVIDIA A100', value: 'A100' },
            { label: 'NVIDIA H100', value: 'H100' },
            { label: 'RoboTaxi reference computer', value: 'RoboTaxi' },
            { label: 'iPhone 15 Pro', value: 'iPhone15Pro' },
            { label: 'Oura Ring', value: 'OuraRing' },
          ],
          paramRef: { solver: SINGLE_NODE, input: 'hardware' },
        },
        {
          id: 'device-workload',
          kind: 'dropdown',
          label: 'Workload',
          options: [
            { label: 'ResNet-50', value: 'ResNet50' },
            { label: 'MobileNetV2', value: 'MobileNetV2' },
            { label: 'Llama-3-8B', value: 'Llama3_8B' },
          ],
          default: 'ResNet50',
          paramRef: { solver: SINGLE_NODE, input: 'workload' },
        },
      ],
      evidence: [{ instrumentId: 'roofline', caption: 'two rooflines, one kernel', primary: true }],
      constraintCheck: {
        metric: 'attainable fraction of peak',
        comparator: '>=',
        limit: { value: 50, unit: '%' },
        firstMitigation: 'Re-tile for the new ridge or batch more work per byte.',
      },
      mathPeek: {
        formula: 'AI_{ridge} = \\frac{R_{peak}}{BW}',
        variables: { AI_ridge: 'ridge point', R_peak: 'peak FLOP/s', BW: 'memory bandwidth' },
        solverRef: SINGLE_NODE,
      },
      reflectionPrompts: {
        diagnosis: 'Why did the same kernel change regime?',
        tradeoff: 'Is a faster accelerator worth it for a memory-bound kernel?',
        residualRisk: 'Which of your kernels will regress in MFU on the next hardware generation?',
      },
      checkpointFields: checkpointFields('roofline_regime'),
      solverRefs: [SINGLE_NODE],
    },
    {
      id: 'D',
      title: 'Energy roofline',
      concept: 'Memory-bound operations spend far more energy per useful FLOP than compute-bound ones.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Energy per FLOP = energy per op + energy per byte / intensity.',
        'DRAM costs ~160 pJ per byte; an FP16 MAC ~1.1 pJ.',
      ],
      scenarioSlice: 'Two kernels do the same FLOPs; one is memory-bound.',
      prediction: {
        kind: 'choice',
        prompt: 'How much more energy per FLOP does the memory-bound kernel use?',
        options: [
          { id: 'same', label: 'About the same' },
          { id: 'x10', label: 'About 10×' },
          { id: 'x1000', label: 'About 1,000×' },
        ],
        correctOptionId: 'x10',
        commonWrong: ['same'],
        whyWrong: 'At low intensity the byte term dominates the energy of every FLOP.',
      },
      controls: [
        {
          id: 'energy-ai',
          kind: 'slider',
          label: 'Arithmetic intensity',
          unit: 'FLOP/B',
          min: 0.1,
          max: 1000,
          scale: 'log',
          default: 1,
          variableRef: 'AI',
        },
      ],
      evidence: [
        { instrumentId: 'line-chart', caption: 'energy per FLOP vs arithmetic intensity', primary: true },
      ],
      constraintCheck: {
        metric: 'memory share of energy',
        comparator: '<=',
        limit: { value: 50, unit: '%' },
        firstMitigation: 'Raise reuse per byte by tiling or fusion.',
      },
      mathPeek: {
        formula: '\\frac{E}{FLOP} = E_{op} + \\frac{E_{byte}}{AI}',
        variables: {
          E_op: 'energy per operation',
          E_byte: 'energy per byte moved',
          AI: 'arithmetic intensity',
        },
      },
      reflectionPrompts: {
        diagnosis: 'At what intensity do bytes and FLOPs cost the same energy?',
        tradeoff: 'Would you trade peak speed for lower energy per inference on your track?',
        residualRisk: 'Which workloads can never reach the energy-efficient side?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'E',
      title: 'Tiling',
      concept: 'Tiling (FlashAttention) keeps attention in on-chip memory and cuts HBM traffic.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Naive attention writes the S×S score matrix to HBM.',
        'Tiling computes it block by block in SRAM (228 KiB of shared memory per H100 SM).',
      ],
      scenarioSlice: 'Attention at sequence lengths from 512 to 16K dominates your step time.',
      prediction: {
        kind: 'choice',
        prompt: 'FlashAttention-style tiling speeds attention up by about…',
        options: [
          { id: 'x1-1', label: 'About 1.1×' },
          { id: 'x2-4', label: '2–4×' },
          { id: 'x50', label: 'About 50×' },
        ],
        correctOptionId: 'x2-4',
        commonWrong: ['x50'],
        whyWrong:
          'Tiling removes HBM traffic, but the FLOPs remain; the gain is bounded by the memory share.',
      },
      controls: [
        {
          id: 'flash-attention',
          kind: 'switch',
          label: 'Tiled (FlashAttention) kernel',
          default: true,
          paramRef: { solver: EFFICIENCY, input: 'useFlashAttention' },
        },
        {
          id: 'tile-size',
          kind: 'slider',
          label: 'Tile size',
          min: 32,
          max: 2048,
          scale: 'log',
          default: 128,
          unitless: true,
          variableRef: 'B_t',
        },
        {
          id: 'sequence-length',
          kind: 'slider',
          label: 'Sequence length',
          unit: 'tokens',
          min: 512,
          max: 16384,
          scale: 'log',
          default: 4096,
          variableRef: 'S',
        },
      ],
      evidence: [
        { instrumentId: 'bar-chart', caption: 'HBM traffic with and without tiling', primary: true },
        { instrumentId: 'line-chart', caption: 'speedup vs sequence length' },
      ],
      constraintCheck: {
        metric: 'on-chip memory per tile',
        comparator: '<=',
        limit: { value: 228, unit: 'KiB' },
        firstMitigation: 'Shrink the tile until it fits shared memory.',
      },
      mathPeek: {
        formula:
          '\\text{traffic}_{naive} \\propto S^2, \\quad \\text{traffic}_{tiled} \\propto \\frac{S^2 d}{M_{SRAM}}, \\quad M_{tile} \\propto B_t \\cdot d',
        variables: {
          S: 'sequence length',
          d: 'head dimension',
          M_SRAM: 'on-chip memory',
          B_t: 'tile size',
        },
        solverRef: EFFICIENCY,
      },
      reflectionPrompts: {
        diagnosis: 'How did tiling change the HBM traffic at your sequence length?',
        tradeoff: 'What limits the tile size you can use?',
        residualRisk: 'Which attention variants in your model cannot be tiled this way?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [EFFICIENCY],
    },
  ],
  synthesis: {
    prompt:
      'Pick the accelerator and precision for your track’s workload; defend it with the roofline regime, energy per FLOP and the tiling gain.',
    citesCheckpoints: ['A', 'C', 'D', 'E'],
  },
  ledger: {
    produces: [
      { key: 'workload_ai', description: 'arithmetic intensity of the student’s workload' },
      { key: 'ridge_flop_per_byte', description: 'ridge point of the chosen accelerator' },
      { key: 'roofline_regime', description: 'memory- or compute-bound' },
      { key: 'mfu_pct', description: 'model FLOPs utilization' },
    ],
    consumes: [
      { labId: 'v1_06_architecture_tax', key: 'workload_signature' },
      { labId: 'v1_08_training_gauntlet', key: 'training_memory_budget' },
    ],
  },
  decisions: [
    {
      id: 'v1-11-parts',
      subject: 'parts of V1-11',
      chosen: 'A Roofline · B Fusion · C Balance shift · D Energy roofline · E Tiling',
      alternatives: [
        {
          value: 'A Roofline · B Memory movement · C Tensor-core/precision contract · D Accelerator fit',
          source: TRACK_PLAN,
        },
      ],
      reason:
        'The master plan carries a target for every part; the track plan’s ledger fields are kept on Part A.',
    },
  ],
  sources: ['labs/mlsysbook_labs/catalog.py', PLAN_32, TRACK_PLAN],
})
