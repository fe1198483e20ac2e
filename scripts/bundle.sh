#!/usr/bin/env bash
# Builds this machine's installers: on Linux the .deb and .rpm (an AppImage needs to
# download its runtime, which an offline machine cannot). `--debug` bundles the debug
# build (quick when the tests have built it; what scripts/test-install.sh installs).
# Other arguments go to `tauri build`. The bundles land in <target dir>/<profile>/bundle/.
# The Linux packages run the `dossier` command line through the app's binary; on
# Windows and macOS it ships as a binary of its own beside the app.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

args=()
if [ "${1:-}" = --debug ]; then
  args=(--debug)
  shift
fi
scripts/setup.sh
case "$(uname -s)" in
  Linux) args+=(--bundles deb,rpm) ;;
  *)
    scripts/bundle-cli.sh "${args[@]}"
    args+=(--config src-tauri/sidecar.conf.json)
    ;;
esac
node ui/node_modules/@tauri-apps/cli/tauri.js build --ci "${args[@]}" "$@"
