// Package conventions of ARCHITECTURE §2, checked on every library package.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, workspacePackages } from './workspace.js'

const libraries = workspacePackages().filter((p) => p.dir.startsWith('packages/'))
const names = new Set(workspacePackages().map((p) => p.manifest.name))

describe.each(libraries.map((p) => [p.manifest.name, p] as const))('%s', (_name, { dir, manifest }) => {
  it('is ESM only with a types-first exports map', () => {
    expect(manifest.type).toBe('module')
    const exports = manifest.exports as Record<string, unknown>
    expect(exports, 'exports map').toBeTypeOf('object')
    for (const [subpath, target] of Object.entries(exports)) {
      if (subpath === './package.json') continue
      expect(target, subpath).toBeTypeOf('object')
      const conditions = Object.keys(target as object)
      expect(conditions[0], `${subpath}: "types" must come first`).toBe('types')
      expect(conditions, `${subpath}: needs a default or import entry`).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(default|import)$/)]),
      )
      expect(conditions).not.toContain('require')
    }
  })

  it('declares sideEffects, files, engines and public access', () => {
    expect(manifest.sideEffects === false || Array.isArray(manifest.sideEffects)).toBe(true)
    expect(manifest.files).toEqual(expect.arrayContaining(['dist']))
    expect((manifest.engines as Record<string, string>).node).toMatch(/>=\s*20/)
    expect((manifest.publishConfig as Record<string, string>).access).toBe('public')
    expect(manifest.license).toBe('Apache-2.0')
  })

  it('depends on workspace packages only through workspace ranges and only downward', () => {
    const order = ['@mlsysim/units', '@mlsysim/hardware', '@mlsysim/workloads', '@mlsysim/core']
    for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!names.has(dep)) continue
      expect(range, `${dep}`).toMatch(/^workspace:/)
      if (order.includes(manifest.name) && order.includes(dep)) {
        expect(order.indexOf(dep), `${manifest.name} may not depend on ${dep}`).toBeLessThan(
          order.indexOf(manifest.name),
        )
      }
    }
  })

  it('has a README with a runnable example and its own vitest config', () => {
    const readme = readFileSync(join(REPO_ROOT, dir, 'README.md'), 'utf8')
    expect(readme).toMatch(/```ts run\n/)
    expect(existsSync(join(REPO_ROOT, dir, 'vitest.config.ts'))).toBe(true)
  })
})
