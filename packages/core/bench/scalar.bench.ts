/**
 * Scalar solves per second for single-node, serving and distributed: the full `solve()`
 * (schema validation, catalog resolution, equations, result object with trace), the
 * prepared path a lab slider uses (`prepare(...).outputs({ batchSize })`: one compiled
 * function call) and the prepared full result.
 *
 *   pnpm --filter @mlsysim/core bench
 */
import { prepare, solve } from '@mlsysim/core'
import { measure, printTable } from './measure.js'

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
for (const c of CASES) {
  let i = 0
  const next = () => c.values[i++ % c.values.length]!
  const full = measure(`${c.id}: solve() (validate + bind + equations + result)`, () =>
    solve(c.id, { ...c.input, [c.vary]: next() }),
  )
  const prepared = prepare(c.id, c.input)
  const outputs = measure(`${c.id}: prepare().outputs({ ${c.vary} })`, () =>
    prepared.outputs({ [c.vary]: next() }),
  )
  const result = measure(`${c.id}: prepare().result({ ${c.vary} })`, () =>
    prepared.result({ [c.vary]: next() }),
  )
  printTable(`${c.id}`, [full, outputs, result], full.rate)
}
