/**
 * All 34 labs of the current catalog (labs/mlsysbook_labs/catalog.py: 17 + 17), in catalog
 * order. Older layouts' numbers and file stems live on each lab (`legacy`).
 */
import type { Lab } from '../../schema/index.js'
import { v1_00 } from './vol1/v1-00-architects-portal.js'
import { v1_01 } from './vol1/v1-01-ai-triad.js'
import { v1_02 } from './vol1/v1-02-physics-of-deployment.js'
import { v1_03 } from './vol1/v1-03-constraint-tax.js'
import { v1_04 } from './vol1/v1-04-data-gravity.js'
import { v1_05 } from './vol1/v1-05-neural-computation.js'
import { v1_06 } from './vol1/v1-06-architecture-tax.js'
import { v1_07 } from './vol1/v1-07-framework-tax.js'
import { v1_08 } from './vol1/v1-08-training-gauntlet.js'
import { v1_09 } from './vol1/v1-09-selection-paradox.js'
import { v1_10 } from './vol1/v1-10-compression-paradox.js'
import { v1_11 } from './vol1/v1-11-hardware-roofline.js'
import { v1_12 } from './vol1/v1-12-benchmarking-trap.js'
import { v1_13 } from './vol1/v1-13-tail-latency-trap.js'
import { v1_14 } from './vol1/v1-14-silent-degradation.js'
import { v1_15 } from './vol1/v1-15-no-free-fairness.js'
import { v1_16 } from './vol1/v1-16-architects-audit.js'
import { v2_01 } from './vol2/v2-01-scale-illusion.js'
import { v2_02 } from './vol2/v2-02-compute-wall.js'
import { v2_03 } from './vol2/v2-03-network-fabric-design.js'
import { v2_04 } from './vol2/v2-04-data-pipeline-wall.js'
import { v2_05 } from './vol2/v2-05-parallelism-design.js'
import { v2_06 } from './vol2/v2-06-collective-communication.js'
import { v2_07 } from './vol2/v2-07-failure-budget-engineering.js'
import { v2_08 } from './vol2/v2-08-fleet-orchestration.js'
import { v2_09 } from './vol2/v2-09-optimization-trap.js'
import { v2_10 } from './vol2/v2-10-inference-economy.js'
import { v2_11 } from './vol2/v2-11-edge-thermodynamics.js'
import { v2_12 } from './vol2/v2-12-silent-fleet.js'
import { v2_13 } from './vol2/v2-13-price-of-privacy.js'
import { v2_14 } from './vol2/v2-14-robustness-budget.js'
import { v2_15 } from './vol2/v2-15-carbon-budget.js'
import { v2_16 } from './vol2/v2-16-fairness-budget.js'
import { v2_17 } from './vol2/v2-17-fleet-synthesis.js'

export const labs: Lab[] = [
  v1_00,
  v1_01,
  v1_02,
  v1_03,
  v1_04,
  v1_05,
  v1_06,
  v1_07,
  v1_08,
  v1_09,
  v1_10,
  v1_11,
  v1_12,
  v1_13,
  v1_14,
  v1_15,
  v1_16,
  v2_01,
  v2_02,
  v2_03,
  v2_04,
  v2_05,
  v2_06,
  v2_07,
  v2_08,
  v2_09,
  v2_10,
  v2_11,
  v2_12,
  v2_13,
  v2_14,
  v2_15,
  v2_16,
  v2_17,
]
