/**
 * The error every unit problem raises. It names the input, what was wrong and what is
 * allowed, so a catalog loader or a CLI can show it to a person as is.
 */
export class UnitError extends Error {
  override readonly name = 'UnitError'
  constructor(
    message: string,
    /** The text or value that could not be read. */
    readonly input: unknown,
    /** What was expected, in words (a dimension, a list of valid values). */
    readonly expected?: string,
  ) {
    super(message)
  }
}
