/**
 * The assessment layer (instructors/assessment.qmd, the syllabi, the course map): tiers,
 * rubrics, capstones with per-track budgets, design challenges, and the practice layer.
 */
import type { Assessment, Rubric } from '../schema/index.js'

/** Three levels per criterion: full, partial (60%), minimal (20%), as the Decision Log rubric scores 10/6/2. */
function criterion(name: string, max: number, full: string, partial: string, minimal: string) {
  return {
    name,
    levels: [
      { points: max, descriptor: full },
      { points: (max * 6) / 10, descriptor: partial },
      { points: (max * 2) / 10, descriptor: minimal },
    ],
  }
}

const decisionLog: Rubric = {
  id: 'decision-log',
  title: 'Decision Log (200 words)',
  total: 30,
  criteria: [
    criterion(
      'Quantitative evidence',
      10,
      'Cites three or more numbers from the lab, with units',
      'Cites one or two numbers',
      'No numbers, only impressions',
    ),
    criterion(
      'Causal reasoning',
      10,
      'Ties the outcome to a named Iron Law term',
      'Names a cause without linking it to a term',
      'Restates the outcome',
    ),
    criterion(
      'Constraint awareness',
      10,
      'Names the binding constraint and what would relax it',
      'Names a constraint but not whether it binds',
      'Ignores constraints',
    ),
  ],
}

const designChallenge: Rubric = {
  id: 'design-challenge',
  title: 'Design Challenge',
  total: 50,
  criteria: [
    criterion(
      'Solution quality',
      15,
      'Meets every constraint with margin',
      'Meets most constraints',
      'Infeasible design',
    ),
    criterion('Methodology', 15, 'Systematic exploration with evidence', 'Partial exploration', 'Guesswork'),
    criterion('Iron Law mapping', 10, 'Every choice mapped to a term', 'Some choices mapped', 'No mapping'),
    criterion('Documentation', 10, 'Reproducible report', 'Report with gaps', 'Missing report'),
  ],
}

const tinytorchModule: Rubric = {
  id: 'tinytorch-module',
  title: 'TinyTorch module',
  total: 100,
  criteria: [
    {
      name: 'Auto-graded tests',
      levels: [
        { points: 70, descriptor: 'All tests pass (points in proportion to passing tests)' },
        { points: 0, descriptor: 'No test passes' },
      ],
    },
    criterion(
      'Systems-thinking question 1',
      10,
      'Correct with a number',
      'Correct without evidence',
      'Incorrect',
    ),
    criterion(
      'Systems-thinking question 2',
      10,
      'Correct with a number',
      'Correct without evidence',
      'Incorrect',
    ),
    criterion(
      'Systems-thinking question 3',
      10,
      'Correct with a number',
      'Correct without evidence',
      'Incorrect',
    ),
  ],
}

export const assessment: Assessment = {
  tiers: [
    {
      id: 'correctness',
      title: 'Correctness',
      weight: 40,
      description: 'Auto-graded TinyTorch and lab answers',
    },
    { id: 'systems-thinking', title: 'Systems Thinking', weight: 30, description: '200-word Decision Logs' },
    {
      id: 'mastery',
      title: 'Mastery',
      weight: 30,
      description: "Design challenges (the labs' Part C)",
    },
  ],
  rubrics: [decisionLog, designChallenge, tinytorchModule],
  capstones: [
    {
      id: 'ai-olympics',
      title: 'AI Olympics',
      offeringId: 'foundations',
      tracks: [
        {
          label: 'Cloud',
          trackId: 'cloud_fleet',
          deviceRefs: ['A100'],
          deviceLabel: 'A100',
          latencyP99: { value: 10, unit: 'ms' },
          memory: { value: 16, unit: 'GB' },
          accuracy: { value: 95, unit: '%' },
        },
        {
          label: 'Edge',
          trackId: 'robotaxi',
          deviceRefs: ['RaspberryPi5', 'CoralUSBAccelerator'],
          deviceLabel: 'Raspberry Pi + Coral',
          latencyP99: { value: 50, unit: 'ms' },
          memory: { value: 1, unit: 'GB' },
          accuracy: { value: 90, unit: '%' },
        },
        {
          label: 'Mobile',
          trackId: 'iphone',
          deviceRefs: ['iPhone15Pro'],
          deviceLabel: 'simulated phone SoC',
          latencyP99: { value: 30, unit: 'ms' },
          memory: { value: 256, unit: 'MB' },
          accuracy: { value: 88, unit: '%' },
        },
        {
          label: 'Tiny',
          trackId: 'oura_ring',
          deviceRefs: ['XIAO_ESP32S3_Sense'],
          deviceLabel: 'XIAO ESP32S3',
          latencyP99: { value: 100, unit: 'ms' },
          memory: { value: 256, unit: 'KB' },
          accuracy: { value: 80, unit: '%' },
        },
      ],
      scoring: [
        { component: 'Metric: (Accuracy + Throughput) / (Energy + Latency)', points: 40 },
        { component: 'Report', points: 40 },
        { component: 'Robustness', points: 20 },
      ],
      sources: ['instructors/assessment.qmd'],
      decisions: [
        {
          id: 'ai-olympics-tiny-budget',
          subject: 'Tiny-track budget of the Semester 1 capstone',
          chosen: 'p99 < 100 ms, 256 KB, accuracy > 80% (XIAO ESP32S3)',
          alternatives: [
            { value: 'Smart Doorbell: < 50 ms and < 256 KB', source: 'instructors/foundations-syllabus.qmd' },
            {
              value: 'SmartDoorbell scenario: 200 ms SLA, 100 mW (WakeVision on ESP32_S3)',
              source: 'mlsysim/mlsysim/engine/scenarios.py',
            },
          ],
          reason:
            'assessment.qmd is the grading document and gives budgets for all four tracks; the syllabus figure covers one track only.',
        },
        {
          id: 'ai-olympics-mobile-device',
          subject: 'device of the Mobile track',
          chosen: 'iPhone15Pro (the iPhone track hardware), simulated',
          alternatives: [{ value: 'simulated phone SoC', source: 'instructors/assessment.qmd' }],
          reason: 'The page names no SoC; the iPhone track is the course’s simulated phone.',
        },
      ],
    },
    {
      id: 'fleet-synthesis',
      title: 'Fleet Synthesis',
      offeringId: 'scale',
      tracks: [],
      rubricId: 'design-challenge',
      labId: 'v2_17_fleet_synthesis',
      sources: ['instructors/scale-syllabus.qmd'],
      notes: [
        'The scale syllabus gives the capstone weight (30%) but no scoring; it is graded with the design-challenge rubric.',
      ],
    },
    {
      id: 'tinyml-final-project',
      title: 'TinyML final project',
      offeringId: 'tinyml',
      tracks: [],
      rubricId: 'design-challenge',
      sources: ['instructors/tinyml-syllabus.qmd'],
      notes: ['The TinyML syllabus gives the weight (25%) only; graded with the design-challenge rubric.'],
    },
  ],
  designChallenges: [
    {
      id: 'foundations-dc-physics',
      offeringId: 'foundations',
      title: 'Deployment physics',
      description:
        'Place one workload on cloud, edge, mobile and tiny targets under the memory, light, power and energy walls.',
      rubricId: 'design-challenge',
      labIds: ['v1_02_physics_of_deployment'],
    },
    {
      id: 'foundations-dc-stack',
      offeringId: 'foundations',
      title: 'Architecture budget',
      description:
        'Choose an architecture whose parameters and activations fit a device at a target latency.',
      rubricId: 'design-challenge',
      labIds: ['v1_05_neural_computation', 'v1_06_architecture_tax'],
    },
    {
      id: 'foundations-dc-compression',
      offeringId: 'foundations',
      title: 'Compression frontier',
      description: 'Pick a Pareto-optimal compressed model for a memory tier and defend the accuracy cost.',
      rubricId: 'design-challenge',
      labIds: ['v1_10_compression_paradox'],
    },
    {
      id: 'foundations-dc-serving',
      offeringId: 'foundations',
      title: 'Serving under an SLO',
      description: 'Size batching and replicas so p99 meets the SLO at the offered load.',
      rubricId: 'design-challenge',
      labIds: ['v1_13_tail_latency_trap'],
    },
    {
      id: 'scale-dc-tco',
      offeringId: 'scale',
      title: 'TCO audit',
      description: 'Three-year total cost of ownership of a fleet, with PUE.',
      rubricId: 'design-challenge',
      labIds: ['v2_02_compute_wall'],
    },
    {
      id: 'scale-dc-failure-recovery',
      offeringId: 'scale',
      title: 'Failure-recovery analysis',
      description: 'Choose a checkpoint interval and recovery budget for a fleet from its MTBF.',
      rubricId: 'design-challenge',
      labIds: ['v2_07_failure_budget_engineering'],
    },
    {
      id: 'scale-dc-serving-fleet',
      offeringId: 'scale',
      title: 'Inference fleet design',
      description: 'Serve 10,000 QPS under a 200 ms p99 at the lowest cost.',
      rubricId: 'design-challenge',
      labIds: ['v2_10_inference_economy'],
    },
    {
      id: 'scale-dc-carbon-budget',
      offeringId: 'scale',
      title: 'Carbon budget',
      description: 'Place a training campaign across at least three regions under a carbon budget.',
      rubricId: 'design-challenge',
      labIds: ['v2_15_carbon_budget'],
    },
  ],
  practiceLayer: [
    {
      moment: 'Weekly reading',
      evidence: 'Can recall and apply the core principle',
      artifact: 'In-book quizzes or short reading checks',
      connection: 'Chapter-aligned quizzes for vocabulary and first-order reasoning',
    },
    {
      moment: 'Weekly labs',
      evidence: 'Can predict, measure, and explain a tradeoff',
      artifact: 'Decision Log with quantitative evidence',
      connection: 'StaffML L2-L3 drills for the same concept area',
    },
    {
      moment: 'TinyTorch modules',
      evidence: 'Can implement the mechanism and reason about its systems consequences',
      artifact: 'Auto-graded tests plus systems-thinking questions',
      connection: 'StaffML L3-L4 implementation and debugging prompts',
    },
    {
      moment: 'Hardware or simulated deployment',
      evidence: 'Can choose a design under latency, memory, power, or cost constraints',
      artifact: 'Design Challenge or deployment report',
      connection: 'StaffML track-specific drills: Cloud, Edge, Mobile, or TinyML',
    },
    {
      moment: 'Capstone',
      evidence: 'Can synthesize across data, algorithm, machine, and operations',
      artifact: 'AI Olympics or Fleet Synthesis report',
      connection: 'StaffML L5-L6+ architecture chains and mock interview prompts',
    },
  ],
  notes: [
    'The four Semester 1 design challenges are counted by the syllabus but not named in the reference; they are placed at the ends of the four parts, each extending the Part C of a lab of that part.',
    'Design-challenge criteria points (15/15/10/10) are not given by the reference beyond the 50-point total; levels follow the Decision Log pattern (full, 60%, 20%).',
  ],
}
