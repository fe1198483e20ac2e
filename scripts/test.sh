#!/usr/bin/env bash
# Installs what is missing, then runs every test: Rust unit and integration tests
# (core, CLI, conformance, the real app window end to end under Xvfb) and the UI's
# component and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/setup.sh --test

echo "== formatting and lints"
cargo fmt --all -- --check
npm --prefix ui run check

echo "== user interface build"
npm --prefix ui run build

# The end-to-end tests need a display: a private virtual one unless one is given.
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
fi

echo "== user interface tests"
npm --prefix ui test

echo "== Rust tests"
cargo test --workspace --locked
