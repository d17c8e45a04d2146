/**
 * User catalogs from text: a JSON or YAML document holding entries of any kind, validated by
 * the same schemas as the built-in catalog and added to the registries. Browser-safe: it
 * takes the text, not a path (`@mlsysim/hardware/node` reads files).
 *
 *   chips: [ { id: MyNPU, … } ]
 *   boards: [ … ]   nodes: [ … ]   fabrics: [ … ]   grids: [ … ]   datacenters: [ … ]
 *   coolingClasses: [ … ]   racks: [ … ]   fleets: [ … ]   pods: [ … ]
 */
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import {
  boards,
  chips,
  coolingClasses,
  datacenters,
  fabrics,
  fleets,
  grids,
  nodes,
  pods,
  racks,
} from './catalog.js'
import { CatalogError, describeIssue } from './errors.js'

/** Sections in the order they are added, so an entry may refer to one defined above it. */
const SECTIONS = {
  chips,
  boards,
  nodes,
  fabrics,
  grids,
  datacenters,
  coolingClasses,
  racks,
  fleets,
  pods,
} as const

export type CatalogSection = keyof typeof SECTIONS

export const catalogFileSchema = z.strictObject(
  Object.fromEntries(Object.keys(SECTIONS).map((k) => [k, z.array(z.unknown()).optional()])) as Record<
    CatalogSection,
    z.ZodOptional<z.ZodArray<z.ZodUnknown>>
  >,
)

export type LoadedEntries = { [K in CatalogSection]: string[] }

/** Parses JSON or YAML text into a plain object (no validation). */
export function parseCatalogText(text: string, format: 'json' | 'yaml'): unknown {
  try {
    return format === 'json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new CatalogError(
      `could not read the ${format.toUpperCase()} catalog: ${error instanceof Error ? error.message : String(error)}`,
      'catalog file',
      [],
    )
  }
}

/**
 * Validates every entry of a JSON/YAML catalog document and adds it to the registries, in
 * section order (so a node may use a chip of the same file). An invalid entry stops the load
 * with a CatalogError naming its section, index and field; entries before it stay added.
 * Returns the ids added, by section.
 */
export function loadHardwareFile(text: string, format: 'json' | 'yaml' = 'yaml'): LoadedEntries {
  const document = parseCatalogText(text, format)
  const parsed = catalogFileSchema.safeParse(document ?? {})
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || '(document)',
      message: describeIssue(catalogFileSchema, document, i),
    }))
    throw new CatalogError(
      `invalid catalog file:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n  (sections: ${Object.keys(SECTIONS).join(', ')})`,
      'catalog file',
      issues,
    )
  }
  const added = Object.fromEntries(Object.keys(SECTIONS).map((k) => [k, [] as string[]])) as LoadedEntries
  for (const [section, registry] of Object.entries(SECTIONS) as [
    CatalogSection,
    (typeof SECTIONS)[CatalogSection],
  ][]) {
    for (const [index, entry] of (parsed.data[section] ?? []).entries()) {
      try {
        added[section].push((registry.add(entry) as { id: string }).id)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        throw new CatalogError(`${section}[${index}]: ${message}`, 'catalog file', [
          { path: `${section}.${index}`, message },
        ])
      }
    }
  }
  return added
}
