/**
 * V1-02, ML Systems: the physics of deployment — memory, light, power and energy walls.
 * Fully specified: predictions with answers, controls bound to solver inputs or Math Peek
 * variables, instruments, constraint checks and reflection prompts (MASTER_LAB_PLANS_FINAL.md).
 */
import { checkpointFields, defineLab, PLAN_32, variants, vol1Legacy } from '../build.js'

const SINGLE_NODE = 'single-node'

export const v1_02 = defineLab({
  id: 'v1_02_physics_of_deployment',
  volume: 1,
  number: 2,
  slug: 'lab_02_ml_systems',
  title: 'Physics of Deployment',
  altTitles: ['The Iron Law'],
  legacy: vol1Legacy(2, 'lab_02_ml_systems'),
  chapterId: 'ml_systems',
  specLevel: 'full',
  durationMin: 54,
  walls: [1, 2],
  solverRefs: [SINGLE_NODE],
  learningObjectives: [
    'Explain why more compute does not speed up a memory-bound workload',
    'Compute the speed-of-light floor of a round trip and judge an offload plan against an SLA',
    'Predict sustained throughput under a power envelope',
    'Compare the energy of sending data with the energy of computing on it',
  ],
  tracks: variants('Which physical wall — memory, light, power or energy — binds this deployment?', {
    iphone: {
      scenario: 'A camera feature on an iPhone 15 Pro: 30 FPS on battery, inside a 5 W envelope.',
      defaults: { target: 'iPhone15Pro', model: 'MobileNetV2' },
      thresholds: { sla: { value: 100, unit: 'ms' }, fps: { value: 30, unit: 'FPS' } },
      residualRisk: 'Sustained thermal throttling in hot pockets and cases.',
    },
    oura_ring: {
      scenario:
        'Always-on activity detection on an Oura Ring: every microjoule and every radio burst counts.',
      defaults: { target: 'OuraRing', model: 'DS_CNN' },
      thresholds: { sla: { value: 500, unit: 'ms' }, fps: { value: 1, unit: 'FPS' } },
      residualRisk: 'Radio bursts dominate the battery if features leave the ring.',
    },
    robotaxi: {
      scenario: 'Perception on a RoboTaxi reacts within 10 ms; the nearest datacenter is 1,500 km away.',
      defaults: { target: 'RoboTaxi', model: 'YOLOv8_Nano' },
      thresholds: { sla: { value: 10, unit: 'ms' }, fps: { value: 30, unit: 'FPS' } },
      residualRisk: 'Rare scenes that need a larger model than the power budget allows.',
    },
    cloud_fleet: {
      scenario: 'An image API on H100s behind a 200 ms SLA; users are up to 5,000 km away.',
      defaults: { target: 'H100', model: 'ResNet50' },
      thresholds: { sla: { value: 200, unit: 'ms' }, fps: { value: 60, unit: 'FPS' } },
      residualRisk: 'Network distance, not the accelerator, sets the floor for far users.',
    },
  }),
  parts: [
    {
      id: 'A',
      title: 'Memory wall',
      concept:
        'When a workload moves little compute per byte, time is bytes over bandwidth: more FLOPs do not help.',
      minutes: 12,
      whatYouNeedToKnow: [
        'The engine combines compute and memory time with max, then adds overheads: T = max(O/(R·η), D/BW) + L.',
        'Arithmetic intensity (FLOP per byte) below the ridge point R/BW means memory-bound.',
        'Decode at batch 1 reads every weight once per token: intensity near 1 FLOP/B.',
      ],
      scenarioSlice:
        'Your team wants to move batch-1 Llama-3-8B decoding from A100s to H100s because the H100 has about 3× the FP16 compute (6× with FP8).',
      prediction: {
        kind: 'numeric',
        prompt:
          'Llama-3-8B decoding at batch 1 moves from an A100 to an H100. What latency speedup do you expect?',
        unit: '×',
        tolerancePct: 15,
        compute: {
          run: {
            solver: SINGLE_NODE,
            input: { workload: 'Llama3_8B', hardware: 'A100', batchSize: 1, precision: 'fp16' },
            output: 'latency',
          },
          divideBy: {
            solver: SINGLE_NODE,
            input: { workload: 'Llama3_8B', hardware: 'H100', batchSize: 1, precision: 'fp16' },
            output: 'latency',
          },
        },
        claimed: { value: { value: 1.1, unit: '×' }, source: PLAN_32 },
        commonWrong: [3, 6],
        whyWrong:
          'The compute ratio is irrelevant while memory-bound: only the HBM bandwidth ratio moves the time.',
      },
      controls: [
        {
          id: 'gpu',
          kind: 'dropdown',
          label: 'Accelerator',
          options: [
            { label: 'NVIDIA A100', value: 'A100' },
            { label: 'NVIDIA H100', value: 'H100' },
          ],
          default: 'H100',
          paramRef: { solver: SINGLE_NODE, input: 'hardware' },
        },
        {
          id: 'batch',
          kind: 'slider',
          label: 'Batch size',
          min: 1,
          max: 256,
          step: 1,
          scale: 'log',
          default: 1,
          unitless: true,
          paramRef: { solver: SINGLE_NODE, input: 'batchSize' },
        },
        {
          id: 'precision',
          kind: 'dropdown',
          label: 'Precision',
          options: [
            { label: 'FP16', value: 'fp16' },
            { label: 'FP8', value: 'fp8' },
            { label: 'INT8', value: 'int8' },
          ],
          default: 'fp16',
          advanced: true,
          paramRef: { solver: SINGLE_NODE, input: 'precision' },
        },
      ],
      evidence: [
        {
          instrumentId: 'roofline',
          caption: 'design point against the A100 and H100 ridge markers',
          primary: true,
        },
        {
          instrumentId: 'latency-waterfall',
          caption: 'compute / memory / overhead, with a ghost of the A100 run',
        },
      ],
      constraintCheck: {
        metric: 'arithmetic intensity',
        comparator: '>=',
        limit: { value: 295, unit: 'FLOP/B' },
        firstMitigation: 'Raise the batch size to move the design point toward the ridge.',
      },
      mathPeek: {
        formula: 'T = \\max\\left(\\frac{O}{R_{peak}\\,\\eta}, \\frac{D}{BW}\\right) + L',
        variables: {
          T: 'latency per batch',
          O: 'operations per batch',
          R_peak: 'peak compute at the chosen precision',
          η: 'efficiency',
          D: 'bytes moved per batch',
          BW: 'memory bandwidth',
          L: 'dispatch and per-layer overhead',
        },
        solverRef: SINGLE_NODE,
        equationRef: '@eq-bottleneck',
      },
      reflectionPrompts: {
        diagnosis: 'Which Iron Law term dominated on the A100 and on the H100, and by how much?',
        tradeoff:
          'What does the H100’s compute premium buy this workload, and what would make it worth paying?',
        residualRisk: 'At what batch size would the upgrade start to pay off, and can the service run there?',
      },
      checkpointFields: checkpointFields('workload_ai'),
      solverRefs: [SINGLE_NODE],
      transition: 'Bandwidth inside the box is one wall; distance outside it is the next.',
    },
    {
      id: 'B',
      title: 'Light barrier',
      concept: 'A round trip cannot beat the speed of light in fiber; no optimization removes that floor.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Light in fiber travels ~200,000 km/s (about 0.67 c).',
        'A round trip covers the distance twice: RTT = 2d / v.',
      ],
      scenarioSlice: 'A robotaxi must react within 10 ms. The nearest datacenter is 1,500 km away.',
      prediction: {
        kind: 'choice',
        prompt: 'Can the robotaxi offload perception to that datacenter and still meet its 10 ms SLA?',
        options: [
          { id: 'yes-faster-network', label: 'Yes, with a fast enough network link' },
          { id: 'yes-smaller-model', label: 'Yes, if the cloud model is small enough' },
          { id: 'no-light', label: 'No: the round trip alone takes 15 ms' },
        ],
        correctOptionId: 'no-light',
        commonWrong: ['yes-faster-network'],
        whyWrong: 'Bandwidth shortens transfer time, not propagation: 2 × 1,500 km at 200,000 km/s is 15 ms.',
      },
      controls: [
        {
          id: 'distance',
          kind: 'slider',
          label: 'Distance to the datacenter',
          unit: 'km',
          min: 0,
          max: 5000,
          step: 50,
          default: 1500,
          variableRef: 'd',
        },
        {
          id: 'sla',
          kind: 'dropdown',
          label: 'Latency SLA',
          unit: 'ms',
          options: [
            { label: '10 ms', value: 10 },
            { label: '50 ms', value: 50 },
            { label: '200 ms', value: 200 },
          ],
          default: 10,
          variableRef: 'SLA',
        },
      ],
      evidence: [
        {
          instrumentId: 'stacked-bar',
          caption: 'SLA stacked bar: round trip + compute vs SLA',
          primary: true,
        },
      ],
      constraintCheck: {
        metric: 'round-trip latency',
        comparator: '<=',
        limitRef: 'sla',
        firstMitigation: 'Run the model at the edge, next to the sensor.',
      },
      mathPeek: {
        formula: 'RTT = \\frac{2d}{v_{fiber}} \\le SLA, \\quad v_{fiber} = 200{,}000\\ \\mathrm{km/s}',
        variables: {
          RTT: 'round-trip propagation time',
          d: 'one-way distance',
          v_fiber: 'speed of light in fiber',
          SLA: 'latency budget',
        },
      },
      failureStates: [
        { id: 'sla', condition: 'round-trip time > SLA ("the speed of light cannot be optimized")' },
      ],
      reflectionPrompts: {
        diagnosis: 'What share of the SLA does propagation alone take at your track’s distance?',
        tradeoff: 'What do you give up by moving the model from the datacenter to the device?',
        residualRisk: 'Which users or routes still miss the SLA after you move compute closer?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'C',
      title: 'Power wall',
      concept:
        'Sustained performance is capped by the power the device can dissipate: burst is not steady state.',
      minutes: 12,
      whatYouNeedToKnow: [
        'A device throttles when drawn power exceeds its sustainable envelope (TDP).',
        'The lab model: performance × TDP/P, never below 25%.',
        'Envelopes: cloud hundreds of watts, edge ~25 W, mobile ~5 W, tiny ~1 W.',
      ],
      scenarioSlice: 'A phone app runs a vision model at 60 FPS when it starts.',
      prediction: {
        kind: 'choice',
        prompt: 'What frame rate does the phone sustain after 90 seconds of continuous use?',
        options: [
          { id: 'fps-60', label: '60 FPS: nothing changes' },
          { id: 'fps-45', label: 'About 45 FPS' },
          { id: 'fps-30', label: 'About 30 FPS' },
          { id: 'fps-15', label: 'About 15 FPS: throttled to a quarter' },
        ],
        correctOptionId: 'fps-15',
        commonWrong: ['fps-60'],
        whyWrong: 'The benchmark number is a burst; heat accumulates until power is cut to the envelope.',
      },
      controls: [
        {
          id: 'target',
          kind: 'dropdown',
          label: 'Target device',
          options: [
            { label: 'Cloud: NVIDIA H100', value: 'H100' },
            { label: 'Edge: Jetson Orin NX', value: 'JetsonOrinNX' },
            { label: 'Edge: RoboTaxi reference computer', value: 'RoboTaxi' },
            { label: 'Mobile: iPhone 15 Pro', value: 'iPhone15Pro' },
            { label: 'Tiny: Oura Ring', value: 'OuraRing' },
            { label: 'Tiny: ESP32-S3', value: 'ESP32_S3' },
          ],
          paramRef: { solver: SINGLE_NODE, input: 'hardware' },
        },
        {
          id: 'model',
          kind: 'dropdown',
          label: 'Model',
          options: [
            { label: 'ResNet-50', value: 'ResNet50' },
            { label: 'MobileNetV2', value: 'MobileNetV2' },
            { label: 'YOLOv8 Nano', value: 'YOLOv8_Nano' },
            { label: 'DS-CNN', value: 'DS_CNN' },
          ],
          paramRef: { solver: SINGLE_NODE, input: 'workload' },
        },
        {
          id: 'elapsed',
          kind: 'slider',
          label: 'Time since start',
          unit: 's',
          min: 0,
          max: 300,
          step: 5,
          default: 90,
          variableRef: 't',
        },
      ],
      evidence: [
        { instrumentId: 'timeline', caption: 'FPS over time with the throttle point', primary: true },
      ],
      constraintCheck: {
        metric: 'sustained frame rate',
        comparator: '>=',
        limitRef: 'fps',
        firstMitigation: 'Use a smaller model or a lower frame rate that fits the envelope.',
      },
      mathPeek: {
        formula: 'perf(t) = perf_0 \\cdot \\max\\left(\\min\\left(1, \\frac{TDP}{P}\\right), 0.25\\right)',
        variables: {
          perf_0: 'unthrottled frame rate (from the solver’s throughput)',
          TDP: 'sustainable power envelope',
          P: 'power drawn at full rate',
          t: 'time since start (throttling begins once the device heats up)',
        },
        solverRef: SINGLE_NODE,
      },
      failureStates: [{ id: 'thermal', condition: 'drawn power > TDP once the device has heated up' }],
      reflectionPrompts: {
        diagnosis: 'How far below the burst rate did your device settle, and why?',
        tradeoff: 'Would you rather ship a smaller model at full rate or the big one throttled?',
        residualRisk: 'What happens on a hot day or in a case that traps heat?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [SINGLE_NODE],
    },
    {
      id: 'D',
      title: 'Energy of transmission',
      concept: 'Sending a byte over the radio costs far more energy than computing on it locally.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Radio energy scales with bytes sent; local inference energy with operations.',
        'A 250 mAh coin cell holds under 1 Wh.',
      ],
      scenarioSlice:
        'A wearable can classify a 100 KB sensor window locally or send it over BLE to the cloud.',
      prediction: {
        kind: 'choice',
        prompt: 'How much more energy does sending the window cost than classifying it locally?',
        options: [
          { id: 'x2', label: 'About 2×' },
          { id: 'x10', label: 'About 10×' },
          { id: 'x100', label: 'About 100×' },
          { id: 'x1000', label: 'About 1,000×' },
        ],
        correctOptionId: 'x1000',
        commonWrong: ['x2'],
        whyWrong: 'A radio bit costs nanojoules; a local operation costs picojoules.',
      },
      controls: [
        {
          id: 'payload',
          kind: 'slider',
          label: 'Data per inference',
          unit: 'KB',
          min: 1,
          max: 1000,
          scale: 'log',
          default: 100,
          variableRef: 'S',
        },
        {
          id: 'radio',
          kind: 'radio',
          label: 'Radio',
          options: [
            { label: 'BLE', value: 'ble' },
            { label: 'Wi-Fi', value: 'wifi' },
            { label: 'LTE', value: 'lte' },
          ],
          default: 'ble',
          variableRef: 'E_bit',
        },
        {
          id: 'battery',
          kind: 'number',
          label: 'Battery capacity',
          unit: 'mAh',
          min: 50,
          max: 5000,
          default: 250,
          advanced: true,
          variableRef: 'E_battery',
        },
      ],
      evidence: [
        {
          instrumentId: 'bar-chart',
          caption: 'radio vs local energy per inference (log scale)',
          primary: true,
        },
        { instrumentId: 'gauge', caption: 'coin-cell lifetime' },
      ],
      constraintCheck: {
        metric: 'radio energy / local energy',
        comparator: '<=',
        limit: { value: 10, unit: '×' },
        firstMitigation: 'Classify locally and send only the result.',
      },
      mathPeek: {
        formula: '\\frac{E_{radio}}{E_{local}} = \\frac{8 S \\cdot E_{bit}}{O \\cdot E_{op}}',
        variables: {
          S: 'payload in bytes',
          E_bit: 'radio energy per bit',
          O: 'operations per inference',
          E_op: 'energy per operation',
          E_battery: 'battery capacity',
        },
        solverRef: SINGLE_NODE,
      },
      reflectionPrompts: {
        diagnosis: 'How many local inferences cost the same as one transmission on your track?',
        tradeoff: 'What accuracy or features do you give up by staying on the device?',
        residualRisk: 'When must data still leave the device, and how would you batch it?',
      },
      checkpointFields: checkpointFields(),
    },
  ],
  synthesis: {
    prompt:
      'Rank the four walls for your track’s deployment and name the one that binds first, with its number.',
    citesCheckpoints: ['A', 'B', 'C', 'D'],
  },
  ledger: {
    produces: [
      { key: 'binding_wall', description: 'the physical wall that binds first on the student’s track' },
    ],
    consumes: [{ labId: 'v1_01_ai_triad', key: 'bottleneck_at_batch1' }],
  },
  decisions: [
    {
      id: 'v1-02-memory-wall-speedup',
      subject: 'answer of Part A (A100 → H100 speedup of a memory-bound workload)',
      chosen:
        'computed by the single-node solver from the catalog (Llama-3-8B decode, batch 1, FP16): close to the HBM bandwidth ratio',
      alternatives: [{ value: '< 1.1× at AI = 5 FLOP/B', source: PLAN_32 }],
      reason:
        'With the catalog’s HBM bandwidths (A100 2,039 GB/s, H100 3.35 TB/s) a memory-bound kernel speeds up by the bandwidth ratio; the plan’s figure predates that data. The lesson (far below the compute ratio) holds.',
    },
    {
      id: 'v1-02-ai-slider',
      subject: 'Part A control for arithmetic intensity',
      chosen: 'batch-size slider bound to the single-node solver (intensity follows from batch)',
      alternatives: [{ value: 'AI slider 1–400 FLOP/B with ridge markers', source: PLAN_32 }],
      reason: 'Intensity is an output of the solver, not an input; the batch moves it along the same range.',
    },
    {
      id: 'v1-02-power-targets',
      subject: 'Part C target devices',
      chosen:
        'catalog devices per track (H100, Jetson Orin NX, RoboTaxi, iPhone 15 Pro, Oura Ring, ESP32-S3) with their catalog TDPs',
      alternatives: [{ value: 'Cloud 300 W / Edge 25 W / Mobile 5 W / Tiny 1.2 W', source: PLAN_32 }],
      reason: 'Controls bind to the single-node solver’s hardware input, so targets are catalog ids.',
    },
  ],
})
