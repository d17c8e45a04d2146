/**
 * Sweep throughput in Chromium for the three standard spaces: the scalar loop (`solve()` per
 * point), the CPU kernel on the page's main thread, and WebGPU (SwiftShader unless Chromium
 * finds a GPU), each with its ratio to the scalar loop. Run through Vitest's
 * browser mode (which bundles the page and serves it on localhost, a secure context):
 *
 *   pnpm --filter @mlsysim/core bench:chromium
 *
 * The one assertion is that both backends reduce to the same result; the figures are printed.
 */
import { expect, it } from 'vitest'
import { planSweep, sweep } from '../src/index.js'
import { scalarLoopRate } from './scalar-loop.js'
import { standardSpaces } from './webgpu-spaces.js'

// A quarter of the Node benchmark's axes: SwiftShader is slow, and compile time dominates anyway.
const SCALE = 0.25

it('WebGPU vs CPU sweeps in Chromium', async () => {
  const adapter = await navigator.gpu?.requestAdapter()
  if (!adapter) throw new Error('no WebGPU adapter in this Chromium: start it with --enable-unsafe-webgpu')
  const rows: string[] = []
  for (const [name, space] of Object.entries(standardSpaces(SCALE))) {
    const plan = planSweep(space)
    const scalar = scalarLoopRate(space, plan, 5_000)
    await sweep(plan, { backend: 'cpu' }) // warm the CPU kernel
    let start = performance.now()
    const cpu = await sweep(plan, { backend: 'cpu' })
    const cpuMs = performance.now() - start
    start = performance.now()
    const gpu = await sweep(plan, { backend: 'webgpu', gpu: navigator.gpu })
    const gpuMs = performance.now() - start
    expect(JSON.stringify(gpu.reduction)).toBe(JSON.stringify(cpu.reduction))
    const cpuRate = plan.total / (cpuMs / 1000)
    const gpuRate = plan.total / (gpuMs / 1000)
    const show = (rate: number) => `${Math.round(rate).toLocaleString('en-US').padStart(12)}/s`
    rows.push(
      `${name.padEnd(44)} ${plan.total.toLocaleString('en-US').padStart(10)} pts  solve() ${show(scalar)}  cpu ${show(cpuRate)} ×${(cpuRate / scalar).toFixed(0)}  webgpu ${show(gpuRate)} ×${(gpuRate / scalar).toFixed(1)} (×${(gpuRate / cpuRate).toFixed(2)} of cpu)`,
    )
  }
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info
  console.log(
    `WebGPU in Chromium — adapter: ${info?.vendor ?? '?'} ${info?.architecture ?? ''} ${info?.description ?? ''}\n${rows.join('\n')}`,
  )
}, 900_000)
