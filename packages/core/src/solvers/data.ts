/**
 * Data ingestion (wall 8): the original's DataModel. Training data flows from storage over
 * the host interconnect; the pipeline supplies the slower of the paths the device describes
 * (a path it does not list is left out rather than taken as 0 B/s), and stalls when the
 * demand exceeds it: ρ = demand / supply.
 */
import { z } from 'zod'
import { defineModel } from '../expr/model.js'
import { infinity } from '../physics/queueing.js'
import { defineGraphSolver, type SolverResultBase } from '../solver/define.js'
import { hardwareField, quantityField } from '../solver/fields.js'
import { bandwidthText } from './trace-format.js'

export const dataInput = z.strictObject({
  /** Bytes per second the workload consumes ("2 GB/s", "10 TB/h"). */
  workloadDataRate: quantityField('bytesPerSecond', { nonNegative: true }),
  hardware: hardwareField(),
})
export type DataInput = z.output<typeof dataInput>

const model = defineModel('data', (b) => {
  const demand = b.input('workloadDataRate', 'bytesPerSecond', { symbol: 'BW_{demand}' })
  const storage = b.input('storageBandwidth', 'bytesPerSecond', {
    symbol: 'BW_{storage}',
    description: '0 = not listed',
  })
  const io = b.input('interconnectBandwidth', 'bytesPerSecond', {
    symbol: 'BW_{io}',
    description: '0 = not listed',
  })
  const none = b.constant(0, 'bytesPerSecond')
  const hasStorage = storage.gt(none)
  const hasIo = io.gt(none)
  const supply = b.let(
    'supplyBandwidth',
    b.select(
      hasStorage.and(hasIo),
      storage.min(io),
      b.select(hasStorage, storage, b.select(hasIo, io, none)),
    ),
    { symbol: 'BW_{supply}' },
  )
  const utilization = b.let(
    'utilization',
    b.select(supply.gt(none), demand.div(supply), infinity(b, 'count')),
    {
      symbol: '\\rho',
    },
  )
  return {
    utilization,
    isStalled: utilization.gt(1),
    demandBandwidth: demand,
    supplyBandwidth: supply,
    margin: supply.sub(demand),
    storageBinds: hasStorage.and(hasIo.not().or(storage.le(io))),
  }
})

export interface DataResult extends SolverResultBase {
  /** demand / supply (∞ when the device lists no data path). */
  readonly utilization: number
  readonly isStalled: boolean
  readonly demandBandwidth: number
  readonly supplyBandwidth: number
  /** supply − demand, B/s (negative when stalled). */
  readonly margin: number
  readonly bottleneck: 'storage' | 'interconnect' | 'unknown'
}

export const data = defineGraphSolver({
  id: 'data',
  title: 'Data ingestion',
  walls: [8],
  description:
    'Whether storage and the host link can feed the workload’s data rate: utilization, margin and the binding path.',
  input: dataInput,
  resultKeys: [
    'utilization',
    'isStalled',
    'demandBandwidth',
    'supplyBandwidth',
    'margin',
    'bottleneck',
    'feasible',
    'bindingConstraint',
    'constraintTrace',
  ],
  model,
  numericInputs: ['workloadDataRate'],
  bind: (input) => ({
    storageBandwidth: input.hardware.storage?.bandwidth ?? 0,
    interconnectBandwidth: input.hardware.interconnect?.bandwidth ?? 0,
  }),
  finish(input, o): DataResult {
    const stalled = o.isStalled === 1
    const bottleneck = o.supplyBandwidth <= 0 ? 'unknown' : o.storageBinds === 1 ? 'storage' : 'interconnect'
    return {
      utilization: o.utilization,
      isStalled: stalled,
      demandBandwidth: o.demandBandwidth,
      supplyBandwidth: o.supplyBandwidth,
      margin: o.margin,
      bottleneck,
      feasible: !stalled,
      bindingConstraint: bottleneck === 'unknown' ? 'no data path listed' : `${bottleneck} bandwidth`,
      constraintTrace: [
        bottleneck === 'unknown'
          ? `Data Wall: ${input.hardware.name} lists neither storage nor a host link; supply is 0 B/s.`
          : `Data Wall: ${stalled ? 'STALLED' : 'Passed'} — demand ${bandwidthText(o.demandBandwidth)} vs ${bottleneck} supply ${bandwidthText(o.supplyBandwidth)} (${(o.utilization * 100).toFixed(1)}%).`,
      ],
    }
  },
})
