/**
 * @mlsysim/hardware — the hardware catalog: chips, boards and kits, nodes, fabrics, fleets,
 * pods, grids, datacenters, cooling, racks, prices, reliability and platform envelopes.
 * Every number is in SI base units and carries provenance.
 */
export {
  boardSchema,
  boards,
  chips,
  coolingClasses,
  coolingClassSchema,
  DEFAULT_COOLING_CLASS,
  datacenterSchema,
  datacenters,
  fabricSchema,
  fabrics,
  fleetSchema,
  fleets,
  getBoard,
  getDatacenter,
  getFabric,
  getFleet,
  getGrid,
  getHardware,
  getNode,
  gridSchema,
  grids,
  nodeSchema,
  nodes,
  podSchema,
  pods,
  rackSchema,
  racks,
} from './catalog.js'
export { renderCatalogMarkdown } from './catalog-markdown.js'
export { CatalogError, type CatalogIssue, parseEntry } from './errors.js'
export { withOriginalValues } from './fidelity.js'
export {
  type CatalogSection,
  catalogFileSchema,
  type LoadedEntries,
  loadHardwareFile,
  parseCatalogText,
} from './load-file.js'
export {
  type DatacenterInput,
  type FleetInput,
  resolveChip,
  resolveDatacenter,
  resolveFabric,
  resolveFleet,
  resolveGrid,
  resolveNode,
} from './resolve.js'
export { peakAt, ridgePoint } from './ridge-point.js'
export {
  type Board,
  type BoardMemory,
  type BoardPower,
  boardAsChip,
  createBoardSchema,
} from './schema/board.js'
export {
  type Chip,
  type ChipInput,
  type Compute,
  chipSchema,
  DEFAULT_DISPATCH_TAX,
  type Memory,
  type MigProfile,
  type Storage,
} from './schema/chip.js'
export { createDatacenterSchema, type Datacenter, type DatacenterLookups } from './schema/datacenter.js'
export {
  type Correction,
  correctionSchema,
  numericPaths,
  provenanceOf,
  type Sources,
  valueAtPath,
} from './schema/entry-meta.js'
export {
  DEFAULT_FABRIC_LATENCY,
  FABRIC_TOPOLOGIES,
  type Fabric,
  type FabricInput,
  type FabricTopology,
} from './schema/fabric.js'
export { type CoolingClass, RACK_COOLING, type Rack } from './schema/facility.js'
export { createFleetSchema, type Fleet, type FleetLookups } from './schema/fleet.js'
export type { Grid, GridInput } from './schema/grid.js'
export {
  LINK_DIRECTIONS,
  type Link,
  type LinkDirection,
  type LinkInput,
  linkSchema,
  perDirection,
} from './schema/link.js'
export { createNodeSchema, type Node, type NodeInput } from './schema/node.js'
export { createPodSchema, type Pod } from './schema/pod.js'
export {
  isPrecisionKey,
  PRECISION_KEYS,
  type PrecisionKey,
  precisionKeySchema,
} from './schema/precision-keys.js'
export { TIERS, type Tier, tierSchema } from './schema/tier.js'
export { type ChipQuery, chipNumericFields, numericField, selectChips } from './select.js'
export { type Facility, facility } from './tables/facility.js'
export { type Fallbacks, fallbacks } from './tables/fallbacks.js'
export { type NetworkEnergy, networkEnergy, type SwitchFabric, switchFabric } from './tables/network.js'
export { type PlatformEnvelope, type Platforms, platforms } from './tables/platforms.js'
export { type Pricing, pricing } from './tables/pricing.js'
export { type Reliability, type ReliabilityComponentKey, reliability } from './tables/reliability.js'
export { type Tech, tech } from './tables/tech.js'
