// CATALOG.md is generated from the registries; this fails when the checked-in file is stale.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { chips, renderCatalogMarkdown } from './index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

describe('CATALOG.md', () => {
  it('matches the registries (run `pnpm --filter @mlsysim/hardware gen:docs` to update)', () => {
    expect(readFileSync(join(root, 'CATALOG.md'), 'utf8')).toBe(renderCatalogMarkdown())
  })

  it('lists every chip and every correction', () => {
    const doc = renderCatalogMarkdown()
    for (const chip of chips.list()) expect(doc).toMatch(new RegExp(`\\| \`${chip.id}\` +\\|`))
    expect(doc).toMatch(/\| `H200` +\| `nvlink\.direction` +\| "per_direction" +\|/)
    expect(doc).toMatch(/\| `Trainium2` +\| `compute\.peak` +\| 380000000000000 +\|/)
  })
})
