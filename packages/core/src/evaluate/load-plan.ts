/**
 * Reads a plan from text: YAML (the original's `mlsys.yaml`) or JSON. Duplicate keys are
 * errors, as in the original's loader; syntax errors name the line and column.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { PlanError } from './errors.js'
import { type Plan, parsePlan } from './plan-schema.js'

function readText(text: string): unknown {
  const trimmed = text.trim()
  if (trimmed === '') throw new PlanError([{ path: '', message: 'the plan is empty' }])
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed)
    } catch (error) {
      throw new PlanError([{ path: '', message: `not valid JSON: ${(error as Error).message}` }])
    }
  }
  try {
    return parseYaml(text, { uniqueKeys: true, prettyErrors: true })
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0]
        ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`
        : ''
      throw new PlanError([{ path: '', message: `not valid YAML${where}: ${error.message.split('\n')[0]}` }])
    }
    throw error
  }
}

/** A plan from YAML or JSON text; a bad plan throws a PlanError naming each path. */
export function loadPlan(text: string): Plan {
  const data = readText(text)
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PlanError([
      { path: '', message: 'a plan is a mapping with version, name, workload and hardware' },
    ])
  }
  return parsePlan(data)
}
