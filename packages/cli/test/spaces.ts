/** Small design spaces for tests: tens of points, so every sweep test takes milliseconds. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** ResNet-50 on three chips × two precisions × seven batch sizes = 42 points. */
export const SMALL_SPACE = `
name: ResNet-50 batch sweep
solver: single-node
fixed:
  workload: ResNet50
  efficiency: 0.5
axes:
  hardware: { ids: [A100, H100, T4] }
  precision: [fp16, int8]
  batchSize: { from: 1, to: 64, factor: 2, scale: log }
derived:
  imagesPerJoule: batchSize / energy
constraints:
  - feasible
  - latency <= 20 ms
objectives:
  - minimize: latency
  - maximize: throughput
keep:
  topK: 3
  pareto: true
  histograms:
    - { of: latency, bins: 8, scale: log, range: [100 us, 100 ms] }
  heatmaps:
    - { x: precision, y: hardware }
    - { x: precision, y: hardware, metric: throughput }
  table: true
`

export const SMALL_SPACE_POINTS = 42

/** The small space without what the WebGPU backend leaves to the CPU (heatmap metrics). */
export const SMALL_GPU_SPACE = SMALL_SPACE.replace(
  '    - { x: precision, y: hardware, metric: throughput }\n',
  '',
)

/** A fresh directory with the small space written to `space.yaml`. */
export function workDir(files: Record<string, string> = { 'space.yaml': SMALL_SPACE }): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsysim-cli-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}
