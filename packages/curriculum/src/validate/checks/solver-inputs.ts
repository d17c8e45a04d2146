/** Shared by checks 6 and 7: a solver input or output key, and catalog ids passed as inputs. */
import { closestMatches } from '@mlsysim/units'
import type { CheckContext, PathSegments } from '../check.js'
import { show } from '../issue.js'
import { didYouMean } from '../resolver.js'

/** Inputs whose values are catalog ids, and the catalog they name. */
export const CATALOG_INPUTS: Record<string, 'hardware' | 'workloads' | 'systems'> = {
  hardware: 'hardware',
  decodeHardware: 'hardware',
  workload: 'workloads',
  draftModel: 'workloads',
  fleet: 'systems',
}

/** Reports when `key` is not an input (or output) of `solverId`; silent without a resolver. */
export function checkSolverKey(
  ctx: CheckContext,
  entity: string,
  path: PathSegments,
  solverId: string,
  key: string,
  side: 'input' | 'output',
): void {
  const signature = ctx.resolver?.solver(solverId)
  if (!ctx.resolver) return
  if (!signature) {
    ctx.error(
      entity,
      path,
      `${show(solverId)} is not a solver of @mlsysim/core${didYouMean(closestMatches(solverId, ctx.resolver.solverIds()))}`,
      solverId,
    )
    return
  }
  const keys = side === 'input' ? signature.inputKeys : signature.outputKeys
  if (!keys.includes(key))
    ctx.error(
      entity,
      path,
      `solver ${show(solverId)} has no ${side} ${show(key)}${didYouMean(closestMatches(key, keys))}`,
      key,
    )
}

/** Reports a catalog id passed to a catalog input that the catalogs do not know. */
export function checkCatalogValue(
  ctx: CheckContext,
  entity: string,
  path: PathSegments,
  input: string,
  value: unknown,
): void {
  const catalog = CATALOG_INPUTS[input]
  if (!catalog || !ctx.resolver || typeof value !== 'string') return
  const lookup = ctx.resolver[catalog]
  if (!lookup.has(value))
    ctx.error(
      entity,
      path,
      `${show(value)} is not in the ${catalog} catalog${didYouMean(lookup.suggest(value))}`,
      value,
    )
}
