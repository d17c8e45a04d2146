import { defineMlsysimConfig } from '@mlsysim/vitest-config'

// Browser project: generated WGSL is compiled and run in Chromium's WebGPU.
export default defineMlsysimConfig({ browser: true })
