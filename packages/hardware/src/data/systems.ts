/**
 * Nodes, fabrics, clusters and pods of the original (`systems/registry.py`), plus the labs'
 * 64-GPU H100 cluster. Fabric ids are the original's registry names (`Ethernet_100G`,
 * `InfiniBand_NDR`); the original's display names ("100GbE", "IB NDR") are aliases.
 */

import type { Provenance } from '@mlsysim/units'
import type { FabricInput } from '../schema/fabric.js'
import type { NodeInput } from '../schema/node.js'
import { CLUSTER_TIERS, DGX_GPUS_PER_HOST, FABRIC_LATENCY_ASSUMPTIONS } from './provenance.js'

export const originalNodes: NodeInput[] = [
  {
    id: 'DGX_H100',
    name: 'DGX H100',
    aliases: ['DGX H100', 'dgx-h100'],
    accelerator: 'H100',
    acceleratorsPerNode: 8,
    nicsPerNode: 8,
    psusPerNode: 2,
    provenance: DGX_GPUS_PER_HOST,
    notes:
      'intraNodeBandwidth is H100 NVLink 4 per direction (900 GB/s total / 2 = 450 GB/s), as the newest original feeds it.',
  },
  {
    id: 'DGX_A100',
    name: 'DGX A100',
    aliases: ['DGX A100', 'dgx-a100'],
    accelerator: 'A100',
    acceleratorsPerNode: 8,
    nicsPerNode: 8,
    psusPerNode: 2,
    provenance: DGX_GPUS_PER_HOST,
    notes: 'intraNodeBandwidth is A100 NVLink 3 per direction: 600 GB/s total / 2 = 300 GB/s.',
  },
  {
    id: 'DGX_B200',
    name: 'DGX B200',
    aliases: ['DGX B200', 'dgx-b200'],
    accelerator: 'B200',
    acceleratorsPerNode: 8,
    nicsPerNode: 8,
    psusPerNode: 2,
    provenance: DGX_GPUS_PER_HOST,
    notes: 'intraNodeBandwidth is B200 NVLink 5 per direction: 1800 GB/s total / 2 = 900 GB/s.',
  },
]

/** Byte rate = line rate ÷ 8; the α values are the original's latency anchors. */
function derivedRate(ref: string, id: string): Provenance {
  return {
    id,
    kind: 'derived',
    ref,
    url: 'https://www.infinibandta.org/',
    notes: 'Byte rate = line rate ÷ 8.',
    verified: '2025-03-06',
  }
}

const ethernetRate = (gbps: number, id: string): Provenance => ({
  id,
  kind: 'derived',
  ref: `${gbps >= 1000 ? `${gbps / 1000}T` : `${gbps}G`}bE → ${gbps / 8} GB/s`,
  notes: `Byte rate = ${gbps} Gb/s ÷ 8.`,
  verified: '2025-03-06',
})

const TCP_ALPHA = '50 us'

export const originalFabrics: FabricInput[] = [
  {
    id: 'Ethernet_10G',
    name: '10GbE',
    aliases: ['10GbE', '10G Ethernet'],
    bandwidth: '10 Gbps',
    latency: TCP_ALPHA,
    provenance: FABRIC_LATENCY_ASSUMPTIONS,
    notes: 'α = 50 µs is TCP over Ethernet.',
  },
  {
    id: 'Ethernet_100G',
    name: '100GbE',
    aliases: ['100GbE', '100G Ethernet'],
    bandwidth: '100 Gbps',
    latency: TCP_ALPHA,
    provenance: FABRIC_LATENCY_ASSUMPTIONS,
    notes: 'α = 50 µs is TCP over Ethernet.',
  },
  {
    id: 'Ethernet_400G',
    name: '400GbE',
    aliases: ['400GbE', '400G Ethernet'],
    bandwidth: '400 Gbps',
    latency: TCP_ALPHA,
    provenance: ethernetRate(400, 'prov:ethernet-400g-gbs-derived'),
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
  },
  {
    id: 'Ethernet_800G',
    name: '800GbE',
    aliases: ['800GbE', '800G Ethernet'],
    bandwidth: '800 Gbps',
    latency: TCP_ALPHA,
    provenance: ethernetRate(800, 'prov:ethernet-800g-gbs-derived'),
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
  },
  {
    id: 'Ethernet_1P6T',
    name: '1.6TbE',
    aliases: ['1.6TbE', '1600GbE', 'Ethernet_1600G'],
    bandwidth: '1600 Gbps',
    latency: TCP_ALPHA,
    provenance: ethernetRate(1600, 'prov:ethernet-1p6t-gbs-derived'),
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
    notes:
      'The original cites the 800GbE record for this fabric; this catalog gives it its own 1.6 Tb/s ÷ 8 derivation.',
  },
  {
    id: 'RoCE_100G',
    name: '100GbE RoCE',
    aliases: ['RoCE 100G', 'roce-100g', 'RoCEv2 100G'],
    bandwidth: '100 Gbps',
    latency: '10 us',
    provenance: {
      id: 'prov:roce-100g-gbs-derived',
      kind: 'derived',
      ref: '100 GbE RoCE → 12.5 GB/s',
      notes: 'Byte rate = 100 Gb/s ÷ 8.',
      verified: '2025-03-06',
    },
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
  },
  {
    id: 'InfiniBand_HDR',
    name: 'IB HDR',
    aliases: ['IB HDR', 'HDR InfiniBand', 'HDR'],
    bandwidth: '200 Gbps',
    latency: '7 us',
    provenance: derivedRate('InfiniBand HDR 200 Gbps per port → 25 GB/s', 'prov:infiniband-hdr-gbs-derived'),
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
  },
  {
    id: 'InfiniBand_NDR',
    name: 'IB NDR',
    aliases: ['IB NDR', 'NDR InfiniBand', 'NDR'],
    bandwidth: '400 Gbps',
    latency: '5 us',
    provenance: derivedRate('InfiniBand NDR 400 Gbps per port → 50 GB/s', 'prov:infiniband-ndr-gbs-derived'),
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
  },
  {
    id: 'InfiniBand_XDR',
    name: 'IB XDR',
    aliases: ['IB XDR', 'XDR InfiniBand', 'XDR'],
    bandwidth: '800 Gbps',
    latency: '5 us',
    provenance: derivedRate('InfiniBand XDR 800 Gbps per port → 100 GB/s', 'prov:infiniband-xdr-gbs-derived'),
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
    notes: 'α reuses the NDR anchor (5 µs), as in the original.',
  },
  {
    id: 'InfiniBand_GXDR',
    name: 'IB GXDR',
    aliases: ['IB GXDR', 'GXDR InfiniBand', 'GXDR'],
    bandwidth: '1600 Gbps',
    latency: '5 us',
    provenance: derivedRate(
      'InfiniBand GXDR 1600 Gbps per port → 200 GB/s',
      'prov:infiniband-gxdr-gbs-derived',
    ),
    sources: { latency: FABRIC_LATENCY_ASSUMPTIONS },
    notes: 'α reuses the NDR anchor (5 µs), as in the original.',
  },
]

export interface FleetEntryInput {
  id: string
  name: string
  aliases?: string[]
  node: string
  count: number
  fabric: string
  region?: string
  datacenter?: string
  mtbfHours?: number
  provenance: Provenance
  notes?: string
}

const tier = (
  id: string,
  name: string,
  count: number,
  fabric: string,
  aliases: string[],
): FleetEntryInput => ({
  id,
  name,
  aliases,
  node: 'DGX_H100',
  count,
  fabric,
  provenance: CLUSTER_TIERS,
})

export const originalFleets: FleetEntryInput[] = [
  tier('Research_256', 'Research Cluster (256 GPUs)', 32, 'Ethernet_100G', ['research-256']),
  tier('Training_1K', 'Training Cluster (1024 GPUs)', 128, 'InfiniBand_HDR', ['training-1k']),
  tier('Production_2K', 'Production Cluster (2048 GPUs)', 256, 'InfiniBand_HDR', ['production-2k']),
  tier('Frontier_8K', 'Frontier Cluster (8192 GPUs)', 1024, 'InfiniBand_NDR', ['frontier-8k']),
  tier('Training_10K', 'Training Cluster (10000 GPUs)', 1250, 'InfiniBand_NDR', ['training-10k']),
  tier('Reference_25K_H100', 'Reference H100 Cluster (25000 GPUs)', 3125, 'InfiniBand_NDR', [
    'reference-25k-h100',
  ]),
  tier('Mega_100K', 'Mega Cluster (100000 GPUs)', 12500, 'InfiniBand_NDR', ['mega-100k']),
  {
    id: 'Lab_64_H100',
    name: 'Lab Cluster (64 H100 GPUs)',
    aliases: ['lab-64-h100', 'Lab 64 H100'],
    node: 'DGX_H100',
    count: 8,
    fabric: 'InfiniBand_NDR',
    provenance: {
      kind: 'illustrative',
      ref: "The course labs' 64-GPU H100 cluster (8 × DGX H100 over InfiniBand NDR)",
      verified: '2026-11-27',
      notes:
        'Not in the original registry; the labs describe a 64-GPU H100 cluster without naming an entry for it.',
    },
  },
]

export const originalPods = [
  {
    id: 'TPUv4_4096',
    name: 'Cloud TPU v4 Pod (4096 chips)',
    aliases: ['TPU v4 Pod', 'tpuv4-pod'],
    chip: 'TPUv4',
    chips: 4096,
    memory: '131 TB',
    power: '3 MW',
    provenance: CLUSTER_TIERS,
    notes: 'Reference TPU pod envelope for Volume I cloud-scale examples (4096 × 32 GB ≈ 131 TB).',
  },
]
