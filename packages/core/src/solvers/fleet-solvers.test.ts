// Every fleet and operations solver is registered, lists exactly the keys its results have,
// and takes the original's keyword arguments (camelCase) as input keys.
import { describe, expect, it } from 'vitest'
import { listSolvers, solve } from '../solver/solve.js'
import { FLEET_SOLVERS } from './fleet-solvers.js'

const EXAMPLES: Record<keyof typeof FLEET_SOLVERS, Record<string, unknown>> = {
  checkpoint: { workload: 'Llama3_8B', hardware: 'H100' },
  distributed: { workload: 'Llama3_8B', fleet: 'Research_256', batchSize: 256, tpSize: 8 },
  economics: { fleet: 'Research_256', durationDays: 30 },
  'moe-routing': { workload: 'Mixtral_8x7B', batchSize: 8, seqLen: 2048, epSize: 8, fleet: 'Research_256' },
  orchestration: { arrivalRateJobsPerDay: 0.5, avgJobDurationDays: 1 },
  parallelism: { workload: 'Llama3_8B', fleet: 'Research_256', batchSize: 256, maxPp: 4 },
  placement: { fleet: 'Research_256', durationDays: 30 },
  reliability: { fleet: 'Research_256', jobDurationHours: 24 },
  scaling: { computeBudget: '1e23 flop' },
  sustainability: { fleet: 'Research_256', durationDays: 30 },
  topology: { fabric: 'InfiniBand_NDR' },
  'training-memory': { workload: 'Llama3_8B', hardware: 'H100', batchSize: 8 },
}

/** The original's keyword arguments of each solver, camelCased (`model` → `workload`). */
const ORIGINAL_KEYWORDS: Record<keyof typeof FLEET_SOLVERS, string[]> = {
  checkpoint: [
    'workload',
    'hardware',
    'optimizer',
    'checkpointIntervalHours',
    'nWriters',
    'filesystemLimitGbs',
  ],
  distributed: [
    'workload',
    'fleet',
    'batchSize',
    'precision',
    'efficiency',
    'tpSize',
    'ppSize',
    'epSize',
    'vStages',
    'microbatchCount',
    'zeroStage',
    'isLora',
    'activationRecomputation',
    'overlapComm',
    'overlapEfficiency',
    'congestionFactor',
    'stragglerFactor',
    'moeRoutingImbalanceFactor',
    'gradientAccumulationSteps',
    'seqLen',
  ],
  economics: [
    'fleet',
    'durationDays',
    'kwhPrice',
    'datacenter',
    'grid',
    'mfu',
    'amortizationYears',
    'infrastructureMultiplier',
  ],
  'moe-routing': [
    'workload',
    'batchSize',
    'seqLen',
    'precision',
    'epSize',
    'routingImbalanceFactor',
    'fleet',
  ],
  orchestration: ['fleet', 'arrivalRateJobsPerDay', 'avgJobDurationDays'],
  parallelism: ['workload', 'fleet', 'batchSize', 'precision', 'efficiency', 'maxTp', 'maxPp', 'overlapComm'],
  placement: ['fleet', 'durationDays', 'regions', 'carbonTaxPerTon', 'mfu'],
  reliability: ['fleet', 'jobDurationHours', 'checkpointTimeS', 'avgRecoveryTimeS'],
  scaling: ['computeBudget', 'targetModelSize'],
  sustainability: ['fleet', 'durationDays', 'datacenter', 'mfu', 'embodiedCarbonPerDevice'],
  topology: ['fabric', 'topology', 'numNodes'],
  'training-memory': [
    'workload',
    'hardware',
    'batchSize',
    'seqLen',
    'precision',
    'optimizer',
    'activationCheckpointing',
    'tpSize',
    'ppSize',
    'dpSize',
    'epSize',
    'zeroStage',
    'gradientAccumulationSteps',
    'trainableFraction',
    'communicationBufferFraction',
  ],
}

describe('fleet and operations solvers', () => {
  const listed = new Map(listSolvers().map((s) => [s.id, s]))

  it.each(Object.keys(FLEET_SOLVERS) as (keyof typeof FLEET_SOLVERS)[])(
    '%s: result keys and input keys',
    (id) => {
      const info = listed.get(id)!
      expect(info, `${id} is listed`).toBeDefined()
      expect([...info.inputKeys].sort()).toEqual([...ORIGINAL_KEYWORDS[id]].sort())
      for (const fidelity of ['default', 'mlsysim-0.1.2'] as const) {
        const result = solve(id, EXAMPLES[id], { fidelity }) as Record<string, unknown>
        expect(Object.keys(result).sort(), `${id} (${fidelity})`).toEqual([...info.outputKeys].sort())
        expect(typeof result.feasible).toBe('boolean')
        expect(typeof result.bindingConstraint).toBe('string')
        expect(
          Array.isArray(result.constraintTrace) && (result.constraintTrace as unknown[]).length > 0,
        ).toBe(true)
      }
    },
  )
})
