/**
 * Facility anchors that are not entries: the water-usage effectiveness of each cooling
 * technology and the rack power beyond which air cooling stops being practical (the original's
 * `WUE_AIR_COOLED/EVAPORATIVE/LIQUID` and `Infrastructure.AIR_COOLING_LIMIT_KW`).
 */
import { deepFreeze, quantitySchema } from '@mlsysim/units'
import { z } from 'zod'
import { RACK_POWER_TIERS, WUE_ANCHORS } from '../data/provenance.js'
import { parseEntry } from '../errors.js'
import { sourcedGroup } from './sourced-group.js'

const wue = () => quantitySchema('waterIntensity', { nonNegative: true })

export const facilitySchema = z.strictObject({
  /** L per joule of facility energy by cooling technology. */
  wue: sourcedGroup({ airCooled: wue(), evaporative: wue(), liquid: wue() }),
  rack: sourcedGroup({ airCoolingLimit: quantitySchema('watts', { positive: true }) }),
})

export type Facility = z.output<typeof facilitySchema>

export const facility: Facility = deepFreeze(
  parseEntry(
    facilitySchema,
    {
      wue: { airCooled: '0.5 L/kWh', evaporative: '1.8 L/kWh', liquid: '0 L/kWh', provenance: WUE_ANCHORS },
      rack: { airCoolingLimit: '30 kW', provenance: RACK_POWER_TIERS },
    },
    'facility table',
  ),
)
