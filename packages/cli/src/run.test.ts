import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cli } from '../test/cli.js'
import { REPO_ROOT } from '../test/paths.js'
import { COMMAND_NAMES, run } from './index.js'

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

describe('mlsysim (no command)', () => {
  it('prints the version from package.json', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await cli([flag])
      expect(r).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' })
    }
  })

  it('lists every command with --help, on stdout, exit 0', async () => {
    const r = await cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    for (const name of COMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'))
    expect(r.stdout).toContain('0 ok   1 bad input   2 infeasible design   3 a plan assertion failed')
  })

  it('prints the command list on stderr and exits 1 without a command', async () => {
    const r = await cli([])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('Commands:')
  })

  it('names an unknown command and suggests the nearest', async () => {
    const r = await cli(['evl', 'x'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: unknown command 'evl' \(did you mean eval\?\); commands: zoo, eval/)
  })

  it('shows each command’s help with examples via --help, -h and `help <command>`', async () => {
    for (const name of COMMAND_NAMES) {
      const a = await cli([name, '--help'])
      const b = await cli(['help', name])
      expect(a.code, name).toBe(0)
      expect(a.stdout).toContain(`mlsysim ${name} — `)
      expect(a.stdout).toContain('Usage:')
      expect(a.stdout).toContain('Examples:')
      expect(a.stdout).toContain('--help')
      expect(b.stdout).toBe(a.stdout)
    }
    expect((await cli(['zoo', '-h'])).stdout).toBe((await cli(['zoo', '--help'])).stdout)
  })

  it('names only example files that exist, in help and in the README', async () => {
    const texts = [readFileSync(new URL('../README.md', import.meta.url), 'utf8')]
    for (const name of COMMAND_NAMES) texts.push((await cli([name, '--help'])).stdout)
    const paths = texts.flatMap((t) =>
      [...t.matchAll(/examples\/(plans|spaces)\/[\w.-]+\.ya?ml/g)].map((m) => m[0]),
    )
    expect(paths.length).toBeGreaterThan(5)
    for (const path of new Set(paths)) expect(existsSync(`${REPO_ROOT}${path}`), path).toBe(true)
  })

  it('lets --help win over arguments that would be errors', async () => {
    const r = await cli(['eval', 'NoSuchModel', '--batch', 'many', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('mlsysim eval — ')
  })

  it('colours only terminals, and never with NO_COLOR', async () => {
    const esc = '\u001b['
    expect((await cli(['zoo', 'grids'], { isTTY: true })).stdout).toContain(esc)
    expect((await cli(['zoo', 'grids'], { isTTY: false })).stdout).not.toContain(esc)
    expect((await cli(['zoo', 'grids'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc)
    expect((await cli(['zoo', 'grids'], { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toContain(esc)
  })
})

describe('unexpected errors', () => {
  // A stdout whose write throws stands in for any bug: not a user error, so one line and a hint.
  const broken = (argv: string[]) => {
    let stderr = ''
    const io = {
      stdout: {
        write: () => {
          throw new Error('disk full\nsecond line')
        },
      },
      stderr: { write: (s: string) => (stderr += s) },
    }
    return run(argv, io).then((code) => ({ code, stderr }))
  }

  it('prints one line and a hint to rerun with --debug, no stack trace', async () => {
    const r = await broken(['zoo', 'grids'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      'internal error: Error: disk full\nthis is a bug in mlsysim; rerun with --debug for the stack trace and report it\n',
    )
  })

  it('prints the stack trace with --debug, wherever it appears', async () => {
    for (const argv of [
      ['--debug', 'zoo', 'grids'],
      ['zoo', '--debug', 'grids'],
    ]) {
      const r = await broken(argv)
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/^internal error: Error: disk full\n/)
      expect(r.stderr).toMatch(/\n\s+at .+run\.test\.ts/)
    }
  })
})
