/** V1-13, Model Serving: queueing explosions, batching delay, the LLM memory wall, cold starts. */
import { defineLab, outlinePart, variants, vol1Legacy } from '../build.js'

export const v1_13 = defineLab({
  id: 'v1_13_tail_latency_trap',
  volume: 1,
  number: 13,
  slug: 'lab_13_model_serving',
  title: 'Tail Latency Trap',
  legacy: vol1Legacy(13, 'lab_13_model_serving'),
  chapterId: 'model_serving',
  durationMin: 54,
  walls: [4, 5, 7],
  solverRefs: ['serving', 'continuous-batching', 'tail-latency'],
  tracks: variants('Does the service meet its p99 at the offered load, and what breaks first?', {
    cloud_fleet: { modelRef: 'Llama2_70B' },
  }),
  parts: [
    outlinePart({
      id: 'A',
      title: 'M/M/1 explosion',
      concept: 'With S = 5 ms at ρ = 0.8, p99 ≈ 4.6·S/(1−ρ) ≈ 115 ms.',
      evidence: [['p99-histogram', 'p99 histogram as utilization rises']],
      solverRefs: ['tail-latency'],
    }),
    outlinePart({
      id: 'B',
      title: 'Batching tax',
      concept: 'Batch 32 at 500 QPS: formation delay (B−1)/(2λ) = 31 ms, 62% of a 50 ms SLO.',
      evidence: [['latency-throughput-knee', 'throughput/latency knee']],
      solverRefs: ['continuous-batching'],
    }),
    outlinePart({
      id: 'C',
      title: 'LLM memory wall',
      concept: 'At 128K context on 8×H100 the KV cache, not the weights, limits concurrency.',
      evidence: [['memory-ledger', 'KV stacked memory bar with the OOM zone']],
      solverRefs: ['serving'],
    }),
    outlinePart({
      id: 'D',
      title: 'Cold start',
      concept:
        'Loading 140 GB over PCIe Gen5 (64 GB/s) takes ≈2.2 s plus initialization: a ~15 s cold start vs a 3 s patience line.',
      evidence: [['timeline', 'cold-start timeline against the patience line']],
    }),
  ],
  synthesis: {
    prompt: 'Set utilization, batch and warm capacity for your track so p99 holds at peak load.',
    citesCheckpoints: ['A', 'B', 'C'],
  },
  ledger: {
    produces: [{ key: 'serving_p99_ms', description: 'p99 latency of the chosen serving configuration' }],
    consumes: [{ labId: 'v1_10_compression_paradox', key: 'chosen_precision' }],
  },
  notes: [
    'The plan puts ~320 GB of KV cache at 128K for Llama-2 70B (full multi-head KV); with its 8 grouped KV heads the serving solver gives about an eighth of that. V2-10 records the decision.',
  ],
})
