/**
 * The Machine Learning Systems course as one validated document: both volumes, the three
 * offerings, all 34 labs, tracks, instruments, TinyTorch, kits and the assessment layer.
 */
import type { CourseData } from '../schema/index.js'
import { assessment } from './assessment.js'
import { vol1, vol1Chapters, vol1Parts } from './book/vol1.js'
import { vol2, vol2Chapters, vol2Parts } from './book/vol2.js'
import { courseMeta } from './course.js'
import { failureStates } from './failure-states.js'
import { instruments } from './instruments.js'
import { ironLaw } from './iron-law.js'
import { kitActivities, kits } from './kits.js'
import { labs } from './labs/index.js'
import { foundations } from './offerings/foundations.js'
import { scale } from './offerings/scale.js'
import { tinyml } from './offerings/tinyml.js'
import { reportContract } from './report-contract.js'
import { milestones, tinytorchModules } from './tinytorch.js'
import { tracks } from './tracks.js'
import { walls } from './walls.js'

export const course: CourseData = {
  course: courseMeta,
  volumes: [vol1, vol2],
  parts: [...vol1Parts, ...vol2Parts],
  chapters: [...vol1Chapters, ...vol2Chapters],
  offerings: [foundations, scale, tinyml],
  labs,
  instruments,
  failureStates,
  tracks,
  tinytorchModules,
  milestones,
  kits,
  kitActivities,
  walls,
  assessment,
  reportContract,
  ironLaw,
}
