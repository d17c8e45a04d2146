/** The WebGPU sweep backend (registers itself as 'webgpu' when loaded). */
export {
  createWebGpuBackend,
  describeRefineStats,
  isWebGpuRunnerHost,
  WEBGPU_AUTO_MIN_POINTS,
  type WebGpuBackendOptions,
  type WebGpuRunnerHost,
  type WebGpuSweepSession,
  webgpuBackend,
} from './backend.js'
export {
  BOUNDED_PRELUDE,
  boundedMetric,
  emitBoundedSteps,
  F32_UNIT_ROUNDOFF,
  SAFETY_FACTOR,
} from './bounded-wgsl.js'
export { type GpuAdapterLike, type GpuLike, isGpuLike, isSoftwareAdapter } from './gpu-types.js'
export {
  compileGpuKernel,
  type GpuHeadLayout,
  type GpuKernelSpec,
  GpuKernelUnsupportedError,
} from './kernel.js'
export type { RefineStats } from './refine.js'
export {
  type GpuChunkOutput,
  GpuDeviceLostError,
  type GpuRunner,
  type GpuRunnerInfo,
  type GpuRunnerOptions,
  GpuUnavailableError,
  openGpuRunner,
} from './runner.js'
