// Proof that the browser preset gives real WebGPU: a WGSL compute shader runs in
// Chromium (SwiftShader adapter) and the values read back are checked one by one.
import { describe, expect, it } from 'vitest'

const SHADER = /* wgsl */ `
@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let i = id.x;
  if (i >= arrayLength(&input)) { return; }
  // A roofline-shaped function: max(compute time, memory time) with a select.
  let x = input[i];
  output[i] = select(x * x + 1.0, sqrt(x) * 3.0, x > 4.0);
}
`

async function requestDevice(): Promise<GPUDevice> {
  if (!('gpu' in navigator)) throw new Error('navigator.gpu is missing: Chromium was started without WebGPU')
  const adapter = await navigator.gpu.requestAdapter()
  if (!adapter)
    throw new Error('no WebGPU adapter: check --enable-unsafe-webgpu and a secure (localhost) context')
  return adapter.requestDevice()
}

describe('Chromium WebGPU harness', () => {
  it('runs in a secure context with a WebGPU adapter', async () => {
    expect(window.isSecureContext).toBe(true)
    const device = await requestDevice()
    expect(device.limits.maxComputeWorkgroupsPerDimension).toBeGreaterThanOrEqual(65535)
    device.destroy()
  })

  it('dispatches a WGSL compute shader and reads back exact values', async () => {
    const device = await requestDevice()
    const n = 10_000
    const input = new Float32Array(n)
    for (let i = 0; i < n; i++) input[i] = i * 0.001

    const inputBuffer = device.createBuffer({
      size: input.byteLength,
      usage: GPUBufferUsage.STORAGE,
      mappedAtCreation: true,
    })
    new Float32Array(inputBuffer.getMappedRange()).set(input)
    inputBuffer.unmap()
    const outputBuffer = device.createBuffer({
      size: input.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    })
    const readBuffer = device.createBuffer({
      size: input.byteLength,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    })

    const module = device.createShaderModule({ code: SHADER })
    const info = await module.getCompilationInfo()
    expect(info.messages.filter((m) => m.type === 'error')).toEqual([])
    const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } })
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: inputBuffer } },
        { binding: 1, resource: { buffer: outputBuffer } },
      ],
    })
    const encoder = device.createCommandEncoder()
    const pass = encoder.beginComputePass()
    pass.setPipeline(pipeline)
    pass.setBindGroup(0, bindGroup)
    pass.dispatchWorkgroups(Math.ceil(n / 64))
    pass.end()
    encoder.copyBufferToBuffer(outputBuffer, 0, readBuffer, 0, input.byteLength)
    device.queue.submit([encoder.finish()])
    await readBuffer.mapAsync(GPUMapMode.READ)
    const output = new Float32Array(readBuffer.getMappedRange().slice(0))
    readBuffer.unmap()
    device.destroy()

    for (let i = 0; i < n; i++) {
      const x = input[i]!
      const expected = x > 4 ? Math.fround(Math.sqrt(x) * 3) : Math.fround(x * x + 1)
      expect(output[i]).toBeCloseTo(expected, 5)
    }
    // Spot values computed by hand: f(2) = 2² + 1 = 5, f(9) = 3·√9 = 9.
    expect(output[2000]).toBeCloseTo(5, 5)
    expect(output[9000]).toBeCloseTo(9, 4)
  })

  it('reports a WGSL compile error instead of silently succeeding', async () => {
    const device = await requestDevice()
    device.pushErrorScope('validation')
    const module = device.createShaderModule({ code: 'fn main( {' })
    const info = await module.getCompilationInfo()
    await device.popErrorScope()
    expect(info.messages.some((m) => m.type === 'error')).toBe(true)
    device.destroy()
  })
})
