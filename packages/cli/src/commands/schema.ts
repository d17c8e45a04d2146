/**
 * `mlsysim schema plan|space|curriculum`: the JSON Schema (draft 2020-12) of each file
 * format, for editors (`# yaml-language-server: $schema=…`) and validators.
 */
import { planJsonSchema, sweepSpaceJsonSchema } from '@mlsysim/core'
import { curriculumJsonSchema } from '@mlsysim/curriculum'
import { type CommandSpec, expectPositionals, oneOf, parseCommandArgs } from '../args.js'
import { EXIT } from '../errors.js'
import type { Context } from '../io.js'

export const SCHEMAS = {
  plan: () => planJsonSchema(),
  space: () => sweepSpaceJsonSchema(),
  curriculum: () => curriculumJsonSchema(),
} as const

type SchemaName = keyof typeof SCHEMAS

export const schemaSpec: CommandSpec = {
  name: 'schema',
  summary: 'print the JSON Schema of plans, sweep spaces or the curriculum',
  usage: [`schema ${Object.keys(SCHEMAS).join('|')}`],
  description: [
    'Prints a JSON Schema (draft 2020-12) on stdout. Save it next to your files and point your editor at it for completion and checks, e.g. a first line `# yaml-language-server: $schema=./plan.schema.json` in a YAML plan.',
  ],
  options: {},
  examples: [
    ['mlsysim schema plan > plan.schema.json', 'the plan format, for an editor'],
    ['mlsysim schema space > space.schema.json', 'the sweep space format'],
    ['mlsysim schema curriculum > course.schema.json', 'the course document'],
  ],
}

export async function schemaCommand(argv: readonly string[], ctx: Context): Promise<number> {
  const { positionals } = parseCommandArgs(schemaSpec, argv)
  const names = Object.keys(SCHEMAS) as SchemaName[]
  expectPositionals(schemaSpec, positionals, 1, 1, `one format: ${names.join(', ')}`)
  const name = oneOf('the format', positionals[0]!, names)
  ctx.printJson(SCHEMAS[name]())
  return EXIT.ok
}
