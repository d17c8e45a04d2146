/**
 * Prices (the original's `Infrastructure.Pricing`), in SI: electricity in USD/J, egress in
 * USD/B, hourly rates in USD/s, storage in USD/(B·s). Keys are the original's without the
 * unit suffix (`Cloud.ElectricityPerKwh` → `pricing.cloud.electricity`).
 */
import { deepFreeze, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import {
  BARROSO_DATACENTER_ECONOMICS,
  CARBON_PER_GPU_HR,
  CLOUD_PRICING_2024,
  FLEET_ECONOMICS_2024,
  LABELING_PRICING_2024,
  STORAGE_PRICING_2024,
} from '../data/provenance.js'
import { parseEntry } from '../errors.js'
import { sourcedGroup } from './sourced-group.js'

const perJoule = () => quantitySchema('dollarsPerJoule', { positive: true })
const perSecond = () => quantitySchema('dollarsPerSecond', { positive: true })
const perByte = () => quantitySchema('dollarsPerByte', { positive: true })
const perByteSecond = () => quantitySchema('dollarsPerByteSecond', { positive: true })
const usd = () => quantitySchema('dollars', { positive: true })

export const pricingSchema = z.strictObject({
  cloud: sourcedGroup({
    electricity: perJoule(),
    egress: perByte(),
    gpuTraining: perSecond(),
    gpuTrainingUtilityScenario: perSecond(),
    gpuInference: perSecond(),
    tpuV4: perSecond(),
  }),
  storage: sourcedGroup({
    s3Standard: perByteSecond(),
    glacier: perByteSecond(),
    nvmeLow: perByteSecond(),
    nvmeHigh: perByteSecond(),
    glacierRetrieval: perByte(),
  }),
  /** USD per labelled item. */
  labeling: sourcedGroup({
    crowdLow: usd(),
    crowdHigh: usd(),
    boxLow: usd(),
    boxHigh: usd(),
    medicalLow: usd(),
    medicalHigh: usd(),
  }),
  fleet: sourcedGroup({
    gpuHour: perSecond(),
    spotGpuHour: perSecond(),
    internalChargeback: perSecond(),
    /** kg CO2e per GPU-second (0.16 kg per GPU-hour). */
    carbonPerGpu: quantitySchema('co2ePerSecond', { positive: true }),
  }),
  capital: sourcedGroup({
    /** Fraction of CapEx spent on maintenance per year. */
    annualMaintenanceRatio: z.number().min(0).max(1),
    dgxH100Node: usd(),
    h100GpuPurchase: usd(),
  }),
  onPremises: sourcedGroup({ electricity: perJoule() }),
})

export type Pricing = z.output<typeof pricingSchema>

export const pricing: Pricing = deepFreeze(
  parseEntry(
    pricingSchema,
    {
      cloud: {
        electricity: '$0.12/kWh',
        egress: '$0.09/GB',
        gpuTraining: '$4/h',
        gpuTrainingUtilityScenario: '$3/h',
        gpuInference: '$2.5/h',
        tpuV4: '$4/h',
        provenance: CLOUD_PRICING_2024,
      },
      storage: {
        s3Standard: '$23/TB/month',
        glacier: '$1/TB/month',
        nvmeLow: '$100/TB/month',
        nvmeHigh: '$300/TB/month',
        glacierRetrieval: '$0.02/GB',
        provenance: STORAGE_PRICING_2024,
      },
      labeling: {
        crowdLow: '$0.01',
        crowdHigh: '$0.05',
        boxLow: '$0.05',
        boxHigh: '$0.20',
        medicalLow: '$50',
        medicalHigh: '$200',
        provenance: LABELING_PRICING_2024,
      },
      fleet: {
        gpuHour: '$2/h',
        spotGpuHour: '$0.70/h',
        internalChargeback: '$2.50/h',
        carbonPerGpu: '0.16 kg/h',
        provenance: FLEET_ECONOMICS_2024,
        sources: { carbonPerGpu: CARBON_PER_GPU_HR },
      },
      capital: {
        annualMaintenanceRatio: 0.05,
        dgxH100Node: '$350,000',
        h100GpuPurchase: '$30,000',
        provenance: BARROSO_DATACENTER_ECONOMICS,
        notes:
          'h100GpuPurchase is the utility-bill scenario price; the H100 chip entry stores $25,000, the unit cost mlsysim 0.1.2 computes TCO with.',
      },
      onPremises: { electricity: '$0.07/kWh', provenance: BARROSO_DATACENTER_ECONOMICS },
    },
    'pricing table',
  ),
)
