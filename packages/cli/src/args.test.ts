import { describe, expect, it } from 'vitest'
import {
  type CommandSpec,
  choiceOption,
  expectPositionals,
  numberOption,
  parseCommandArgs,
  wholeNumberOption,
} from './args.js'
import { UsageError } from './errors.js'

const spec: CommandSpec = {
  name: 'test',
  summary: 'a test command',
  usage: ['test <x>'],
  options: {
    batch: { type: 'string', value: 'N', description: 'batch size' },
    out: { type: 'string', value: 'FILE', multiple: true, description: 'outputs' },
    json: { type: 'boolean', description: 'as JSON' },
  },
  examples: [],
}

describe('parseCommandArgs', () => {
  it('reads options in any position, inline values, repeats and negative numbers', () => {
    const { values, positionals } = parseCommandArgs(spec, [
      'a',
      '--batch',
      '-4',
      '--json',
      'b',
      '--out=x.csv',
      '--out',
      'y.json',
    ])
    expect(values).toEqual({ batch: '-4', json: true, out: ['x.csv', 'y.json'] })
    expect(positionals).toEqual(['a', 'b'])
  })

  it('treats everything after -- as positionals', () => {
    expect(parseCommandArgs(spec, ['--', '--json']).positionals).toEqual(['--json'])
  })

  it('names unknown options with the nearest known one', () => {
    expect(() => parseCommandArgs(spec, ['--bach', '2'])).toThrow(
      "unknown option '--bach' for 'mlsysim test' (did you mean --batch?); allowed: --batch, --out, --json, --help, --debug",
    )
  })

  it('rejects a missing value, a value on a flag and a repeated single option', () => {
    expect(() => parseCommandArgs(spec, ['--batch'])).toThrow(
      "option '--batch' needs a value (N): batch size",
    )
    expect(() => parseCommandArgs(spec, ['--json=yes'])).toThrow("option '--json' takes no value (got 'yes')")
    expect(() => parseCommandArgs(spec, ['--batch', '1', '--batch', '2'])).toThrow(
      "option '--batch' is given more than once",
    )
  })
})

describe('option values', () => {
  it('reads whole numbers and says what is allowed', () => {
    expect(wholeNumberOption('batch', '32')).toBe(32)
    expect(wholeNumberOption('batch', undefined)).toBeUndefined()
    for (const bad of ['0', '-1', '1.5', 'x', '', ' ']) {
      expect(() => wholeNumberOption('batch', bad)).toThrow(
        `--batch must be a whole number ≥ 1 (got '${bad}')`,
      )
    }
  })

  it('reads numbers in a range', () => {
    const unit = { test: (v: number) => v > 0 && v <= 1, words: 'in (0, 1]' }
    expect(numberOption('eta', '0.25', unit)).toBe(0.25)
    expect(() => numberOption('eta', '0', unit)).toThrow("--eta must be in (0, 1] (got '0')")
    expect(() => numberOption('eta', 'NaN', unit)).toThrow(UsageError)
  })

  it('reads one of a set of words, suggesting the nearest', () => {
    expect(choiceOption('tier', 'cloud', ['cloud', 'edge'])).toBe('cloud')
    expect(() => choiceOption('tier', 'clod', ['cloud', 'edge'])).toThrow(
      "--tier must be one of cloud, edge (got 'clod') (did you mean cloud?)",
    )
  })

  it('counts positionals', () => {
    expect(() => expectPositionals(spec, [], 1, 1, 'one thing')).toThrow("'mlsysim test' needs one thing")
    expect(() => expectPositionals(spec, ['a', 'b'], 1, 1, 'one thing')).toThrow(
      "'mlsysim test' takes one thing; unexpected 'b'",
    )
    expect(() => expectPositionals(spec, ['a'], 1, 1, 'one thing')).not.toThrow()
  })
})
