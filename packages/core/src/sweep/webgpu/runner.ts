/**
 * The device half of the WebGPU backend: opens an adapter and a device within its limits,
 * uploads the plan's tables once, and runs the kernel's passes over chunks of rows, reading
 * back only the accumulator head (counts, histogram bins) and the used part of the unsure and
 * candidate lists — plus the rows themselves when the plan keeps a full table.
 *
 * It runs wherever the GPU object lives: the page (browsers), or an isolated child process in
 * Node (node-provider.ts), and speaks plain data (GpuChunkOutput) so both look the same.
 */
import {
  adapterName,
  BUFFER_USAGE,
  type GpuAdapterLike,
  type GpuBufferLike,
  type GpuDeviceLike,
  type GpuLike,
  isSoftwareAdapter,
  MAP_MODE_READ,
  SHADER_STAGE_COMPUTE,
} from './gpu-types.js'
import { type GpuKernelSpec, packParams, paramsBytes, ROW_WORKGROUP } from './kernel.js'

/** The adapter cannot run the sweep (none, or its limits are too small): use the CPU. */
export class GpuUnavailableError extends Error {
  override readonly name = 'GpuUnavailableError'
}

/** What one chunk leaves on the device, read back. */
export interface GpuChunkOutput {
  readonly rowCount: number
  /** Sure feasible rows. */
  readonly feasible: number
  /** Rows the CPU must evaluate (offsets from the chunk start); `unsureTotal` may exceed its length (overflow). */
  readonly unsure: Uint32Array
  readonly unsureTotal: number
  readonly candidates: Uint32Array
  readonly candidateTotal: number
  /** The accumulator head (histogram and heatmap counts at the kernel's offsets). */
  readonly head: Uint32Array
  /** rowCount × rowWords words when the plan keeps a table. */
  readonly rows?: Uint32Array
  /** Milliseconds from submit to the last readback. */
  readonly deviceMs: number
}

export interface GpuRunnerInfo {
  readonly adapter: string
  /** Rows per chunk the device's buffer limits allow. */
  readonly maxRows: number
  readonly limits: {
    readonly maxStorageBufferBindingSize: number
    readonly maxBufferSize: number
    readonly maxComputeWorkgroupsPerDimension: number
  }
}

/** A kernel opened on a device. */
export interface GpuRunner {
  readonly info: GpuRunnerInfo
  /** Runs rows [start, start + rowCount) (rowCount ≤ info.maxRows). Calls run one at a time. */
  run(start: number, rowCount: number): Promise<GpuChunkOutput>
  close(): Promise<void>
}

export interface GpuRunnerOptions {
  /** Upper bound on rows per chunk (default 2²⁰); the device's limits may lower it. */
  maxRows?: number
  /**
   * Wait this fraction of the previous chunk's device time before awaiting the readback. Dawn in
   * Node busy-polls a core while a promise is pending; sleeping first gives a software adapter
   * (lavapipe) its threads back. Browsers need none (default 0).
   */
  settleFraction?: number
  /** At most this many workgroups per dimension (default and ceiling: the device's limit); small values force the 2-D dispatch. */
  maxWorkgroupsPerDimension?: number
  /** Entries of each of the unsure and candidate lists (default: rows per chunk, so they never overflow). */
  listCapacity?: number
  /**
   * 'refuse': a software adapter (SwiftShader, lavapipe) is unavailable, since the CPU backend
   * is faster on the same cores (`backend: 'auto'`); 'use' (default): any adapter will do.
   */
  softwareAdapter?: 'use' | 'refuse'
}

/** Words of each list read back with the head; more needs a second readback. */
const LIST_PREFIX = 4096
const DEFAULT_MAX_ROWS = 1 << 20

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const align = (bytes: number) => Math.max(16, Math.ceil(bytes / 16) * 16)

/** Opens the kernel on the adapter the GPU object gives. Keep `gpu` alive as long as the runner (it is held here). */
export async function openGpuRunner(
  gpu: GpuLike,
  spec: GpuKernelSpec,
  options: GpuRunnerOptions = {},
): Promise<GpuRunner> {
  const adapter: GpuAdapterLike | null = await gpu.requestAdapter({ powerPreference: 'high-performance' })
  if (!adapter)
    throw new GpuUnavailableError(
      'requestAdapter() returned null: no WebGPU adapter here (browsers: a secure context and WebGPU enabled; Node: a Vulkan driver such as Mesa lavapipe)',
    )
  if (options.softwareAdapter === 'refuse' && isSoftwareAdapter(adapter))
    throw new GpuUnavailableError(
      `the only WebGPU adapter here is a software one (${adapterName(adapter)}), which emulates a GPU on the CPU cores the CPU backend uses, more slowly (choose backend: 'webgpu' to use it anyway)`,
    )
  const a = adapter.limits
  const device: GpuDeviceLike = await adapter.requestDevice({
    requiredLimits: {
      maxStorageBufferBindingSize: a.maxStorageBufferBindingSize,
      maxBufferSize: a.maxBufferSize,
      maxComputeWorkgroupsPerDimension: a.maxComputeWorkgroupsPerDimension,
    },
  })
  let lost: string | undefined
  void device.lost.then((info) => {
    lost = `the WebGPU device was lost (${info.reason}): ${info.message}`
  })
  const limits = device.limits
  const bindingLimit = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize)
  const rowBytes = spec.rowWords * 4
  const tableBytes = Math.max(spec.tables.f32.byteLength, spec.tables.u32.byteLength)
  const accumulatorBytes = spec.accumulatorWords * 4
  if (tableBytes > bindingLimit || accumulatorBytes > bindingLimit) {
    device.destroy()
    throw new GpuUnavailableError(
      `the plan's tables need ${Math.max(tableBytes, accumulatorBytes).toLocaleString('en-US')} bytes in one storage buffer; this device allows ${bindingLimit.toLocaleString('en-US')}`,
    )
  }
  const maxWorkgroups = Math.max(
    1,
    Math.min(
      limits.maxComputeWorkgroupsPerDimension,
      options.maxWorkgroupsPerDimension ?? Number.POSITIVE_INFINITY,
    ),
  )
  const maxRows = Math.max(
    1,
    Math.min(
      options.maxRows ?? DEFAULT_MAX_ROWS,
      Math.floor(bindingLimit / rowBytes),
      // One list may hold every row: unsure and candidate lists share a buffer.
      Math.floor(bindingLimit / 8),
      maxWorkgroups * maxWorkgroups * ROW_WORKGROUP,
      0x7fffffff,
    ),
  )
  const unsureCapacity = Math.max(1, Math.min(maxRows, options.listCapacity ?? maxRows))
  const candidateCapacity = unsureCapacity

  device.pushErrorScope('validation')
  const buffers: GpuBufferLike[] = []
  const buffer = (label: string, size: number, usage: number) => {
    const created = device.createBuffer({ label, size: align(size), usage })
    buffers.push(created)
    return created
  }
  const { STORAGE, COPY_DST, COPY_SRC, MAP_READ, UNIFORM } = BUFFER_USAGE
  const params = buffer('params', paramsBytes(spec), UNIFORM | COPY_DST)
  const ftab = buffer('f32 tables', spec.tables.f32.byteLength, STORAGE | COPY_DST)
  const utab = buffer('u32 tables', spec.tables.u32.byteLength, STORAGE | COPY_DST)
  const rowsBuffer = buffer('rows', maxRows * rowBytes, STORAGE | COPY_SRC)
  const accumulator = buffer('accumulator', accumulatorBytes, STORAGE | COPY_SRC | COPY_DST)
  const lists = buffer('lists', (unsureCapacity + candidateCapacity) * 4, STORAGE | COPY_SRC)
  const headBytes = align(spec.head.words * 4)
  const prefixWords = Math.min(LIST_PREFIX, unsureCapacity)
  const prefixBytes = prefixWords * 4
  const readHead = buffer('read head', headBytes + 2 * prefixBytes, MAP_READ | COPY_DST)
  const readLists = buffer('read lists', (unsureCapacity + candidateCapacity) * 4, MAP_READ | COPY_DST)
  const readRows = spec.table ? buffer('read rows', maxRows * rowBytes, MAP_READ | COPY_DST) : undefined
  device.queue.writeBuffer(ftab, 0, spec.tables.f32)
  device.queue.writeBuffer(utab, 0, spec.tables.u32)

  const module = device.createShaderModule({ code: spec.source, label: `sweep ${spec.fingerprint}` })
  const { messages } = await module.getCompilationInfo()
  const errors = messages.filter((m) => m.type === 'error')
  if (errors.length > 0) {
    device.destroy()
    const lines = spec.source.split('\n')
    throw new Error(
      `the generated sweep kernel does not compile: ${errors
        .slice(0, 5)
        .map((m) => `${m.lineNum}:${m.linePos} ${m.message} [${(lines[m.lineNum - 1] ?? '').trim()}]`)
        .join('; ')}`,
    )
  }
  const entry = (binding: number, type: string) => ({
    binding,
    visibility: SHADER_STAGE_COMPUTE,
    buffer: { type },
  })
  const bindGroupLayout = device.createBindGroupLayout({
    entries: [
      entry(0, 'uniform'),
      entry(1, 'read-only-storage'),
      entry(2, 'read-only-storage'),
      entry(3, 'storage'),
      entry(4, 'storage'),
      entry(5, 'storage'),
    ],
  })
  const layout = device.createPipelineLayout({ bindGroupLayouts: [bindGroupLayout] })
  const pipelines = await Promise.all(
    spec.passes.map((pass) =>
      device.createComputePipelineAsync({ layout, compute: { module, entryPoint: pass.entryPoint } }),
    ),
  )
  const bindGroup = device.createBindGroup({
    layout: bindGroupLayout,
    entries: [params, ftab, utab, rowsBuffer, accumulator, lists].map((b, binding) => ({
      binding,
      resource: { buffer: b },
    })),
  })
  const setupError = await device.popErrorScope()
  if (setupError) {
    device.destroy()
    throw new Error(`WebGPU rejected the sweep kernel's setup: ${setupError.message}`)
  }

  const dispatchSize = (rows: number) => {
    const groups = Math.ceil(rows / ROW_WORKGROUP)
    if (groups <= maxWorkgroups) return [groups, 1] as const
    return [maxWorkgroups, Math.ceil(groups / maxWorkgroups)] as const
  }

  let lastDeviceMs = 0
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  const read = async (target: GpuBufferLike, bytes: number, started: number): Promise<Uint32Array> => {
    const settle = (options.settleFraction ?? 0) * lastDeviceMs
    if (settle > 1) await sleep(Math.min(settle, 2000))
    void started
    await target.mapAsync(MAP_MODE_READ, 0, bytes)
    const words = new Uint32Array(target.getMappedRange(0, bytes).slice(0))
    target.unmap()
    return words
  }

  const runOnce = async (start: number, rowCount: number): Promise<GpuChunkOutput> => {
    if (closed) throw new Error('the WebGPU sweep runner is closed')
    if (lost) throw new GpuDeviceLostError(lost)
    if (!Number.isInteger(rowCount) || rowCount < 1 || rowCount > maxRows)
      throw new RangeError(`rowCount ${rowCount} must be a whole number in [1, ${maxRows}]`)
    const started = performance.now()
    device.queue.writeBuffer(params, 0, packParams(spec, start, rowCount, unsureCapacity, candidateCapacity))
    device.pushErrorScope('validation')
    const encoder = device.createCommandEncoder()
    encoder.clearBuffer(accumulator)
    const [x, y] = dispatchSize(rowCount)
    for (const [i, pass] of spec.passes.entries()) {
      const compute = encoder.beginComputePass()
      compute.setPipeline(pipelines[i])
      compute.setBindGroup(0, bindGroup)
      if (pass.perRow) compute.dispatchWorkgroups(x, y)
      else compute.dispatchWorkgroups(pass.groups)
      compute.end()
    }
    encoder.copyBufferToBuffer(accumulator, 0, readHead, 0, headBytes)
    encoder.copyBufferToBuffer(lists, 0, readHead, headBytes, prefixBytes)
    encoder.copyBufferToBuffer(lists, unsureCapacity * 4, readHead, headBytes + prefixBytes, prefixBytes)
    const tableBytes = rowCount * rowBytes
    if (readRows) encoder.copyBufferToBuffer(rowsBuffer, 0, readRows, 0, align(tableBytes))
    device.queue.submit([encoder.finish()])
    const invalid = await device.popErrorScope()
    if (invalid) throw new Error(`WebGPU rejected a sweep chunk: ${invalid.message}`)
    const first = await read(readHead, headBytes + 2 * prefixBytes, started)
    const head = first.subarray(0, spec.head.words)
    const unsureTotal = head[spec.head.unsure]!
    const candidateTotal = head[spec.head.candidates]!
    const unsureKept = Math.min(unsureTotal, unsureCapacity)
    const candidatesKept = Math.min(candidateTotal, candidateCapacity)
    let unsure = first.slice(headBytes / 4, headBytes / 4 + Math.min(unsureKept, prefixWords))
    let candidates = first.slice(
      headBytes / 4 + prefixWords,
      headBytes / 4 + prefixWords + Math.min(candidatesKept, prefixWords),
    )
    const overflowed = unsureTotal > unsureCapacity || candidateTotal > candidateCapacity
    if (!overflowed && (unsureKept > prefixWords || candidatesKept > prefixWords)) {
      const more = device.createCommandEncoder()
      const unsureBytes = align(unsureKept * 4)
      if (unsureKept > prefixWords) more.copyBufferToBuffer(lists, 0, readLists, 0, unsureBytes)
      if (candidatesKept > prefixWords)
        more.copyBufferToBuffer(lists, unsureCapacity * 4, readLists, unsureBytes, align(candidatesKept * 4))
      device.queue.submit([more.finish()])
      const second = await read(readLists, unsureBytes + align(candidatesKept * 4), started)
      if (unsureKept > prefixWords) unsure = second.slice(0, unsureKept)
      if (candidatesKept > prefixWords)
        candidates = second.slice(unsureBytes / 4, unsureBytes / 4 + candidatesKept)
    }
    const rows = readRows
      ? (await read(readRows, align(tableBytes), started)).subarray(0, rowCount * spec.rowWords)
      : undefined
    const deviceMs = performance.now() - started
    lastDeviceMs = deviceMs
    if (lost) throw new GpuDeviceLostError(lost)
    return {
      rowCount,
      feasible: head[spec.head.feasible]!,
      unsure,
      unsureTotal,
      candidates,
      candidateTotal,
      head: head.slice(),
      ...(rows ? { rows } : {}),
      deviceMs,
    }
  }

  return {
    info: {
      adapter: adapterName(adapter),
      maxRows,
      limits: {
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      },
    },
    run(start, rowCount) {
      const result = queue.then(() => runOnce(start, rowCount))
      queue = result.catch(() => undefined)
      return result
    },
    async close() {
      if (closed) return
      closed = true
      await queue
      for (const b of buffers) b.destroy()
      device.destroy()
      // The GPU object must stay reachable until the device is gone (Dawn's instance is owned by it).
      void gpu
    },
  }
}

/** The device went away (driver reset, destroyed, or the process hosting it died). */
export class GpuDeviceLostError extends Error {
  override readonly name = 'GpuDeviceLostError'
}
