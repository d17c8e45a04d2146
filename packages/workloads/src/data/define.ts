/**
 * Typed helper for catalog data files: the object is checked against the input schema at
 * compile time (field names, families) and validated at run time when the catalog loads.
 */
import type { WorkloadInput } from '../schema.js'

export function defineWorkload<const T extends WorkloadInput>(entry: T): T {
  return entry
}
