#!/usr/bin/env bash
# Installs the system packages a fresh Debian 12 machine lacks for this repo:
# Debian's Chromium (browser tests, WebGPU via SwiftShader), libvulkan1 and
# Mesa 25 lavapipe from bookworm-backports (WebGPU in Node through Dawn), and
# pnpm pinned to the version in package.json. Idempotent: it skips what is there.
set -euo pipefail

log() { printf '[setup-system] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# Mesa 22 from bookworm is rejected by Dawn; only the backports build (>= 25) works.
lvp_version=$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || true)
case "$lvp_version" in
  2[5-9].*|[3-9][0-9].*) ;;
  *) need_apt+=(backports) ;;
esac

if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  if [[ " ${need_apt[*]} " == *" backports "* ]]; then
    backports=/etc/apt/sources.list.d/bookworm-backports.sources
    if [ ! -f "$backports" ]; then
      # Reuse the machine's own mirror: read the first stanza's URIs and Signed-By.
      src=/etc/apt/sources.list.d/debian.sources
      uris=$(awk '/^URIs:/ {print $2; exit}' "$src")
      signed=$(awk '/^Signed-By:/ {print $2; exit}' "$src")
      [ -n "$uris" ] || { log "no URIs line in $src"; exit 1; }
      log "enabling bookworm-backports from $uris"
      printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: %s\n' \
        "$uris" "${signed:-/usr/share/keyrings/debian-archive-keyring.gpg}" | as_root tee "$backports" >/dev/null
    fi
  fi
  log "apt-get update"
  as_root apt-get update -qq
  if [[ " ${need_apt[*]} " == *" chromium "* ]]; then
    log "installing chromium"
    as_root apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  fi
  if [[ " ${need_apt[*]} " == *" backports "* ]]; then
    log "installing mesa-vulkan-drivers (lavapipe) and libvulkan1 from bookworm-backports"
    as_root apt-get install -y -qq -t bookworm-backports mesa-vulkan-drivers libvulkan1 >/dev/null
  fi
else
  log "chromium and lavapipe already installed"
fi

want_pnpm=$(node -e "process.stdout.write(require('./package.json').packageManager.split('@')[1])")
have_pnpm=$(pnpm --version 2>/dev/null || true)
if [ "$have_pnpm" != "$want_pnpm" ]; then
  log "installing pnpm@$want_pnpm (npm; corepack's signature check fails against this registry)"
  as_root npm install -g --silent "pnpm@$want_pnpm"
fi
log "ready: $(/usr/bin/chromium --version 2>/dev/null | head -1), mesa $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers), pnpm $(pnpm --version)"
