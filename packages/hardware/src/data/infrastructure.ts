/**
 * Grids, cooling classes, datacenters and racks of the original
 * (`infrastructure/data/grids.yaml`, `infrastructure/registry.py`).
 */
import type { Provenance } from '@mlsysim/units'
import type { GridInput } from '../schema/grid.js'
import { IEA_WEO_2023, RACK_POWER_TIERS, UPTIME_PUE_2022, WUE_ANCHORS } from './provenance.js'

const HYDRO_QUEBEC: Provenance = {
  id: 'prov:hydro-quebec-grid',
  kind: 'datasheet',
  ref: 'Hydro-Québec electricity mix and carbon intensity',
  url: 'https://www.hydroquebec.com/about/our-energy.html',
  verified: '2025-03-06',
}

const IOWA_ILLUSTRATIVE: Provenance = {
  id: 'prov:illustrative-iowa-carbon',
  kind: 'illustrative',
  ref: 'Illustrative high-carbon US grid contrast (not IEA country average)',
  verified: '2025-03-06',
}

interface GridRow {
  id: string
  name: string
  aliases: string[]
  g: number
  pue: number
  wue: number
  source: string
  renewable?: number
  lat?: number
  lon?: number
  provenance?: Provenance
}

// The original's grids.yaml, row by row: gCO2/kWh, PUE, WUE (L/kWh), source, renewable %.
const rows: GridRow[] = [
  {
    id: 'China_Avg',
    name: 'China Average',
    aliases: ['China'],
    g: 555,
    pue: 1.4,
    wue: 1.8,
    source: 'coal',
    renewable: 30,
    lat: 35.8617,
    lon: 104.1954,
  },
  {
    id: 'EU_Avg',
    name: 'EU Average',
    aliases: ['EU', 'Europe'],
    g: 270,
    pue: 1.12,
    wue: 1.8,
    source: 'mixed',
  },
  { id: 'France', name: 'France (Nuclear)', aliases: ['FR'], g: 50, pue: 1.12, wue: 1.8, source: 'nuclear' },
  {
    id: 'Germany',
    name: 'Germany (Coal+Wind)',
    aliases: ['DE'],
    g: 385,
    pue: 1.12,
    wue: 1.8,
    source: 'mixed',
    renewable: 46,
    lat: 51.1657,
    lon: 10.4515,
  },
  {
    id: 'Iceland',
    name: 'Iceland (Geothermal)',
    aliases: ['IS'],
    g: 28,
    pue: 1.06,
    wue: 0,
    source: 'geothermal',
    renewable: 100,
    lat: 64.9631,
    lon: -19.0208,
  },
  {
    id: 'India_Avg',
    name: 'India Average',
    aliases: ['India'],
    g: 720,
    pue: 1.58,
    wue: 1.8,
    source: 'coal',
    renewable: 22,
    lat: 20.5937,
    lon: 78.9629,
  },
  {
    id: 'Iowa',
    name: 'Iowa (Coal/Gas Reference)',
    aliases: ['US-IA'],
    g: 680,
    pue: 1.12,
    wue: 1.8,
    source: 'coal_gas',
    renewable: 12,
    lat: 42.0329,
    lon: -93.5815,
    provenance: IOWA_ILLUSTRATIVE,
  },
  {
    id: 'Norway',
    name: 'Norway (Hydro)',
    aliases: ['NO'],
    g: 10,
    pue: 1.06,
    wue: 0,
    source: 'hydro',
    renewable: 98,
    lat: 60.472,
    lon: 8.4689,
  },
  {
    id: 'Poland',
    name: 'Poland (Coal)',
    aliases: ['PL'],
    g: 820,
    pue: 1.58,
    wue: 1.8,
    source: 'coal',
    renewable: 17,
    lat: 51.9194,
    lon: 19.1451,
  },
  {
    id: 'Quebec',
    name: 'Quebec (Hydro)',
    aliases: ['CA-QC', 'Québec'],
    g: 20,
    pue: 1.06,
    wue: 0,
    source: 'hydro',
    renewable: 99,
    lat: 52.9399,
    lon: -73.5491,
    provenance: HYDRO_QUEBEC,
  },
  {
    id: 'Texas',
    name: 'Texas (ERCOT)',
    aliases: ['ERCOT', 'US-TX'],
    g: 400,
    pue: 1.12,
    wue: 1.8,
    source: 'mixed',
    renewable: 28,
    lat: 31.9686,
    lon: -99.9018,
  },
  {
    id: 'US_Avg',
    name: 'US Average',
    aliases: ['US', 'USA', 'us-average'],
    g: 429,
    pue: 1.12,
    wue: 1.8,
    source: 'mixed',
    renewable: 21,
    lat: 39.8283,
    lon: -98.5795,
  },
]

export const originalGrids: GridInput[] = rows.map((r) => ({
  id: r.id,
  name: r.name,
  aliases: r.aliases,
  carbonIntensity: `${r.g} g/kWh`,
  pue: r.pue,
  wue: `${r.wue} L/kWh`,
  ...(r.renewable !== undefined ? { renewableShare: r.renewable / 100 } : {}),
  source: r.source,
  ...(r.lat !== undefined ? { lat: r.lat, lon: r.lon } : {}),
  provenance: r.provenance ?? IEA_WEO_2023,
  // The grid's PUE/WUE are facility conventions of the region, sourced like the cooling tiers.
  sources: { pue: UPTIME_PUE_2022, wue: WUE_ANCHORS },
}))

export const originalCoolingClasses = [
  { id: 'LiquidCooled', name: 'Liquid-Cooled', aliases: ['liquid'], pue: 1.06, wue: '0 L/kWh' },
  { id: 'BestAir', name: 'Best Air-Cooled', aliases: ['best-air'], pue: 1.12, wue: '1.8 L/kWh' },
  {
    id: 'Typical',
    name: 'Industry Average',
    aliases: ['typical', 'industry-average'],
    pue: 1.4,
    wue: '1.8 L/kWh',
  },
  { id: 'Legacy', name: 'Legacy Air-Cooled', aliases: ['legacy'], pue: 1.58, wue: '1.8 L/kWh' },
  { id: 'StateOfArt', name: 'State of Art', aliases: ['state-of-the-art'], pue: 1.1, wue: '1.8 L/kWh' },
  { id: 'SimpleAir', name: 'Simple Air-Cooled', aliases: ['simple-air'], pue: 1.5, wue: '1.8 L/kWh' },
].map((c) => ({
  ...c,
  provenance: UPTIME_PUE_2022,
  notes: 'WUE from the water-usage anchors (evaporative 1.8, liquid 0).',
}))

export const originalDatacenters = [
  { id: 'Quebec_Hydro', name: 'Quebec Hydro Campus', aliases: ['quebec-hydro'], grid: 'Quebec' },
  { id: 'Norway_Hydro', name: 'Norway Hydro Campus', aliases: ['norway-hydro'], grid: 'Norway' },
  { id: 'US_Hyperscale', name: 'US Hyperscale Region', aliases: ['us-hyperscale'], grid: 'US_Avg' },
  { id: 'EU_Average', name: 'EU Average Region', aliases: ['eu-average'], grid: 'EU_Avg' },
  { id: 'France_Nuclear', name: 'France Nuclear Region', aliases: ['france-nuclear'], grid: 'France' },
  { id: 'Iowa_Reference', name: 'Iowa Reference Site', aliases: ['iowa-reference'], grid: 'Iowa' },
  { id: 'Poland_Coal', name: 'Poland Coal Region', aliases: ['poland-coal'], grid: 'Poland' },
].map((d) => ({
  ...d,
  provenance: {
    kind: 'convention' as const,
    ref: "mlsysim Infrastructure.Datacenters: a reference site on its grid, PUE = the grid's",
    verified: '2025-03-06',
  },
}))

export const originalRacks = [
  {
    id: 'Traditional',
    name: 'Traditional Enterprise',
    aliases: ['traditional-rack'],
    power: '12 kW',
    cooling: 'air' as const,
  },
  {
    id: 'AI_Standard',
    name: 'AI Cluster (Standard)',
    aliases: ['ai-standard'],
    power: '70 kW',
    cooling: 'liquid' as const,
  },
  {
    id: 'AI_High',
    name: 'AI Cluster (High Density)',
    aliases: ['ai-high'],
    power: '100 kW',
    cooling: 'liquid' as const,
  },
].map((r) => ({ ...r, provenance: RACK_POWER_TIERS }))
