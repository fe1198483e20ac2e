#!/usr/bin/env bash
# Builds this machine's installers: the targets of tauri.conf.json and its platform
# files (Linux: .deb and .rpm, as an AppImage needs to download its runtime; Windows:
# the NSIS setup .exe; macOS: the .app and .dmg). `--debug` bundles the debug build (quick
# when the tests have built it; what scripts/test-install.sh installs). Other arguments go
# to `tauri build` (e.g. `--target universal-apple-darwin`, `--bundles deb,rpm,appimage`).
# The bundles land in <target dir>[/<triple>]/<profile>/bundle/.
# The Linux packages run the `dossier` command line through the app's binary; on
# Windows and macOS it ships as a binary of its own beside the app.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

args=()
cli_args=()
if [ "${1:-}" = --debug ]; then
  args=(--debug)
  cli_args=(--debug)
  shift
fi
# A target given to `tauri build` is the command line's target too.
previous=""
for arg in "$@"; do
  [ "$previous" = --target ] && cli_args+=("$arg")
  previous=$arg
done
scripts/setup.sh
case "$(uname -s)" in
  Linux) ;;
  *)
    scripts/bundle-cli.sh ${cli_args[@]+"${cli_args[@]}"}
    args+=(--config src-tauri/sidecar.conf.json)
    ;;
esac
node ui/node_modules/@tauri-apps/cli/tauri.js build --ci ${args[@]+"${args[@]}"} "$@"
