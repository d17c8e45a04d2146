/** Runs the CLI in-process with captured streams. */
import { Readable } from 'node:stream'
import { type CliIO, run } from '../src/index.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  stdin?: string
  env?: Record<string, string | undefined>
  isTTY?: CliIO['isTTY']
  cwd?: string
  webgpu?: unknown
}

export async function cli(argv: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([options.stdin]) }),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.webgpu === undefined ? {} : { webgpu: options.webgpu }),
  })
  return { code, stdout, stderr }
}

/** Parses stdout as one JSON document. */
export function json<T = unknown>(result: CliRun): T {
  return JSON.parse(result.stdout) as T
}
