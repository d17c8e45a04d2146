/**
 * The workload catalog: a Registry of validated entries with lookup by id or alias (a miss
 * suggests the nearest ids), and `resolveWorkload`, which takes either a name or an inline
 * definition so solvers and plans accept both.
 */
import { Registry } from '@mlsysim/units'
import { BUILT_IN_WORKLOADS } from './data/index.js'
import { withInlineDefaults } from './inline.js'
import type { Workload } from './schema.js'
import { parseWorkload } from './validate.js'

/** A new catalog holding the built-in entries plus `extra` (validated, ids and aliases must be new). */
export function createWorkloadCatalog(extra: Iterable<unknown> = []): Registry<Workload> {
  const registry = new Registry<Workload>({
    kind: 'workload',
    idOf: (w) => w.id,
    aliasesOf: (w) => w.aliases,
    validate: parseWorkload,
  })
  for (const entry of BUILT_IN_WORKLOADS) registry.add(entry)
  for (const entry of extra) registry.add(entry)
  return registry
}

/** The shared catalog. `workloads.add(entry)` registers a user entry for the whole program. */
export const workloads: Registry<Workload> = createWorkloadCatalog()

/** A workload by id or alias ("Llama3_8B", "llama-3.1-8b"); a miss throws a RegistryError with suggestions. */
export function getWorkload(idOrAlias: string): Workload {
  return workloads.get(idOrAlias)
}

/**
 * A workload from a name (looked up in `catalog`) or an inline definition (validated by the
 * same schemas, not registered), e.g. a custom 1.7B transformer in a plan file. An inline
 * definition may leave out id, name, architecture and provenance (see `withInlineDefaults`).
 */
export function resolveWorkload(
  nameOrDefinition: unknown,
  catalog: Registry<Workload> = workloads,
): Workload {
  if (typeof nameOrDefinition === 'string') return catalog.get(nameOrDefinition)
  return parseWorkload(withInlineDefaults(nameOrDefinition))
}
