#!/usr/bin/env bash
# WebGPU sweep figures on a real GPU (for a maintainer with an NVIDIA machine): the same three
# standard spaces as bench/webgpu.bench.ts, Dawn on the hardware's Vulkan driver instead of
# lavapipe, with the CPU figures of the same machine beside them.
#
#   bash packages/core/bench/gpu-device-check.sh            # from the repository root
#   BENCH_SCALE=4 bash packages/core/bench/gpu-device-check.sh   # 4× longer numeric axes
#
# Needs: Node 20, pnpm install done, an NVIDIA driver with Vulkan (nvidia_icd.json).
set -euo pipefail
cd "$(dirname "$0")/.."
icd=""
for candidate in /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
  [ -f "$candidate" ] && icd="$candidate" && break
done
if [ -z "${VK_ICD_FILENAMES:-}" ]; then
  if [ -z "$icd" ]; then
    echo "no nvidia_icd.json found: install the NVIDIA Vulkan driver or set VK_ICD_FILENAMES" >&2
    exit 1
  fi
  export VK_ICD_FILENAMES="$icd"
fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
echo "VK_ICD_FILENAMES=$VK_ICD_FILENAMES"
export BENCH_SCALE="${BENCH_SCALE:-4}"
timeout 900 npx tsx --conditions=@mlsysim/source bench/webgpu.bench.ts
