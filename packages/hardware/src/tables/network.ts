/**
 * Switch-fabric reference figures and network transfer energy (the original's
 * `Systems.SwitchFabric` and `Systems.NetworkEnergy`). Switch capacities are stored in B/s
 * like every bandwidth here (51.2 Tb/s → 6.4e12 B/s).
 */
import { deepFreeze, quantitySchema } from '@mlsysim/units'
import type { z } from 'zod'
import {
  FABRIC_LATENCY_ASSUMPTIONS,
  NETWORK_ENERGY_ANCHORS,
  SWITCH_OPTICS_REFERENCE,
} from '../data/provenance.js'
import { parseEntry } from '../errors.js'
import { sourcedGroup } from './sourced-group.js'

const seconds = () => quantitySchema('seconds', { positive: true })

export const switchFabricSchema = sourcedGroup({
  switchAsic51T2: quantitySchema('bytesPerSecond', { positive: true }),
  switchAsic102T4: quantitySchema('bytesPerSecond', { positive: true }),
  opticsPluggable400G: quantitySchema('watts', { positive: true }),
  opticsCpo400G: quantitySchema('watts', { positive: true }),
  /** Per-message α of the NDR ring-all-reduce worked example; distinct from InfiniBand_NDR's 5 µs. */
  alphaNdr: seconds(),
  alphaRoce: seconds(),
  hopLatency: seconds(),
  fecLatencyLow: seconds(),
  fecLatencyHigh: seconds(),
})

export type SwitchFabric = z.output<typeof switchFabricSchema>

export const switchFabric: SwitchFabric = deepFreeze(
  parseEntry(
    switchFabricSchema,
    {
      switchAsic51T2: '51.2 Tb/s',
      switchAsic102T4: '102.4 Tb/s',
      opticsPluggable400G: '20 W',
      opticsCpo400G: '10 W',
      alphaNdr: '1.5 us',
      alphaRoce: '5 us',
      hopLatency: '0.6 us',
      fecLatencyLow: '100 ns',
      fecLatencyHigh: '200 ns',
      provenance: SWITCH_OPTICS_REFERENCE,
      sources: {
        alphaNdr: FABRIC_LATENCY_ASSUMPTIONS,
        alphaRoce: FABRIC_LATENCY_ASSUMPTIONS,
        hopLatency: FABRIC_LATENCY_ASSUMPTIONS,
        fecLatencyLow: FABRIC_LATENCY_ASSUMPTIONS,
        fecLatencyHigh: FABRIC_LATENCY_ASSUMPTIONS,
      },
      notes:
        'alphaNdr (1.5 µs) is the per-message base latency of the ring-all-reduce worked example; the InfiniBand_NDR fabric keeps the end-to-end 5 µs, as the original does.',
    },
    'switch fabric table',
  ),
)

export const networkEnergySchema = sourcedGroup({
  /** J per byte over a 5G radio link (100 mJ/MB). */
  cellular5g: quantitySchema('joulesPerByte', { positive: true }),
  /** J per byte across a datacenter network (~1 µJ/KB). */
  datacenter: quantitySchema('joulesPerByte', { positive: true }),
})

export type NetworkEnergy = z.output<typeof networkEnergySchema>

export const networkEnergy: NetworkEnergy = deepFreeze(
  parseEntry(
    networkEnergySchema,
    { cellular5g: '100 mJ/MB', datacenter: '1 uJ/KB', provenance: NETWORK_ENERGY_ANCHORS },
    'network energy table',
  ),
)
