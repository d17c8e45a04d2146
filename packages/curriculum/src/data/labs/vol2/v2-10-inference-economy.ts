/**
 * V2-10, Inference at Scale (exemplar): serving-cost inversion, the KV-cache wall, continuous
 * batching and a fleet design challenge. Fully specified from MASTER_LAB_PLANS_FINAL.md.
 */
import { checkpointFields, defineLab, PLAN_32, variants, vol2Legacy } from '../build.js'

const SERVING = 'serving'
const BATCHING = 'continuous-batching'
const CAPACITY = 'serving-capacity'

export const v2_10 = defineLab({
  id: 'v2_10_inference_economy',
  volume: 2,
  number: 10,
  slug: 'lab_10_inference',
  title: 'The Inference Economy',
  legacy: vol2Legacy(8, 'lab_08_inference'),
  chapterId: 'inference',
  specLevel: 'full',
  durationMin: 54,
  walls: [4, 5, 7],
  solverRefs: [SERVING, BATCHING, 'tail-latency', CAPACITY, 'economics'],
  learningObjectives: [
    'Show when serving cost overtakes training cost',
    'Size the KV cache and explain why it limits concurrency at long context',
    'Quantify what continuous batching recovers from static batching',
    'Design the cheapest fleet that meets a p99 SLO',
  ],
  tracks: variants('What does each served request cost, and what limits how many run at once?', {
    iphone: {
      scenario: 'An on-device assistant runs Llama-3-8B on an iPhone 15 Pro: one user, tight memory.',
      modelRef: 'Llama3_8B',
      thresholds: { hbm: { value: 8, unit: 'GiB' } },
      residualRisk: 'Long conversations outgrow the phone’s memory.',
    },
    oura_ring: {
      scenario:
        'The ring offloads summaries to a phone or the cloud: every request has a radio and a serving cost.',
      thresholds: { hbm: { value: 2, unit: 'MiB' } },
    },
    robotaxi: {
      scenario: 'The RoboTaxi serves its own perception stack: concurrency is cameras, not users.',
      thresholds: { hbm: { value: 32, unit: 'GiB' } },
    },
    cloud_fleet: {
      scenario: 'A chat service on 8×H100 nodes serves Llama-2-70B at up to 128K context to 10,000 QPS.',
      modelRef: 'Llama2_70B',
      thresholds: { hbm: { value: 640, unit: 'GB' } },
      residualRisk: 'Long-context requests crowd out short ones.',
    },
  }),
  parts: [
    {
      id: 'A',
      title: 'Serving-cost inversion',
      concept: 'Once a model has traffic, serving, not training, dominates its lifetime cost.',
      minutes: 12,
      whatYouNeedToKnow: [
        'Cumulative serving cost grows linearly with queries; training is paid once.',
        'Break-even time t* = C_train / (λ · c).',
      ],
      scenarioSlice: 'A $2M training run; the model then serves 100 QPS at $0.0055 per query.',
      prediction: {
        kind: 'choice',
        prompt: 'When does cumulative serving cost pass the training cost?',
        options: [
          { id: 'one-week', label: 'After about a week' },
          { id: 'six-weeks', label: 'After about six weeks' },
          { id: 'one-year', label: 'After about a year' },
          { id: 'never', label: 'Never: training dominates' },
        ],
        correctOptionId: 'six-weeks',
        commonWrong: ['never'],
        whyWrong: '100 × $0.0055 = $0.55/s, about $47.5K a day: $2M is passed in ~42 days.',
      },
      controls: [
        {
          id: 'qps',
          kind: 'slider',
          label: 'Queries per second',
          unit: 'QPS',
          min: 10,
          max: 1000,
          scale: 'log',
          default: 100,
          variableRef: 'λ',
        },
        {
          id: 'cost-per-query',
          kind: 'slider',
          label: 'Cost per query',
          unit: 'USD',
          min: 0.001,
          max: 0.05,
          scale: 'log',
          default: 0.0055,
          variableRef: 'c',
        },
        {
          id: 'training-cost',
          kind: 'number',
          label: 'Training cost',
          unit: 'USD',
          min: 100000,
          max: 100000000,
          default: 2000000,
          advanced: true,
          variableRef: 'C_train',
        },
      ],
      evidence: [
        { instrumentId: 'line-chart', caption: 'cumulative serving vs training cost', primary: true },
      ],
      constraintCheck: {
        metric: 'time until serving passes training cost',
        comparator: '>=',
        limit: { value: 365, unit: 'days' },
        firstMitigation: 'Cut cost per query: quantize, batch, cache prefixes.',
      },
      mathPeek: {
        formula: 't^* = \\frac{C_{train}}{\\lambda \\cdot c}',
        variables: { C_train: 'training cost', λ: 'queries per second', c: 'cost per query' },
      },
      reflectionPrompts: {
        diagnosis: 'How many weeks until serving dominates at your track’s traffic?',
        tradeoff: 'Is a cheaper-to-serve model worth a more expensive training run?',
        residualRisk: 'What happens to the economics if traffic grows 10×?',
      },
      checkpointFields: checkpointFields(),
    },
    {
      id: 'B',
      title: 'KV-cache wall',
      concept:
        'At long context the KV cache, not the weights, limits how many requests an accelerator serves.',
      minutes: 12,
      whatYouNeedToKnow: [
        'KV bytes = 2 · layers · KV heads · head dim · tokens · batch · bytes per element.',
        'Grouped-query attention shares K and V across heads and shrinks the cache.',
      ],
      scenarioSlice: 'Llama-2-70B on an 8×H100 node; users paste whole codebases at 128K tokens.',
      prediction: {
        kind: 'numeric',
        prompt: 'How large is the KV cache of one 128K-token request to Llama-2-70B at FP16?',
        unit: 'GB',
        tolerancePct: 10,
        compute: {
          run: {
            solver: SERVING,
            input: {
              workload: 'Llama2_70B',
              hardware: 'H100',
              seqLen: 131072,
              batchSize: 1,
              precision: 'fp16',
            },
            output: 'kvCacheBytes',
          },
        },
        claimed: { value: { value: 320, unit: 'GB' }, source: PLAN_32 },
        commonWrong: [1],
        whyWrong: 'The cache grows with every token of context, for every layer.',
      },
      controls: [
        {
          id: 'context',
          kind: 'slider',
          label: 'Context length',
          unit: 'tokens',
          min: 2048,
          max: 131072,
          scale: 'log',
          default: 131072,
          paramRef: { solver: SERVING, input: 'seqLen' },
        },
        {
          id: 'serving-batch',
          kind: 'slider',
          label: 'Concurrent requests',
          min: 1,
          max: 64,
          scale: 'log',
          default: 1,
          unitless: true,
          paramRef: { solver: SERVING, input: 'batchSize' },
        },
        {
          id: 'serving-precision',
          kind: 'dropdown',
          label: 'Precision',
          options: [
            { label: 'FP16', value: 'fp16' },
            { label: 'INT8', value: 'int8' },
            { label: 'INT4', value: 'int4' },
          ],
          default: 'fp16',
          paramRef: { solver: SERVING, input: 'precision' },
        },
      ],
      evidence: [
        {
          instrumentId: 'kv-cache-heatmap',
          caption: 'stacked HBM: weights + KV per request against the node',
          primary: true,
        },
        { instrumentId: 'memory-ledger', caption: 'memory budget per request' },
      ],
      constraintCheck: {
        metric: 'memory used',
        comparator: '<=',
        limitRef: 'hbm',
        firstMitigation: 'Quantize the KV cache or cap the context.',
      },
      mathPeek: {
        formula: 'KV = 2 \\cdot L \\cdot H_{kv} \\cdot d \\cdot S \\cdot B \\cdot b',
        variables: {
          L: 'layers',
          H_kv: 'KV heads',
          d: 'head dimension',
          S: 'context tokens',
          B: 'concurrent requests',
          b: 'bytes per element',
        },
        solverRef: SERVING,
      },
      failureStates: [{ id: 'oom', condition: 'weights + KV cache > accelerator memory' }],
      reflectionPrompts: {
        diagnosis: 'How many full-context requests fit next to the weights?',
        tradeoff: 'Would you cap context or quantize the cache first?',
        residualRisk: 'What happens when several users hit the maximum context at once?',
      },
      checkpointFields: checkpointFields('kv_cache_gb'),
      solverRefs: [SERVING],
    },
    {
      id: 'C',
      title: 'Continuous batching',
      concept:
        'Static batching pads every request to the longest; continuous batching refills slots as requests finish.',
      minutes: 12,
      whatYouNeedToKnow: [
        'A static batch holds its slots until its longest request ends.',
        'Paged KV allocates the cache in blocks, so short requests free memory early.',
      ],
      scenarioSlice: 'Requests average 128 output tokens; the static batch reserves 512.',
      prediction: {
        kind: 'choice',
        prompt: 'What share of static-batch slot time is wasted?',
        options: [
          { id: 'waste-10', label: 'About 10%' },
          { id: 'waste-25', label: 'About 25%' },
          { id: 'waste-50', label: 'About half' },
          { id: 'waste-75', label: 'About 75%' },
        ],
        correctOptionId: 'waste-75',
        commonWrong: ['waste-25'],
        whyWrong: 'Each slot does 128 useful steps out of 512: three quarters are padding.',
      },
      controls: [
        {
          id: 'max-batch',
          kind: 'slider',
          label: 'Maximum batch',
          min: 1,
          max: 256,
          scale: 'log',
          default: 32,
          unitless: true,
          paramRef: { solver: BATCHING, input: 'maxBatchSize' },
        },
        {
          id: 'max-seq-len',
          kind: 'slider',
          label: 'Maximum sequence length',
          unit: 'tokens',
          min: 128,
          max: 8192,
          scale: 'log',
          default: 512,
          paramRef: { solver: BATCHING, input: 'maxSeqLen' },
        },
        {
          id: 'mean-request-tokens',
          kind: 'slider',
          label: 'Mean tokens per request',
          unit: 'tokens',
          min: 16,
          max: 2048,
          scale: 'log',
          default: 128,
          paramRef: { solver: BATCHING, input: 'meanRequestTokens' },
        },
      ],
      evidence: [
        { instrumentId: 'timeline', caption: 'slot timelines, static vs continuous', primary: true },
        { instrumentId: 'bar-chart', caption: 'tokens per second, static vs continuous' },
      ],
      constraintCheck: {
        metric: 'slot utilization',
        comparator: '>=',
        limit: { value: 70, unit: '%' },
        firstMitigation: 'Switch to continuous batching with paged KV.',
      },
      mathPeek: {
        formula: '\\text{waste}_{static} = 1 - \\frac{E[S]}{S_{max}}',
        variables: { 'E[S]': 'mean tokens per request', S_max: 'padded length' },
        solverRef: BATCHING,
      },
      reflectionPrompts: {
        diagnosis: 'Where did the static batch waste its slots?',
        tradeoff: 'What does continuous batching cost in scheduler complexity?',
        residualRisk: 'How does a burst of long requests change the picture?',
      },
      checkpointFields: checkpointFields(),
      solverRefs: [BATCHING],
    },
    {
      id: 'D',
      title: 'Fleet design challenge',
      concept: 'The cheapest fleet that meets the SLO combines precision, batching and replica size.',
      minutes: 12,
      whatYouNeedToKnow: [
        'p99 = base latency + the queue’s 99th-percentile wait (Erlang-C over replicas).',
        'Cost is replicas × accelerators per replica.',
      ],
      scenarioSlice: 'Serve 10,000 QPS under a 200 ms p99 at the lowest cost.',
      prediction: {
        kind: 'choice',
        prompt: 'Which design is cheapest while meeting the SLO?',
        options: [
          { id: 'fp16-static-8', label: 'FP16 + static batching + 8 GPUs per replica' },
          { id: 'int8-static-4', label: 'INT8 + static batching + 4 GPUs per replica' },
          { id: 'int4-continuous-4', label: 'INT4 + continuous batching + 4 GPUs per replica' },
        ],
        correctOptionId: 'int4-continuous-4',
        commonWrong: ['fp16-static-8'],
        whyWrong: 'Smaller weights and fuller batches serve more per GPU: about 40% cheaper.',
      },
      controls: [
        {
          id: 'target-qps',
          kind: 'slider',
          label: 'Offered load',
          unit: 'QPS',
          min: 100,
          max: 20000,
          scale: 'log',
          default: 10000,
          paramRef: { solver: CAPACITY, input: 'qps' },
        },
        {
          id: 'p99-target',
          kind: 'slider',
          label: 'p99 target',
          unit: 'ms',
          min: 50,
          max: 1000,
          scale: 'log',
          default: 200,
          paramRef: { solver: CAPACITY, input: 'targetP99LatencyMs' },
        },
        {
          id: 'fleet-precision',
          kind: 'dropdown',
          label: 'Precision',
          options: [
            { label: 'FP16', value: 'fp16' },
            { label: 'INT8', value: 'int8' },
            { label: 'INT4', value: 'int4' },
          ],
          default: 'fp16',
          paramRef: { solver: CAPACITY, input: 'precision' },
        },
      ],
      evidence: [
        { instrumentId: 'pareto', caption: 'cost vs p99 of candidate fleets', primary: true },
        { instrumentId: 'dashboard', caption: 'OOM, SLA and budget status' },
      ],
      constraintCheck: {
        metric: 'p99 latency',
        comparator: '<=',
        limit: { value: 200, unit: 'ms' },
        firstMitigation: 'Add replicas, or move to INT4 with continuous batching.',
      },
      mathPeek: {
        formula: 'p_{99} = T_{base} + W_{99}(\\lambda, \\mu, c)',
        variables: {
          T_base: 'TTFT + ITL × output tokens',
          W_99: '99th-percentile queue wait (Erlang-C)',
          λ: 'arrival rate',
          μ: 'service rate per replica',
          c: 'replicas',
        },
        solverRef: CAPACITY,
      },
      failureStates: [
        { id: 'oom', condition: 'a replica’s weights + KV exceed its memory' },
        { id: 'sla', condition: 'p99 > target' },
        { id: 'budget', condition: 'fleet cost > budget' },
      ],
      reflectionPrompts: {
        diagnosis: 'Which constraint set the replica count: memory, capacity or tail latency?',
        tradeoff: 'What accuracy does INT4 cost, and is 40% cheaper worth it?',
        residualRisk: 'How much traffic growth does your design absorb before it breaks the SLO?',
      },
      checkpointFields: checkpointFields('serving_fleet_design'),
      solverRefs: [CAPACITY],
    },
  ],
  synthesis: {
    prompt:
      'Specify your track’s serving design (precision, batching, replicas), its cost per query, and the wall that binds.',
    citesCheckpoints: ['B', 'C', 'D'],
  },
  ledger: {
    produces: [
      { key: 'serving_fleet_design', description: 'precision, batching and replicas of the chosen fleet' },
    ],
    consumes: [],
  },
  decisions: [
    {
      id: 'v2-10-kv-cache-size',
      subject: 'Part B: KV cache of a 128K request to a 70B Llama',
      chosen: 'computed by the serving solver from the catalog entry (80 layers, 8 KV heads, GQA)',
      alternatives: [{ value: '~320 GB of KV at 128K, so 8×H100 serves 1 request', source: PLAN_32 }],
      reason:
        'The plan counts K and V for all 64 heads; Llama-2-70B shares 8 KV heads, an eighth of that. The lesson — KV, not weights, limits long-context concurrency — holds with the smaller number.',
    },
    {
      id: 'v2-10-serving-cost-scenario',
      subject: 'Part A operating point',
      chosen: '100 QPS at $0.0055 per query (≈6 weeks to pass $2M)',
      alternatives: [{ value: 'QPS 10–1,000 and $/query 0.001–0.05 ranges; "~6 weeks"', source: PLAN_32 }],
      reason:
        'The plan gives ranges and the result; the point inside the ranges that yields ~6 weeks is chosen as the default.',
    },
  ],
})
