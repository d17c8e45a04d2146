/** Physics helpers: each formula once, as a graph fragment and a function on numbers. */
export * from './activation-memory.js'
export * from './chinchilla.js'
export * from './collectives.js'
export * from './costs.js'
export * from './network-latency.js'
export * from './pipeline.js'
export * from './reliability.js'
export * from './speedup.js'
