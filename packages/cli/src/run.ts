/**
 * The programmatic entry point: `run(argv, io)` runs one command and resolves to its exit
 * code. It never calls process.exit and never writes anywhere but `io`, so tests (and other
 * programs) run the CLI in-process; `bin.ts` wires it to the process.
 */

import { closestMatches } from '@mlsysim/units'
import { type CommandSpec, parseCommandArgs } from './args.js'
import { demoCommand, demoSpec } from './commands/demo.js'
import { evalCommand, evalSpec } from './commands/eval.js'
import { schemaCommand, schemaSpec } from './commands/schema.js'
import { solveCommand, solveHelpExtra, solveSpec } from './commands/solve.js'
import { sweepCommand, sweepSpec } from './commands/sweep.js'
import { validateCommand, validateSpec } from './commands/validate.js'
import { zoo, zooSpec } from './commands/zoo.js'
import { EXIT, UsageError } from './errors.js'
import { commandHelp, mainHelp } from './help.js'
import { type CliIO, Context } from './io.js'
import { reportError } from './report-error.js'
import { version } from './version.js'

interface Command {
  readonly spec: CommandSpec
  readonly run: (argv: readonly string[], ctx: Context) => Promise<number>
  /** More help after the generated text (a solver's keys). */
  readonly helpExtra?: (positionals: readonly string[]) => string
}

const COMMANDS: readonly Command[] = [
  { spec: zooSpec, run: zoo },
  { spec: evalSpec, run: evalCommand },
  { spec: solveSpec, run: solveCommand, helpExtra: solveHelpExtra },
  { spec: sweepSpec, run: sweepCommand },
  { spec: schemaSpec, run: schemaCommand },
  { spec: validateSpec, run: validateCommand },
  { spec: demoSpec, run: demoCommand },
]

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.spec.name)

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.spec.name === name)
  if (command) return command
  const near = closestMatches(name, COMMAND_NAMES, 1)
  throw new UsageError(
    `unknown command '${name}'${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}; commands: ${COMMAND_NAMES.join(', ')}`,
    "see 'mlsysim --help'",
  )
}

/** Options before `--` (after it, everything is a positional). */
function optionsPart(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--')
  return end === -1 ? argv : argv.slice(0, end)
}

/**
 * Runs the CLI: `argv` without the node and script paths (`['eval', 'Llama3_8B', 'H100']`).
 * Resolves to the exit code: 0 ok, 1 bad input, 2 infeasible design, 3 plan assertion failed.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const ctx = new Context(io)
  const end = argv.indexOf('--')
  const isDebugFlag = (a: string, i: number) => a === '--debug' && (end === -1 || i < end)
  ctx.debug = argv.some(isDebugFlag)
  const args = argv.filter((a, i) => !isDebugFlag(a, i))
  try {
    const [first, ...rest] = args
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined
      if (topic !== undefined) {
        ctx.print(commandHelp(findCommand(topic).spec, ctx.out, ctx.columns))
        return EXIT.ok
      }
      const help = (style: Context['out']) =>
        mainHelp(
          COMMANDS.map((c) => c.spec),
          version(),
          style,
          ctx.columns,
        )
      // No command is a usage error: the list goes to stderr, stdout stays empty.
      if (first === undefined) {
        ctx.note(help(ctx.err))
        return EXIT.badInput
      }
      ctx.print(help(ctx.out))
      return EXIT.ok
    }
    if (first === '--version' || first === '-V') {
      ctx.print(version())
      return EXIT.ok
    }
    if (first.startsWith('-')) {
      throw new UsageError(
        `'${first}' must come after a command; commands: ${COMMAND_NAMES.join(', ')}`,
        "see 'mlsysim --help'",
      )
    }
    const command = findCommand(first)
    if (optionsPart(rest).some((a) => a === '--help' || a === '-h')) {
      // Help wins over everything else on the line, even arguments that would be errors.
      let extra = ''
      if (command.helpExtra) {
        const { positionals } = parseCommandArgs(command.spec, rest)
        extra = command.helpExtra(positionals)
      }
      ctx.print(commandHelp(command.spec, ctx.out, ctx.columns) + extra)
      return EXIT.ok
    }
    return await command.run(rest, ctx)
  } catch (error) {
    return reportError(error, ctx)
  }
}
