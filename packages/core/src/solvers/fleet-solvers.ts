/** Solvers of the fleet and operations walls. */
import { checkpoint } from './checkpoint.js'
import { distributed } from './distributed.js'
import { economics } from './economics.js'
import { moeRouting } from './moe-routing.js'
import { orchestration } from './orchestration.js'
import { parallelism } from './parallelism.js'
import { placement } from './placement.js'
import { reliability } from './reliability.js'
import { scaling } from './scaling.js'
import { sustainability } from './sustainability.js'
import { topology } from './topology.js'
import { trainingMemory } from './training-memory.js'

export const FLEET_SOLVERS = {
  checkpoint,
  distributed,
  economics,
  'moe-routing': moeRouting,
  orchestration,
  parallelism,
  placement,
  reliability,
  scaling,
  sustainability,
  topology,
  'training-memory': trainingMemory,
} as const
