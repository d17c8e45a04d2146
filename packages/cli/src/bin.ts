#!/usr/bin/env node
/**
 * The `mlsysim` executable: runs the CLI with the process's streams and sets the exit code
 * (without process.exit, so piped output is flushed before Node exits).
 */
import { run } from './run.js'

// `mlsysim zoo hardware | head` closes the pipe early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

// Ctrl-C cancels a running sweep (which then reports how far it got); a second one quits.
const interrupt = new AbortController()
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130)
  interrupt.abort(new Error('interrupted'))
})

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  // The terminal's width, for the progress bar and help, unless COLUMNS says otherwise.
  env:
    process.env.COLUMNS === undefined && process.stderr.columns
      ? { ...process.env, COLUMNS: String(process.stderr.columns) }
      : process.env,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  cwd: process.cwd(),
  signal: interrupt.signal,
})
