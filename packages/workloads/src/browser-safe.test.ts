// The main entry must run in browsers: no module reachable from src/index.ts imports a Node built-in.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = import.meta.dirname
const NODE_BUILTINS = /from\s+['"](node:[^'"]+|fs|path|os|url|child_process|crypto|module)['"]/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('browser safety', () => {
  it('no library module imports a Node built-in', () => {
    const offenders = sourceFiles(SRC).filter((file) => NODE_BUILTINS.test(readFileSync(file, 'utf8')))
    expect(offenders.map((f) => relative(SRC, f))).toEqual([])
    expect(sourceFiles(SRC).length).toBeGreaterThan(20)
  })
})
