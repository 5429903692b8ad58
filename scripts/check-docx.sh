#!/usr/bin/env bash
# Opens the Word editions ledgen writes in LibreOffice Writer, headless, and prints them to PDF:
# each must load (a package Writer cannot read fails here, where Word would ask to repair it),
# hold its title, the table of contents and its first and last headings, and the public edition
# none of the example's confidential texts. Then saves a review written in LibreOffice Writer
# with its own default styles (tests/fixtures/word/granskning-libreoffice.fodt) as .docx and
# imports it with `ledgen import`: its headings, status colours and recommendations must come
# back, and the year pass `ledgen check`. Prints a PASS/FAIL line per file; exits non-zero on
# any failure.
#
#   scripts/check-docx.sh [path/to/ledgen]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ledgen=$(realpath "${1:-target/debug/ledgen}")
command -v soffice >/dev/null || { echo "check-docx: soffice is missing (libreoffice-writer-nogui)" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "check-docx: pdftotext is missing (poppler-utils)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ledgen" build 2023 --format docx --out "$work/out" >/dev/null 2>&1
"$ledgen" build 2024 --content examples/exempelkommun --format docx --out "$work/out" >/dev/null 2>&1
"$ledgen" build 2024 --content examples/exempelkommun --format docx --public --out "$work/out" >/dev/null 2>&1

failed=0
# file | a text each must hold (first heading) | the last heading
check() {
  local docx=$1 first=$2 last=$3 name pdf text
  name=$(basename "$docx" .docx)
  mkdir -p "$work/pdf"
  timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf --outdir "$work/pdf" "$docx" >"$work/$name.log" 2>&1 || true
  pdf="$work/pdf/$name.pdf"
  if [[ ! -s $pdf ]]; then
    echo "FAIL docx $name: LibreOffice could not open it: $(tr '\n' ' ' <"$work/$name.log")"
    failed=1
    return
  fi
  text=$(pdftotext -layout "$pdf" - | tr -s ' \n' '  ')
  for want in "Ledningens genomgång av informationssäkerhet" "Innehåll" "$first" "$last"; do
    if [[ $text != *"$want"* ]]; then
      echo "FAIL docx $name: \`$want\` is not in the document as LibreOffice shows it"
      failed=1
      return
    fi
  done
  if [[ $text == *"TOC \\o"* || $text == *"PAGEREF"* ]]; then
    echo "FAIL docx $name: LibreOffice shows the code of the table of contents as text"
    failed=1
    return
  fi
  echo "PASS docx $name ($(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages in LibreOffice)"
}
check "$work/out/2023/ledningens-genomgang-2023.docx" "1 Inledning" "Revisionshistorik"
check "$work/out/2024/ledningens-genomgang-2024.docx" "1 Inledning" "Fastställande"
check "$work/out/2024/ledningens-genomgang-2024-publik.docx" "1 Inledning" "Fastställande"

public=$(pdftotext "$work/pdf/ledningens-genomgang-2024-publik.pdf" - 2>/dev/null | tr -s ' \n' '  ' || true)
for secret in "Leverantör X" "sårbarheten i inloggningsfunktionen"; do
  if [[ $public == *"$secret"* ]]; then
    echo "FAIL docx public: the public Word edition shows \`$secret\`"
    failed=1
  fi
done
# A review made in LibreOffice, imported: four rows whose statuses come from the cells' own
# colours (and one from its word), two recommendations, three sections.
fixture=tests/fixtures/word/granskning-libreoffice.fodt
timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to docx:"MS Word 2007 XML" --outdir "$work/lo" "$fixture" >"$work/lo.log" 2>&1 || true
lo_docx="$work/lo/granskning-libreoffice.docx"
if [[ ! -s $lo_docx ]]; then
  echo "FAIL import: LibreOffice could not save $fixture as .docx: $(tr '\n' ' ' <"$work/lo.log")"
  failed=1
else
  said=$("$ledgen" --lang en import "$lo_docx" --content "$work/imported" 2>&1) || true
  rows=$(grep -o 'status: [a-zö ]*' "$work/imported/2025/follow-ups.yaml" 2>/dev/null | tr '\n' ',' || true)
  if [[ $said != *"3 sections, 4 status rows, 2 recommendations"* ]]; then
    echo "FAIL import $fixture: $said"
    failed=1
  elif [[ $rows != "status: grön,status: gul,status: röd,status: grön," ]]; then
    echo "FAIL import $fixture: the statuses came back as $rows"
    failed=1
  elif ! "$ledgen" check 2025 --content "$work/imported" >"$work/check.log" 2>&1; then
    echo "FAIL import $fixture: the imported year does not pass check: $(tr '\n' ' ' <"$work/check.log")"
    failed=1
  else
    echo "PASS import $fixture (saved as .docx by LibreOffice: 3 sections, 4 rows, 2 recommendations)"
  fi
fi
exit $failed
