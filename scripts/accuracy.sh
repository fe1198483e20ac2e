#!/usr/bin/env bash
# The extractor's accuracy on the development set (see ACCURACY.md).
#
#   scripts/accuracy.sh [--data DIR] [--split tune|held-out|all] [--set NAME]... [--json]
#                       [--errors FILE] [--show-errors]
#       Scores the sets; DIR holds the texts that are not in the repository
#       (DIR/news/<id>.txt, DIR/duee-fin/dev.json). Without --data only FIRE is scored.
#
#   scripts/accuracy.sh prepare-duee SNAPSHOT DIR
#       Copies DuEE-Fin's pinned file into DIR/duee-fin/dev.json and checks its sha256.
#       SNAPSHOT is a git directory or a clone of HuipengXu/DuEE-fin-ChatGLM-6B.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

duee_commit=2280afc3cef914f9dcc2c7a4aba440bbd07c1886
duee_path=DuEE_fin/dev.json
duee_sha256=c073184be3a06f6293383d5c4ef195fec4cd7ae463d5be524e969b09788ed431

if [[ ${1:-} == prepare-duee ]]; then
    if [[ $# -ne 3 ]]; then
        echo "usage: $0 prepare-duee SNAPSHOT DIR" >&2
        exit 1
    fi
    snapshot=$2 out=$3/duee-fin
    mkdir -p "$out"
    git -C "$snapshot" show "$duee_commit:$duee_path" >"$out/dev.json"
    if ! echo "$duee_sha256  $out/dev.json" | sha256sum --check --quiet; then
        echo "$out/dev.json: not the pinned copy" >&2
        exit 1
    fi
    echo "DuEE-Fin: $out/dev.json"
    exit 0
fi

cd "$root"
exec cargo run --release --quiet -p dossier-core --no-default-features --example accuracy -- "$@"
