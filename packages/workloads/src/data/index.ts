/** Every built-in entry: the original's 29 first, then the additions. */
import type { WorkloadInput } from '../schema.js'
import { ADDED_WORKLOADS } from './additions/index.js'
import { ORIGINAL_WORKLOADS } from './original/index.js'

export const BUILT_IN_WORKLOADS: readonly WorkloadInput[] = [...ORIGINAL_WORKLOADS, ...ADDED_WORKLOADS]
