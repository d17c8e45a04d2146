/**
 * WebGPU sweep throughput in Chromium (SwiftShader unless Chromium finds a GPU), next to the
 * CPU kernel on the page's main thread, for the three standard spaces. Run through Vitest's
 * browser mode (which bundles the page and serves it on localhost, a secure context):
 *
 *   pnpm --filter @mlsysim/core bench:chromium
 *
 * The one assertion is that both backends reduce to the same result; the figures are printed.
 */
import { expect, it } from 'vitest'
import { planSweep, sweep } from '../src/index.js'
import { standardSpaces } from './webgpu-spaces.js'

// A quarter of the Node benchmark's axes: SwiftShader is slow, and compile time dominates anyway.
const SCALE = 0.25

it('WebGPU vs CPU sweeps in Chromium', async () => {
  const adapter = await navigator.gpu?.requestAdapter()
  if (!adapter) throw new Error('no WebGPU adapter in this Chromium: start it with --enable-unsafe-webgpu')
  const rows: string[] = []
  for (const [name, space] of Object.entries(standardSpaces(SCALE))) {
    const plan = planSweep(space)
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
    rows.push(
      `${name.padEnd(44)} ${plan.total.toLocaleString('en-US').padStart(10)} pts  cpu ${Math.round(cpuRate)
        .toLocaleString('en-US')
        .padStart(12)}/s  webgpu ${Math.round(gpuRate).toLocaleString('en-US').padStart(12)}/s  ×${(
        gpuRate / cpuRate
      ).toFixed(2)}`,
    )
  }
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info
  console.log(
    `WebGPU in Chromium — adapter: ${info?.vendor ?? '?'} ${info?.architecture ?? ''} ${info?.description ?? ''}\n${rows.join('\n')}`,
  )
}, 900_000)
