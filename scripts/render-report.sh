#!/usr/bin/env bash
# Renders the sample article's report as DOCX and PDF and turns every page into a PNG
# to look at: LibreOffice converts the DOCX to PDF, pdftoppm rasterises both PDFs.
# Output: artifacts/report/{docx,pdf}-<page>.png (plus the DOCX and PDF).
# Needs: soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils), fonts-noto-cjk.
# FORMATS="docx" renders only the DOCX. The CLI is built with the whole workspace's
# features, so after the test run it is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

sample=${SAMPLE:-tests/fixtures/newspaper/ai-market-page-zh.txt}
out=artifacts/report
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "render-report: $tool is not installed" >&2; exit 1; }
done

formats=${FORMATS:-docx pdf}
cargo build --workspace --locked --bins
dossier=${CARGO_TARGET_DIR:-target}/debug/dossier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/library.sqlite

"$dossier" --db "$db" --create import "$sample" tests/fixtures/report/zh-rounds-kechuang.txt --collection 样稿
# The review: every fact confirmed but the ETF figures, which are rejected.
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE facts SET status = CASE WHEN subject = '半导体ETF' THEN 'rejected' ELSE 'confirmed' END")
db.commit()
PY

rm -rf "$out" && mkdir -p "$out"
for format in $formats; do
    "$dossier" --db "$db" export --format "$format" --out "$out/report.$format" --collection 样稿 \
        --title '大模型市场数据：DeepSeek 与“六小龙”' --author "市场研究部" --date 2025-03-01
done
if [[ -f $out/report.docx ]]; then
    soffice --headless --convert-to pdf --outdir "$work" "$out/report.docx" >/dev/null
    pdftoppm -r 70 -png "$work/report.pdf" "$out/docx"
fi
if [[ -f $out/report.pdf ]]; then
    pdftoppm -r 70 -png "$out/report.pdf" "$out/pdf"
fi
for format in $formats; do
    compgen -G "$out/$format-*.png" >/dev/null || { echo "render-report: no $format pages" >&2; exit 1; }
done
ls "$out"
