/**
 * Provenance records shared by several entries, with the original's stable ids
 * (`prov:…`) and verification dates carried over from mlsysim 0.1.2.
 */
import type { Provenance } from '@mlsysim/units'

export const HOROWITZ_ENERGY: Provenance = {
  id: 'prov:horowitz-2014',
  kind: 'literature',
  ref: 'Horowitz (2014), "Computing\'s Energy Problem (and what we can do about it)", ISSCC — 45 nm per-operation/per-byte energies',
  url: 'https://ieeexplore.ieee.org/document/6757323',
  verified: '2025-03-06',
}

export const MEMORY_INTERFACE_BANDWIDTH_TIERS: Provenance = {
  id: 'prov:memory-interface-bandwidth-tiers',
  kind: 'convention',
  ref: 'Representative memory-interface bandwidth tiers (DDR4-3200, HBM2, HBM3, GDDR6X)',
  verified: '2025-03-06',
}

export const ON_CHIP_MEMORY_ENERGY: Provenance = {
  id: 'prov:on-chip-memory-access-energy-anchors',
  kind: 'convention',
  ref: 'MLSysIM on-chip memory access latency/energy anchors (register, L1/SRAM, L2), order of magnitude',
  verified: '2025-03-06',
}

export const MEMORY_LATENCY_HIERARCHY: Provenance = {
  id: 'prov:memory-latency-hierarchy',
  kind: 'convention',
  ref: 'MLSysIM memory/interconnect access-latency hierarchy (order-of-magnitude class figures)',
  verified: '2025-03-06',
}

export const STORAGE_TIER_CONVENTIONS: Provenance = {
  id: 'prov:storage-tier-conventions',
  kind: 'convention',
  ref: 'Generic storage/memory bandwidth tiers (NVMe Gen3/4/5, DDR, host DRAM) from vendor datasheet ranges',
  verified: '2025-03-06',
}

export const CXL_PCIE_GEN5_BW: Provenance = {
  id: 'prov:cxl-pcie-gen5-x16-bw-derived',
  kind: 'derived',
  ref: 'Reference CXL memory tier over PCIe Gen5 x16 -> 64 GB/s',
  notes:
    'Teaching anchor for a CXL 3.x memory-expansion link using the same byte-rate convention as the H100 PCIe Gen5 x16 profile.',
  verified: '2026-06-03',
}

export const ENERGY_HIERARCHY_CONVENTIONS: Provenance = {
  id: 'prov:energy-hierarchy-conventions',
  kind: 'convention',
  ref: 'Simplified energy hierarchy: architecture-class effective pJ/FLOP (CPU→ASIC) and per-byte data-movement cost (register→network)',
  notes:
    'Order-of-magnitude teaching figures; effective system-level energy, consistent with the Horowitz (2014) energy trend.',
  verified: '2025-03-06',
}

export const IEA_WEO_2023: Provenance = {
  id: 'prov:iea-weo-2023-carbon',
  kind: 'industry_report',
  ref: 'IEA World Energy Outlook 2023 (rounded gCO2/kWh)',
  url: 'https://www.iea.org/reports/world-energy-outlook-2023',
  verified: '2025-03-06',
}

export const UPTIME_PUE_2022: Provenance = {
  id: 'prov:uptime-pue-survey-2022',
  kind: 'industry_report',
  ref: 'Uptime Institute Global Data Center Survey 2022',
  url: 'https://uptimeinstitute.com/resources/research-and-reports/uptime-institute-global-data-center-survey-2022',
  verified: '2025-03-06',
}

export const WUE_ANCHORS: Provenance = {
  id: 'prov:wue-anchors',
  kind: 'convention',
  ref: 'Water-usage effectiveness (WUE) tiers for sustainability examples',
  verified: '2025-03-06',
}

export const RACK_POWER_TIERS: Provenance = {
  id: 'prov:rack-power-tiers',
  kind: 'convention',
  ref: 'Rack power tiers (traditional vs AI cluster, air-cooling limit)',
  verified: '2025-03-06',
}

export const CLUSTER_TIERS: Provenance = {
  id: 'prov:cluster-tier-convention',
  kind: 'convention',
  ref: 'MLSysIM reference cluster tiers (256 / 1k / 2k / 8k / 10k / 25k / 100k GPUs), Systems.Clusters',
  verified: '2025-03-06',
}

export const DGX_GPUS_PER_HOST: Provenance = {
  id: 'prov:dgx-gpus-per-host',
  kind: 'convention',
  ref: 'NVIDIA DGX H100/H200 node envelope (8 GPUs per host)',
  notes: 'Used for cluster tier node counts in fleet appendices.',
  verified: '2025-03-06',
}

export const FABRIC_LATENCY_ASSUMPTIONS: Provenance = {
  id: 'prov:fabric-latency-assumptions',
  kind: 'convention',
  ref: 'MLSysIM α-model one-way latency anchors (InfiniBand NDR/HDR, RoCE, TCP)',
  notes: 'Order-of-magnitude μs values for napkin math; not vendor QoS guarantees.',
  verified: '2025-03-06',
}

export const SWITCH_OPTICS_REFERENCE: Provenance = {
  id: 'prov:switch-optics-reference',
  kind: 'convention',
  ref: 'Datacenter switch-ASIC capacity (51.2T/102.4T) and 400G optics power (pluggable/CPO) reference figures',
  notes: '2025-26 datacenter-switching reference points for network-fabric sizing analyses.',
  verified: '2025-03-06',
}

export const NETWORK_ENERGY_ANCHORS: Provenance = {
  id: 'prov:network-energy-anchors',
  kind: 'convention',
  ref: 'Network data-transfer energy anchors (5G per-MB, generic per-KB)',
  notes: 'Order-of-magnitude transfer-energy figures for intuition; not measured device values.',
  verified: '2025-03-06',
}

export const RELIABILITY_MTTF_LITERATURE: Provenance = {
  id: 'prov:reliability-mttf-literature',
  kind: 'literature',
  ref: 'Kokolis et al. (2025, HPCA); Zu et al. (2024, NSDI); Barroso et al. (2019) — order-of-magnitude steady-state MTTF',
  url: 'https://doi.org/10.1109/hpca61900.2025.00096',
  verified: '2025-03-06',
}

export const RECOVERY_TIME_ASSUMPTIONS: Provenance = {
  id: 'prov:recovery-time-assumptions',
  kind: 'convention',
  ref: 'Fleet recovery design assumptions (heartbeat, reschedule, checkpoint BW)',
  notes: 'Engineering targets for reliability analyses; calibrate from cluster traces when available.',
  verified: '2025-03-06',
}

export const MEMORY_SOFT_ERROR_RATE: Provenance = {
  id: 'prov:memory-soft-error-rate-estimate',
  kind: 'estimate',
  ref: 'Order-of-magnitude silent-data-corruption rate for reliability and monitoring examples',
  notes: 'Used as a teaching-scale sanity anchor rather than a device-specific FIT rate.',
  verified: '2025-03-06',
}

export const DEPLOYMENT_ENVELOPES: Provenance = {
  id: 'prov:mlsysim-deployment-envelopes',
  kind: 'estimate',
  ref: 'MLSysIM deployment envelope defaults for cloud, edge, mobile, and TinyML systems',
  notes:
    'Pedagogical order-of-magnitude envelopes used for first-pass deployment reasoning; not vendor SLA targets.',
  verified: '2025-03-06',
}

export const CLOUD_PRICING_2024: Provenance = {
  id: 'prov:cloud-pricing-2024',
  kind: 'illustrative',
  ref: 'Illustrative US cloud list prices (2024–2025 order of magnitude)',
  notes: 'GPU-hour, egress, and electricity rate anchors; not a specific vendor quote.',
  verified: '2025-03-06',
}

export const STORAGE_PRICING_2024: Provenance = {
  id: 'prov:storage-pricing-2024',
  kind: 'illustrative',
  ref: 'Illustrative cloud/object-storage list prices (2024 order of magnitude)',
  notes: 'S3, Glacier, and NVMe tier rate anchors for data-engineering scenarios.',
  verified: '2025-03-06',
}

export const LABELING_PRICING_2024: Provenance = {
  id: 'prov:labeling-pricing-2024',
  kind: 'illustrative',
  ref: 'Illustrative data-labeling cost ranges (2024 estimates)',
  notes: 'Crowd, bounding-box, and medical labeling tiers for workflow examples.',
  verified: '2025-03-06',
}

export const FLEET_ECONOMICS_2024: Provenance = {
  id: 'prov:fleet-economics-2024',
  kind: 'illustrative',
  ref: 'Illustrative internal GPU-hour and chargeback rates (2024)',
  notes: 'On-demand, spot, and internal chargeback references for fleet orchestration examples.',
  verified: '2025-03-06',
}

export const CARBON_PER_GPU_HR: Provenance = {
  id: 'prov:carbon-per-gpu-hr',
  kind: 'estimate',
  ref: 'Illustrative per-GPU-hour carbon proxy for responsible-AI examples',
  notes: '0.16 kg/GPU-hr order-of-magnitude; not a grid-specific intensity calculation.',
  verified: '2025-03-06',
}

export const BARROSO_DATACENTER_ECONOMICS: Provenance = {
  id: 'prov:barroso-datacenter-economics',
  kind: 'literature',
  ref: 'Barroso et al. (2018), The Datacenter as a Computer',
  url: 'https://doi.org/10.1201/9781351066146',
  verified: '2025-03-06',
}

export const MOBILE_SOC_ESTIMATE: Provenance = {
  id: 'prov:mobile-npu-peak-estimate',
  kind: 'estimate',
  ref: 'Smartphone SoC NPU peak TOPS from vendor product briefs (marketing peak)',
  notes: 'Used for order-of-magnitude edge inference examples; not MLPerf-submitted sustained throughput.',
  verified: '2026-03-06',
}

export const NVIDIA_JETSON_ORIN_PAGE =
  'https://www.nvidia.com/en-us/autonomous-machines/embedded-systems/jetson-orin/'

export const AWS_NEURON_TRAINIUM2: Provenance = {
  kind: 'datasheet',
  ref: 'AWS Neuron documentation, Trainium2 architecture (eight NeuronCore-v3: 667 BF16/FP16/TF32 TFLOPS, 1,299 FP8 TFLOPS, 181 FP32 TFLOPS; 96 GiB at 2.9 TB/s)',
  url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trainium2.html',
  verified: '2026-11-27',
}
