/**
 * Exit codes and the errors that carry them. The codes are the Python original's
 * (`mlsysim/cli/exceptions.py`): 0 success, 1 bad input, 2 an infeasible design (physics),
 * 3 a plan's assertion failed.
 */
export const EXIT = Object.freeze({
  ok: 0,
  badInput: 1,
  infeasible: 2,
  assertionFailed: 3,
})

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** Bad input the CLI itself detected (an option, a file, a value): exit 1, message only. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  constructor(
    message: string,
    /** A line of advice after the message ("see mlsysim zoo --help"). */
    readonly hint?: string,
  ) {
    super(message)
  }
}
