/**
 * Freezes an object and everything it holds, so that catalog entries handed to callers
 * cannot be changed behind the catalog's back (a solver that mutates an entry would change
 * every later result).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
