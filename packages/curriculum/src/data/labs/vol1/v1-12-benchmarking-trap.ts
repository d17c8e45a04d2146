/**
 * V1-12, Benchmarking: Amdahl's ceiling, the thermal cliff, the multi-metric trap and tail
 * latency. Fully specified from MASTER_LAB_PLANS_FINAL.md.
 */
import { checkpointFields, defineLab, PLAN_32, variants, vol1Legacy } from '../build.js'

const SINGLE_NODE = 'single-node'

export const v1_12 = defineLab({
  id: 'v1_12_benchmarking_trap',
  volume: 1,
  number: 12,
  slug: 'lab_12_perf_bench',
  title: 'Benchmarking Trap',
  altTitles: ['Speedup Ceiling'],
  legacy: vol1Legacy(12, 'lab_12_perf_bench'),
  chapterId: 'benchmarking',
  specLevel: 'full',
  durationMin: 54,
  walls: [3, 21],
  solverRefs: ['efficiency', 'sensitivity', SINGLE_NODE],
  learningObjectives: [
    'Bound an end-to-end speedup with Amdahl’s law',
    'Separate burst from sustained throughput',
    'Judge a deployment against every gate, not the headline metric',
    'Read a p99 from a tail, not a mean',
  ],
  tracks: variants('Which benchmark number would mislead your stakeholder?', {
    iphone: {
      scenario: 'A phone vision feature benchmarks at 30 FPS in a 10-second demo.',
      defaults: { 'bench-hardware': 'iPhone15Pro' },
      thresholds: { fps: { value: 30, unit: 'FPS' } },
    },
    oura_ring: {
      scenario: 'A ring classifier benchmarks once per second on a bench supply, not the battery.',
      defaults: { 'bench-hardware': 'OuraRing' },
      thresholds: { fps: { value: 1, unit: 'FPS' } },
    },
    robotaxi: {
      scenario: 'A fanless perception box benchmarks at 30 FPS in a cool lab.',
      defaults: { 'bench-hardware': 'RoboTaxi' },
      thresholds: { fps: { value: 30, unit: 'FPS' } },
      residualRisk: 'Summer ambient temperatures in the trunk.',
    },
    cloud_fleet: {
      scenario: 'An image API reports mean latency and peak QPS from a synthetic load test.',
      defaults: { 'bench-hardware': 'H100' },
      thresholds: { fps: { value: 60, unit: 'FPS' } },
    },
  }),
  parts: [
    {
      id: 'A',
      title: 'Amdahl ceiling',
      concept: 'Speeding up one stage cannot beat the share of time the rest of the pipeline takes.',
      minutes: 12,
      whatYouNeedToKnow: [
        'S = 1 / (f + (1 − f)/s), where f is the fraction not accelerated.',
        'As s → ∞, S → 1/f.',
      ],
      scenarioSlice: 'Inference is 55% of the pipeline; a new accelerator makes it 10× faster.',
      prediction: {
        kind: 'choice',
        prompt: 'What end-to-end speedup does the 10× accelerator give?',
        options: [
          { id: 'x10', label: 'About 10×' },
          { id: 'x5', label: 'About 5×' },
          { id: 'x2', label: 'About 2×' },
          { id: 'x1-2', label: 'About 1.2×' },
        ],
        correctOptionId: 'x2',
        commonWrong: ['x10'],
        whyWrong: 'The 45% that was not accelerated still runs at its old speed.',
      },
      controls: [
        {
          id: 'stage-speedup',
          kind: 'slider',
          label: 'Speedup of the accelerated stage',
          unit: '×',
          min: 1,
          max: 100,
          scale: 'log',
          default: 10,
          variableRef: 's',
        },
        {
          id: 'other-fraction',
          kind: 'slider',
          label: 'Fraction of time not accelerated',
          min: 0.05,
          max: 0.8,
          step: 0.05,
          default: 0.45,
          unitless: true,
          variableRef: 'f',
        },
      ],
      evidence: [
        {
          instrumentId: 'line-chart',
          caption: 'Amdahl saturation curve with the 1/f ceiling',
          primary: true,
        },
      ],
      constraintCheck: {
        metric: 'end-to-end speedup',
        comparator: '>=',
        limit: { value: 5, unit: '×' },
        firstMitigation: 'Attack the largest remaining stage next.',
      },
      mathPeek: {
        formula: 'S = \\frac{1}{f + \\frac{1-f}{s}}',
        variables: {
          S: 'end-to-end speedup',
          f: 'fraction not accelerated',
          s: 'speedup of the accelerated stage',
        },
      },
      reflectionPrompts: {
        diagnosis: 'What is the ceiling for your pipeline, and how close did the accelerator get?',
        tradeoff: 'Is a 100× accelerator worth buying if the ceiling is 2.2×?',
        residualRisk: 'Which stage becomes the bottleneck after this one?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'B',
      title: 'Thermal cliff',
      concept: 'Burst benchmarks overstate sustained throughput on passively cooled devices.',
      minutes: 12,
      whatYouNeedToKnow: [
        'A fanless enclosure dissipates a fixed power at a given ambient temperature.',
        'Benchmarks shorter than the thermal time constant measure the burst.',
      ],
      scenarioSlice: 'A fanless edge box benchmarks at 30 FPS.',
      prediction: {
        kind: 'choice',
        prompt: 'After 10 minutes of continuous inference the box sustains about…',
        options: [
          { id: 'fps-30', label: '30 FPS' },
          { id: 'fps-25', label: '25 FPS' },
          { id: 'fps-15', label: '15 FPS' },
          { id: 'fps-5', label: '5 FPS' },
        ],
        correctOptionId: 'fps-15',
        commonWrong: ['fps-30'],
        whyWrong:
          'The enclosure cannot shed the burst power; the clock drops until power matches dissipation.',
      },
      controls: [
        {
          id: 'ambient',
          kind: 'slider',
          label: 'Ambient temperature',
          unit: '°C',
          min: 20,
          max: 45,
          step: 1,
          default: 25,
          variableRef: 'T_amb',
        },
        {
          id: 'cooling',
          kind: 'switch',
          label: 'Active cooling',
          default: false,
          variableRef: 'cooling',
        },
        {
          id: 'bench-hardware',
          kind: 'dropdown',
          label: 'Device',
          options: [
            { label: 'RoboTaxi reference computer', value: 'RoboTaxi' },
            { label: 'Jetson Orin NX', value: 'JetsonOrinNX' },
            { label: 'iPhone 15 Pro', value: 'iPhone15Pro' },
            { label: 'Oura Ring', value: 'OuraRing' },
            { label: 'NVIDIA H100', value: 'H100' },
          ],
          paramRef: { solver: SINGLE_NODE, input: 'hardware' },
        },
      ],
      evidence: [
        {
          instrumentId: 'timeline',
          caption: 'throughput over 10 minutes with the throttle point',
          primary: true,
        },
      ],
      constraintCheck: {
        metric: 'sustained frame rate',
        comparator: '>=',
        limitRef: 'fps',
        firstMitigation:
          'Benchmark for longer than the thermal time constant, then size the model to the sustained rate.',
      },
      mathPeek: {
        formula:
          'FPS_{sustained} = FPS_{burst} \\cdot \\min\\left(1, \\frac{P_{dissipate}(T_{amb})}{P_{draw}}\\right)',
        variables: {
          FPS_burst: 'burst frame rate (solver throughput)',
          P_dissipate: 'power the enclosure sheds at ambient T_amb',
          P_draw: 'power drawn at the burst rate',
          T_amb: 'ambient temperature',
          cooling: 'active cooling on or off',
        },
        solverRef: SINGLE_NODE,
      },
      failureStates: [
        { id: 'thermal', condition: 'drawn power > dissipated power at the ambient temperature' },
      ],
      reflectionPrompts: {
        diagnosis: 'What sustained rate did your device settle at, and after how long?',
        tradeoff: 'Fan, heatsink or smaller model: which would you pay for?',
        residualRisk: 'What ambient temperature breaks your design?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [SINGLE_NODE],
    },
    {
      id: 'C',
      title: 'Multi-metric trap',
      concept: 'The most accurate model is not the deployable one: every gate must pass.',
      minutes: 12,
      whatYouNeedToKnow: [
        'A deployment passes only if accuracy, p99 latency, throughput and power all meet their gates.',
        'Gates here: p99 < 100 ms, ≥ 500 QPS, ≤ 5 W.',
      ],
      scenarioSlice:
        'Four candidate configurations; the most accurate reaches 94%. The balanced one has 91%, 95 ms p99, 600 QPS and 4.5 W.',
      prediction: {
        kind: 'choice',
        prompt: 'Which configuration passes all four gates?',
        options: [
          { id: 'most-accurate', label: 'The 94%-accuracy configuration' },
          { id: 'balanced', label: 'The balanced configuration (91%, 95 ms, 600 QPS, 4.5 W)' },
          { id: 'fastest', label: 'The fastest configuration' },
          { id: 'none', label: 'None of them' },
        ],
        correctOptionId: 'balanced',
        commonWrong: ['most-accurate'],
        whyWrong: 'The 94% model misses the p99 < 100 ms gate: "DEPLOYMENT BLOCKED".',
      },
      controls: [
        {
          id: 'config',
          kind: 'radio',
          label: 'Configuration',
          options: [
            { label: 'Most accurate (94%)', value: 'most-accurate' },
            { label: 'Balanced (91%)', value: 'balanced' },
            { label: 'Fastest', value: 'fastest' },
            { label: 'Lowest power', value: 'low-power' },
          ],
          default: 'most-accurate',
          variableRef: 'config',
        },
      ],
      evidence: [
        { instrumentId: 'radar', caption: 'SLO radar: accuracy, p99, throughput, power', primary: true },
        { instrumentId: 'dashboard', caption: 'gate cards' },
      ],
      constraintCheck: {
        metric: 'p99 latency',
        comparator: '<=',
        limit: { value: 100, unit: 'ms' },
        firstMitigation: 'Trade a point of accuracy for latency.',
      },
      mathPeek: {
        formula: '\\text{deploy} \\iff \\bigwedge_i m_i(\\text{config}) \\text{ meets } g_i',
        variables: { m_i: 'metric i of the configuration', g_i: 'gate i', config: 'candidate configuration' },
      },
      failureStates: [{ id: 'sla', condition: 'p99 > 100 ms ("DEPLOYMENT BLOCKED")' }],
      reflectionPrompts: {
        diagnosis: 'Which gate does each configuration fail?',
        tradeoff: 'How much accuracy is the latency gate worth on your track?',
        residualRisk: 'Which gate is closest to failing for the configuration you ship?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'D',
      title: 'Tail latency',
      concept: 'Typical latency hides the tail: a 50 ms median with a heavy tail misses a 200 ms p99 SLO.',
      minutes: 12,
      whatYouNeedToKnow: [
        'For a log-normal, p99 = median · e^{2.326 σ}.',
        'SLOs are written on p99, not on the mean.',
      ],
      scenarioSlice: 'Typical (median) latency is 50 ms; the latency distribution is log-normal with σ = 1.',
      prediction: {
        kind: 'choice',
        prompt: 'What is the p99 latency?',
        options: [
          { id: 'p99-60', label: 'About 60 ms' },
          { id: 'p99-100', label: 'About 100 ms' },
          { id: 'p99-200', label: 'About 200 ms' },
          { id: 'p99-500', label: 'About 500 ms' },
        ],
        correctOptionId: 'p99-500',
        commonWrong: ['p99-100'],
        whyWrong: 'e^{2.326} ≈ 10: the 99th percentile is ten times the median at σ = 1.',
      },
      controls: [
        {
          id: 'sigma',
          kind: 'slider',
          label: 'Tail shape σ',
          min: 0.1,
          max: 1,
          step: 0.05,
          default: 1,
          unitless: true,
          variableRef: 'σ',
        },
        {
          id: 'median-latency',
          kind: 'slider',
          label: 'Median latency',
          unit: 'ms',
          min: 5,
          max: 200,
          default: 50,
          variableRef: 'm',
        },
      ],
      evidence: [
        {
          instrumentId: 'p99-histogram',
          caption: 'latency histogram with p50, p99 and the 200 ms SLO line',
          primary: true,
        },
      ],
      constraintCheck: {
        metric: 'p99 latency',
        comparator: '<=',
        limit: { value: 200, unit: 'ms' },
        firstMitigation: 'Cut the tail: hedged requests, timeouts, or removing the slow path.',
      },
      mathPeek: {
        formula: 'p_{99} = m \\cdot e^{2.326\\,\\sigma}',
        variables: { m: 'median latency', σ: 'log-normal shape' },
      },
      failureStates: [{ id: 'sla', condition: 'p99 > SLO' }],
      reflectionPrompts: {
        diagnosis: 'How far apart are your median and p99?',
        tradeoff: 'What would you give up to shrink σ?',
        residualRisk: 'Which requests live in the tail, and who notices?',
      },
      checkpointFields: checkpointFields(),
    },
  ],
  synthesis: {
    prompt:
      'Write the benchmark report your track’s stakeholder should trust: sustained throughput, p99, every gate, and the Amdahl ceiling of the next optimization.',
    citesCheckpoints: ['A', 'B', 'C', 'D'],
  },
  ledger: {
    produces: [
      { key: 'benchmark_gates', description: 'the gates and sustained figures the student reports' },
    ],
    consumes: [],
  },
  decisions: [
    {
      id: 'v1-12-tail-median',
      subject: 'Part D: the 50 ms figure of the log-normal',
      chosen: '50 ms median (p99 = 50 · e^{2.326} ≈ 510 ms at σ = 1)',
      alternatives: [
        { value: '50 ms mean latency with a log-normal tail gives p99 ~500 ms', source: PLAN_32 },
      ],
      reason:
        'A 50 ms mean at σ = 1 has a ~30 ms median and a ~310 ms p99; the plan’s ~500 ms holds for a 50 ms median.',
    },
  ],
})
