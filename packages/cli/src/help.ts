/**
 * Help text, generated from the command specs: usage, description, options (with the
 * options every command takes), examples. `mlsysim --help` lists the commands.
 */
import { COMMON_OPTIONS, type CommandSpec, type OptionSpec } from './args.js'
import type { Style } from './style.js'

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(indent + line)
  return lines.join('\n')
}

function optionLines(options: Record<string, OptionSpec>, width: number): string[] {
  const labels = Object.entries(options).map(([name, o]) => {
    const short = o.short ? `-${o.short}, ` : '    '
    const value = o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''
    return [`${short}--${name}${value}`, o.description] as const
  })
  const labelWidth = Math.max(...labels.map(([l]) => l.length))
  return labels.map(([label, description]) => {
    const head = `  ${label.padEnd(labelWidth)}  `
    const body = wrap(description, width, ' '.repeat(head.length)).trimStart()
    return head + body
  })
}

export function commandHelp(spec: CommandSpec, style: Style, width = 80): string {
  const out: string[] = []
  out.push(`${style.bold(`mlsysim ${spec.name}`)} — ${spec.summary}`, '')
  out.push(style.bold('Usage:'))
  for (const form of spec.usage) out.push(`  mlsysim ${form}`)
  for (const paragraph of spec.description ?? []) out.push('', wrap(paragraph, width, ''))
  out.push('', style.bold('Options:'), ...optionLines({ ...spec.options, ...COMMON_OPTIONS }, width))
  if (spec.examples.length > 0) {
    out.push('', style.bold('Examples:'))
    for (const [line, what] of spec.examples) out.push(`  ${style.dim(`# ${what}`)}`, `  ${line}`)
  }
  return out.join('\n')
}

export function mainHelp(specs: readonly CommandSpec[], version: string, style: Style, width = 80): string {
  const nameWidth = Math.max(...specs.map((s) => s.name.length))
  return [
    `${style.bold('mlsysim')} ${version} — first-principles models of machine-learning systems`,
    '',
    style.bold('Usage:'),
    '  mlsysim <command> [arguments] [options]',
    '',
    style.bold('Commands:'),
    ...specs.map((s) => `  ${s.name.padEnd(nameWidth)}  ${s.summary}`),
    '',
    style.bold('Options:'),
    ...optionLines(
      {
        help: { type: 'boolean', short: 'h', description: 'show help (also after any command)' },
        version: { type: 'boolean', short: 'V', description: 'print the version' },
        debug: { type: 'boolean', description: 'print the stack trace of an internal error' },
      },
      width,
    ),
    '',
    style.bold('Exit codes:'),
    '  0 ok   1 bad input   2 infeasible design   3 a plan assertion failed',
    '',
    style.bold('Examples:'),
    `  ${style.dim('# a demo sweep: LLM serving on the cloud catalog, Pareto front of latency and throughput')}`,
    '  mlsysim demo',
    `  ${style.dim('# the scorecard of Llama 3 8B on an H100 at batch 32')}`,
    '  mlsysim eval Llama3_8B H100 --batch 32',
    `  ${style.dim('# any solver, JSON in and out')}`,
    `  echo '{"workload":"ResNet50","hardware":"A100"}' | mlsysim solve single-node --input - --json`,
    '',
    `Run 'mlsysim <command> --help' for a command's options and examples.`,
  ].join('\n')
}
