/**
 * `mlsysim zoo hardware|workloads|fleets|grids|solvers`: the catalogs as tables for people,
 * or as JSON (the entries themselves, SI base units, with provenance) for scripts.
 */
import { listSolvers } from '@mlsysim/core'
import { boards, type Chip, chips, fleets, getHardware, grids, TIERS, type Tier } from '@mlsysim/hardware'
import { type DimensionName, format } from '@mlsysim/units'
import { FAMILIES, type Family, listWorkloads, workloads } from '@mlsysim/workloads'
import { type CommandSpec, choiceOption, expectPositionals, oneOf, parseCommandArgs } from '../args.js'
import { EXIT, UsageError } from '../errors.js'
import type { Context } from '../io.js'
import { type Column, MISSING, renderTable } from '../table.js'

export const KINDS = ['hardware', 'workloads', 'fleets', 'grids', 'solvers'] as const
type Kind = (typeof KINDS)[number]

export const zooSpec: CommandSpec = {
  name: 'zoo',
  summary: 'list a catalog: hardware, workloads, fleets, grids, solvers',
  usage: [
    'zoo hardware [--tier TIER] [--json]',
    'zoo workloads [--family FAMILY] [--json]',
    'zoo fleets|grids|solvers [--json]',
  ],
  description: [
    'Tables show each entry with its headline numbers in readable units. --json prints the full entries in SI base units (bytes, FLOP/s, watts, USD, kg CO2e per joule), each with its provenance.',
    "hardware lists chips and the boards/kits built on them (a board row shows its chip's compute with the board's memory, power and price).",
  ],
  options: {
    tier: { type: 'string', value: 'TIER', description: `hardware only: ${TIERS.join(', ')}` },
    family: { type: 'string', value: 'FAMILY', description: `workloads only: ${FAMILIES.join(', ')}` },
    json: { type: 'boolean', description: 'print the entries as JSON' },
  },
  examples: [
    ['mlsysim zoo hardware --tier cloud', 'datacenter accelerators'],
    ['mlsysim zoo hardware --tier tiny --json', 'microcontrollers and kits, as JSON'],
    ['mlsysim zoo workloads --family transformer', 'dense transformers'],
    ['mlsysim zoo grids', 'electricity grids: carbon intensity, PUE, WUE'],
  ],
}

const fmt = (value: number | undefined, dimension: DimensionName) =>
  value === undefined ? MISSING : format(value, dimension)

/** Sizes read as their datasheets write them: binary prefixes for whole KiB (80 GiB), else decimal (4 MB). */
const size = (value: number | undefined) =>
  value === undefined ? MISSING : format(value, 'bytes', { binary: value % 1024 === 0 })

interface HardwareRow {
  kind: 'chip' | 'board'
  entry: unknown
  chip: Chip
}

const hardwareColumns: Column<HardwareRow>[] = [
  { header: 'id', cell: (r) => r.chip.id },
  { header: 'name', cell: (r) => r.chip.name },
  { header: 'kind', cell: (r) => r.kind },
  { header: 'tier', cell: (r) => r.chip.tier },
  { header: 'year', cell: (r) => String(r.chip.releaseYear), align: 'right' },
  { header: 'peak', cell: (r) => fmt(r.chip.compute.peak, 'flopPerSecond'), align: 'right' },
  { header: 'memory', cell: (r) => size(r.chip.memory.capacity), align: 'right' },
  { header: 'bandwidth', cell: (r) => fmt(r.chip.memory.bandwidth, 'bytesPerSecond'), align: 'right' },
  { header: 'TDP', cell: (r) => fmt(r.chip.tdp, 'watts'), align: 'right' },
  { header: 'price', cell: (r) => fmt(r.chip.unitCost, 'dollars'), align: 'right' },
]

function hardwareRows(tier: Tier | undefined): HardwareRow[] {
  const rows: HardwareRow[] = [
    ...chips.list().map((c) => ({ kind: 'chip' as const, entry: c, chip: c })),
    ...boards.list().map((b) => ({ kind: 'board' as const, entry: b, chip: getHardware(b.id) })),
  ]
  return tier === undefined ? rows : rows.filter((r) => r.chip.tier === tier)
}

type WorkloadEntry = ReturnType<typeof workloads.list>[number]

const workloadColumns: Column<WorkloadEntry>[] = [
  { header: 'id', cell: (w) => w.id },
  { header: 'name', cell: (w) => w.name },
  { header: 'family', cell: (w) => w.family },
  { header: 'org', cell: (w) => w.org ?? MISSING },
  { header: 'year', cell: (w) => (w.year === undefined ? MISSING : String(w.year)), align: 'right' },
  { header: 'parameters', cell: (w) => fmt(w.parameters, 'count'), align: 'right' },
  { header: 'inference FLOP', cell: (w) => fmt(w.inferenceFlops, 'flop'), align: 'right' },
  { header: 'per', cell: (w) => (w.inferenceFlops === undefined ? '' : w.flopConvention.replace(/_/g, ' ')) },
]

type FleetEntry = ReturnType<typeof fleets.list>[number]

const fleetColumns: Column<FleetEntry>[] = [
  { header: 'id', cell: (f) => f.id },
  { header: 'name', cell: (f) => f.name },
  { header: 'node', cell: (f) => f.node.id },
  { header: 'nodes', cell: (f) => String(f.count), align: 'right' },
  { header: 'accelerators', cell: (f) => String(f.totalAccelerators), align: 'right' },
  { header: 'fabric', cell: (f) => f.fabric.id },
  { header: 'fabric bw', cell: (f) => fmt(f.fabric.bandwidth, 'bytesPerSecond'), align: 'right' },
  { header: 'region', cell: (f) => f.region?.id ?? MISSING },
  { header: 'PUE', cell: (f) => String(f.effectivePue), align: 'right' },
]

type GridEntry = ReturnType<typeof grids.list>[number]

const gridColumns: Column<GridEntry>[] = [
  { header: 'id', cell: (g) => g.id },
  { header: 'name', cell: (g) => g.name },
  { header: 'carbon', cell: (g) => fmt(g.carbonIntensity, 'carbonIntensity'), align: 'right' },
  { header: 'PUE', cell: (g) => String(g.pue), align: 'right' },
  { header: 'WUE', cell: (g) => fmt(g.wue, 'waterIntensity'), align: 'right' },
  {
    header: 'renewable',
    cell: (g) => (g.renewableShare === undefined ? MISSING : `${Math.round(g.renewableShare * 100)}%`),
    align: 'right',
  },
  { header: 'source', cell: (g) => g.source },
]

type SolverEntry = ReturnType<typeof listSolvers>[number]

const solverColumns: Column<SolverEntry>[] = [
  { header: 'id', cell: (s) => s.id },
  { header: 'walls', cell: (s) => s.walls.join(', ') },
  { header: 'kind', cell: (s) => s.kind },
  { header: 'title', cell: (s) => s.title },
]

export async function zoo(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(zooSpec, argv)
  expectPositionals(zooSpec, positionals, 1, 1, `one catalog: ${KINDS.join(', ')}`)
  const kind: Kind = oneOf('the catalog', positionals[0]!, KINDS)
  const tier = choiceOption('tier', values.tier as string | undefined, TIERS)
  const family = choiceOption('family', values.family as string | undefined, FAMILIES) as Family | undefined
  if (tier !== undefined && kind !== 'hardware') {
    throw new UsageError(`--tier filters hardware only, not ${kind}`)
  }
  if (family !== undefined && kind !== 'workloads') {
    throw new UsageError(`--family filters workloads only, not ${kind}`)
  }
  const json = values.json === true
  const show = <T>(rows: readonly T[], entries: readonly unknown[], columns: readonly Column<T>[]) => {
    if (json) ctx.printJson(entries)
    else {
      ctx.print(renderTable(rows, columns, ctx.out))
      // The count is for a person at a terminal; a pipe gets the table alone.
      if (ctx.stdoutTTY) ctx.note(ctx.err.dim(`${rows.length} ${kind}`))
    }
  }
  switch (kind) {
    case 'hardware': {
      const rows = hardwareRows(tier)
      show(
        rows,
        rows.map((r) => r.entry),
        hardwareColumns,
      )
      break
    }
    case 'workloads': {
      const rows = listWorkloads(workloads, family === undefined ? {} : { family })
      show(rows, rows, workloadColumns)
      break
    }
    case 'fleets': {
      const rows = fleets.list()
      show(rows, rows, fleetColumns)
      break
    }
    case 'grids': {
      const rows = grids.list()
      show(rows, rows, gridColumns)
      break
    }
    case 'solvers': {
      const rows = listSolvers()
      show(rows, rows, solverColumns)
      break
    }
  }
  return EXIT.ok
}
