import { defineMlsysimConfig } from '@mlsysim/vitest-config'

// Benchmarks in Chromium's WebGPU; not part of `vitest run` (see bench/webgpu.chromium-bench.ts).
export default defineMlsysimConfig({
  node: false,
  browser: { include: ['bench/**/*.chromium-bench.ts'], testTimeout: 900_000 },
})
