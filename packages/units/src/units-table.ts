/**
 * Every unit the parser reads, with its dimension and its size in base units, and the SI
 * prefixes it accepts. Decimal (k, M, G, …) and binary (Ki, Mi, Gi, …) prefixes are
 * different numbers: 1 GB = 1e9 B, 1 GiB = 2^30 B.
 */
import type { DimensionVector } from './dimension.js'

/**
 * Which prefixes an atom takes: none, large decimal only, large decimal + binary (data),
 * small + large, or large decimal + short-scale B for counted things ("8B params", "100 Bparam").
 */
export type PrefixClass = 'none' | 'large' | 'data' | 'all' | 'counted'

export interface UnitAtom {
  readonly vector: DimensionVector
  /** Base units in one of this unit. */
  readonly factor: number
  readonly prefixes: PrefixClass
}

export const LARGE_PREFIXES: Readonly<Record<string, number>> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Z: 1e21,
  Y: 1e24,
}

export const BINARY_PREFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
}

export const SMALL_PREFIXES: Readonly<Record<string, number>> = {
  m: 1e-3,
  u: 1e-6,
  µ: 1e-6, // U+00B5 micro sign
  μ: 1e-6, // U+03BC Greek mu
  n: 1e-9,
  p: 1e-12,
  f: 1e-15,
}

/** Short-scale multipliers people write after counts and money: "8.03B params", "$2.1M". */
export const SHORT_SCALE: Readonly<Record<string, number>> = { K: 1e3, k: 1e3, M: 1e6, B: 1e9, T: 1e12 }

const atom = (vector: DimensionVector, factor: number, prefixes: PrefixClass): UnitAtom =>
  Object.freeze({ vector: Object.freeze(vector), factor, prefixes })

const INFO = { information: 1 }
const COMPUTE = { compute: 1 }
const COMPUTE_RATE = { compute: 1, time: -1 }
const TIME = { time: 1 }
const RATE = { time: -1 }
const ENERGY = { energy: 1 }
const POWER = { energy: 1, time: -1 }
const MONEY = { money: 1 }
const CARBON = { carbon: 1 }
const VOLUME = { volume: 1 }
const NONE = {}

const DAY = 86_400

function many(names: string[], unit: UnitAtom): Array<[string, UnitAtom]> {
  return names.map((name) => [name, unit])
}

/**
 * Atoms by exact (case-sensitive) spelling. Uppercase `S` means "per second" in FLOPS/OPS
 * (as in "4 TOPS"); "FLOPs" and "flops" are plural counts, so "989 TFLOPs/s" reads as a rate.
 */
export const UNIT_ATOMS: ReadonlyMap<string, UnitAtom> = new Map<string, UnitAtom>([
  ...many(['B', 'byte', 'bytes', 'Byte', 'Bytes'], atom(INFO, 1, 'data')),
  ...many(['b', 'bit', 'bits'], atom(INFO, 1 / 8, 'data')),
  ...many(['Bps'], atom({ information: 1, time: -1 }, 1, 'data')),
  ...many(['bps'], atom({ information: 1, time: -1 }, 1 / 8, 'data')),
  ...many(
    ['FLOP', 'FLOPs', 'flop', 'flops', 'Flop', 'Flops', 'OP', 'OPs', 'op', 'ops'],
    atom(COMPUTE, 1, 'large'),
  ),
  // One multiply-accumulate is two floating-point operations (the convention of the original).
  ...many(['MAC', 'MACs', 'mac', 'macs'], atom(COMPUTE, 2, 'large')),
  ...many(['FLOPS', 'OPS'], atom(COMPUTE_RATE, 1, 'large')),
  ...many(['s', 'sec', 'secs', 'second', 'seconds'], atom(TIME, 1, 'all')),
  // Uppercase time aliases of the original's unit file.
  ['MS', atom(TIME, 1e-3, 'none')],
  ['US', atom(TIME, 1e-6, 'none')],
  ['NS', atom(TIME, 1e-9, 'none')],
  ...many(['min', 'mins', 'minute', 'minutes'], atom(TIME, 60, 'none')),
  ...many(['h', 'hr', 'hrs', 'hour', 'hours'], atom(TIME, 3600, 'none')),
  ...many(['d', 'day', 'days'], atom(TIME, DAY, 'none')),
  ...many(['week', 'weeks', 'wk'], atom(TIME, 7 * DAY, 'none')),
  // A 30-day month and a 365-day year, as the original's cost helpers use.
  ...many(['mo', 'month', 'months'], atom(TIME, 30 * DAY, 'none')),
  ...many(['yr', 'yrs', 'year', 'years', 'y'], atom(TIME, 365 * DAY, 'none')),
  ...many(['Hz'], atom(RATE, 1, 'all')),
  ...many(['qps', 'QPS', 'rps'], atom(RATE, 1, 'large')),
  ...many(['W', 'watt', 'watts'], atom(POWER, 1, 'all')),
  ...many(['J', 'joule', 'joules'], atom(ENERGY, 1, 'all')),
  ...many(['Wh'], atom(ENERGY, 3600, 'all')),
  ...many(['USD', 'usd', 'dollar', 'dollars', '$'], atom(MONEY, 1, 'none')),
  ...many(['g', 'gram', 'grams'], atom(CARBON, 1e-3, 'all')),
  ...many(['t', 'tonne', 'tonnes', 'ton', 'tons'], atom(CARBON, 1000, 'large')),
  ...many(['gCO2e', 'gCO2', 'gCO₂e', 'gCO₂'], atom(CARBON, 1e-3, 'all')),
  ...many(['tCO2e', 'tCO2', 'tCO₂e', 'tCO₂'], atom(CARBON, 1000, 'large')),
  // "kg CO2e": the gas name only says what the mass is of.
  ...many(['CO2e', 'CO2', 'CO₂e', 'CO₂', 'CO2eq'], atom(NONE, 1, 'none')),
  ...many(['L', 'l', 'liter', 'liters', 'litre', 'litres'], atom(VOLUME, 1, 'all')),
  ['%', atom(NONE, 0.01, 'none')],
  ...many(
    [
      'param',
      'params',
      'parameter',
      'parameters',
      'token',
      'tokens',
      'sample',
      'samples',
      'request',
      'requests',
      'req',
      'query',
      'queries',
      'image',
      'images',
      'img',
      'sequence',
      'sequences',
      'seq',
      'step',
      'steps',
      'item',
      'items',
      'GPU',
      'GPUs',
      'chip',
      'chips',
      'node',
      'nodes',
      'count',
      'inference',
      'inferences',
    ],
    atom(NONE, 1, 'counted'),
  ),
])

const PREFIX_TABLES: Record<Exclude<PrefixClass, 'none'>, Array<Readonly<Record<string, number>>>> = {
  large: [LARGE_PREFIXES],
  data: [BINARY_PREFIXES, LARGE_PREFIXES],
  all: [LARGE_PREFIXES, SMALL_PREFIXES],
  counted: [LARGE_PREFIXES, { B: 1e9 }],
}

/** Resolves one unit word, e.g. "GiB", "TFLOPs", "ms", "kWh", to its dimension and size. */
export function lookupAtom(word: string): UnitAtom | undefined {
  const exact = UNIT_ATOMS.get(word)
  if (exact) return exact
  // Longest prefix first so that "Gi" wins over "G" in "GiB".
  for (const length of [2, 1]) {
    if (word.length <= length) continue
    const prefix = word.slice(0, length)
    const base = UNIT_ATOMS.get(word.slice(length))
    if (!base || base.prefixes === 'none') continue
    for (const table of PREFIX_TABLES[base.prefixes]) {
      const multiplier = table[prefix]
      if (multiplier !== undefined) return atom(base.vector, base.factor * multiplier, 'none')
    }
  }
  return undefined
}
