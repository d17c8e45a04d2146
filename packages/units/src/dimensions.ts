/**
 * The named dimensions of the catalog and the solver. A named dimension is a
 * {@link DimensionVector} plus the unit its numbers are stored in. All are stored in base
 * units (scale 1) except bits and bits per second, which keep networking's native unit and
 * convert exactly (1 bit = 1/8 byte).
 */
import { type DimensionVector, describeVector, sameDimension } from './dimension.js'

export interface NamedDimension {
  /** Vector over the base quantities. */
  readonly vector: DimensionVector
  /** Unit symbol the stored number is in. */
  readonly unit: string
  /** Value of one stored unit in base units (1 for everything except bits). */
  readonly scale: number
  /** What it measures, for error messages and docs. */
  readonly label: string
  /** Unit strings a user may write for it, quoted in error messages. */
  readonly examples: readonly string[]
}

const d = (
  vector: DimensionVector,
  unit: string,
  label: string,
  examples: string[],
  scale = 1,
): NamedDimension => Object.freeze({ vector: Object.freeze(vector), unit, scale, label, examples })

export const DIMENSIONS = Object.freeze({
  count: d({}, '1', 'a count or ratio', ['32', '8.03B', '70 Mparams', '50 %']),
  bytes: d({ information: 1 }, 'B', 'a size in bytes', ['80 GiB', '16.06 GB', '520 KiB']),
  bits: d({ information: 1 }, 'bit', 'a size in bits', ['1 Gbit', '512 Kib'], 1 / 8),
  flop: d({ compute: 1 }, 'FLOP', 'an amount of computation', ['8.2 GFLOP', '1e21 flop', '3.14e23 FLOPs']),
  seconds: d({ time: 1 }, 's', 'a duration', ['5 us', '500 ns', '0.01 ms', '4 h', '30 days']),
  hertz: d({ time: -1 }, 'Hz', 'a rate per second', ['1.5 GHz', '400 MHz', '10 /s']),
  watts: d({ energy: 1, time: -1 }, 'W', 'a power', ['700 W', '0.4 W', '120 kW', '1 mW']),
  joules: d({ energy: 1 }, 'J', 'an energy', ['15 Wh', '2.64 MWh', '0.5 pJ', '100 J']),
  dollars: d({ money: 1 }, 'USD', 'an amount of money', ['30000 USD', '$30,000', '25000 dollar']),
  co2e: d({ carbon: 1 }, 'kgCO2e', 'a mass of CO2-equivalent', ['164 kg', '1.27 t CO2e', '500 gCO2e']),
  liters: d({ volume: 1 }, 'L', 'a volume of water', ['5332 L', '1.8 kL']),
  bytesPerSecond: d({ information: 1, time: -1 }, 'B/s', 'a bandwidth', [
    '3.35 TB/s',
    '900 GB/s',
    '400 Gbps',
  ]),
  bitsPerSecond: d({ information: 1, time: -1 }, 'bit/s', 'a bit rate', ['400 Gbps', '100 Gbit/s'], 1 / 8),
  flopPerSecond: d({ compute: 1, time: -1 }, 'FLOP/s', 'a compute rate', [
    '989 TFLOP/s',
    '989 TFLOPs/s',
    '4 TOPS',
  ]),
  flopPerByte: d({ compute: 1, information: -1 }, 'FLOP/B', 'an arithmetic intensity', ['295 FLOP/B']),
  joulesPerFlop: d({ energy: 1, compute: -1 }, 'J/FLOP', 'an energy per operation', ['1.1 pJ/FLOP']),
  joulesPerByte: d({ energy: 1, information: -1 }, 'J/B', 'an energy per byte moved', ['160 pJ/B']),
  carbonIntensity: d({ carbon: 1, energy: -1 }, 'kgCO2e/J', 'a grid carbon intensity', ['429 g/kWh']),
  waterIntensity: d({ volume: 1, energy: -1 }, 'L/J', 'a water usage effectiveness', ['1.8 L/kWh']),
  dollarsPerJoule: d({ money: 1, energy: -1 }, 'USD/J', 'an energy price', ['0.12 USD/kWh', '$0.07/kWh']),
  dollarsPerSecond: d({ money: 1, time: -1 }, 'USD/s', 'a price per unit time', ['4 USD/h', '$2.50/h']),
  dollarsPerByte: d({ money: 1, information: -1 }, 'USD/B', 'a price per byte', ['0.09 USD/GB']),
  dollarsPerByteSecond: d({ money: 1, information: -1, time: -1 }, 'USD/(B·s)', 'a storage price', [
    '23 USD/TB/month',
  ]),
  co2ePerSecond: d({ carbon: 1, time: -1 }, 'kgCO2e/s', 'an emission rate', ['0.16 kg/h']),
})

export type DimensionName = keyof typeof DIMENSIONS

export const DIMENSION_NAMES = Object.freeze(Object.keys(DIMENSIONS) as DimensionName[])

export function isDimensionName(name: string): name is DimensionName {
  return Object.hasOwn(DIMENSIONS, name)
}

/** The first named dimension (in declaration order) with this vector, if any. */
export function nameOfVector(vector: DimensionVector): DimensionName | undefined {
  return DIMENSION_NAMES.find((name) => sameDimension(DIMENSIONS[name].vector, vector))
}

/** Readable name of a vector: its label when named, otherwise the base units. */
export function describeDimension(vector: DimensionVector): string {
  const name = nameOfVector(vector)
  return name ? `${DIMENSIONS[name].label} (${name})` : describeVector(vector)
}
