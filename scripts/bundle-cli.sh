#!/usr/bin/env bash
# Builds the `dossier` command line and puts it where the bundler takes it from
# (src-tauri/binaries/dossier-<target triple>), so that the Windows and macOS installers
# ship it beside the app (src-tauri/sidecar.conf.json). Linux packages need none: their
# `dossier` script runs the app's binary as the command line.
# Usage: scripts/bundle-cli.sh [--debug] [TARGET_TRIPLE]
# (default: this machine's; universal-apple-darwin builds both Mac architectures).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
if [ "${1:-}" = --debug ]; then
  profile=debug
  shift
fi
host=$(rustc -vV | sed -n 's/^host: //p')
triple="${1:-$host}"
target_dir="${CARGO_TARGET_DIR:-target}"
exe=""
case "$triple" in *windows*) exe=".exe" ;; esac
mkdir -p src-tauri/binaries
out="src-tauri/binaries/dossier-$triple$exe"

build() {
  local flags=(--locked -p dossier-cli)
  [ "$profile" = release ] && flags+=(--release)
  # The machine's own triple builds into the usual folder, which `tauri build` shares.
  if [ "$1" = "$host" ]; then
    cargo build "${flags[@]}" >&2
    echo "$target_dir/$profile/dossier$exe"
  else
    cargo build "${flags[@]}" --target "$1" >&2
    echo "$target_dir/$1/$profile/dossier$exe"
  fi
}

if [ "$triple" = universal-apple-darwin ]; then
  lipo -create -output "$out" "$(build aarch64-apple-darwin)" "$(build x86_64-apple-darwin)"
else
  cp "$(build "$triple")" "$out"
fi
echo "bundled command line: $out"
