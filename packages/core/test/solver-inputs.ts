/**
 * Helpers for solver tests: a graph solver's model inputs from a raw solver input (parsed,
 * bound, with the numeric inputs copied), and the SolverInputError a bad input raises.
 */
import { expect } from 'vitest'
import {
  type Fidelity,
  type GraphSolver,
  type SolveOptions,
  type SolverId,
  SolverInputError,
  type SolverResult,
  solve,
  solvers,
} from '../src/index.js'
import { boundInputs } from './solver-fixtures.js'

/** `solve` typed by the solver id, for inputs the tests build as plain records. */
export function run<Id extends SolverId>(
  id: Id,
  input: Record<string, unknown>,
  options?: SolveOptions,
): SolverResult<Id> {
  return solve(id as string, input, options) as SolverResult<Id>
}

/** The model inputs `solve` would evaluate for this raw input (a graph solver by id). */
export function modelInputs(
  id: string,
  raw: Record<string, unknown>,
  fidelity: Fidelity = 'default',
): Record<string, number> {
  return boundInputs(solvers.get(id) as GraphSolver, raw, fidelity)
}

/** Solves and expects a SolverInputError on `field` whose message matches `message`. */
export function expectInputError(
  id: string,
  raw: Record<string, unknown>,
  field: string,
  message: RegExp,
): SolverInputError {
  let caught: unknown
  try {
    solve(id, raw)
  } catch (error) {
    caught = error
  }
  expect(caught, `${id} with ${JSON.stringify(raw)}`).toBeInstanceOf(SolverInputError)
  const error = caught as SolverInputError
  const issue = error.issues.find((i) => i.field === field)
  expect(issue, `${id}: an issue on '${field}' in ${error.message}`).toBeDefined()
  expect(issue!.message).toMatch(message)
  expect(error.message).toContain(field)
  return error
}

/** Chips and workloads the property tests draw from (the original's registry). */
export const CHIPS = [
  'A100',
  'H100',
  'H200',
  'B200',
  'V100',
  'MI300X',
  'MI250X',
  'Gaudi2',
  'Gaudi3',
  'Trainium2',
  'Groq_LPU',
  'DGX_Spark',
  'JetsonAGXOrin',
] as const
export const LANGUAGE_MODELS = [
  'Llama3_8B',
  'Llama3_70B',
  'Llama2_7B',
  'GPT2',
  'Mixtral_8x7B',
  'DeepSeek_V3',
  'Llama3_405B',
] as const
export const ALL_WORKLOADS = [
  ...LANGUAGE_MODELS,
  'ResNet50',
  'MobileNetV2',
  'BERT_Base',
  'DLRM',
  'Mamba_130M',
  'StableDiffusion_v1_5',
  'AnomalyDetector',
] as const
export const PRECISIONS = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] as const
