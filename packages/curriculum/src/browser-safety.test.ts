// The main entry must run in browsers: no module it reaches imports a Node built-in. Only
// src/node.ts (the ./node subpath) may.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = dirname(fileURLToPath(import.meta.url))
const IMPORT = /(?:import|export)[^'"]*from\s*'([^']+)'/g

function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    const specifiers = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]!)
    seen.set(file, specifiers)
    for (const s of specifiers)
      if (s.startsWith('.')) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')))
  }
  visit(entry)
  return seen
}

describe('browser safety', () => {
  it('keeps Node built-ins out of everything the main entry imports', () => {
    const graph = reachable(join(SRC, 'index.ts'))
    expect(graph.size).toBeGreaterThan(60)
    const offenders = [...graph].flatMap(([file, specs]) =>
      specs
        .filter((s) => s.startsWith('node:') || ['fs', 'path', 'os', 'url'].includes(s))
        .map((s) => `${file}: ${s}`),
    )
    expect(offenders).toEqual([])
    expect(graph.has(join(SRC, 'node.ts'))).toBe(false)
  })

  it('lets the node subpath use the file system', () => {
    const graph = reachable(join(SRC, 'node.ts'))
    expect(graph.get(join(SRC, 'node.ts'))).toEqual(expect.arrayContaining(['node:fs/promises', 'node:path']))
  })
})
