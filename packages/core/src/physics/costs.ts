/**
 * Cost helpers in SI: money in USD, energy in joules, prices per joule or per byte.
 *
 * - Fleet TCO over a period: purchase + energy = unit cost·Q + P·Q·T·price.
 * - Monthly egress: a sustained rate r (B/s) over a 30-day month at a price per byte.
 */
import { sourced } from '@mlsysim/units'
import { defineFormula, sourcedConstant } from './formula.js'

/** The original's billing month for egress: 30 days. */
export const BILLING_MONTH = sourced(30 * 86_400, {
  kind: 'convention',
  ref: 'MLSys·im economics.py calc_monthly_egress_cost (30-day month)',
  url: 'https://github.com/harvard-edge/cs249r_book/blob/main/mlsysim/mlsysim/physics/economics.py',
  verified: '2026-06-10',
})

/** Purchase plus energy of Q units drawing P watts for T seconds: unit·Q + P·Q·T·price. */
export const fleetTco = defineFormula(
  'fleet-tco',
  {
    unitCost: 'dollars',
    power: 'watts',
    quantity: 'count',
    duration: 'seconds',
    energyPrice: 'dollarsPerJoule',
  },
  (_b, x) => x.unitCost.mul(x.quantity).add(x.power.mul(x.quantity).mul(x.duration).mul(x.energyPrice)),
)

/** Egress bill of a sustained rate over a 30-day month: rate · 30 d · price per byte. */
export const monthlyEgressCost = defineFormula(
  'monthly-egress-cost',
  { rate: 'bytesPerSecond', pricePerByte: 'dollarsPerByte' },
  (b, x) => {
    const month = sourcedConstant(b, 'BILLING_MONTH', BILLING_MONTH, 'seconds', 't_{month}')
    return x.rate.mul(month).mul(x.pricePerByte)
  },
)
