// WGSL from expression graphs, checked in Chromium's WebGPU (SwiftShader): every model
// compiles, and generated kernels agree with the f64 JavaScript evaluation within f32 accuracy.
import { beforeAll, describe, expect, it } from 'vitest'
import * as core from '../index.js'
import { F32_MAX, F32_MIN_NORMAL, type WgslKernel, wgslFunction, wgslKernel } from './emit-wgsl.js'
import { awkwardNames, demo, type Fixture, fixtures, modelsAmong, seededRandom } from './fixtures.js'
import type { Model } from './model.js'

// ---- The slice of WebGPU used here, typed locally (the package type-checks without DOM types).

interface GpuBuffer {
  getMappedRange(): ArrayBuffer
  unmap(): void
  mapAsync(mode: number): Promise<void>
  destroy(): void
}

interface GpuCompilationMessage {
  readonly type: 'error' | 'warning' | 'info'
  readonly message: string
  readonly lineNum: number
  readonly linePos: number
}

interface GpuShaderModule {
  getCompilationInfo(): Promise<{ readonly messages: readonly GpuCompilationMessage[] }>
}

interface GpuComputePipeline {
  getBindGroupLayout(index: number): unknown
}

interface GpuComputePass {
  setPipeline(pipeline: GpuComputePipeline): void
  setBindGroup(index: number, group: unknown): void
  dispatchWorkgroups(x: number, y?: number): void
  end(): void
}

interface GpuCommandEncoder {
  beginComputePass(): GpuComputePass
  copyBufferToBuffer(
    source: GpuBuffer,
    sourceOffset: number,
    target: GpuBuffer,
    targetOffset: number,
    size: number,
  ): void
  finish(): unknown
}

interface GpuDevice {
  readonly limits: { readonly maxComputeWorkgroupsPerDimension: number }
  readonly queue: {
    writeBuffer(buffer: GpuBuffer, offset: number, data: ArrayBuffer | ArrayBufferView): void
    submit(commands: unknown[]): void
  }
  createShaderModule(descriptor: { code: string }): GpuShaderModule
  createComputePipelineAsync(descriptor: {
    layout: 'auto'
    compute: { module: GpuShaderModule; entryPoint: string }
  }): Promise<GpuComputePipeline>
  createBuffer(descriptor: { size: number; usage: number }): GpuBuffer
  createBindGroup(descriptor: {
    layout: unknown
    entries: Array<{ binding: number; resource: { buffer: GpuBuffer } }>
  }): unknown
  createCommandEncoder(): GpuCommandEncoder
  pushErrorScope(filter: 'validation' | 'out-of-memory' | 'internal'): void
  popErrorScope(): Promise<{ readonly message: string } | null>
  destroy(): void
}

interface WebGpuGlobals {
  navigator?: {
    gpu?: { requestAdapter(): Promise<{ requestDevice(): Promise<GpuDevice> } | null> }
  }
  GPUBufferUsage: Record<'MAP_READ' | 'COPY_SRC' | 'COPY_DST' | 'UNIFORM' | 'STORAGE', number>
  GPUMapMode: Record<'READ', number>
}

const webgpu = () => globalThis as unknown as WebGpuGlobals

async function requestDevice(): Promise<GpuDevice> {
  const gpu = webgpu().navigator?.gpu
  if (!gpu) throw new Error('navigator.gpu is missing: Chromium was started without WebGPU')
  const adapter = await gpu.requestAdapter()
  if (!adapter)
    throw new Error('no WebGPU adapter: check --enable-unsafe-webgpu and a secure (localhost) context')
  return adapter.requestDevice()
}

/** Compiles WGSL and returns its errors and warnings with line numbers (none when it is clean). */
async function compileProblems(device: GpuDevice, code: string): Promise<string[]> {
  const module = device.createShaderModule({ code })
  const { messages } = await module.getCompilationInfo()
  return messages.filter((m) => m.type !== 'info').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`)
}

interface KernelRun {
  readonly rowCount: number
  /** Values of the varying inputs, by name (rounded to f32 when packed). */
  readonly columns: Readonly<Record<string, ArrayLike<number>>>
  /** Values of every other input. */
  readonly scalars: Readonly<Record<string, number>>
  /** Passed to `dispatchSize`: a small value forces the 2-D dispatch path. */
  readonly maxWorkgroupsPerDimension?: number
}

/** Runs a generated kernel over `rowCount` rows and reads every output back. */
async function runKernel(
  device: GpuDevice,
  kernel: WgslKernel,
  run: KernelRun,
): Promise<Record<string, Float32Array>> {
  const { GPUBufferUsage: usage, GPUMapMode: mapMode } = webgpu()
  const { layout, entryPoint } = kernel
  device.pushErrorScope('validation')
  const module = device.createShaderModule({ code: kernel.source })
  const pipeline = await device.createComputePipelineAsync({
    layout: 'auto',
    compute: { module, entryPoint },
  })

  const buffers: GpuBuffer[] = []
  const buffer = (size: number, flags: number) => {
    // Bindings need at least 4 bytes; copies need multiples of 4.
    const created = device.createBuffer({ size: Math.max(16, Math.ceil(size / 16) * 16), usage: flags })
    buffers.push(created)
    return created
  }
  const params = buffer(layout.params.byteSize, usage.UNIFORM | usage.COPY_DST)
  device.queue.writeBuffer(params, 0, kernel.packParams(run.rowCount, run.scalars))
  const entries: Array<{ binding: number; resource: { buffer: GpuBuffer } }> = [
    { binding: layout.params.binding, resource: { buffer: params } },
  ]
  if (layout.columns) {
    const columns = buffer(layout.columns.bytesPerRow * run.rowCount, usage.STORAGE | usage.COPY_DST)
    device.queue.writeBuffer(columns, 0, kernel.packColumns(run.columns, run.rowCount))
    entries.push({ binding: layout.columns.binding, resource: { buffer: columns } })
  }
  const resultBytes = layout.results.bytesPerRow * run.rowCount
  const results = buffer(resultBytes, usage.STORAGE | usage.COPY_SRC)
  entries.push({ binding: layout.results.binding, resource: { buffer: results } })
  const readback = buffer(resultBytes, usage.MAP_READ | usage.COPY_DST)

  const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(layout.group), entries })
  const encoder = device.createCommandEncoder()
  const pass = encoder.beginComputePass()
  pass.setPipeline(pipeline)
  pass.setBindGroup(layout.group, bindGroup)
  const { x, y } = kernel.dispatchSize(run.rowCount, run.maxWorkgroupsPerDimension)
  pass.dispatchWorkgroups(x, y)
  pass.end()
  encoder.copyBufferToBuffer(results, 0, readback, 0, Math.max(16, Math.ceil(resultBytes / 16) * 16))
  device.queue.submit([encoder.finish()])
  await readback.mapAsync(mapMode.READ)
  const data = new Float32Array(readback.getMappedRange().slice(0, resultBytes))
  readback.unmap()
  for (const b of buffers) b.destroy()
  const error = await device.popErrorScope()
  if (error) throw new Error(`WebGPU validation error: ${error.message}`)
  return kernel.unpackResults(data, run.rowCount)
}

// ---- Models under test.

/** Every model the package exports (solvers' and formulas' models included). */
const exportedModels = () => modelsAmong(core)

// ---- Comparison with the f64 evaluation.

/** Relative size of the input perturbation that stands in for f32 rounding (4 ulps of f32). */
const PERTURBATION = 2 ** -21

interface Comparison {
  checked: number
  nearBoundary: number
  outOfRange: number
  failures: string[]
}

/**
 * Compares GPU results with `model.evaluate` on the same (f32-rounded) inputs. A number must be
 * within 1e-5 relative, plus four times how far the f64 result moves when the inputs move by
 * a few f32 ulps (which is what makes values near zero after cancellation, or near a
 * discontinuity, comparable); a boolean must be exact unless such a move flips it (the row sits
 * on the comparison's boundary). Results an f32 cannot hold (non-finite, beyond F32_MAX,
 * subnormal) are not compared.
 */
function compare(
  model: Model,
  rows: ReadonlyArray<Record<string, number>>,
  gpu: Record<string, Float32Array>,
  outputs: readonly string[],
  random: () => number,
): Comparison {
  const result: Comparison = { checked: 0, nearBoundary: 0, outOfRange: 0, failures: [] }
  rows.forEach((row, r) => {
    const expected = model.evaluate(row)
    // Integers (counts, steps) are exact in f32, so they are not perturbed.
    const perturbable = model.inputNames.filter((name) => !Number.isInteger(row[name]))
    const patterns = [() => 1, () => -1, () => (random() < 0.5 ? 1 : -1), () => (random() < 0.5 ? 1 : -1)]
    const moved = patterns.map((sign) => {
      const shifted = { ...row }
      for (const name of perturbable) shifted[name] = row[name]! * (1 + sign() * PERTURBATION)
      return model.evaluate(shifted)
    })
    for (const name of outputs) {
      const want = expected[name]!
      const got = gpu[name]![r]!
      const magnitude = Math.abs(want)
      if (!Number.isFinite(want) || magnitude > F32_MAX || (magnitude !== 0 && magnitude < F32_MIN_NORMAL)) {
        result.outOfRange++
        continue
      }
      const spread = Math.max(...moved.map((m) => Math.abs(m[name]! - want)))
      const info = model.outputs.find((o) => o.name === name)!
      if (info.type === 'boolean') {
        if (spread > 0) {
          result.nearBoundary++
          continue
        }
        if (got !== want)
          result.failures.push(`row ${r} ${name}: got ${got}, want ${want} (${JSON.stringify(row)})`)
      } else if (!(Math.abs(got - want) <= 1e-5 * magnitude + 4 * spread)) {
        result.failures.push(
          `row ${r} ${name}: got ${got}, want ${want}, spread ${spread} (${JSON.stringify(row)})`,
        )
      }
      result.checked++
    }
  })
  return result
}

/** `count` rows of a fixture's inputs, rounded to f32 (what the GPU sees); `scalars` shared by all rows. */
function sampleRows(fixture: Fixture, count: number, varying: readonly string[], seed: number) {
  const random = seededRandom(seed)
  const round = (values: Record<string, number>) =>
    Object.fromEntries(Object.entries(values).map(([k, x]) => [k, Math.fround(x)]))
  const scalars = round(fixture.sample(random))
  const rows = Array.from({ length: count }, () => {
    const sample = round(fixture.sample(random))
    const row = { ...scalars }
    for (const name of varying) row[name] = sample[name]!
    return row
  })
  const columns = Object.fromEntries(varying.map((name) => [name, rows.map((row) => row[name]!)]))
  return { rows, columns, scalars }
}

let device: GpuDevice
beforeAll(async () => {
  device = await requestDevice()
  return () => device.destroy()
})

describe('generated WGSL compiles', () => {
  const models = [...fixtures.map((f) => f.model), ...exportedModels()]

  it('finds the models the package exports (solvers, formulas), besides the fixtures', () => {
    expect(models.length - fixtures.length).toBe(exportedModels().length)
    expect(exportedModels().length).toBeGreaterThan(0)
    expect(new Set(models).size).toBe(models.length)
  })

  it.each(models.map((model) => [model.id, model] as const))(
    '%s: function, kernels and pipelines',
    async (_, model) => {
      const fn = wgslFunction(model)
      expect(await compileProblems(device, fn.source), fn.source).toEqual([])
      for (const varying of [model.inputNames, [], model.inputNames.filter((_, i) => i % 2 === 0)]) {
        const kernel = wgslKernel(model, { varying })
        expect(await compileProblems(device, kernel.source), kernel.source).toEqual([])
        device.pushErrorScope('validation')
        const module = device.createShaderModule({ code: kernel.source })
        await device.createComputePipelineAsync({
          layout: 'auto',
          compute: { module, entryPoint: kernel.entryPoint },
        })
        expect(await device.popErrorScope()).toBeNull()
      }
    },
  )

  it('reports errors in invalid WGSL (the check above can fail)', async () => {
    const fn = wgslFunction(demo)
    const broken = fn.source.replace('return DemoOutputs(', 'return DemoOutputs(1.0, ')
    expect(await compileProblems(device, broken)).not.toEqual([])
  })
})

describe('generated kernels agree with the f64 evaluation', () => {
  const cases = fixtures.flatMap((fixture, f) => {
    const names = fixture.model.inputNames
    return [
      { fixture, varying: names, label: 'all inputs vary', seed: 11 + f },
      { fixture, varying: names.filter((_, i) => i % 2 === 1), label: 'odd inputs vary', seed: 23 + f },
    ]
  })

  it.each(cases.map((c) => [c.fixture.model.id, c.label, c] as const))(
    '%s, %s, 2-D dispatch',
    async (_, __, { fixture, varying, seed }) => {
      const model = fixture.model
      const rowCount = 1500
      const { rows, columns, scalars } = sampleRows(fixture, rowCount, varying, seed)
      const kernel = wgslKernel(model, { varying })
      // 1500 rows / 64 = 24 workgroups; at most 5 per dimension gives a 5 × 5 grid, 100 rows past the end.
      expect(kernel.dispatchSize(rowCount, 5)).toEqual({ x: 5, y: 5 })
      const gpu = await runKernel(device, kernel, {
        rowCount,
        columns,
        scalars,
        maxWorkgroupsPerDimension: 5,
      })
      const result = compare(model, rows, gpu, model.outputNames, seededRandom(seed + 1000))
      expect(result.failures.slice(0, 10)).toEqual([])
      const compared = rowCount * model.outputNames.length
      // Nearly every value is compared; boundary rows and f32 overflow are rare for these samplers.
      expect(result.checked).toBeGreaterThan(0.95 * compared)
    },
  )

  it('evaluates a subset of outputs with another workgroup size, all inputs scalar', async () => {
    const fixture = fixtures.find((f) => f.model === demo)!
    const { rows, scalars } = sampleRows(fixture, 3, [], 5)
    const kernel = wgslKernel(demo, { varying: [], outputs: ['erlangB', 'latency'], workgroupSize: 8 })
    expect(kernel.layout.columns).toBeUndefined()
    const gpu = await runKernel(device, kernel, { rowCount: 3, columns: {}, scalars })
    expect(Object.keys(gpu)).toEqual(['erlangB', 'latency'])
    const result = compare(demo, rows, gpu, ['erlangB', 'latency'], seededRandom(6))
    expect(result).toEqual({ checked: 6, nearBoundary: 0, outOfRange: 0, failures: [] })
    // Every row has the same inputs, so the same results.
    expect(gpu.latency![0]).toBe(gpu.latency![2])
  })

  it('runs more than 65,535 workgroups through the 2-D dispatch', async () => {
    const rowCount = 70_000
    const kernel = wgslKernel(awkwardNames, { varying: ['var', '__x'], workgroupSize: 1 })
    expect(kernel.dispatchSize(rowCount, device.limits.maxComputeWorkgroupsPerDimension)).toEqual({
      x: device.limits.maxComputeWorkgroupsPerDimension,
      y: Math.ceil(rowCount / device.limits.maxComputeWorkgroupsPerDimension),
    })
    // var = row index, __x = 0.5: 'p99 latency' = var·select + module, loop = __x − var.
    const index = Float64Array.from({ length: rowCount }, (_, i) => i)
    const gpu = await runKernel(device, kernel, {
      rowCount,
      columns: { var: index, __x: new Float64Array(rowCount).fill(0.5) },
      scalars: { select: 2, module: 3 },
      maxWorkgroupsPerDimension: device.limits.maxComputeWorkgroupsPerDimension,
    })
    for (let i = 0; i < rowCount; i++) {
      if (
        gpu['p99 latency']![i] !== 2 * i + 3 ||
        gpu.loop![i] !== 0.5 - i ||
        gpu['ok?']![i] !== (i > 0.5 ? 1 : 0)
      ) {
        throw new Error(`row ${i}: ${gpu['p99 latency']![i]}, ${gpu.loop![i]}, ${gpu['ok?']![i]}`)
      }
    }
    expect(gpu['p99-latency']![rowCount - 1]).toBe(1) // module / (select + 1) = 3 / 3
  })
})

describe('every exported model agrees with its f64 evaluation', () => {
  const models = exportedModels()
  const totals = { compared: 0, checked: 0 }

  // Inputs log-uniform in [0.5, 4]: moderate values for any dimension, so that results stay
  // well inside f32 range; what an f32 cannot hold is counted and skipped by compare().
  it.each(models.map((model) => [model.id, model] as const))('%s on 500 random rows', async (_, model) => {
    const fixture: Fixture = {
      model,
      sample: (random) =>
        Object.fromEntries(model.inputNames.map((name) => [name, 0.5 * Math.exp(random() * Math.log(8))])),
    }
    const rowCount = 500
    const { rows, columns, scalars } = sampleRows(fixture, rowCount, model.inputNames, 3)
    const kernel = wgslKernel(model, { varying: model.inputNames })
    const gpu = await runKernel(device, kernel, { rowCount, columns, scalars, maxWorkgroupsPerDimension: 3 })
    const result = compare(model, rows, gpu, model.outputNames, seededRandom(4))
    expect(result.failures.slice(0, 10)).toEqual([])
    totals.compared += rowCount * model.outputNames.length
    totals.checked += result.checked
  })

  it('compared most values (the check above is not vacuous)', () => {
    expect(totals.compared).toBeGreaterThan(0)
    expect(totals.checked).toBeGreaterThan(0.9 * totals.compared)
  })
})
