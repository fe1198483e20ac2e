#!/usr/bin/env bash
# Start-and-quit check of the installer scripts/bundle.sh built on Windows or macOS (CI
# runs it; Linux has scripts/test-install.sh): installs it (Windows: the NSIS setup,
# silently, for this user; macOS: the app copied out of the .dmg), starts the installed
# app on a new library until its window has loaded the interface (it then quits by
# itself: DOSSIER_EXIT_WHEN_LOADED), runs the installed `dossier` command line on that
# library, checks what the installer registered, and on Windows uninstalls again and
# checks that the library is still there.
# Usage: scripts/smoke-test.sh BUNDLE_DIR   (e.g. target/release/bundle)
set -euo pipefail
bundle_dir=${1:?usage: scripts/smoke-test.sh BUNDLE_DIR}
work=$(mktemp -d)
library_dir="$work/library"

fail() {
  echo "smoke test FAILED: $*" >&2
  exit 1
}

# Runs a command and waits for it to end by itself, at most `limit` seconds: a window
# that never loads its page must fail the check, not hang the job.
run_until_exit() {
  local limit=$1 pid waited=0 status=0
  shift
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$limit" ]; then
      kill "$pid" 2>/dev/null || true
      fail "$1 was still running after ${limit}s"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  wait "$pid" || status=$?
  [ "$status" = 0 ] || fail "$1 exited with $status"
}

# The installed app starts, opens a new library and loads its interface, then quits.
start_and_quit() {
  local app=$1
  export DOSSIER_DATA_DIR=$2 DOSSIER_EXIT_WHEN_LOADED=1
  run_until_exit 300 "$app"
  [ -f "$library_dir/library.sqlite" ] || fail "the app made no library in $library_dir"
  echo "ok: the installed app started, loaded its window and quit"
}

# The installed command line reads the library the app made (its sample articles).
command_line_lists() {
  local cli=$1 db=$2 listing
  listing=$("$cli" --db "$db" list --json) || fail "the installed command line failed"
  echo "$listing" | grep -q '"title"' || fail "the command line listed no article: $listing"
  echo "ok: the installed command line lists the library"
}

case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*)
    installer=$(find "$bundle_dir/nsis" -name '*-setup.exe' | head -n 1)
    [ -n "$installer" ] || fail "no NSIS installer in $bundle_dir/nsis"
    install_dir="$(cygpath -u "$LOCALAPPDATA")/Dossier"
    "$installer" /S
    [ -f "$install_dir/dossier-app.exe" ] || fail "nothing installed in $install_dir"
    [ -f "$install_dir/dossier.exe" ] || fail "the command line is not beside the app"
    # The command line must start without the Visual C++ redistributable.
    if grep -qai 'vcruntime140' "$install_dir/dossier.exe"; then
      fail "dossier.exe links the Visual C++ runtime dynamically"
    fi
    # Offered in "Open with" for .md, without becoming its default program.
    MSYS_NO_PATHCONV=1 reg query 'HKCU\Software\Classes\.md\OpenWithProgids' /v Dossier.Article > /dev/null ||
      fail "Dossier is not offered for .md files"
    if MSYS_NO_PATHCONV=1 reg query 'HKCU\Software\Classes\.md' /ve 2>/dev/null | grep -q Dossier; then
      fail "the installer made Dossier the default program for .md files"
    fi
    echo "ok: installed for this user, Open with registered, no default taken"
    start_and_quit "$install_dir/dossier-app.exe" "$(cygpath -w "$library_dir")"
    command_line_lists "$install_dir/dossier.exe" "$(cygpath -w "$library_dir/library.sqlite")"
    # _?= makes the uninstaller run in place and return when done.
    "$install_dir/uninstall.exe" /S "_?=$(cygpath -w "$install_dir")"
    [ ! -f "$install_dir/dossier-app.exe" ] || fail "the uninstaller left the app"
    if MSYS_NO_PATHCONV=1 reg query 'HKCU\Software\Classes\.md\OpenWithProgids' /v Dossier.Article > /dev/null 2>&1; then
      fail "the uninstaller left Dossier in Open with"
    fi
    [ -f "$library_dir/library.sqlite" ] || fail "the uninstaller removed the library"
    echo "ok: uninstalled, the library kept"
    ;;
  Darwin)
    dmg=$(find "$bundle_dir/dmg" -name '*.dmg' | head -n 1)
    [ -n "$dmg" ] || fail "no .dmg in $bundle_dir/dmg"
    mkdir -p "$work/mount" "$work/Applications"
    hdiutil attach -nobrowse -readonly -mountpoint "$work/mount" "$dmg" > /dev/null
    cp -R "$work/mount/Dossier.app" "$work/Applications/"
    hdiutil detach "$work/mount" > /dev/null
    app="$work/Applications/Dossier.app"
    # Signed (ad hoc when no identity is configured): unsigned code is "damaged" on Apple silicon.
    codesign --verify --deep --strict "$app" || fail "the app's signature does not verify"
    codesign -dv "$app" 2>&1 | grep -E '^(Signature|Authority)=' | head -n 1
    for binary in dossier-app dossier; do
      archs=$(lipo -archs "$app/Contents/MacOS/$binary")
      echo "$binary: $archs"
      case "$archs" in *arm64*x86_64* | *x86_64*arm64*) ;; *) fail "$binary is not universal: $archs" ;; esac
    done
    plist="$app/Contents/Info.plist"
    [ "$(plutil -extract LSMinimumSystemVersion raw "$plist")" = 11.0 ] || fail "LSMinimumSystemVersion is not 11.0"
    [ "$(plutil -extract CFBundleDocumentTypes.0.LSHandlerRank raw "$plist")" = Alternate ] ||
      fail "the file types are not declared as an alternate handler"
    plutil -extract CFBundleDocumentTypes.0.LSItemContentTypes.0 raw "$plist" > /dev/null ||
      fail "the file types have no content types (UTIs)"
    echo "ok: signed, universal, macOS 11+, offered for its file types without taking them"
    start_and_quit "$app/Contents/MacOS/dossier-app" "$library_dir"
    command_line_lists "$app/Contents/MacOS/dossier" "$library_dir/library.sqlite"
    ;;
  *)
    fail "this check is for Windows and macOS; Linux has scripts/test-install.sh"
    ;;
esac
rm -rf "$work"
