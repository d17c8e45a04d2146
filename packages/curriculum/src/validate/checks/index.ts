/** Every check, in the order reports list them: structure first, then §3.8's 1–17, then extras. */
import type { CourseCheck } from '../check.js'
import { weekChaptersCheck } from './c01-week-chapters.js'
import { weekLabsCheck } from './c02-week-labs.js'
import { labChapterCheck } from './c03-lab-chapter.js'
import { labTitlesCheck } from './c04-lab-titles.js'
import { solversWallsCheck } from './c05-solvers-walls.js'
import { controlsCheck } from './c06-controls.js'
import { predictionsCheck } from './c07-predictions.js'
import { progressiveDisclosureCheck } from './c08-progressive-disclosure.js'
import { ledgerCheck } from './c09-ledger.js'
import { trackVariantsCheck } from './c10-track-variants.js'
import { partsMinutesCheck } from './c11-parts-minutes.js'
import { tinytorchCheck } from './c12-tinytorch.js'
import { kitsCheck } from './c13-kits.js'
import { quizzesCheck } from './c14-quizzes.js'
import { interviewDrillsCheck } from './c15-interview-drills.js'
import { weightsRubricsCheck } from './c16-weights-rubrics.js'
import { reportContractCheck } from './c17-report-contract.js'
import { capstoneSpecsCheck } from './capstone-specs.js'
import { dueItemsCheck } from './due-items.js'
import { fullSpecCheck } from './full-spec.js'
import { structureCheck } from './structure.js'

export const CHECKS: readonly CourseCheck[] = [
  structureCheck,
  weekChaptersCheck,
  weekLabsCheck,
  labChapterCheck,
  labTitlesCheck,
  solversWallsCheck,
  controlsCheck,
  predictionsCheck,
  progressiveDisclosureCheck,
  ledgerCheck,
  trackVariantsCheck,
  partsMinutesCheck,
  tinytorchCheck,
  kitsCheck,
  quizzesCheck,
  interviewDrillsCheck,
  weightsRubricsCheck,
  reportContractCheck,
  fullSpecCheck,
  dueItemsCheck,
  capstoneSpecsCheck,
]
