/**
 * Where `mlsysim sweep` gets a GPU. Dawn (the `webgpu` package) runs in a child process
 * (`createNodeWebGpu` from @mlsysim/core/node), so a driver crash or hang ends that process,
 * not the CLI: the engine then finishes the sweep on the CPU and says so, and anything the GPU
 * path throws before that is reported here and the sweep rerun on the CPU.
 *
 * `--backend auto` asks the engine for WebGPU only on a machine with a GPU device: without one
 * the only adapters are software ones (Mesa lavapipe, SwiftShader), which emulate the GPU on
 * the same CPU cores the CPU backend would use, tens of times slower, so starting Dawn to find
 * that out is not worth its fraction of a second. Where a device exists, the engine itself still
 * leaves a software adapter to the CPU backend (a render node without a Vulkan driver for it).
 * `--backend webgpu` uses any adapter (a software one proves the path works).
 */
import { existsSync, readdirSync } from 'node:fs'
import { createNodeWebGpu } from '@mlsysim/core/node'

/** Device nodes of GPUs that Vulkan drivers open (NVIDIA, and DRM render nodes of AMD/Intel). */
export function hasGpuDevice(root = '/dev', platform: NodeJS.Platform = process.platform): boolean {
  // Metal and D3D12 machines always have an adapter that is not an emulation.
  if (platform === 'darwin' || platform === 'win32') return true
  if (existsSync(`${root}/nvidia0`)) return true
  try {
    return readdirSync(`${root}/dri`).some((name) => name.startsWith('renderD'))
  } catch {
    return false
  }
}

/** The GPU handle the engine's WebGPU backend takes, one child process per sweep session. */
export function nodeGpu(): ReturnType<typeof createNodeWebGpu> {
  return createNodeWebGpu()
}
