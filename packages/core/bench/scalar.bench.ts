/**
 * Scalar solves per second for single-node, serving and distributed: the full `solve()`
 * (schema validation, catalog resolution, equations, result object with trace), the
 * prepared path a lab slider uses (`prepare(...).outputs({ batchSize })`: one compiled
 * function call) and the prepared full result.
 *
 *   pnpm --filter @mlsysim/core bench
 */
import { prepare, solve } from '@mlsysim/core'
import { literal, measure, printTable } from './measure.js'

const CASES = [
  {
    id: 'single-node',
    input: { workload: 'Llama3_8B', hardware: 'H100', batchSize: 8 },
    vary: 'batchSize',
    values: [1, 2, 4, 8, 16, 32, 64, 128],
  },
  {
    id: 'serving',
    input: { workload: 'Llama3_8B', hardware: 'H100', seqLen: 2048, batchSize: 1 },
    vary: 'batchSize',
    values: [1, 2, 4, 8, 16, 32, 64, 128],
  },
  {
    id: 'distributed',
    input: {
      workload: 'Llama3_70B',
      fleet: 'Training_1K',
      batchSize: 1024,
      tpSize: 8,
      ppSize: 4,
      microbatchCount: 16,
      zeroStage: 1,
    },
    vary: 'batchSize',
    values: [256, 512, 1024, 2048, 4096],
  },
] as const

console.log(`MLSys·im scalar solves — Node ${process.version}, ${process.arch}`)
// Inputs are built before timing, as plain records like the literals callers write.
for (const c of CASES) {
  let i = 0
  const inputs = c.values.map((v) => literal({ ...c.input, [c.vary]: v }))
  const overrides = c.values.map((v) => literal({ [c.vary]: v }))
  const next = <T>(list: readonly T[]) => list[i++ % list.length]!
  const full = measure(`${c.id}: solve() (validate + bind + equations + result)`, () =>
    solve(c.id, next(inputs)),
  )
  const prepared = prepare(c.id, c.input)
  const outputs = measure(`${c.id}: prepare().outputs({ ${c.vary} })`, () =>
    prepared.outputs(next(overrides)),
  )
  const result = measure(`${c.id}: prepare().result({ ${c.vary} })`, () => prepared.result(next(overrides)))
  printTable(`${c.id}`, [full, outputs, result], full.rate)
}
