/**
 * The catalog: one Registry per kind of entry, built from the data modules and validated at
 * load time, plus the schemas that resolve references against these registries. Users add
 * entries with `chips.add(…)`, `fleets.add(…)` etc.; the same schemas validate them.
 */
import { closestMatches, deepFreeze, normalizeId, Registry, RegistryError } from '@mlsysim/units'
import { boardEntries } from './data/boards.js'
import { cloudCurrentChips } from './data/chips/cloud-current.js'
import { cloudOriginalChips } from './data/chips/cloud-original.js'
import { edgeCurrentChips } from './data/chips/edge-current.js'
import {
  edgeOriginalChips,
  mobileOriginalChips,
  tinyOriginalChips,
  workstationOriginalChips,
} from './data/chips/edge-mobile-original.js'
import { kitChips } from './data/chips/kit-chips.js'
import {
  originalCoolingClasses,
  originalDatacenters,
  originalGrids,
  originalRacks,
} from './data/infrastructure.js'
import { originalFabrics, originalFleets, originalNodes, originalPods } from './data/systems.js'
import { parseEntry } from './errors.js'
import { type Board, boardAsChip, createBoardSchema } from './schema/board.js'
import { type Chip, chipSchema } from './schema/chip.js'
import { createDatacenterSchema, type Datacenter } from './schema/datacenter.js'
import { type Fabric, fabricSchema } from './schema/fabric.js'
import { type CoolingClass, coolingClassSchema, type Rack, rackSchema } from './schema/facility.js'
import { createFleetSchema, type Fleet } from './schema/fleet.js'
import { type Grid, gridSchema } from './schema/grid.js'
import { createNodeSchema, type Node } from './schema/node.js'
import { createPodSchema, type Pod } from './schema/pod.js'

interface Named {
  id: string
  aliases: string[]
}

function registry<T extends Named>(kind: string, validate: (input: unknown) => T): Registry<T> {
  return new Registry<T>({
    kind,
    idOf: (e) => e.id,
    aliasesOf: (e) => e.aliases,
    validate: (input) => deepFreeze(validate(input)),
  })
}

/** Chips and accelerators. A miss reads "unknown hardware 'H10'; did you mean H100, H200?". */
export const chips = registry<Chip>('hardware', (input) => parseEntry(chipSchema, input, 'hardware'))

export const boardSchema = createBoardSchema({ chipId: (name) => chips.get(name).id })
export const boards = registry<Board>('board', (input) => parseEntry(boardSchema, input, 'board'))

export const nodeSchema = createNodeSchema({ chip: (id) => getHardware(id) })
export const nodes = registry<Node>('node', (input) => parseEntry(nodeSchema, input, 'node'))

export { fabricSchema }
export const fabrics = registry<Fabric>('fabric', (input) => parseEntry(fabricSchema, input, 'fabric'))

export { gridSchema }
export const grids = registry<Grid>('grid', (input) => parseEntry(gridSchema, input, 'grid'))

export const datacenterSchema = createDatacenterSchema({ grid: (id) => grids.get(id) })
export const datacenters = registry<Datacenter>('datacenter', (input) =>
  parseEntry(datacenterSchema, input, 'datacenter'),
)

export { coolingClassSchema, rackSchema }
export const coolingClasses = registry<CoolingClass>('cooling class', (input) =>
  parseEntry(coolingClassSchema, input, 'cooling class'),
)
export const racks = registry<Rack>('rack', (input) => parseEntry(rackSchema, input, 'rack'))

/** The PUE a fleet gets with neither a datacenter nor a region: best-in-class air cooling, 1.12. */
export const DEFAULT_COOLING_CLASS = 'BestAir'

export const fleetSchema = createFleetSchema(
  {
    node: (id) => nodes.get(id),
    fabric: (id) => fabrics.get(id),
    grid: (id) => grids.get(id),
    datacenter: (id) => datacenters.get(id),
    defaultPue: () => coolingClasses.get(DEFAULT_COOLING_CLASS).pue,
  },
  nodeSchema,
  datacenterSchema,
)

/** Fleets (the original's Clusters). Entries added here need an id, a name and a provenance. */
export const fleets = registry<Fleet>('fleet', (input) => {
  if (input !== null && typeof input === 'object') {
    const missing = (['id', 'name', 'provenance'] as const).filter((k) => !(k in input))
    if (missing.length > 0) {
      throw new RegistryError(
        `a fleet added to the catalog needs ${missing.join(', ')} (inline fleets passed to resolveFleet do not)`,
        'fleet',
        String((input as { id?: unknown }).id ?? ''),
      )
    }
  }
  return parseEntry(fleetSchema, input, 'fleet')
})

export const podSchema = createPodSchema({ chip: (id) => getHardware(id) })
export const pods = registry<Pod>('pod', (input) => parseEntry(podSchema, input, 'pod'))

// Load order follows the references: chips → boards, nodes → fleets; grids → datacenters.
for (const entry of [
  ...cloudOriginalChips,
  ...cloudCurrentChips,
  ...edgeOriginalChips,
  ...edgeCurrentChips,
  ...mobileOriginalChips,
  ...workstationOriginalChips,
  ...tinyOriginalChips,
  ...kitChips,
])
  chips.add(entry)
for (const entry of boardEntries) boards.add(entry)
for (const entry of originalNodes) nodes.add(entry)
for (const entry of originalFabrics) fabrics.add(entry)
for (const entry of originalGrids) grids.add(entry)
for (const entry of originalDatacenters) datacenters.add(entry)
for (const entry of originalCoolingClasses) coolingClasses.add(entry)
for (const entry of originalRacks) racks.add(entry)
for (const entry of originalFleets) fleets.add(entry)
for (const entry of originalPods) pods.add(entry)

const boardChips = new Map<string, Chip>()

/**
 * A chip by id or alias. Chips are looked up first; a board or kit id (`RaspberryPi5`,
 * `XIAO_ESP32S3_Sense`) resolves to its chip as mounted on that board (`boardAsChip`: the
 * chip's compute with the board's memory, power and price). A miss suggests the nearest
 * chip and board ids.
 */
export function getHardware(idOrAlias: string): Chip {
  if (chips.has(idOrAlias)) return chips.get(idOrAlias)
  if (boards.has(idOrAlias)) {
    const board = boards.get(idOrAlias)
    let chip = boardChips.get(board.id)
    if (!chip) {
      chip = deepFreeze(boardAsChip(board, chips.get(board.chip)))
      boardChips.set(board.id, chip)
    }
    return chip
  }
  // People also type the display name ("NVIDIA H100", "Raspberry Pi 5 (8 GB)"): accept it when
  // exactly one entry has it, without making names registry keys that user entries could clash with.
  const wanted = normalizeId(String(idOrAlias))
  const named = [...chips.list(), ...boards.list()].filter((e) => normalizeId(e.name) === wanted)
  if (named.length === 1) return getHardware(named[0]!.id)
  const names = [...chips.list(), ...boards.list()].flatMap((e) => [e.id, ...e.aliases])
  const canonical = (name: string) => chips.resolveId(name) ?? boards.resolveId(name) ?? name
  const suggestions = [
    ...new Set(closestMatches(String(idOrAlias), names, Number.POSITIVE_INFINITY).map(canonical)),
  ].slice(0, 3)
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''
  throw new RegistryError(
    `unknown hardware '${String(idOrAlias)}'${hint}`,
    'hardware',
    String(idOrAlias),
    suggestions,
  )
}

export const getNode = (idOrAlias: string): Node => nodes.get(idOrAlias)
export const getFabric = (idOrAlias: string): Fabric => fabrics.get(idOrAlias)
export const getFleet = (idOrAlias: string): Fleet => fleets.get(idOrAlias)
export const getGrid = (idOrAlias: string): Grid => grids.get(idOrAlias)
export const getDatacenter = (idOrAlias: string): Datacenter => datacenters.get(idOrAlias)
export const getBoard = (idOrAlias: string): Board => boards.get(idOrAlias)
