/**
 * @mlsysim/cli — the `mlsysim` command. `run(argv, io)` is the whole CLI as a function:
 * give it arguments and streams, get the exit code back.
 */
export type { CommandSpec, OptionSpec } from './args.js'
export { EXIT, type ExitCode, UsageError } from './errors.js'
export type { CliIO, OutputStream } from './io.js'
export { COMMAND_NAMES, run } from './run.js'
export { version } from './version.js'
