#!/usr/bin/env bash
# Installs what is missing, then runs every test: the UI's component and browser
# tests, the Rust unit and integration tests (core, CLI, conformance, and the real
# app window end to end: the tests start their own Xvfb and tauri-driver), the sample's
# report rendered to page images, and the Linux package installed, used and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/setup.sh --test

echo "== formatting and lints"
cargo fmt --all -- --check
npm --prefix ui run check

echo "== packaging: scripts, workflows, installer hooks, sidecar names, line ends"
scripts/check-packaging.sh

echo "== user interface build"
npm --prefix ui run build

echo "== user interface tests (components, then the UI in headless Chromium)"
npm --prefix ui test
npm --prefix ui run test:browser

echo "== TypeScript bindings match the Rust types"
npm --prefix ui run bindings:check

echo "== Rust tests"
cargo test --workspace --locked
# The benchmarks run outside this script (BENCHMARKS.md); building them keeps them working.
cargo test --workspace --locked --benches --no-run

echo "== the sample's report as DOCX and PDF pages (artifacts/report/*.png)"
scripts/render-report.sh

echo "== the Linux package: install, run, open a file, remove"
scripts/test-install.sh
