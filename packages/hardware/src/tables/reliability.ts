/**
 * Component reliability (the original's `Systems.Reliability`): MTTFs in seconds, with the
 * original's numbers in hours kept beside them (`mttfHours`), and the recovery profile.
 */
import { deepFreeze, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import {
  MEMORY_SOFT_ERROR_RATE,
  RECOVERY_TIME_ASSUMPTIONS,
  RELIABILITY_MTTF_LITERATURE,
} from '../data/provenance.js'
import { parseEntry } from '../errors.js'
import { sourcedGroup } from './sourced-group.js'

const HOUR = 3600

const componentSchema = sourcedGroup({
  name: z.string(),
  /** Mean time to failure, s. */
  mttf: quantitySchema('seconds', { positive: true }),
  failureMode: z.string(),
})

const COMPONENT_KEYS = [
  'gpu',
  'nic',
  'psu',
  'pcieSwitch',
  'cable',
  'torSwitch',
  'hbm',
  'dgxNodeComposite',
] as const

export type ReliabilityComponentKey = (typeof COMPONENT_KEYS)[number]

export const reliabilitySchema = z.strictObject({
  components: z.strictObject(
    Object.fromEntries(COMPONENT_KEYS.map((k) => [k, componentSchema])) as Record<
      ReliabilityComponentKey,
      typeof componentSchema
    >,
  ),
  nodeRecovery: sourcedGroup({ low: quantitySchema('seconds'), high: quantitySchema('seconds') }),
  /** Silent data corruptions per GPU-hour, as the original states it. */
  sdc: sourcedGroup({ ratePerGpuHour: z.number().positive() }),
  recovery: sourcedGroup({
    heartbeatTimeout: quantitySchema('seconds', { positive: true }),
    reschedule: quantitySchema('seconds', { positive: true }),
    detection: quantitySchema('seconds', { positive: true }),
    restart: quantitySchema('seconds', { positive: true }),
    warmup: quantitySchema('seconds', { positive: true }),
    checkpointWriteBandwidth: quantitySchema('bytesPerSecond', { positive: true }),
  }),
})

type ReliabilityTable = z.output<typeof reliabilitySchema>

export interface Reliability extends ReliabilityTable {
  /** MTTF per component, s (GPU 50,000 h = 1.8e8 s). */
  mttf: Record<ReliabilityComponentKey, number>
  /** The original's MTTFs in hours (GPU 50,000; NIC 150,000; PSU 100,000 …). */
  mttfHours: Record<ReliabilityComponentKey, number>
}

const component = (name: string, hours: number, failureMode: string) => ({
  name,
  mttf: `${hours} h`,
  failureMode,
  provenance: RELIABILITY_MTTF_LITERATURE,
})

const table = parseEntry(
  reliabilitySchema,
  {
    components: {
      gpu: component('GPU', 50_000, 'die defect, thermal fatigue'),
      nic: component('NIC', 150_000, 'transceiver degradation'),
      psu: component('PSU', 100_000, 'capacitor aging'),
      pcieSwitch: component('PCIe switch', 200_000, 'solder joint, ESD'),
      cable: component('optical cable / transceiver', 50_000, 'fiber bend, connector wear'),
      torSwitch: component('top-of-rack switch', 300_000, 'ASIC, fan bearing'),
      hbm: component('HBM', 200_000, 'bit-flip accumulation, TSV'),
      dgxNodeComposite: component(
        'DGX node composite',
        1_000,
        'GPU, host, power, cooling, or network component failure',
      ),
    },
    nodeRecovery: { low: '10 min', high: '30 min', provenance: RECOVERY_TIME_ASSUMPTIONS },
    sdc: { ratePerGpuHour: 1e-6, provenance: MEMORY_SOFT_ERROR_RATE },
    recovery: {
      heartbeatTimeout: '30 s',
      reschedule: '60 s',
      detection: '60 s',
      restart: '180 s',
      warmup: '120 s',
      checkpointWriteBandwidth: '100 GB/s',
      provenance: RECOVERY_TIME_ASSUMPTIONS,
    },
  },
  'reliability table',
)

const byComponent = (f: (c: ReliabilityTable['components'][ReliabilityComponentKey]) => number) =>
  Object.fromEntries(COMPONENT_KEYS.map((k) => [k, f(table.components[k])])) as Record<
    ReliabilityComponentKey,
    number
  >

export const reliability: Reliability = deepFreeze({
  ...table,
  mttf: byComponent((c) => c.mttf),
  mttfHours: byComponent((c) => c.mttf / HOUR),
})
