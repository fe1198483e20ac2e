#!/usr/bin/env bash
# Bundles the Linux package (debug build, which the tests have already compiled), then
# installs it, runs the installed app, opens a file with it and removes it again
# (tests/app/installed.rs). Installing needs root, or sudo without a password prompt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/bundle.sh --debug
deb=$(find "${CARGO_TARGET_DIR:-target}/debug/bundle/deb" -name '*.deb' -printf '%T@ %p\n' | sort -rn | head -n 1 | cut -d' ' -f2-)
echo "== installing, running and removing $deb"
DOSSIER_DEB="$deb" cargo test --locked -p dossier-app --test tests -- --ignored --exact \
  app::installed::the_deb_installs_opens_a_file_and_uninstalls_leaving_the_library
