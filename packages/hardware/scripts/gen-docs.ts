// Regenerates CATALOG.md from the registries: pnpm --filter @mlsysim/hardware gen:docs
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderCatalogMarkdown } from '../src/catalog-markdown.js'

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'CATALOG.md')
writeFileSync(target, renderCatalogMarkdown())
console.log(`wrote ${target}`)
