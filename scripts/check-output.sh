#!/usr/bin/env bash
# Publishing-grade checks of ledgen's outputs.
#
#   scripts/check-output.sh DIR
#
# For every *.html under DIR:
#   - axe-core in headless Chromium (scripts/axe-check.mjs), at 1366 px and 390 px wide: zero
#     violations of the rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa; and the page requests
#     nothing from outside (the browser never fetches anything);
#   - the Nu HTML Checker (vnu.jar from the npm package vnu-jar): zero errors.
# For every *.pdf under DIR:
#   - qpdf --check: no errors or warnings;
#   - the XMP metadata (scripts/pdf-metadata.py, pikepdf) declares PDF/A-2 (conformance A or B)
#     and PDF/UA-1, and the catalog has what PDF/UA-1 requires of it (tagged, /Lang, title);
#   - pdffonts: every font is embedded.
#
# Prints one PASS/FAIL line per check and file, with the details of each failure, and exits 1 if
# any check failed (2 on a usage error). Install the tools with scripts/install-check-tools.sh
# (as root on Debian), or by hand: chromium, qpdf, poppler-utils, a Java 17+ runtime, `npm ci`,
# `pip install -r scripts/requirements.txt`.
#
# Environment: CHROMIUM (default /usr/bin/chromium), PYTHON (default python3),
# SCREENSHOTS=DIR to also save full-page screenshots of the HTML at both widths.
set -euo pipefail

if [[ $# -ne 1 || "$1" == -* ]]; then
  echo "usage: scripts/check-output.sh DIR" >&2
  exit 2
fi
dir=$1
if [[ ! -d "$dir" ]]; then
  echo "check-output: $dir is not a directory" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${PYTHON:-python3}
vnu_jar="$root/node_modules/vnu-jar/build/dist/vnu.jar"

failures=0
passes=0
pass() { echo "PASS  $1"; passes=$((passes + 1)); }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
# Indents a tool's output under its FAIL line.
details() { sed 's/^/      /'; }

mapfile -d '' html_files < <(find "$dir" -type f -name '*.html' -print0 | sort -z)
mapfile -d '' pdf_files < <(find "$dir" -type f -name '*.pdf' -print0 | sort -z)
if [[ ${#html_files[@]} -eq 0 && ${#pdf_files[@]} -eq 0 ]]; then
  fail "outputs: no *.html or *.pdf under $dir"
fi

# Says whether a tool is there; if not, fails the named check with a hint.
need() {
  local what=$1 check=$2
  if [[ -e "$what" ]] || command -v "$what" >/dev/null 2>&1; then
    return 0
  fi
  fail "$check: $what not found (run scripts/install-check-tools.sh)"
  return 1
}

# ---- HTML -------------------------------------------------------------------------------------

if [[ ${#html_files[@]} -gt 0 ]]; then
  if need node "axe" && need "$root/node_modules/playwright-core" "axe (npm ci)" \
    && need "$root/node_modules/axe-core" "axe (npm ci)"; then
    shots=()
    [[ -n "${SCREENSHOTS:-}" ]] && shots=(--screenshots "$SCREENSHOTS")
    set +e
    axe_out=$(node "$root/scripts/axe-check.mjs" "${shots[@]}" "${html_files[@]}" 2>&1)
    axe_rc=$?
    set -e
    echo "$axe_out"
    passes=$((passes + $(grep -c '^PASS' <<<"$axe_out" || true)))
    failures=$((failures + $(grep -c '^FAIL' <<<"$axe_out" || true)))
    if [[ $axe_rc -ne 0 ]] && ! grep -q '^FAIL' <<<"$axe_out"; then
      fail "axe: scripts/axe-check.mjs exited $axe_rc"
    fi
  fi

  if need java "vnu" && need "$vnu_jar" "vnu (npm ci)"; then
    for f in "${html_files[@]}"; do
      set +e
      out=$(java -jar "$vnu_jar" --format gnu --stdout --asciiquotes "$f" 2>&1)
      rc=$?
      set -e
      errors=$(grep -c ': error: \|: fatal: ' <<<"$out" || true)
      warnings=$(grep -c ': info warning: ' <<<"$out" || true)
      if [[ $rc -eq 0 && $errors -eq 0 ]]; then
        pass "vnu: $f (0 errors, $warnings warnings)"
        [[ -n "$out" ]] && details <<<"$out"
      else
        fail "vnu: $f ($errors errors, $warnings warnings)"
        details <<<"${out:-vnu exited $rc}"
      fi
    done
  fi
fi

# ---- PDF --------------------------------------------------------------------------------------

if [[ ${#pdf_files[@]} -gt 0 ]]; then
  if need qpdf "qpdf"; then
    for f in "${pdf_files[@]}"; do
      set +e
      out=$(qpdf --check "$f" 2>&1)
      rc=$?
      set -e
      # qpdf exits 0 if the file is clean, 2 on errors, 3 on warnings (damage it worked around).
      case $rc in
        0) pass "qpdf --check: $f" ;;
        3) fail "qpdf --check: $f (warnings)"; details <<<"$out" ;;
        *) fail "qpdf --check: $f (errors, exit $rc)"; details <<<"$out" ;;
      esac
    done
  fi

  if need "$python" "PDF metadata" && "$python" -c 'import pikepdf' 2>/dev/null; then
    set +e
    meta_out=$("$python" "$root/scripts/pdf-metadata.py" "${pdf_files[@]}" 2>&1)
    meta_rc=$?
    set -e
    echo "$meta_out"
    passes=$((passes + $(grep -c '^PASS' <<<"$meta_out" || true)))
    failures=$((failures + $(grep -c '^FAIL' <<<"$meta_out" || true)))
    if [[ $meta_rc -ne 0 ]] && ! grep -q '^FAIL' <<<"$meta_out"; then
      fail "PDF metadata: scripts/pdf-metadata.py exited $meta_rc"
      details <<<"$meta_out"
    fi
  elif command -v "$python" >/dev/null 2>&1; then
    fail "PDF metadata: the Python module pikepdf is missing (pip install -r scripts/requirements.txt)"
  fi

  if need pdffonts "pdffonts"; then
    errfile=$(mktemp)
    trap 'rm -f "$errfile"' EXIT
    for f in "${pdf_files[@]}"; do
      set +e
      out=$(pdffonts "$f" 2>"$errfile")
      rc=$?
      set -e
      if [[ $rc -ne 0 ]]; then
        fail "pdffonts: $f (pdffonts exited $rc)"
        details <"$errfile"
        continue
      fi
      # The "emb" column is found from the header line, since font names can be of any length.
      report=$(awk '
        col == 0 && /^name +type/ { col = index($0, " emb ") + 1; header = NR; next }
        col == 0 || NR == header + 1 { next }
        { total++; if (substr($0, col, 3) != "yes") { bad++; print "not embedded: " $0 } }
        END { printf "%d %d %d\n", col, total, bad }
      ' <<<"$out")
      read -r col total bad <<<"$(tail -n 1 <<<"$report")"
      if [[ $col -eq 0 ]]; then
        fail "pdffonts: $f (no font table in the output of pdffonts)"
        { printf '%s\n' "$out"; cat "$errfile"; } | details
      elif [[ $bad -eq 0 ]]; then
        pass "pdffonts: $f (all $total fonts embedded)"
      else
        fail "pdffonts: $f ($bad of $total fonts not embedded)"
        { head -n 2 <<<"$out"; head -n -1 <<<"$report"; } | details
      fi
    done
  fi
fi

echo
echo "check-output: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
