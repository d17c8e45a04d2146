/**
 * `mlsysim solve <solver-id>`: runs any solver on a JSON (or YAML) input — catalog ids or
 * inline definitions, quantities as SI numbers or strings with units — and prints the result:
 * readable by default, the whole result as JSON in SI base units with --json. An infeasible
 * design is a result, printed in full, with exit code 2.
 */
import { type Fidelity, listSolvers, type SolverInfo, solve, solvers } from '@mlsysim/core'
import { nameOfVector } from '@mlsysim/units'
import { parse as parseYaml } from 'yaml'
import { type CommandSpec, expectPositionals, parseCommandArgs } from '../args.js'
import { EXIT, UsageError } from '../errors.js'
import type { Context } from '../io.js'
import { quantityText } from '../numbers.js'
import { fidelityOption } from '../options.js'
import { renderTable } from '../table.js'

export const solveSpec: CommandSpec = {
  name: 'solve',
  summary: 'run any solver on a JSON input; the result in SI units',
  usage: [
    'solve <solver-id> [--input FILE | --input - | --input JSON] [--fidelity F] [--json]',
    'solve --list [--json]',
  ],
  description: [
    "The input is the solver's keyword arguments: catalog ids or inline definitions for workload, hardware, fleet, grid and datacenter; numbers in SI base units or strings with units (\"100 GB/s\"). 'mlsysim solve <solver-id> --help' lists a solver's input keys; bad input names the field, the value and what is allowed (exit 1).",
    'An infeasible design is still a result (feasible: false, the binding constraint and a trace); it is printed and the exit code is 2. In JSON, numbers are SI base units; non-finite numbers are written as null.',
  ],
  options: {
    input: {
      type: 'string',
      value: 'FILE',
      description: "input as a JSON/YAML file, '-' for standard input, or inline JSON ('{…}'); default {}",
    },
    fidelity: {
      type: 'string',
      value: 'F',
      description: "'default' or 'mlsysim-0.1.2' (the Python original, quirks included)",
    },
    list: { type: 'boolean', description: 'list the solvers and their input keys' },
    json: { type: 'boolean', description: 'print the result as JSON (SI base units)' },
  },
  examples: [
    [
      `mlsysim solve single-node --input '{"workload":"ResNet50","hardware":"A100"}' --json`,
      'ResNet-50 at batch 1 on an A100',
    ],
    ['mlsysim solve serving --input serving.json', 'TTFT and ITL of an LLM deployment, from a file'],
    [
      `echo '{"workload":"Llama3_70B","fleet":"Research_256","tpSize":8}' | mlsysim solve distributed --input - --json`,
      'a training step on a 256-GPU cluster, input from a pipe',
    ],
    ['mlsysim solve --list', 'every solver with its walls'],
  ],
}

function readInput(text: string, source: string): unknown {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  try {
    return trimmed.startsWith('{') || trimmed.startsWith('[') ? JSON.parse(trimmed) : parseYaml(text)
  } catch (error) {
    throw new UsageError(
      `the input (${source}) is not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`,
    )
  }
}

async function inputOf(raw: string | undefined, ctx: Context): Promise<unknown> {
  if (raw === undefined) return {}
  if (/^\s*[[{]/.test(raw)) return readInput(raw, 'inline')
  const text = await ctx.readText(raw, 'input')
  return readInput(text, raw === '-' ? 'standard input' : raw)
}

/** Dimensions of a graph solver's model outputs, so readable output can show units. */
function outputDimensions(id: string): Map<string, ReturnType<typeof nameOfVector>> {
  const solver = solvers.get(id)
  const dims = new Map<string, ReturnType<typeof nameOfVector>>()
  if (solver.kind === 'graph') for (const o of solver.model.outputs) dims.set(o.name, nameOfVector(o.dim))
  return dims
}

function readable(id: string, result: Record<string, unknown>, ctx: Context): string {
  const dims = outputDimensions(id)
  const info = listSolvers().find((s) => s.id === id)
  const lines: string[] = []
  if (info) lines.push(`${ctx.out.bold(info.id)} — ${info.title}`)
  if (typeof result.feasible === 'boolean') {
    const verdict = result.feasible ? ctx.out.green('feasible') : ctx.out.red('infeasible')
    const binding =
      typeof result.bindingConstraint === 'string' ? ` — binding: ${result.bindingConstraint}` : ''
    lines.push(`${verdict}${binding}`)
  }
  if (Array.isArray(result.constraintTrace))
    for (const line of result.constraintTrace) lines.push(`  ${String(line)}`)
  const rows: Array<[string, string]> = []
  let nested = false
  for (const [key, value] of Object.entries(result)) {
    if (key === 'feasible' || key === 'bindingConstraint' || key === 'constraintTrace') continue
    if (typeof value === 'number') {
      const dim = dims.get(key)
      rows.push([key, quantityText(value, dim)])
    } else if (typeof value === 'string') rows.push([key, value])
    else if (typeof value === 'boolean') rows.push([key, value ? 'yes' : 'no'])
    else if (value !== null && value !== undefined) nested = true
  }
  if (rows.length > 0) {
    lines.push('')
    lines.push(
      renderTable(rows, [
        { header: 'result', cell: (r) => r[0] },
        { header: 'value', cell: (r) => r[1], align: 'right' },
      ]),
    )
  }
  if (nested) lines.push('', ctx.out.dim('(nested terms: --json prints the whole result)'))
  return lines.join('\n')
}

function solverHelp(info: SolverInfo): string {
  return [
    '',
    `Solver ${info.id} — ${info.title} (walls ${info.walls.join(', ')})`,
    `  ${info.description}`,
    `  input keys:  ${info.inputKeys.join(', ')}`,
    `  result keys: ${info.outputKeys.join(', ')}`,
  ].join('\n')
}

/** `--help` with a solver id appends that solver's keys. */
export function solveHelpExtra(positionals: readonly string[]): string {
  const id = positionals[0]
  if (id === undefined) return ''
  const info = listSolvers().find((s) => s.id === solvers.get(id).id)
  return info ? solverHelp(info) : ''
}

export async function solveCommand(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(solveSpec, argv)
  if (values.list === true) {
    expectPositionals(solveSpec, positionals, 0, 0, 'no solver id with --list')
    const list = listSolvers()
    if (values.json === true) ctx.printJson(list)
    else
      ctx.print(
        renderTable(
          list,
          [
            { header: 'id', cell: (s) => s.id },
            { header: 'walls', cell: (s) => s.walls.join(', ') },
            { header: 'title', cell: (s) => s.title },
            { header: 'input keys', cell: (s) => s.inputKeys.join(', ') },
          ],
          ctx.out,
        ),
      )
    return EXIT.ok
  }
  expectPositionals(solveSpec, positionals, 1, 1, "a solver id (see 'mlsysim solve --list')")
  const id = solvers.get(positionals[0]!).id
  const fidelity: Fidelity = fidelityOption(values.fidelity as string | undefined) ?? 'default'
  const input = await inputOf(values.input as string | undefined, ctx)
  const result = solve(id, input, { fidelity }) as Record<string, unknown>
  if (values.json === true) ctx.printJson(result)
  else ctx.print(readable(id, result, ctx))
  if (result.feasible === false) {
    const binding = typeof result.bindingConstraint === 'string' ? `: ${result.bindingConstraint}` : ''
    ctx.note(`${ctx.err.red('infeasible')}${binding}`)
    return EXIT.infeasible
  }
  return EXIT.ok
}
