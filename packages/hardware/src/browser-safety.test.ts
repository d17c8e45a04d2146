// The main entry must run in browsers: no Node built-ins in any non-test source file.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = dirname(fileURLToPath(import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

describe('browser safety', () => {
  it.each(sources(src).map((f) => [relative(src, f), f]))('%s imports no Node built-in', (_name, file) => {
    const text = readFileSync(file, 'utf8')
    expect(text).not.toMatch(/from ['"]node:/)
    expect(text).not.toMatch(/from ['"](fs|path|url|os|child_process)['"]/)
    expect(text).not.toMatch(/\bprocess\.(env|cwd)/)
  })
})
