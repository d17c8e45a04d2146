/**
 * How the validator reaches outside the course: hardware, fleets and workloads in the catalogs,
 * solvers and their input/output keys in the core. The validator only needs this small
 * interface; `packageResolver()` builds it from @mlsysim/hardware, @mlsysim/workloads and
 * @mlsysim/core, and `resolverFromLists` from plain id lists (a user's own catalog, a fixture).
 */
import { closestMatches } from '@mlsysim/units'

/** A catalog the validator can ask whether an id (or alias) exists. */
export interface CatalogLookup {
  has(id: string): boolean
  /** Nearest known ids, best first, for "did you mean" hints. */
  suggest(id: string): readonly string[]
}

export interface SolverSignature {
  readonly id: string
  readonly inputKeys: readonly string[]
  readonly outputKeys: readonly string[]
  /** Walls the solver resolves, when the registry says so. */
  readonly walls?: readonly number[]
}

export interface ReferenceResolver {
  /** Chips, boards and accelerators: anything a lab runs on. */
  readonly hardware: CatalogLookup
  /** Fleets and clusters (`Lab_64_H100`). */
  readonly systems: CatalogLookup
  readonly workloads: CatalogLookup
  /** The solver's signature, or undefined when no solver has that id. */
  solver(id: string): SolverSignature | undefined
  solverIds(): readonly string[]
}

/** The part of a @mlsysim/units Registry the validator uses. */
export interface RegistryLike {
  has(idOrAlias: string): boolean
  ids(): string[]
}

/** A lookup over several registries (chips and boards are both hardware). */
export function lookupFromRegistries(registries: readonly RegistryLike[]): CatalogLookup {
  return {
    has: (id) => registries.some((r) => r.has(id)),
    suggest: (id) =>
      closestMatches(
        id,
        registries.flatMap((r) => r.ids()),
      ),
  }
}

/** A lookup over a list of ids, matched exactly (ids are case-sensitive in the catalogs' files). */
export function lookupFromIds(ids: Iterable<string>): CatalogLookup {
  const known = new Set(ids)
  return {
    has: (id) => known.has(id),
    suggest: (id) => closestMatches(id, known),
  }
}

function solverTable(solvers: readonly SolverSignature[]) {
  const byId = new Map(solvers.map((s) => [s.id, s]))
  return {
    solver: (id: string) => byId.get(id),
    solverIds: () => [...byId.keys()],
  }
}

export interface ReferenceLists {
  hardware: Iterable<string>
  systems: Iterable<string>
  workloads: Iterable<string>
  solvers: readonly SolverSignature[]
}

/** A resolver over plain lists of ids and solver signatures. */
export function resolverFromLists(lists: ReferenceLists): ReferenceResolver {
  return {
    hardware: lookupFromIds(lists.hardware),
    systems: lookupFromIds(lists.systems),
    workloads: lookupFromIds(lists.workloads),
    ...solverTable(lists.solvers),
  }
}

export interface ReferenceRegistries {
  hardware: readonly RegistryLike[]
  systems: readonly RegistryLike[]
  workloads: readonly RegistryLike[]
  solvers: readonly SolverSignature[]
}

/** A resolver over catalog registries (which also resolve aliases) and solver signatures. */
export function resolverFromRegistries(registries: ReferenceRegistries): ReferenceResolver {
  return {
    hardware: lookupFromRegistries(registries.hardware),
    systems: lookupFromRegistries(registries.systems),
    workloads: lookupFromRegistries(registries.workloads),
    ...solverTable(registries.solvers),
  }
}

/** " (did you mean A, B?)" or nothing. */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''
}
