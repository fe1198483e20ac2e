#!/usr/bin/env bash
# Installs what is missing, builds Dossier and opens it on your library
# (a sample library is created on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/setup.sh
npm --prefix ui run build
cargo build --release --locked -p dossier-app -p dossier-cli
exec "${CARGO_TARGET_DIR:-target}/release/dossier-app" "$@"
