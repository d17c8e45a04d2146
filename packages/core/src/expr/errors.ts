/** Raised while a graph is being built: the equation itself is wrong (dimensions, types). */
export class GraphError extends Error {
  override readonly name = 'GraphError'
}
