/**
 * Deployment-platform envelopes (the original's `Platforms`): the memory, storage, latency,
 * compute and power a cloud, edge, mobile or TinyML deployment typically has.
 */
import { deepFreeze, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { DEPLOYMENT_ENVELOPES } from '../data/provenance.js'
import { parseEntry } from '../errors.js'
import { sourcedGroup } from './sourced-group.js'

const range = <D extends 'seconds' | 'bytes' | 'watts'>(dimension: D) =>
  z.strictObject({
    min: quantitySchema(dimension, { positive: true }),
    max: quantitySchema(dimension, { positive: true }),
  })

const envelopeSchema = sourcedGroup({
  name: z.string(),
  ram: quantitySchema('bytes', { positive: true }),
  storage: quantitySchema('bytes', { positive: true }),
  typicalLatencyBudget: quantitySchema('seconds', { positive: true }),
  latencyRange: range('seconds'),
  ramRange: range('bytes').optional(),
  storageRange: range('bytes').optional(),
  powerRange: range('watts').optional(),
  computeThreshold: quantitySchema('flopPerSecond', { positive: true }).optional(),
  bandwidthThreshold: quantitySchema('bytesPerSecond', { positive: true }).optional(),
  powerThreshold: quantitySchema('watts', { positive: true }).optional(),
})

export const platformsSchema = z.strictObject({
  cloud: envelopeSchema,
  edge: envelopeSchema,
  mobile: envelopeSchema,
  tiny: envelopeSchema,
})

export type Platforms = z.output<typeof platformsSchema>
export type PlatformEnvelope = Platforms['cloud']

export const platforms: Platforms = deepFreeze(
  parseEntry(
    platformsSchema,
    {
      cloud: {
        name: 'Cloud',
        ram: '100 GiB',
        storage: '10 TB',
        typicalLatencyBudget: '200 ms',
        latencyRange: { min: '100 ms', max: '500 ms' },
        computeThreshold: '1000 TFLOP/s',
        bandwidthThreshold: '1000 GB/s',
        provenance: DEPLOYMENT_ENVELOPES,
        notes: 'The original writes the RAM range as "100+ GiB".',
      },
      edge: {
        name: 'Edge',
        ram: '32 GB',
        storage: '1 TB',
        typicalLatencyBudget: '50 ms',
        latencyRange: { min: '10 ms', max: '100 ms' },
        computeThreshold: '1 PFLOP/s',
        bandwidthThreshold: '270 GB/s',
        provenance: DEPLOYMENT_ENVELOPES,
      },
      mobile: {
        name: 'Mobile',
        ram: '8 GB',
        storage: '256 GB',
        typicalLatencyBudget: '30 ms',
        latencyRange: { min: '5 ms', max: '50 ms' },
        ramRange: { min: '8 GB', max: '16 GB' },
        storageRange: { min: '128 GB', max: '1 TB' },
        powerRange: { min: '3 W', max: '5 W' },
        provenance: DEPLOYMENT_ENVELOPES,
      },
      tiny: {
        name: 'TinyML',
        ram: '512 KiB',
        storage: '4 MB',
        typicalLatencyBudget: '100 ms',
        latencyRange: { min: '1 ms', max: '10 ms' },
        computeThreshold: '1 TOPS',
        powerThreshold: '1 mW',
        provenance: DEPLOYMENT_ENVELOPES,
      },
    },
    'platform table',
  ),
)
