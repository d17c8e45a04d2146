/**
 * The instrument toolkit. Named instruments are introduced by one lab and reused after it
 * (progressive disclosure, labs/PROTOCOL.md §2). The introducing lab is the first lab of the
 * current catalog that uses the instrument; where labs/ARCHITECTURE.md's progression table
 * names a later lab, the decision is recorded on the instrument.
 *
 * Generic devices (line chart, gauge, timeline…) from LAB_INTERACTION_DEVICE_CATALOG.md need no
 * introduction: `introducedInLabId: null`.
 */
import type { Instrument } from '../schema/index.js'

const ARCH = 'labs/ARCHITECTURE.md'

export const instruments: Instrument[] = [
  {
    id: 'radar',
    title: 'Radar (introduced as the log-scale hardware landscape radar)',
    introducedInLabId: 'v1_01_ai_triad',
    consumes: 'hardware specs',
    tableFallback: true,
    component: 'mls-radar',
    aliases: ['LandscapeRadar'],
  },
  {
    id: 'latency-waterfall',
    title: 'Latency waterfall (Iron Law terms, with a ghost of the previous state)',
    introducedInLabId: 'v1_01_ai_triad',
    consumes: 'single-node result',
    tableFallback: true,
    component: 'mls-latency-waterfall',
    aliases: ['LatencyWaterfall'],
    decisions: [
      {
        id: 'latency-waterfall-introduced-in-v1-01',
        subject: 'lab that introduces the latency waterfall',
        chosen: 'V1-01 (its Iron Law surprise part draws the waterfall)',
        alternatives: [
          { value: 'V1-02', source: ARCH },
          { value: 'V1-02 ("Latency Waterfall (first)")', source: 'labs/plans/MASTER_LAB_PLANS_FINAL.md' },
        ],
        reason:
          'The current V1-01 already shows the waterfall; introducing it in V1-02 would make V1-01 break progressive disclosure.',
      },
    ],
  },
  {
    id: 'roofline',
    title: 'Roofline (log–log min(AI·BW, peak) with ridge and design point)',
    introducedInLabId: 'v1_02_physics_of_deployment',
    consumes: 'single-node result',
    tableFallback: true,
    component: 'mls-roofline',
    aliases: ['RooflinePlot', 'RooflineVisualizer'],
  },
  {
    id: 'memory-ledger',
    title: 'Memory ledger (stacked budget vs capacity)',
    introducedInLabId: 'v1_05_neural_computation',
    consumes: 'memory breakdown',
    tableFallback: true,
    component: 'mls-memory-ledger',
    aliases: ['MemoryLedger'],
  },
  {
    id: 'workload-signature',
    title: 'Workload signature comparator (arithmetic intensity vs ridge)',
    introducedInLabId: 'v1_06_architecture_tax',
    consumes: 'workload summaries',
    tableFallback: true,
    aliases: ['WorkloadSignatureComparator'],
  },
  {
    id: 'pipeline-gantt',
    title: 'Pipeline breakdown (Gantt of stages and bubbles)',
    introducedInLabId: 'v1_08_training_gauntlet',
    consumes: 'pipeline schedule',
    tableFallback: true,
    component: 'mls-pipeline-gantt',
    aliases: ['PipelineBreakdown'],
  },
  {
    id: 'scaling-curve',
    title: 'Scaling curve (speedup or loss vs scale, log axes)',
    introducedInLabId: 'v1_08_training_gauntlet',
    consumes: 'scaling series',
    tableFallback: true,
    component: 'mls-scaling-curve',
    aliases: ['ScalingCurve'],
    decisions: [
      {
        id: 'scaling-curve-introduced-in-v1-08',
        subject: 'lab that introduces the scaling curve',
        chosen: 'V1-08 (Part D, communication tax, plots speedup vs GPUs)',
        alternatives: [{ value: 'V1-09', source: ARCH }],
        reason: 'V1-08 uses the curve before V1-09; the first use introduces it.',
      },
    ],
  },
  {
    id: 'sweep-heatmap',
    title: 'Sweep heatmap (feasibility over a grid of configurations)',
    introducedInLabId: 'v1_03_constraint_tax',
    consumes: 'sweep result',
    tableFallback: true,
    component: 'mls-sweep-heatmap',
  },
  {
    id: 'pareto',
    title: 'Pareto frontier (dominated points greyed)',
    introducedInLabId: 'v1_10_compression_paradox',
    consumes: 'candidate set',
    tableFallback: true,
    component: 'mls-pareto',
    aliases: ['ParetoCurve'],
  },
  {
    id: 'p99-histogram',
    title: 'Latency distribution with p50/p99 and SLO line',
    introducedInLabId: 'v1_12_benchmarking_trap',
    consumes: 'latency distribution',
    tableFallback: true,
    component: 'mls-queueing-chart',
    decisions: [
      {
        id: 'p99-histogram-introduced-in-v1-12',
        subject: 'lab that introduces the p99 histogram',
        chosen: 'V1-12 (Part D, tail latency, draws the latency histogram)',
        alternatives: [{ value: 'V1-13 ("LatencyThroughputKnee / P99 histogram")', source: ARCH }],
        reason: 'V1-12 uses the histogram first; the knee chart stays a V1-13 instrument.',
      },
    ],
  },
  {
    id: 'latency-throughput-knee',
    title: 'Latency–throughput knee (queueing hockey stick)',
    introducedInLabId: 'v1_13_tail_latency_trap',
    consumes: 'queueing result',
    tableFallback: true,
    component: 'mls-queueing-chart',
    aliases: ['LatencyThroughputKnee'],
  },
  {
    id: 'sensitivity-tornado',
    title: 'Sensitivity tornado',
    introducedInLabId: 'v1_16_architects_audit',
    consumes: 'sensitivity result',
    tableFallback: true,
    component: 'mls-tornado',
    aliases: ['SensitivityTornado'],
  },
  {
    id: 'bisection-heatmap',
    title: 'Bisection-bandwidth heatmap',
    introducedInLabId: 'v2_03_network_fabric_design',
    consumes: 'topology result',
    tableFallback: true,
    aliases: ['BisectionHeatmap'],
  },
  {
    id: 'young-daly',
    title: 'Young–Daly curve (overhead vs checkpoint interval)',
    introducedInLabId: 'v2_04_data_pipeline_wall',
    consumes: 'reliability result',
    tableFallback: true,
    component: 'mls-young-daly',
    aliases: ['YoungDalyCurve'],
    decisions: [
      {
        id: 'young-daly-introduced-in-v2-04',
        subject: 'lab that introduces the Young–Daly curve',
        chosen: 'V2-04 (Part E, checkpoint economics, plots the U-curve)',
        alternatives: [
          { value: 'V2-07', source: ARCH },
          { value: 'V2-07 ("YoungDalyCurve (first)")', source: 'labs/plans/MASTER_LAB_PLANS_FINAL.md' },
        ],
        reason:
          'The data-pipeline lab computes the Young–Daly interval three labs earlier; the first use introduces it.',
      },
    ],
  },
  {
    id: 'parallelism-map',
    title: 'Parallelism map (TP × PP × DP on the cluster)',
    introducedInLabId: 'v2_05_parallelism_design',
    consumes: 'distributed result',
    tableFallback: true,
    component: 'mls-parallelism-map',
    aliases: ['ParallelismMap'],
  },
  {
    id: 'kv-cache-heatmap',
    title: 'KV-cache heatmap / stacked HBM',
    introducedInLabId: 'v2_10_inference_economy',
    consumes: 'serving result',
    tableFallback: true,
    component: 'mls-kv-cache',
    aliases: ['KVCacheHeatmap'],
  },
  {
    id: 'carbon-waterfall',
    title: 'Carbon waterfall (operational + embodied)',
    introducedInLabId: 'v2_15_carbon_budget',
    consumes: 'sustainability result',
    tableFallback: true,
    aliases: ['CarbonWaterfall'],
  },
  {
    id: 'carbon-map',
    title: 'Carbon map (regions by grid intensity)',
    introducedInLabId: 'v2_15_carbon_budget',
    consumes: 'grid catalog',
    tableFallback: true,
    component: 'mls-carbon-map',
    aliases: ['MapDashboard'],
  },
  {
    id: 'fleet-synthesis-radar',
    title: 'Fleet synthesis radar (hexagonal radar + 6×6 coupling heatmap)',
    introducedInLabId: 'v2_17_fleet_synthesis',
    consumes: 'synthesis result',
    tableFallback: true,
    aliases: ['FleetSynthesisRadar'],
  },
  // Generic devices: no introduction needed.
  ...(
    [
      ['line-chart', 'Line curve with operating point and boundaries'],
      ['bar-chart', 'Bar chart (grouped or log)'],
      ['stacked-bar', 'Stacked budget bar'],
      ['gauge', 'Gauge (utilization, battery, budget)'],
      ['timeline', 'Timeline (throughput, thermal, rollout)'],
      ['heatmap', 'Heatmap / phase diagram'],
      ['sankey', 'Sankey / pipeline flow'],
      ['topology-diagram', 'Topology diagram'],
      ['dashboard', 'Metric dashboard (cards turning yellow/red)'],
      ['table', 'Sweep or candidate table'],
      ['track-cards', 'Track cards and selector'],
    ] as const
  ).map(
    ([id, title]): Instrument => ({
      id,
      title,
      introducedInLabId: null,
      consumes: 'lab series',
      tableFallback: true,
    }),
  ),
]
