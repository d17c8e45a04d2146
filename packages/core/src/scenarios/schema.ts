/**
 * A scenario: one workload on one system (a chip or a fleet) with the constraints a product
 * imposes — a latency SLA, a power budget, an input data rate. Scenarios are data; numbers
 * are SI base units (data may write "200 ms", "100 mW", "19 TB/h") and carry provenance.
 */
import { type Provenance, provenanceSchema, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'

/** Which latency the SLA bounds: one batch on one chip, one training step of a fleet, or time to first token. */
export const SLA_METRICS = ['latency', 'stepLatency', 'ttft'] as const
export type SlaMetric = (typeof SLA_METRICS)[number]

export type ScenarioSystem = { readonly hardware: string } | { readonly fleet: string }

export interface Scenario {
  /** The original's registry key: "SmartDoorbell", "ChatbotServing". */
  readonly id: string
  readonly name: string
  readonly aliases: readonly string[]
  readonly description: string
  /** The product or domain the scenario stands for. */
  readonly application?: string
  /** Workload catalog id. */
  readonly workload: string
  /** A chip id (`{ hardware }`) or a fleet id (`{ fleet }`). */
  readonly system: ScenarioSystem
  /** Latency bound, s. */
  readonly slaLatency?: number
  readonly slaMetric: SlaMetric
  /** Target accuracy in [0, 1], where the product states one. */
  readonly targetAccuracy?: number
  /** Power the product allows the device, W. */
  readonly powerBudget?: number
  /** Input data rate the system must ingest, B/s (overrides the workload's). */
  readonly dataRate?: number
  /** Prompt length in tokens for a TTFT SLA (default 2048). */
  readonly seqLen?: number
  /** Covers every number of the scenario without its own entry in `sources`. */
  readonly provenance: Provenance
  /** Per-field provenance ("dataRate"). */
  readonly sources?: Readonly<Record<string, Provenance>>
  readonly notes?: string
}

const systemSchema = z.union(
  [
    z.strictObject({ hardware: z.string().trim().min(1) }),
    z.strictObject({ fleet: z.string().trim().min(1) }),
  ],
  { error: 'system is { hardware: <chip id> } or { fleet: <fleet id> }' },
)

export const scenarioSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an id starts with a letter and uses letters, digits and _'),
    name: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).default([]),
    description: z.string().trim().min(1),
    application: z.string().trim().min(1).optional(),
    workload: z.string().trim().min(1),
    system: systemSchema,
    slaLatency: quantitySchema('seconds', { positive: true }).optional(),
    slaMetric: z.enum(SLA_METRICS).default('latency'),
    targetAccuracy: z.number().min(0).max(1).optional(),
    powerBudget: quantitySchema('watts', { positive: true }).optional(),
    dataRate: quantitySchema('bytesPerSecond', { positive: true }).optional(),
    seqLen: z.int().positive().optional(),
    provenance: provenanceSchema,
    sources: z.record(z.string(), provenanceSchema).optional(),
    notes: z.string().trim().min(1).optional(),
  })
  .superRefine((s, ctx) => {
    for (const field of Object.keys(s.sources ?? {})) {
      if ((s as Record<string, unknown>)[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', field],
          message: `sources names '${field}', which this scenario does not have`,
        })
      }
    }
    if (s.slaMetric === 'stepLatency' && !('fleet' in s.system)) {
      ctx.addIssue({
        code: 'custom',
        path: ['slaMetric'],
        message: 'a step-latency SLA needs a fleet system',
      })
    }
  })

export type ScenarioInput = z.input<typeof scenarioSchema>
