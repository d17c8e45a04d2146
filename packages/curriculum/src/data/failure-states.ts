/**
 * Failure states of the lab shell: mandatory and reversible (labs/ARCHITECTURE.md, plus
 * privacy budget, carbon cap and unstable queue from LAB_INTERACTION_DEVICE_CATALOG.md).
 */
import type { FailureState } from '../schema/index.js'

export const failureStates: FailureState[] = [
  {
    id: 'oom',
    title: 'Out of memory',
    message: 'OOM — the working set does not fit in memory',
    firstMitigation: 'Lower precision, batch or context, or shard the model',
  },
  {
    id: 'sla',
    title: 'SLA violation',
    message: 'SLA VIOLATED — the latency target is missed',
    firstMitigation: 'Move compute closer, shrink the model, or add replicas',
  },
  {
    id: 'thermal',
    title: 'Thermal throttle',
    message: 'THERMAL THROTTLE — sustained power exceeds the envelope',
    firstMitigation: 'Lower the duty cycle or the model cost per frame',
  },
  {
    id: 'negative-roi',
    title: 'Negative ROI',
    message: 'NEGATIVE ROI — the investment costs more than it returns',
    firstMitigation: 'Reduce the cost side or target a larger volume',
  },
  {
    id: 'starvation',
    title: 'Pipeline starvation',
    message: 'PIPELINE STARVATION — the accelerator waits on data',
    firstMitigation: 'Add loader workers, cache or prefetch',
  },
  {
    id: 'gradient-collapse',
    title: 'Gradient collapse',
    message: 'GRADIENT COLLAPSE — training diverges or stalls',
    firstMitigation: 'Restore precision of master weights or lower the learning rate',
  },
  {
    id: 'privacy-budget',
    title: 'Privacy budget exhausted',
    message: 'SERVICE UNAVAILABLE — the privacy budget ε is spent',
    firstMitigation: 'Lower per-query ε or use advanced composition',
  },
  {
    id: 'carbon-cap',
    title: 'Carbon cap exceeded',
    message: 'CARBON CAP EXCEEDED — emissions pass the budget',
    firstMitigation: 'Shift jobs to cleaner regions or hours',
  },
  {
    id: 'unstable-queue',
    title: 'Unstable queue',
    message: 'UNSTABLE QUEUE — arrivals exceed service capacity (ρ ≥ 1)',
    firstMitigation: 'Add replicas or cut service time',
  },
  {
    id: 'budget',
    title: 'Budget exceeded',
    message: 'OVER BUDGET — the design costs more than allowed',
    firstMitigation: 'Trade precision or batching for fewer accelerators',
  },
]
