// Writes CATALOG.md from the built-in catalog: `pnpm gen:docs`. The file is then formatted
// with the repo's Biome settings (which align Markdown tables), so `biome check --write`
// leaves it unchanged; the staleness test compares table cells, not alignment.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { catalogMarkdown, workloads } from '../src/index.js'

const target = fileURLToPath(new URL('../CATALOG.md', import.meta.url))
writeFileSync(target, catalogMarkdown(workloads))
const biome = spawnSync('pnpm', ['exec', 'biome', 'format', '--write', target], { encoding: 'utf8' })
if (biome.status !== 0) console.warn(`biome format did not run: ${biome.stderr || biome.error?.message}`)
console.log(`wrote ${target} (${workloads.size} entries)`)
