/**
 * The scenario catalog: the original's ten scenarios, looked up by id or alias
 * ("ChatbotServing", "chatbot-serving"); `scenarios.add(entry)` registers a user scenario,
 * validated by the same schema.
 */
import { Registry } from '@mlsysim/units'
import { ORIGINAL_SCENARIOS } from './data.js'
import { type Scenario, scenarioSchema } from './schema.js'

/** Validates a scenario definition; a bad one throws an Error naming each field. */
export function parseScenario(input: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(input)
  if (parsed.success) return parsed.data as Scenario
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined
  const issues = parsed.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(scenario)'}: ${i.message}`,
  )
  throw new Error(`invalid scenario${typeof id === 'string' ? ` '${id}'` : ''}: ${issues.join('; ')}`)
}

export const scenarios: Registry<Scenario> = new Registry<Scenario>({
  kind: 'scenario',
  idOf: (s) => s.id,
  aliasesOf: (s) => s.aliases,
  validate: parseScenario,
})
for (const entry of ORIGINAL_SCENARIOS) scenarios.add(entry)

/** A scenario by id or alias, or an inline definition (validated, not registered). */
export function resolveScenario(idOrDefinition: string | unknown): Scenario {
  return typeof idOrDefinition === 'string' ? scenarios.get(idOrDefinition) : parseScenario(idOrDefinition)
}
