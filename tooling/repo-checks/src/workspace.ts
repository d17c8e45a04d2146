/** Reads the workspace's packages (name, version, dependencies, privacy) from disk. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export interface WorkspacePackage {
  dir: string
  manifest: {
    name: string
    version: string
    private?: boolean
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
    peerDependencies?: Record<string, string>
    [key: string]: unknown
  }
}

export const WORKSPACE_GROUPS = ['packages', 'apps', 'tooling'] as const

export function workspacePackages(root = REPO_ROOT): WorkspacePackage[] {
  const found: WorkspacePackage[] = []
  for (const group of WORKSPACE_GROUPS) {
    let entries: string[]
    try {
      entries = readdirSync(join(root, group))
    } catch {
      continue
    }
    for (const entry of entries.sort()) {
      const dir = join(group, entry)
      try {
        const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
        found.push({ dir, manifest })
      } catch {
        // A folder without a package.json is not a workspace package.
      }
    }
  }
  return found
}

/** Names of workspace packages that depend (directly or transitively) on `name` through dependencies/peers. */
export function dependentsOf(name: string, packages: WorkspacePackage[]): Set<string> {
  const dependents = new Set<string>()
  let grew = true
  while (grew) {
    grew = false
    for (const { manifest } of packages) {
      if (dependents.has(manifest.name)) continue
      const deps = { ...manifest.dependencies, ...manifest.peerDependencies }
      if (Object.keys(deps).some((d) => d === name || dependents.has(d))) {
        dependents.add(manifest.name)
        grew = true
      }
    }
  }
  return dependents
}
