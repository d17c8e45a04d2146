/**
 * Models that exercise every construct of the expression language, shared by the Node tests
 * and the browser (WebGPU) tests. Each comes with a sampler of realistic random inputs; the
 * samplers keep values well inside f32 range so that f32 and f64 results are comparable.
 */
import { defineModel, Model } from './model.js'

/** A uniform random number in [0, 1). */
export type Random = () => number

/** A fixture: a model and a sampler of one row of its inputs. */
export interface Fixture {
  readonly model: Model
  readonly sample: (random: Random) => Record<string, number>
}

/** Deterministic PRNG (mulberry32), so test inputs are reproducible everywhere. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const logUniform = (random: Random, min: number, max: number) =>
  Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min)))
const uniform = (random: Random, min: number, max: number) => min + random() * (max - min)
const integer = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))

/** A roofline with a dispatch tax, an offload branch and an Erlang-B recursion: every construct. */
export const demo = defineModel('demo', (b) => {
  const ops = b.input('ops', 'flop', { symbol: '\\text{OPs}' })
  const bytes = b.input('bytes', 'bytes')
  const peak = b.input('peak', 'flopPerSecond', { symbol: 'R' })
  const bandwidth = b.input('bandwidth', 'bytesPerSecond', { symbol: 'BW' })
  const efficiency = b.input('efficiency', 'count', { symbol: '\\eta' })
  const capacity = b.input('capacity', 'bytes')
  const servers = b.input('servers', 'count', { symbol: 'c' })
  const offered = b.input('offered', 'count', { symbol: 'a' })
  const tax = b.constant(1e-5, 'seconds', { name: 'dispatch', symbol: 'L' })
  const fits = bytes.le(capacity)
  const effectiveBw = b.select(fits, bandwidth, bandwidth.min(b.constant(64e9, 'bytesPerSecond')))
  const tCompute = b.let('tCompute', ops.div(peak.mul(efficiency)), { symbol: 'T_c' })
  const tMemory = b.let('tMemory', bytes.div(effectiveBw), { symbol: 'T_m' })
  // Erlang B: B(0) = 1, B(k) = a·B(k−1)/(k + a·B(k−1)).
  const erlangB = b.fold({
    init: 1,
    count: servers,
    maxSteps: 64,
    body: (acc, k) => offered.mul(acc).div(k.add(offered.mul(acc))),
  })
  return {
    latency: tCompute.max(tMemory).add(tax),
    memoryBound: tMemory.gt(tCompute),
    fits,
    intensity: ops.div(bytes),
    erlangB,
    logSqrt: ops.div(peak).div(tax).log().mul(bandwidth.mul(tax).div(bytes).sqrt()),
  }
})

/** One A100-like operating point of the demo model (values in base units). */
export const demoBase = {
  ops: 8.2e9,
  bytes: 5.632e7,
  peak: 312e12,
  bandwidth: 2.039e12,
  efficiency: 0.5,
  capacity: 8.5e10,
  servers: 4,
  offered: 2,
}

export const demoFixture: Fixture = {
  model: demo,
  sample: (random) => {
    const offered = logUniform(random, 0.1, 50)
    return {
      ops: logUniform(random, 1e6, 1e15),
      bytes: logUniform(random, 1e3, 2e11),
      peak: logUniform(random, 1e9, 1e16),
      bandwidth: logUniform(random, 1e8, 1e13),
      efficiency: uniform(random, 0.01, 1),
      capacity: logUniform(random, 1e6, 2e11),
      // Up to 2a + 8 servers: far beyond that, Erlang B drops below the smallest f32.
      servers: integer(random, 0, Math.ceil(2 * offered) + 8),
      offered,
    }
  },
}

/**
 * Powers: constant integer exponents (expanded into multiplications in WGSL, negative bases
 * included), a large integer exponent, a fractional one, and a variable exponent.
 */
export const powers = defineModel('powers', (b) => {
  const x = b.input('x', 'count')
  const y = b.input('y', 'count')
  const magnitude = x.abs()
  return {
    square: x.pow(2),
    cube: x.pow(3),
    inverseSquare: x.pow(-2),
    fifth: x.pow(5),
    inverseSeventh: x.pow(-7),
    zeroth: x.pow(0),
    twentyFirst: x.pow(21),
    root: magnitude.pow(0.5),
    variable: x.pow(y),
    positiveBase: magnitude.add(0.25).pow(y.mul(0.37)),
  }
})

export const powersFixture: Fixture = {
  model: powers,
  sample: (random) => ({
    // |x| in [0.5, 2.5] keeps x^21 and x^-7 inside f32 range and away from 0.
    x: (random() < 0.5 ? -1 : 1) * uniform(random, 0.5, 2.5),
    y: random() < 0.5 ? integer(random, -6, 6) : uniform(random, -6, 6),
  }),
}

/**
 * Logic and the remaining unary operators: and/or/not, equality, toNumber, a chain of selects
 * (a piecewise function), abs/floor/ceil/neg/exp, nested min/max, and two folds (one with a
 * constant count and a loop-invariant term in its body, one summing its index).
 */
export const piecewise = defineModel('piecewise', (b) => {
  const load = b.input('load', 'count', { symbol: '\\rho' })
  const limit = b.input('limit', 'count', { symbol: '\\rho_{\\max}' })
  const steps = b.input('steps', 'count', { symbol: 'n' })
  const scale = b.input('scale', 'seconds', { symbol: 's' })
  const overloaded = load.ge(limit)
  const idle = load.lt(0.05)
  const band = b.select(idle, 0, b.select(overloaded, 2, 1))
  const penalty = b.let('penalty', load.sub(limit).max(0).mul(10).exp().sub(1), { symbol: 'P' })
  // Σ_{k=1}^{n} k·(1 + ρ): the factor is loop-invariant and computed once, outside the loop.
  const sum = b.fold({
    init: 0,
    count: steps,
    maxSteps: 32,
    body: (acc, k) => acc.add(k.mul(load.add(1))),
  })
  const geometric = b.let(
    'geometric',
    b.fold({ init: 1, count: 12, maxSteps: 16, body: (acc) => acc.mul(load.mul(0.5).add(0.75)) }),
    { symbol: 'G' },
  )
  return {
    band,
    penalty,
    flags: overloaded.and(idle.not()).or(load.eq(limit)).toNumber(),
    distinct: load.ne(limit),
    clamped: load.neg().abs().clamp(0.1, 0.9).max(limit.mul(0.5)).floor().add(load.ceil()),
    sum,
    geometric,
    time: scale
      .mul(band.add(1))
      .sub(scale.mul(penalty.min(3)))
      .as('seconds'),
  }
})

export const piecewiseFixture: Fixture = {
  model: piecewise,
  sample: (random) => ({
    load: uniform(random, 0, 1.5),
    limit: uniform(random, 0.5, 1.2),
    steps: uniform(random, -2, 40),
    scale: logUniform(random, 1e-6, 10),
  }),
}

/**
 * Names that WGSL does not allow verbatim: inputs spelled like keywords, reserved words and
 * built-ins, outputs that are not identifiers, and a model id that is a built-in function.
 */
export const awkwardNames = defineModel('max', (b) => {
  const keyword = b.input('var', 'count')
  const builtin = b.input('select', 'count')
  const reserved = b.input('module', 'count')
  const underscored = b.input('__x', 'count')
  return {
    'p99 latency': keyword.mul(builtin).add(reserved),
    loop: underscored.sub(keyword),
    'ok?': keyword.gt(underscored),
    'p99-latency': reserved.div(builtin.add(1)),
  }
})

export const awkwardNamesFixture: Fixture = {
  model: awkwardNames,
  sample: (random) => ({
    var: uniform(random, -10, 10),
    select: uniform(random, 0, 5),
    module: uniform(random, -3, 3),
    __x: uniform(random, -10, 10),
  }),
}

/** A model with no inputs: constant outputs only. */
export const constants = defineModel('constants', (b) => ({
  big: b.constant(6.4e10).mul(b.constant(2.5)),
  negativeZero: b.constant(-0).add(b.constant(-0)),
  tiny: b.constant(1e-30).mul(1e10),
  // A product that overflows f32 at run time must not be a compile-time (constant) error.
  overflow: b.constant(1e30).mul(b.constant(1e30)).gt(b.constant(0)),
}))

export const constantsFixture: Fixture = { model: constants, sample: () => ({}) }

/** Every fixture, by model id. */
export const fixtures: readonly Fixture[] = [
  demoFixture,
  powersFixture,
  piecewiseFixture,
  awkwardNamesFixture,
  constantsFixture,
]

/**
 * Every model among a module's exports: Model values, objects carrying one as `.model` (graph
 * solvers, formulas), members of exported collections keyed by id, and a `solvers` registry's
 * entries. Tests pass the package's root module, so every backend is checked on every model.
 */
export function modelsAmong(exports: Readonly<Record<string, unknown>>): Model[] {
  const found = new Set<Model>()
  const consider = (value: unknown): void => {
    if (value instanceof Model) found.add(value)
    else if ((typeof value === 'object' || typeof value === 'function') && value !== null) {
      const model = (value as { model?: unknown }).model
      if (model instanceof Model) found.add(model)
    }
  }
  for (const value of Object.values(exports)) {
    consider(value)
    if (value && typeof value === 'object' && !(value instanceof Model) && !Array.isArray(value)) {
      for (const member of Object.values(value as Record<string, unknown>)) consider(member)
    }
  }
  const registry = exports.solvers as { list?: () => unknown[] } | undefined
  if (typeof registry?.list === 'function') for (const solver of registry.list()) consider(solver)
  return [...found]
}
