// Runs every ```ts run block of every package README, so the documented examples stay true.
// Each block runs as its own module inside the package (imports resolve like a user's would,
// to the package sources) and must exit 0; blocks use node:assert for the values they show.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, workspacePackages } from './workspace.js'

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs')

function runnableBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts run\n([\s\S]*?)```/g)].map((m) => m[1]!)
}

const cases = workspacePackages()
  .filter((p) => p.dir.startsWith('packages/'))
  .flatMap(({ dir, manifest }) => {
    const readme = readFileSync(join(REPO_ROOT, dir, 'README.md'), 'utf8')
    return runnableBlocks(readme).map((code, i) => ({
      label: `${manifest.name} example ${i + 1}`,
      dir,
      code,
    }))
  })

describe('README examples run', () => {
  it.each(cases)('$label', ({ dir, code }) => {
    const file = join(REPO_ROOT, dir, `.readme-example-${process.pid}.ts`)
    writeFileSync(file, code)
    try {
      const run = spawnSync(process.execPath, [TSX, '--conditions=@mlsysim/source', file], {
        cwd: join(REPO_ROOT, dir),
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
    } finally {
      rmSync(file, { force: true })
    }
  })
})
