#!/usr/bin/env bash
# Builds this machine's installers: on Linux the .deb and .rpm (an AppImage needs to
# download its runtime, which an offline machine cannot). `--debug` bundles the debug
# build (quick when the tests have built it; what scripts/test-install.sh installs).
# Other arguments go to `tauri build`. The bundles land in <target dir>/<profile>/bundle/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

debug=()
if [ "${1:-}" = --debug ]; then
  debug=(--debug)
  shift
fi
scripts/setup.sh
scripts/bundle-cli.sh "${debug[@]}"
node ui/node_modules/@tauri-apps/cli/tauri.js build "${debug[@]}" --ci --bundles deb,rpm --config src-tauri/bundle.conf.json "$@"
