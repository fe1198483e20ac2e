#!/usr/bin/env bash
# Builds the `dossier` command line and puts it where the bundler takes it from
# (src-tauri/binaries/dossier-<target triple>[.exe]), so that the Windows and macOS
# installers ship it beside the app (src-tauri/sidecar.conf.json). Linux packages need
# none: their `dossier` script runs the app's binary as the command line.
# Usage: scripts/bundle-cli.sh [--debug] [TARGET_TRIPLE]   (default: this machine's)
#
# universal-apple-darwin writes three files: `tauri build --target universal-apple-darwin`
# runs one cargo build per architecture, and each one's build script (tauri-build) looks
# for the sidecar of its own triple; the bundler then copies the universal one into the app.
# On Windows the C runtime is linked statically (.cargo/config.toml), so `dossier.exe`
# starts on a machine without the Visual C++ redistributable.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
if [ "${1:-}" = --debug ]; then
  profile=debug
  shift
fi
host=$(rustc -vV | sed -n 's/^host: //p')
triple="${1:-$host}"
# Built where `tauri build` builds the app, so that the two share compiled dependencies:
# with --target when a target was named (target/<triple>/), else in target/<profile>/.
named_target="${1:+yes}"
target_dir="${CARGO_TARGET_DIR:-target}"
mkdir -p src-tauri/binaries

exe_suffix() {
  case "$1" in *windows*) echo .exe ;; esac
}

# Builds the command line for one triple and prints the path of the binary.
build() {
  local flags=(--locked -p dossier-cli) exe
  exe=$(exe_suffix "$1")
  [ "$profile" = release ] && flags+=(--release)
  if [ -z "$named_target" ]; then
    cargo build "${flags[@]}" >&2
    echo "$target_dir/$profile/dossier$exe"
  else
    cargo build "${flags[@]}" --target "$1" >&2
    echo "$target_dir/$1/$profile/dossier$exe"
  fi
}

sidecar() {
  echo "src-tauri/binaries/dossier-$1$(exe_suffix "$1")"
}

if [ "$triple" = universal-apple-darwin ]; then
  arm=$(build aarch64-apple-darwin)
  intel=$(build x86_64-apple-darwin)
  cp "$arm" "$(sidecar aarch64-apple-darwin)"
  cp "$intel" "$(sidecar x86_64-apple-darwin)"
  lipo -create -output "$(sidecar universal-apple-darwin)" "$arm" "$intel"
  echo "bundled command line: $(sidecar aarch64-apple-darwin) $(sidecar x86_64-apple-darwin) $(sidecar universal-apple-darwin)"
else
  cp "$(build "$triple")" "$(sidecar "$triple")"
  echo "bundled command line: $(sidecar "$triple")"
fi
