// `changeset version` on a sample changeset, run on a copy of this workspace's manifests
// and release config: only the named package takes the named bump, its dependents take
// a patch (as configured), private packages are never versioned.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dependentsOf, REPO_ROOT, type WorkspacePackage, workspacePackages } from './workspace.js'

const config = JSON.parse(readFileSync(join(REPO_ROOT, '.changeset/config.json'), 'utf8'))
const packages = workspacePackages()
const publicPackages = packages.filter((p) => !p.manifest.private)

function bump(version: string, kind: 'major' | 'minor' | 'patch'): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number]
  if (kind === 'major') return `${major + 1}.0.0`
  if (kind === 'minor') return `${major}.${minor + 1}.0`
  return `${major}.${minor}.${patch + 1}`
}

describe('changesets configuration', () => {
  it('releases packages independently, publicly, from main, never versioning private packages', () => {
    expect(config.fixed).toEqual([])
    expect(config.linked).toEqual([])
    expect(config.access).toBe('public')
    expect(config.baseBranch).toBe('main')
    expect(config.privatePackages).toEqual({ version: false, tag: false })
  })

  it('marks every app and tooling package private, and every library package public', () => {
    for (const { dir, manifest } of packages) {
      if (dir.startsWith('packages/')) expect(manifest.private, `${dir} must be publishable`).toBeFalsy()
      else expect(manifest.private, `${dir} must be private`).toBe(true)
    }
  })
})

describe('changeset version on a sample changeset', () => {
  let sandbox: string
  // The package everything depends on, so that the dependents' bumps are exercised too.
  const target = publicPackages.find((p) => p.manifest.name === '@mlsysim/units') as WorkspacePackage

  beforeAll(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'mlsysim-changesets-'))
    for (const file of ['package.json', 'pnpm-workspace.yaml'])
      cpSync(join(REPO_ROOT, file), join(sandbox, file))
    cpSync(join(REPO_ROOT, '.changeset/config.json'), join(sandbox, '.changeset/config.json'))
    for (const { dir } of packages)
      cpSync(join(REPO_ROOT, dir, 'package.json'), join(sandbox, dir, 'package.json'))
    writeFileSync(
      join(sandbox, '.changeset/sample-bump.md'),
      `---\n"${target.manifest.name}": minor\n---\n\nSample change for the release check.\n`,
    )
    const cli = join(REPO_ROOT, 'node_modules/@changesets/cli/bin.js')
    const run = spawnSync(process.execPath, [cli, 'version'], { cwd: sandbox, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`changeset version failed:\n${run.stdout}\n${run.stderr}`)
  })

  afterAll(() => rmSync(sandbox, { recursive: true, force: true }))

  it('bumps the named package by the named kind and writes its changelog', () => {
    const after = JSON.parse(readFileSync(join(sandbox, target.dir, 'package.json'), 'utf8'))
    expect(after.version).toBe(bump(target.manifest.version, 'minor'))
    const changelog = readFileSync(join(sandbox, target.dir, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain('Sample change for the release check.')
  })

  it('bumps dependents by a patch and leaves every other package alone', () => {
    const dependents = dependentsOf(target.manifest.name, publicPackages)
    expect([...dependents].sort()).toEqual(
      expect.arrayContaining(['@mlsysim/core', '@mlsysim/hardware', '@mlsysim/workloads']),
    )
    for (const { dir, manifest } of packages) {
      if (manifest.name === target.manifest.name) continue
      const after = JSON.parse(readFileSync(join(sandbox, dir, 'package.json'), 'utf8'))
      const expected =
        dependents.has(manifest.name) && !manifest.private
          ? bump(manifest.version, 'patch')
          : manifest.version
      expect(after.version, manifest.name).toBe(expected)
    }
  })
})
