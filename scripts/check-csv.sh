#!/usr/bin/env bash
# Opens every CSV ledgen writes in LibreOffice Calc, headless, as a Swedish user's spreadsheet
# would: split at commas and at semicolons, with formulas evaluated. The content carries text
# that would run as formulas if a cell could start with it; no cell of the opened files may be a
# formula. Prints a PASS/FAIL line per file and separator; exits non-zero on any failure.
#
#   scripts/check-csv.sh [path/to/ledgen]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ledgen=$(realpath "${1:-target/debug/ledgen}")
command -v soffice >/dev/null || { echo "check-csv: soffice is missing (libreoffice-calc-nogui)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r examples/exempelkommun "$work/kommun"
# Text that becomes a formula in a cell split at a comma, a semicolon or a line break.
trap_text='Åtgärda detta;=HYPERLINK(\"http://example.invalid\";\"x\"),+1+1\\n@SUM(1;2) -3'
python3 - "$work/kommun/2024" "$trap_text" <<'PY'
import pathlib, re, sys
folder, text = pathlib.Path(sys.argv[1]), sys.argv[2]
# Every status text and every recommendation's how gets the trap.
for path in folder.glob('*.yaml'):
    source = path.read_text(encoding='utf-8')
    changed = re.sub(r'^(\s+status_text: ).*$', lambda m: m.group(1) + '"' + text + '"', source, flags=re.M)
    changed = re.sub(r'^(\s+how: ).*$', lambda m: m.group(1) + '"' + text + '"', changed, flags=re.M)
    if changed != source:
        path.write_text(changed, encoding='utf-8')
PY
"$ledgen" export actions 2024 --content "$work/kommun" --format csv --out "$work/actions.csv" >/dev/null 2>&1
"$ledgen" summary --content "$work/kommun" --format csv --internal --out "$work/summary.csv" >/dev/null 2>&1
grep -q 'HYPERLINK' "$work/actions.csv" || { echo "FAIL csv: the planted text is not in the export"; exit 1; }

failed=0
for csv in actions summary; do
  # 44 = comma, 59 = semicolon; 34 = the double quote; 76 = UTF-8; then "evaluate formulas".
  for sep in 44 59; do
    out="$work/$csv-$sep"
    mkdir -p "$out"
    LC_ALL=sv_SE.UTF-8 LANG=sv_SE.UTF-8 timeout 120 soffice --headless --norestore \
      "-env:UserInstallation=file://$work/profile" \
      --infilter="CSV:$sep,34,76,1,,1053,false,false,false,false,false,-1,true,false" \
      --convert-to fods --outdir "$out" "$work/$csv.csv" >/dev/null 2>&1 || true
    fods="$out/$csv.fods"
    if [[ ! -s "$fods" ]]; then
      echo "FAIL $csv.csv (separator $sep): LibreOffice wrote nothing"
      failed=1
    elif grep -q 'table:formula=' "$fods"; then
      echo "FAIL $csv.csv (separator $sep): a cell is a formula: $(grep -o 'table:formula="[^"]*"' "$fods" | head -3)"
      failed=1
    else
      echo "PASS $csv.csv (separator $sep): $(grep -c '<table:table-row' "$fods") rows, no formula"
    fi
  done
done
exit $failed
