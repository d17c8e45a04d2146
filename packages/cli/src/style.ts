/**
 * Terminal colour, only where a person reads it: never when the stream is piped, never when
 * NO_COLOR is set (https://no-color.org), and on request with FORCE_COLOR (for pagers).
 */
export interface Style {
  readonly enabled: boolean
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
  cyan(text: string): string
}

function wrap(enabled: boolean, open: number, close: number) {
  return (text: string) => (enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text)
}

export function colorEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true
  if (env.TERM === 'dumb') return false
  return isTTY
}

export function styleFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Style {
  const enabled = colorEnabled(isTTY, env)
  return {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    red: wrap(enabled, 31, 39),
    green: wrap(enabled, 32, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
  }
}

/** Removes colour codes, so widths count what a person sees. */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point
  return text.replace(/\u001b\[[0-9;]*m/g, '')
}
