/**
 * Turns a thrown error into what a person reads on stderr and the exit code. Errors that
 * describe bad input (from this CLI or from the packages it drives) print their message —
 * every one names the field, the value and what is allowed — and exit 1, with no stack
 * trace. Anything else is a bug: one line, and a hint to rerun with --debug for the stack.
 */
import { PlanError, SolverInputError } from '@mlsysim/core'
import { CatalogError } from '@mlsysim/hardware'
import { RegistryError, UnitError } from '@mlsysim/units'
import { HuggingFaceConfigError, WorkloadTextError, WorkloadValidationError } from '@mlsysim/workloads'
import { ZodError } from 'zod'
import { EXIT, UsageError } from './errors.js'
import type { Context } from './io.js'

/** Error classes whose messages are written for people; more are registered by commands. */
const USER_ERRORS: Array<abstract new (...args: never[]) => Error> = [
  UsageError,
  SolverInputError,
  PlanError,
  RegistryError,
  UnitError,
  CatalogError,
  WorkloadValidationError,
  WorkloadTextError,
  HuggingFaceConfigError,
  ZodError,
]

/** Marks more error classes (the sweep engine's, the curriculum's) as user errors. */
export function registerUserErrors(...classes: Array<abstract new (...args: never[]) => Error>): void {
  for (const c of classes) if (!USER_ERRORS.includes(c)) USER_ERRORS.push(c)
}

export function isUserError(error: unknown): error is Error {
  return USER_ERRORS.some((c) => error instanceof c)
}

const CATALOG_COMMANDS: Record<string, string> = {
  hardware: 'mlsysim zoo hardware',
  workload: 'mlsysim zoo workloads',
  fleet: 'mlsysim zoo fleets',
  grid: 'mlsysim zoo grids',
  solver: 'mlsysim zoo solvers',
}

function describe(error: Error): { message: string; hint?: string } {
  if (error instanceof SolverInputError) {
    const lines = error.issues.map((i) => {
      const got =
        'value' in i && i.value !== undefined ? ` (got ${JSON.stringify(i.value)?.slice(0, 80)})` : ''
      return `  ${i.field || '(input)'}: ${i.message}${got}`
    })
    return {
      message: `invalid input to solver '${error.solver}':\n${lines.join('\n')}`,
      hint: `see 'mlsysim solve ${error.solver} --help' for its input keys`,
    }
  }
  if (error instanceof PlanError) {
    return {
      message: `invalid plan:\n${error.issues.map((i) => `  ${i.path || '(plan)'}: ${i.message}`).join('\n')}`,
    }
  }
  if (error instanceof ZodError) {
    const lines = error.issues.map((i) => `  ${i.path.map(String).join('.') || '(input)'}: ${i.message}`)
    return { message: `invalid input:\n${lines.join('\n')}` }
  }
  if (error instanceof RegistryError) {
    const command = CATALOG_COMMANDS[error.kind]
    return { message: error.message, ...(command ? { hint: `'${command}' lists them` } : {}) }
  }
  if (error instanceof UsageError)
    return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
  return { message: error.message }
}

/** Reports an error on stderr and returns the exit code. */
export function reportError(error: unknown, ctx: Context): number {
  const { err } = ctx
  if (isUserError(error)) {
    const { message, hint } = describe(error)
    ctx.note(`${err.red('error:')} ${message}`)
    if (hint) ctx.note(err.dim(hint))
    if (ctx.debug && error.stack) ctx.note(err.dim(error.stack))
    return EXIT.badInput
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  const firstLine = text.split('\n')[0]
  ctx.note(`${err.red('internal error:')} ${firstLine}`)
  if (ctx.debug) {
    ctx.note(error instanceof Error && error.stack ? error.stack : text)
  } else {
    ctx.note(err.dim('this is a bug in mlsysim; rerun with --debug for the stack trace and report it'))
  }
  return EXIT.badInput
}
