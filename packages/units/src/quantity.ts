/**
 * Branded number types. A `Quantity<'bytes'>` is a plain number at run time (no boxing,
 * fast in hot loops and typed arrays) but the compiler keeps a bandwidth from being passed
 * where a capacity is expected.
 */
import { DIMENSIONS, type DimensionName } from './dimensions.js'

declare const dimensionBrand: unique symbol

export type Quantity<D extends DimensionName> = number & { readonly [dimensionBrand]: D }

export type Count = Quantity<'count'>
export type Bytes = Quantity<'bytes'>
export type Bits = Quantity<'bits'>
export type Flop = Quantity<'flop'>
export type Seconds = Quantity<'seconds'>
export type Hertz = Quantity<'hertz'>
export type Watts = Quantity<'watts'>
export type Joules = Quantity<'joules'>
export type Dollars = Quantity<'dollars'>
export type KilogramsCO2e = Quantity<'co2e'>
export type Liters = Quantity<'liters'>
export type BytesPerSecond = Quantity<'bytesPerSecond'>
export type BitsPerSecond = Quantity<'bitsPerSecond'>
export type FlopPerSecond = Quantity<'flopPerSecond'>
export type FlopPerByte = Quantity<'flopPerByte'>
export type JoulesPerFlop = Quantity<'joulesPerFlop'>
export type JoulesPerByte = Quantity<'joulesPerByte'>
export type CarbonIntensity = Quantity<'carbonIntensity'>
export type WaterIntensity = Quantity<'waterIntensity'>
export type DollarsPerJoule = Quantity<'dollarsPerJoule'>
export type DollarsPerSecond = Quantity<'dollarsPerSecond'>

/** Brands a number that is already in the stored unit of `dimension`. */
export function quantity<D extends DimensionName>(value: number, _dimension: D): Quantity<D> {
  return value as Quantity<D>
}

export function add<D extends DimensionName>(a: Quantity<D>, b: Quantity<NoInfer<D>>): Quantity<D> {
  return (a + b) as Quantity<D>
}

export function subtract<D extends DimensionName>(a: Quantity<D>, b: Quantity<NoInfer<D>>): Quantity<D> {
  return (a - b) as Quantity<D>
}

/** Multiplies by a dimensionless factor (efficiency, count, fraction). */
export function scale<D extends DimensionName>(a: Quantity<D>, factor: number): Quantity<D> {
  return (a * factor) as Quantity<D>
}

/** Ratio of two like quantities: a plain number. */
export function ratio<D extends DimensionName>(a: Quantity<D>, b: Quantity<NoInfer<D>>): number {
  return a / b
}

export function max<D extends DimensionName>(a: Quantity<D>, b: Quantity<NoInfer<D>>): Quantity<D> {
  return Math.max(a, b) as Quantity<D>
}

export function min<D extends DimensionName>(a: Quantity<D>, b: Quantity<NoInfer<D>>): Quantity<D> {
  return Math.min(a, b) as Quantity<D>
}

/** Time to move `bytes` at `bandwidth`. */
export function transferTime(bytes: Bytes, bandwidth: BytesPerSecond): Seconds {
  return (bytes / bandwidth) as Seconds
}

/** Time to execute `work` at `rate` (already derated by any efficiency). */
export function computeTime(work: Flop, rate: FlopPerSecond): Seconds {
  return (work / rate) as Seconds
}

/** Arithmetic intensity: operations per byte moved. */
export function arithmeticIntensity(work: Flop, bytes: Bytes): FlopPerByte {
  return (work / bytes) as FlopPerByte
}

export function energyOf(power: Watts, duration: Seconds): Joules {
  return (power * duration) as Joules
}

export function averagePower(energy: Joules, duration: Seconds): Watts {
  return (energy / duration) as Watts
}

export function carbonOf(energy: Joules, intensity: CarbonIntensity): KilogramsCO2e {
  return (energy * intensity) as KilogramsCO2e
}

export function waterOf(energy: Joules, wue: WaterIntensity): Liters {
  return (energy * wue) as Liters
}

export function energyCost(energy: Joules, price: DollarsPerJoule): Dollars {
  return (energy * price) as Dollars
}

/** Events (samples, tokens, requests) per second. */
export function rateOf(events: number, duration: Seconds): Hertz {
  return (events / duration) as Hertz
}

/** Exact conversion from a bit rate (networking's unit) to bytes per second. */
export function bitsToBytesPerSecond(rate: BitsPerSecond): BytesPerSecond {
  return (rate * DIMENSIONS.bitsPerSecond.scale) as BytesPerSecond
}

export function bytesToBitsPerSecond(rate: BytesPerSecond): BitsPerSecond {
  return (rate / DIMENSIONS.bitsPerSecond.scale) as BitsPerSecond
}
