/**
 * Regression check for Dawn's garbage-collection hazard (run by src/sweep/webgpu/webgpu.test.ts
 * as `node --expose-gc`): the `webgpu` package's `create()` result owns Dawn's native instance,
 * and Dawn's event polling holds a raw pointer to it; if it is collected while a mapAsync is
 * pending, the process crashes or hangs. The sweep passes `create([])` inline, so only the
 * runner holds it, while gc() runs every millisecond and after every chunk. Prints one JSON line.
 */
import { create } from 'webgpu'
import { registerSweepBackend } from '../src/sweep/backend.js'
import { sweep } from '../src/sweep/engine.js'
import { planSweep } from '../src/sweep/plan.js'
import { createWebGpuBackend } from '../src/sweep/webgpu/backend.js'
import { registerSweepTestSolver } from './sweep-fixtures.js'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')
registerSweepTestSolver()
registerSweepBackend(createWebGpuBackend({ maxRows: 4096 }))

const plan = planSweep({
  solver: 'sweep-test',
  axes: {
    mode: ['fast', 'slow', 'zero'],
    flag: [false, true],
    x: { from: -3, to: 3, count: 121 },
    n: { from: 0, to: 9, step: 1 },
    t: { from: 0.25, to: 2, count: 8 },
  },
  constraints: ['ok', 'time <= 9'],
  objectives: [{ minimize: 'y' }, { minimize: 'time' }],
  keep: { topK: 5, pareto: true, histograms: [{ of: 'mode' }] },
})

let collections = 0
let chunks = 0
const timer = setInterval(() => {
  gc()
  collections++
}, 1)
const notices: string[] = []
const gpuResult = await sweep(plan, {
  backend: 'webgpu',
  gpu: create([]),
  chunkSize: 4096,
  progressInterval: 0,
  onNotice: (m) => notices.push(m),
  onProgress: () => {
    chunks++
    // Garbage that makes collection real work, then a collection with the next chunk in flight.
    void Array.from({ length: 2000 }, (_, i) => ({ i, data: new Float64Array(64) }))
    gc()
    collections++
  },
})
clearInterval(timer)
const cpuResult = await sweep(plan, { backend: 'cpu' })
const adapter = !notices.some((n) => /cannot run here/.test(n))
console.log(
  JSON.stringify({
    adapter,
    equal: JSON.stringify(gpuResult.reduction) === JSON.stringify(cpuResult.reduction),
    chunks,
    collections,
    notices,
  }),
)
process.exit(0)
