/**
 * `mlsysim validate catalog [files…]` checks the built-in catalogs (every entry is validated
 * by its schema when the catalog loads) and, given files, a user's own catalog entries:
 * hardware sections (chips, boards, nodes, fabrics, grids, datacenters, fleets, …) or
 * workloads. `mlsysim validate curriculum [path]` checks the course data.
 */
import {
  boards,
  type CatalogSection,
  catalogFileSchema,
  chips,
  coolingClasses,
  datacenters,
  fabrics,
  fleets,
  grids,
  loadHardwareFile,
  nodes,
  pods,
  racks,
} from '@mlsysim/hardware'
import { parseWorkloadText, workloads } from '@mlsysim/workloads'
import { parse as parseYaml } from 'yaml'
import { type CommandSpec, expectPositionals, oneOf, parseCommandArgs } from '../args.js'
import { EXIT, UsageError } from '../errors.js'
import type { Context } from '../io.js'
import { validateCurriculum } from './validate-curriculum.js'

export const validateSpec: CommandSpec = {
  name: 'validate',
  summary: 'check the course data or the catalogs (built-in, or your own files)',
  usage: ['validate curriculum [DIR] [--extend] [--json]', 'validate catalog [FILE…] [--json]'],
  description: [
    'curriculum: the shipped course (both volumes, offerings, labs, tracks, kits, assessment), or the course in DIR (its YAML/JSON files; with --extend, added on top of the shipped course), through the schema and every cross-reference check (weeks and labs, chapters, hardware, workload and solver references, instruments, grade weights). Every issue names the entity, the field and, for files, the file and line; exit 1 when there is an error (warnings alone pass).',
    'catalog: the built-in hardware and workload catalogs, and each FILE (YAML or JSON) of your own entries — hardware sections (chips, boards, nodes, fabrics, grids, datacenters, coolingClasses, racks, fleets, pods) or workloads (one entry, a list, or a map of id → entry) — validated by the same schemas.',
  ],
  options: {
    extend: { type: 'boolean', description: 'curriculum: DIR adds to (or overrides) the shipped course' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  examples: [
    ['mlsysim validate curriculum', 'the built-in course'],
    ['mlsysim validate curriculum ./my-course', 'a course directory'],
    ['mlsysim validate curriculum ./my-kits --extend', 'your kits and labs on top of the shipped course'],
    ['mlsysim validate catalog', 'the built-in catalogs'],
    ['mlsysim validate catalog my-npu.yaml my-models.yaml', 'your own entries'],
  ],
}

const TARGETS = ['curriculum', 'catalog'] as const

const BUILT_IN = { chips, boards, nodes, fabrics, grids, datacenters, coolingClasses, racks, fleets, pods }

interface FileReport {
  file: string
  kind: 'hardware' | 'workloads'
  /** Ids added, by section. */
  entries: Record<string, string[]>
}

const HARDWARE_SECTIONS = Object.keys(catalogFileSchema.shape) as CatalogSection[]

function isHardwareDocument(document: unknown): boolean {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false
  const keys = Object.keys(document)
  return keys.length > 0 && keys.every((k) => (HARDWARE_SECTIONS as string[]).includes(k))
}

async function validateFile(path: string, ctx: Context): Promise<FileReport> {
  const text = await ctx.readText(path, 'catalog file')
  const format = /\.json$/i.test(path) ? 'json' : 'yaml'
  let document: unknown
  try {
    document = format === 'json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new UsageError(
      `${path}: not valid ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`,
    )
  }
  try {
    if (isHardwareDocument(document)) {
      const added = loadHardwareFile(text, format)
      const entries = Object.fromEntries(Object.entries(added).filter(([, ids]) => ids.length > 0))
      return { file: path, kind: 'hardware', entries }
    }
    return { file: path, kind: 'workloads', entries: { workloads: parseWorkloadText(text).map((w) => w.id) } }
  } catch (error) {
    if (error instanceof Error) error.message = `${path}: ${error.message}`
    throw error
  }
}

export async function validateCommand(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(validateSpec, argv)
  expectPositionals(
    validateSpec,
    positionals,
    1,
    Number.POSITIVE_INFINITY,
    `what to check: ${TARGETS.join(' or ')}`,
  )
  const target = oneOf('what to validate', positionals[0]!, TARGETS)
  const json = values.json === true
  if (target === 'curriculum') {
    expectPositionals(validateSpec, positionals, 1, 2, 'curriculum and at most one course directory')
    return validateCurriculum(positionals[1], { json, extend: values.extend === true }, ctx)
  }
  if (values.extend === true) throw new UsageError('--extend applies to validate curriculum')
  const counts = {
    ...Object.fromEntries(Object.entries(BUILT_IN).map(([k, r]) => [k, r.size])),
    workloads: workloads.size,
  }
  const files: FileReport[] = []
  for (const file of positionals.slice(1)) files.push(await validateFile(file, ctx))
  if (json) {
    ctx.printJson({ valid: true, builtIn: counts, files })
    return EXIT.ok
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  ctx.print(`${ctx.out.green('valid')}: built-in catalogs, ${total} entries`)
  ctx.print(
    `  ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  )
  for (const f of files) {
    const parts = Object.entries(f.entries).map(([k, ids]) => `${ids.length} ${k} (${ids.join(', ')})`)
    ctx.print(`${ctx.out.green('valid')}: ${f.file}: ${parts.join('; ') || 'no entries'}`)
  }
  return EXIT.ok
}
