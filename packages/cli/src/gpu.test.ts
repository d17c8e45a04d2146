import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasGpuDevice } from './gpu.js'

describe('hasGpuDevice', () => {
  const dev = (files: string[]) => {
    const root = mkdtempSync(join(tmpdir(), 'mlsysim-dev-'))
    for (const f of files) {
      mkdirSync(join(root, f, '..'), { recursive: true })
      writeFileSync(join(root, f), '')
    }
    return root
  }

  it('finds NVIDIA devices and DRM render nodes on Linux, nothing else', () => {
    expect(hasGpuDevice(dev(['nvidia0', 'nvidiactl']), 'linux')).toBe(true)
    expect(hasGpuDevice(dev(['dri/renderD128', 'dri/card0']), 'linux')).toBe(true)
    // A display-only card node without a render node is no compute device.
    expect(hasGpuDevice(dev(['dri/card0']), 'linux')).toBe(false)
    expect(hasGpuDevice(dev(['null', 'zero']), 'linux')).toBe(false)
  })

  it('assumes a real adapter on macOS and Windows', () => {
    expect(hasGpuDevice(dev([]), 'darwin')).toBe(true)
    expect(hasGpuDevice(dev([]), 'win32')).toBe(true)
  })
})
