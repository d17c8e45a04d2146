/** Solvers of the fleet and operations walls. */
import { checkpoint } from './checkpoint.js'
import { distributed } from './distributed.js'
import { economics } from './economics.js'
import { reliability } from './reliability.js'
import { scaling } from './scaling.js'
import { sustainability } from './sustainability.js'
import { trainingMemory } from './training-memory.js'

export const FLEET_SOLVERS = {
  checkpoint,
  distributed,
  economics,
  reliability,
  scaling,
  sustainability,
  'training-memory': trainingMemory,
} as const
