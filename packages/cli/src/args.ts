/**
 * Command specs and argument parsing. Each command declares its options once; the parser
 * (`node:util` parseArgs, non-strict, then checked here) and the help text both come from
 * that declaration, so an option cannot be accepted without being documented. Unknown
 * options are bad input with the nearest known option suggested.
 */
import { parseArgs } from 'node:util'
import { closestMatches } from '@mlsysim/units'
import { UsageError } from './errors.js'

export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** Placeholder shown in help for a string option: "N", "file". */
  readonly value?: string
  readonly description: string
  /** A string option that may be given more than once (values collected in order). */
  readonly multiple?: boolean
}

export interface CommandSpec {
  /** "zoo", "eval", … */
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** Forms of the command, without the leading "mlsysim ". */
  readonly usage: readonly string[]
  /** Paragraphs shown after the usage. */
  readonly description?: readonly string[]
  readonly options: Readonly<Record<string, OptionSpec>>
  /** [command line, what it does]. */
  readonly examples: ReadonlyArray<readonly [string, string]>
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  debug: { type: 'boolean', description: 'print the stack trace of an internal error' },
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>

export interface ParsedArgs {
  readonly values: OptionValues
  readonly positionals: string[]
}

function allOptions(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, ...COMMON_OPTIONS }
}

function optionList(options: Record<string, OptionSpec>): string {
  return Object.keys(options)
    .map((name) => `--${name}`)
    .join(', ')
}

/** Parses a command's arguments (after the command name) against its spec. */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = allOptions(spec)
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  )
  const { tokens, positionals } = parseArgs({
    args: [...argv],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const values: OptionValues = {}
  const command = `mlsysim ${spec.name}`
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const option = options[token.name]
    if (!option) {
      const near = closestMatches(
        token.name,
        Object.keys(options).filter((n) => n.length > 1),
        1,
      )
      const hint = near.length > 0 ? ` (did you mean --${near[0]}?)` : ''
      throw new UsageError(
        `unknown option '${token.rawName}' for '${command}'${hint}; allowed: ${optionList(options)}`,
        `see '${command} --help'`,
      )
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError(`option '--${token.name}' takes no value (got '${token.value}')`)
      }
      values[token.name] = true
      continue
    }
    if (token.value === undefined) {
      throw new UsageError(
        `option '--${token.name}' needs a value${option.value ? ` (${option.value})` : ''}: ${option.description}`,
      )
    }
    if (option.multiple) {
      const list = (values[token.name] as string[] | undefined) ?? []
      values[token.name] = [...list, token.value]
    } else {
      if (values[token.name] !== undefined) {
        throw new UsageError(`option '--${token.name}' is given more than once`)
      }
      values[token.name] = token.value
    }
  }
  return { values, positionals }
}

/** A positive whole number from an option, or bad input naming the option and what is allowed. */
export function wholeNumberOption(name: string, raw: string | undefined, min = 1): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isInteger(value) || value < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min} (got '${raw}')`)
  }
  return value
}

/** A number from an option, checked by `allowed` (which describes the range in words). */
export function numberOption(
  name: string,
  raw: string | undefined,
  allowed: { test: (v: number) => boolean; words: string },
): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value) || !allowed.test(value)) {
    throw new UsageError(`--${name} must be ${allowed.words} (got '${raw}')`)
  }
  return value
}

/**
 * One of a fixed set of words, or bad input naming `label` ("--tier", "the catalog"), the
 * set, and the nearest word.
 */
export function oneOf<T extends string>(label: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T
  const near = closestMatches(raw, allowed, 1)
  const hint = near.length > 0 ? ` (did you mean ${near[0]}?)` : ''
  throw new UsageError(`${label} must be one of ${allowed.join(', ')} (got '${raw}')${hint}`)
}

/** An option that must be one of a fixed set of words. */
export function choiceOption<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
): T | undefined {
  return raw === undefined ? undefined : oneOf(`--${name}`, raw, allowed)
}

/** Checks the number of positional arguments. */
export function expectPositionals(
  spec: CommandSpec,
  positionals: readonly string[],
  min: number,
  max: number,
  what: string,
): void {
  if (positionals.length < min) {
    throw new UsageError(`'mlsysim ${spec.name}' needs ${what}`, `see 'mlsysim ${spec.name} --help'`)
  }
  if (positionals.length > max) {
    throw new UsageError(
      `'mlsysim ${spec.name}' takes ${what}; unexpected '${positionals.slice(max).join(' ')}'`,
      `see 'mlsysim ${spec.name} --help'`,
    )
  }
}
