/** Physics helpers: each formula once, as a graph fragment and a function on numbers. */
export * from './activation-memory.js'
