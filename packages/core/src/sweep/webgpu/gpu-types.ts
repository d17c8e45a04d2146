/**
 * The slice of WebGPU the sweep backend uses, typed here so the package type-checks without
 * DOM or @webgpu/types (browsers' `navigator.gpu` and the `webgpu` package's `create([])` both
 * fit). Usage and map-mode flags are the spec's fixed numbers, so no globals are needed.
 */

export const BUFFER_USAGE = Object.freeze({
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
})
export const MAP_MODE_READ = 0x0001
export const SHADER_STAGE_COMPUTE = 0x4

export interface GpuBufferLike {
  readonly size: number
  getMappedRange(offset?: number, size?: number): ArrayBuffer
  unmap(): void
  mapAsync(mode: number, offset?: number, size?: number): Promise<void>
  destroy(): void
}

export interface GpuCompilationMessageLike {
  readonly type: 'error' | 'warning' | 'info'
  readonly message: string
  readonly lineNum: number
  readonly linePos: number
}

export interface GpuShaderModuleLike {
  getCompilationInfo(): Promise<{ readonly messages: readonly GpuCompilationMessageLike[] }>
}

export interface GpuComputePassLike {
  setPipeline(pipeline: unknown): void
  setBindGroup(index: number, group: unknown): void
  dispatchWorkgroups(x: number, y?: number, z?: number): void
  end(): void
}

export interface GpuCommandEncoderLike {
  beginComputePass(): GpuComputePassLike
  clearBuffer(buffer: GpuBufferLike, offset?: number, size?: number): void
  copyBufferToBuffer(
    source: GpuBufferLike,
    sourceOffset: number,
    target: GpuBufferLike,
    targetOffset: number,
    size: number,
  ): void
  finish(): unknown
}

export interface GpuLimitsLike {
  readonly maxStorageBufferBindingSize: number
  readonly maxBufferSize: number
  readonly maxComputeWorkgroupsPerDimension: number
  readonly maxStorageBuffersPerShaderStage: number
  readonly maxComputeWorkgroupStorageSize: number
  readonly maxComputeInvocationsPerWorkgroup: number
  readonly maxComputeWorkgroupSizeX: number
  readonly maxUniformBufferBindingSize: number
}

export interface GpuDeviceLike {
  readonly limits: GpuLimitsLike
  readonly lost: Promise<{ readonly reason: string; readonly message: string }>
  readonly queue: {
    writeBuffer(buffer: GpuBufferLike, offset: number, data: ArrayBuffer | ArrayBufferView): void
    submit(commands: unknown[]): void
    onSubmittedWorkDone(): Promise<void>
  }
  createShaderModule(descriptor: { code: string; label?: string }): GpuShaderModuleLike
  createBindGroupLayout(descriptor: {
    entries: Array<{ binding: number; visibility: number; buffer: { type: string } }>
  }): unknown
  createPipelineLayout(descriptor: { bindGroupLayouts: unknown[] }): unknown
  createComputePipelineAsync(descriptor: {
    layout: unknown
    compute: { module: GpuShaderModuleLike; entryPoint: string }
  }): Promise<unknown>
  createBuffer(descriptor: { size: number; usage: number; label?: string }): GpuBufferLike
  createBindGroup(descriptor: {
    layout: unknown
    entries: Array<{ binding: number; resource: { buffer: GpuBufferLike } }>
  }): unknown
  createCommandEncoder(): GpuCommandEncoderLike
  pushErrorScope(filter: 'validation' | 'out-of-memory' | 'internal'): void
  popErrorScope(): Promise<{ readonly message: string } | null>
  destroy(): void
}

export interface GpuAdapterLike {
  readonly limits: GpuLimitsLike
  readonly info?: {
    readonly vendor?: string
    readonly architecture?: string
    readonly description?: string
    readonly device?: string
    /** A software (CPU) implementation (newer browsers and Dawn). */
    readonly isFallbackAdapter?: boolean
  }
  /** The same flag where it lived on the adapter before (older browsers). */
  readonly isFallbackAdapter?: boolean
  requestDevice(descriptor?: { requiredLimits?: Record<string, number> }): Promise<GpuDeviceLike>
}

/** A WebGPU `GPU` object: `navigator.gpu`, or `create([])` from the `webgpu` package. */
export interface GpuLike {
  requestAdapter(options?: {
    powerPreference?: 'high-performance' | 'low-power'
  }): Promise<GpuAdapterLike | null>
}

export function isGpuLike(value: unknown): value is GpuLike {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { requestAdapter?: unknown }).requestAdapter === 'function'
  )
}

/** A readable name for an adapter ("llvmpipe: Mesa 25.0.7 …", "SwiftShader Device …", "NVIDIA H100 …"). */
export function adapterName(adapter: GpuAdapterLike): string {
  const info = adapter.info
  const first = [info?.description, info?.device, info?.vendor].find(
    (p): p is string => typeof p === 'string' && p.length > 0,
  )
  if (!first) return 'unnamed adapter'
  const short = first
    .replace(/\s*\(LLVM[^)]*\)/, '')
    .replace(/\s+/g, ' ')
    .trim()
  return short.length > 60 ? `${short.slice(0, 57)}…` : short
}

/** Adapters that emulate a GPU on the CPU: SwiftShader (Chromium), Mesa's llvmpipe/lavapipe and softpipe, Microsoft's WARP. */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b/i

/**
 * Whether an adapter is a software one: flagged as the fallback adapter, or named after a
 * known CPU rasterizer (Dawn on lavapipe reports architecture "software", SwiftShader its name).
 */
export function isSoftwareAdapter(adapter: GpuAdapterLike): boolean {
  const info = adapter.info
  if (info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true) return true
  if (info?.architecture?.toLowerCase() === 'software') return true
  return [info?.vendor, info?.architecture, info?.description, info?.device].some(
    (part) => typeof part === 'string' && SOFTWARE_ADAPTER.test(part),
  )
}
