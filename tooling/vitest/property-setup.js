// Setup file of every project: fast-check draws from the seed the config chose (see
// property-seed.js), in Node and in Chromium alike.
import fc from 'fast-check'
import { inject } from 'vitest'

fc.configureGlobal({ seed: inject('propertySeed') })
