/**
 * Where the CLI reads and writes. `run(argv, io)` takes these explicitly so that tests run
 * the whole CLI in-process with captured streams; `bin.ts` passes the process's own.
 */
import { constants } from 'node:fs'
import { access, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { UsageError } from './errors.js'
import { type Style, styleFor } from './style.js'

/** Anything with `write(text)`: a process stream, or a collector in tests. */
export interface OutputStream {
  write(chunk: string): unknown
}

export interface CliIO {
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  /** Read by `--input -`; absent means no standard input. */
  readonly stdin?: AsyncIterable<string | Uint8Array>
  /** Environment (NO_COLOR, FORCE_COLOR, COLUMNS); default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /**
   * Whether the streams are terminals: one flag for both, or one each. Colour goes to a
   * stream only when it is a terminal; the sweep progress bar only when stderr is one.
   */
  readonly isTTY?: boolean | { readonly stdout?: boolean; readonly stderr?: boolean }
  /** Directory relative paths are read from and written to (default: the process's). */
  readonly cwd?: string
  /** Cancels a running sweep (bin.ts aborts it on Ctrl-C); the CLI then exits 130. */
  readonly signal?: AbortSignal
  /**
   * The GPU for `sweep --backend webgpu|auto`: a WebGPU `GPU` object or a runner host such as
   * `createNodeWebGpu({ … })` from @mlsysim/core/node. Default: `createNodeWebGpu()` (Dawn in
   * a child process). Given, `auto` considers it whether or not the machine has a GPU device.
   */
  readonly webgpu?: unknown
}

/** What a command gets: the streams, styles for each, and file helpers. */
export class Context {
  readonly stdoutTTY: boolean
  readonly stderrTTY: boolean
  readonly out: Style
  readonly err: Style
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  debug = false

  constructor(readonly io: CliIO) {
    const tty = io.isTTY ?? false
    this.stdoutTTY = typeof tty === 'boolean' ? tty : (tty.stdout ?? false)
    this.stderrTTY = typeof tty === 'boolean' ? tty : (tty.stderr ?? false)
    this.env = io.env ?? {}
    this.cwd = io.cwd ?? process.cwd()
    this.out = styleFor(this.stdoutTTY, this.env)
    this.err = styleFor(this.stderrTTY, this.env)
  }

  /** Writes a line (or lines) of data to stdout. */
  print(text = ''): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  /** Writes one JSON document to stdout. */
  printJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  /** Writes a message for people to stderr. */
  note(text: string): void {
    this.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  warn(text: string): void {
    this.note(`${this.err.yellow('warning:')} ${text}`)
  }

  /** Terminal width for tables and the progress bar (COLUMNS, else 80). */
  get columns(): number {
    const n = Number(this.env.COLUMNS)
    return Number.isInteger(n) && n >= 20 ? n : 80
  }

  resolvePath(path: string): string {
    return isAbsolute(path) ? path : resolve(this.cwd, path)
  }

  /** Reads a user's file; a missing or unreadable file is bad input (exit 1), named. */
  async readText(path: string, what: string): Promise<string> {
    if (path === '-') return this.readStdin(what)
    try {
      return await readFile(this.resolvePath(path), 'utf8')
    } catch (error) {
      throw new UsageError(`cannot read ${what} '${path}': ${fileErrorReason(error)}`)
    }
  }

  /**
   * Makes sure `path` can be written before any work is done: creates its missing folders
   * (as `mkdir -p`; shard jobs write `shards/3.json`) and checks that the folder is writable
   * and the path is not a folder. Problems are bad input (exit 1), named.
   */
  async prepareOutput(path: string, what: string): Promise<void> {
    const full = this.resolvePath(path)
    try {
      await mkdir(dirname(full), { recursive: true })
      await access(dirname(full), constants.W_OK)
      const existing = await stat(full).catch(() => undefined)
      if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    } catch (error) {
      throw new UsageError(`cannot write ${what} '${path}': ${fileErrorReason(error)}`)
    }
  }

  /** Writes a user's output file; failures (disk full, permissions) are named, exit 1. */
  async writeText(path: string, text: string, what: string): Promise<void> {
    try {
      await writeFile(this.resolvePath(path), text)
    } catch (error) {
      throw new UsageError(`cannot write ${what} '${path}': ${fileErrorReason(error)}`)
    }
  }

  /** All of standard input as text. */
  async readStdin(what: string): Promise<string> {
    if (!this.io.stdin) throw new UsageError(`${what} '-' means standard input, but there is none`)
    const decoder = new TextDecoder()
    let text = ''
    for await (const chunk of this.io.stdin) {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    }
    return text + decoder.decode()
  }
}

/** A file-system error in words for a user (the errno code says more than Node's message). */
export function fileErrorReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'ENOTDIR':
    // From `mkdir -p`: a file stands where a folder of the path should be.
    case 'EEXIST':
      return 'a part of the path is a file, not a folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EROFS':
      return 'the file system is read-only'
    default:
      return (error as Error).message
  }
}
