// Reliability and checkpoint solvers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBackendsAgree, positive } from '../../test/model-backends.js'
import { around, boundInputs, expectInputError } from '../../test/solver-fixtures.js'
import { solve } from '../solver/solve.js'
import { type CheckpointResult, checkpoint } from './checkpoint.js'
import { type ReliabilityResult, reliability } from './reliability.js'

const HOUR = 3600
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('reliability', () => {
  it('hand-derived: Frontier_8K (1024 DGX H100) for a 30-day job, 10-minute checkpoints', () => {
    // node: 1/(8/50,000 + 8/150,000 + 2/100,000) h = 30,000/7 h = 4285.714 h; ÷ 1024 nodes
    const cluster = ((30_000 / 7) * HOUR) / 1024
    const input = { fleet: 'Frontier_8K', jobDurationHours: 720, checkpointTimeS: 600 }
    const original = solve('reliability', input, { fidelity: 'mlsysim-0.1.2' }) as ReliabilityResult
    expect(rel(original.clusterMtbf, cluster)).toBeLessThan(1e-12)
    const tau = Math.sqrt(2 * 600 * cluster)
    expect(rel(original.checkpointInterval, tau)).toBeLessThan(1e-12)
    // original goodput: 1 − δ/τ − R/M (no rework)
    expect(rel(original.goodput, 1 - 600 / tau - 300 / cluster)).toBeLessThan(1e-12)
    // default: minus the τ/(2M) of work redone after each failure (equal to δ/τ at Young's τ)
    const corrected = solve('reliability', input) as ReliabilityResult
    expect(rel(corrected.goodput, 1 - 600 / tau - tau / (2 * cluster) - 300 / cluster)).toBeLessThan(1e-12)
    expect(rel(corrected.reworkOverhead, corrected.checkpointOverhead)).toBeLessThan(1e-12)
    expect(rel(corrected.expectedFailures, (720 * HOUR) / cluster)).toBeLessThan(1e-12)
  })

  it('a measured fleet MTBF replaces the component estimate in the default model only', () => {
    const fleet = { node: 'DGX_H100', count: 32, fabric: 'Ethernet_100G', mtbfHours: 100 }
    const corrected = solve('reliability', { fleet, jobDurationHours: 24 }) as ReliabilityResult
    expect(corrected.clusterMtbf).toBe(100 * HOUR)
    const original = solve(
      'reliability',
      { fleet, jobDurationHours: 24 },
      { fidelity: 'mlsysim-0.1.2' },
    ) as ReliabilityResult
    expect(rel(original.clusterMtbf, ((30_000 / 7) * HOUR) / 32)).toBeLessThan(1e-12)
  })

  it('free checkpoints: the original reports goodput 0, the default only loses recovery time', () => {
    const input = { fleet: 'Research_256', jobDurationHours: 24, checkpointTimeS: 0 }
    expect((solve('reliability', input, { fidelity: 'mlsysim-0.1.2' }) as ReliabilityResult).goodput).toBe(0)
    const r = solve('reliability', input) as ReliabilityResult
    expect(rel(r.goodput, 1 - 300 / r.clusterMtbf)).toBeLessThan(1e-12)
  })

  it('rejects negative durations', () => {
    expectInputError(
      'reliability',
      { fleet: 'Research_256', jobDurationHours: -1 },
      'jobDurationHours',
      /≥ 0.*got -1/,
    )
    expectInputError(
      'reliability',
      { fleet: 'Research_256', jobDurationHours: 1, checkpointTimeS: -5 },
      'checkpointTimeS',
      /≥ 0/,
    )
    expectInputError('reliability', { fleet: 'Research_256' }, 'jobDurationHours', /number/)
  })

  it('more nodes never raise MTBF; goodput stays in [0, 1]; the interval grows with MTBF', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 1, max: 3600, noNaN: true }),
        (count, delta) => {
          const at = (n: number) =>
            solve('reliability', {
              fleet: { node: 'DGX_H100', count: n, fabric: 'InfiniBand_NDR' },
              jobDurationHours: 100,
              checkpointTimeS: delta,
            }) as ReliabilityResult
          const a = at(count)
          const b = at(count + 1)
          expect(b.clusterMtbf).toBeLessThan(a.clusterMtbf)
          expect(b.checkpointInterval).toBeLessThan(a.checkpointInterval)
          expect(a.goodput).toBeGreaterThanOrEqual(0)
          expect(a.goodput).toBeLessThanOrEqual(1)
          expect(a.failureProbability).toBeLessThanOrEqual(b.failureProbability)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('backends agree', () => {
    const base = boundInputs(reliability, { fleet: 'Training_1K', jobDurationHours: 24 })
    expectBackendsAgree(
      reliability.model,
      around(base, {
        jobDurationHours: positive(0.1, 1e4),
        checkpointTimeS: positive(1, 3600),
        avgRecoveryTimeS: positive(1, 3600),
        nodes: positive(1, 1e4),
        gpuMttf: positive(1e7, 1e9),
        original: fc.constantFrom(0, 1),
        measuredMtbf: fc.constantFrom(0, 3.6e5),
      }),
      {
        smooth: ['jobDurationHours', 'checkpointTimeS', 'avgRecoveryTimeS', 'nodes', 'gpuMttf'],
        differentiable: [
          'nodeMtbf',
          'clusterMtbf',
          'checkpointInterval',
          'goodput',
          'expectedFailures',
          'jobDuration',
        ],
      },
    )
  })
})

describe('checkpoint', () => {
  it('hand-derived: Llama-3-70B on H100 storage (7 GB/s), 8 writers, 10 GB/s filesystem', () => {
    // 70.6e9 × 14 B = 988.4 GB; min(7 × 8, 10) GB/s = 10 GB/s → 98.84 s; every 2 h: 1.373%
    const r = solve('checkpoint', {
      workload: 'Llama3_70B',
      hardware: 'H100',
      nWriters: 8,
      filesystemLimitGbs: 10,
      checkpointIntervalHours: 2,
    }) as CheckpointResult
    expect(rel(r.checkpointBytes, 988.4e9)).toBeLessThan(1e-12)
    expect(r.writeBandwidth).toBe(10e9)
    expect(rel(r.writeTime, 98.84)).toBeLessThan(1e-12)
    expect(rel(r.mfuPenalty, 98.84 / 7200)).toBeLessThan(1e-12)
    expect(r.storageBottleneck).toBe(true)
    expect(r.bindingConstraint).toBe('filesystem bandwidth')
  })

  it('SGD saves 4 B/param; AdamW is Adam by default but SGD-priced in the original', () => {
    const at = (optimizer: string, fidelity: 'default' | 'mlsysim-0.1.2' = 'default') =>
      (
        solve(
          'checkpoint',
          { workload: 'Llama3_8B', hardware: 'H100', optimizer },
          { fidelity },
        ) as CheckpointResult
      ).checkpointBytes
    expect(rel(at('sgd'), 8.03e9 * 4)).toBeLessThan(1e-12)
    expect(rel(at('adamw'), 8.03e9 * 14)).toBeLessThan(1e-12)
    expect(rel(at('adamw', 'mlsysim-0.1.2'), 8.03e9 * 4)).toBeLessThan(1e-12)
  })

  it('a chip without storage writes at the 1 GB/s fallback; a write longer than the interval is infeasible', () => {
    const r = solve('checkpoint', {
      workload: 'GPT3',
      hardware: 'B200',
      checkpointIntervalHours: 0.5,
    }) as CheckpointResult
    // 175e9 × 14 = 2.45 TB at 1 GB/s = 2450 s > 1800 s
    expect(r.writeBandwidth).toBe(1e9)
    expect(rel(r.writeTime, 2450)).toBeLessThan(1e-12)
    expect(r.feasible).toBe(false)
  })

  it('rejects unknown optimizers, zero writers and negative intervals', () => {
    const base = { workload: 'Llama3_8B', hardware: 'H100' }
    expectInputError('checkpoint', { ...base, optimizer: 'lion' }, 'optimizer', /adam, adamw, sgd/)
    expectInputError('checkpoint', { ...base, nWriters: 0 }, 'nWriters', /≥ 1/)
    expectInputError('checkpoint', { ...base, checkpointIntervalHours: -2 }, 'checkpointIntervalHours', /≥ 0/)
  })

  it('more writers or a faster filesystem never slow the write', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (writers, limit) => {
          const at = (n: number, fs: number) =>
            (
              solve('checkpoint', {
                workload: 'Llama3_70B',
                hardware: 'H100',
                nWriters: n,
                filesystemLimitGbs: fs,
              }) as CheckpointResult
            ).writeTime
          expect(at(writers + 1, limit)).toBeLessThanOrEqual(at(writers, limit))
          expect(at(writers, limit * 2)).toBeLessThanOrEqual(at(writers, limit))
        },
      ),
      { numRuns: 40 },
    )
  })

  it('backends agree', () => {
    const base = boundInputs(checkpoint, { workload: 'Llama3_70B', hardware: 'H100' })
    expectBackendsAgree(
      checkpoint.model,
      around(base, {
        checkpointIntervalHours: positive(0.1, 48),
        nWriters: fc.integer({ min: 1, max: 128 }),
        filesystemLimitGbs: positive(1, 2000),
        storageBandwidth: positive(1e8, 1e11),
        parameters: positive(1e6, 1e12),
      }),
      {
        smooth: ['checkpointIntervalHours', 'filesystemLimitGbs', 'storageBandwidth', 'parameters'],
        differentiable: ['checkpointBytes', 'writeBandwidth', 'writeTime', 'mfuPenalty'],
      },
    )
  })
})
