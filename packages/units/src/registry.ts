/**
 * A keyed collection of validated entries (chips, workloads, grids, solvers…) with lookup by
 * id or alias, filtering, sorting and user additions. A miss is a RegistryError that names
 * the kind, the id, and the nearest ids: "unknown hardware 'H10'; did you mean H100, H200?".
 */
import { closestMatches, normalizeId } from './suggest.js'

export class RegistryError extends Error {
  override readonly name = 'RegistryError'
  constructor(
    message: string,
    /** What kind of entry was looked up ("hardware", "workload", "grid"…). */
    readonly kind: string,
    /** The id that was asked for. */
    readonly id: string,
    /** Nearest ids, best first. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message)
  }
}

export interface RegistryOptions<T> {
  /** Singular noun used in messages: "hardware", "workload", "fabric". */
  kind: string
  /** Canonical id of an entry. */
  idOf: (entry: T) => string
  /** Other names that find the entry. */
  aliasesOf?: (entry: T) => readonly string[]
  /** Validates (and may normalize) an entry before it is added; throws on bad input. */
  validate?: (entry: unknown) => T
}

export type SortDirection = 'asc' | 'desc'

export class Registry<T> {
  private readonly byId = new Map<string, T>()
  /** Exact and normalized spellings → canonical id. */
  private readonly index = new Map<string, string>()

  constructor(
    private readonly options: RegistryOptions<T>,
    entries: Iterable<T> = [],
  ) {
    for (const entry of entries) this.add(entry)
  }

  get kind(): string {
    return this.options.kind
  }

  get size(): number {
    return this.byId.size
  }

  /** Adds an entry (validated when the registry has a validator). Ids and aliases must be new. */
  add(input: T | unknown): T {
    const entry = this.options.validate ? this.options.validate(input) : (input as T)
    const id = this.options.idOf(entry)
    const names = [id, ...(this.options.aliasesOf?.(entry) ?? [])]
    for (const name of names) {
      for (const key of [name, normalizeId(name)]) {
        const owner = this.index.get(key)
        if (owner !== undefined && owner !== id) {
          throw new RegistryError(
            `${this.kind} '${id}': the name '${name}' already belongs to '${owner}'`,
            this.kind,
            id,
          )
        }
      }
    }
    if (this.byId.has(id)) throw new RegistryError(`${this.kind} '${id}' is already defined`, this.kind, id)
    this.byId.set(id, entry)
    for (const name of names) {
      this.index.set(name, id)
      this.index.set(normalizeId(name), id)
    }
    return entry
  }

  /** The canonical id for an id or alias (case/punctuation-insensitive), if known. */
  resolveId(name: string): string | undefined {
    return this.index.get(name) ?? this.index.get(normalizeId(name))
  }

  has(name: string): boolean {
    return this.resolveId(name) !== undefined
  }

  /** Looks up by id or alias; a miss throws a RegistryError suggesting the nearest ids. */
  get(name: string): T {
    const id = typeof name === 'string' ? this.resolveId(name) : undefined
    if (id !== undefined) return this.byId.get(id)!
    // Rank every name, then keep each entry once: an entry's aliases must not crowd out others.
    const suggestions = closestMatches(String(name), this.allNames(), Number.POSITIVE_INFINITY)
    const unique = [...new Set(suggestions.map((n) => this.resolveId(n)!))].slice(0, 3)
    const hint =
      unique.length > 0
        ? `; did you mean ${unique.join(', ')}?`
        : `; known ${this.kind} ids: ${this.preview()}`
    throw new RegistryError(`unknown ${this.kind} '${String(name)}'${hint}`, this.kind, String(name), unique)
  }

  ids(): string[] {
    return [...this.byId.keys()]
  }

  /** Entries in insertion order, optionally filtered. */
  list(filter?: (entry: T) => boolean): T[] {
    const all = [...this.byId.values()]
    return filter ? all.filter(filter) : all
  }

  /** Entries sorted by a numeric field (missing values last), optionally filtered. */
  sortBy(
    value: (entry: T) => number | undefined,
    direction: SortDirection = 'asc',
    filter?: (entry: T) => boolean,
  ): T[] {
    const sign = direction === 'asc' ? 1 : -1
    return this.list(filter)
      .map((entry) => ({ entry, key: value(entry) }))
      .sort((a, b) => {
        if (a.key === undefined || Number.isNaN(a.key)) return b.key === undefined ? 0 : 1
        if (b.key === undefined || Number.isNaN(b.key)) return -1
        return sign * (a.key - b.key)
      })
      .map(({ entry }) => entry)
  }

  [Symbol.iterator](): Iterator<T> {
    return this.byId.values()
  }

  private allNames(): string[] {
    return [...this.byId.values()].flatMap((e) => [
      this.options.idOf(e),
      ...(this.options.aliasesOf?.(e) ?? []),
    ])
  }

  private preview(): string {
    const ids = this.ids()
    return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, … (${ids.length} in all)`
  }
}
