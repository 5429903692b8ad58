#!/usr/bin/env bash
# Installs what scripts/check-output.sh needs, on Debian, as root. Safe to run again: it installs
# only what is missing and says little.
#
#   sudo scripts/install-check-tools.sh
#
# - Debian packages: chromium (headless browser for axe-core), qpdf, poppler-utils (pdffonts),
#   LibreOffice Calc and Writer (libreoffice-calc-nogui, libreoffice-writer-nogui: scripts/check-csv.sh
#   opens the CSV files with Calc, scripts/check-docx.sh the Word editions with Writer),
#   and a Java runtime for the Nu HTML Checker (default-jre-headless, only if `java` is missing);
# - npm packages from package-lock.json (`npm ci`): playwright-core, axe-core, vnu-jar. Install
#   scripts are skipped: vnu-jar's would try to download a Java runtime, and the machine's is used;
# - Python packages from scripts/requirements.txt: pikepdf.
# Node.js 20 or newer with npm must already be on the machine (playwright-core needs 20).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DEBIAN_FRONTEND=noninteractive
python=${PYTHON:-python3}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in chromium qpdf poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui; do
  installed "$pkg" || missing+=("$pkg")
done
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v "$python" >/dev/null 2>&1 || missing+=(python3)
if command -v "$python" >/dev/null 2>&1 && ! "$python" -m pip --version >/dev/null 2>&1; then
  missing+=(python3-pip)
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-check-tools: apt-get install ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-check-tools: npm is missing: install Node.js 20 or newer with npm" >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [[ $node_major -lt 20 ]]; then
  echo "install-check-tools: Node.js $(node --version) is too old: playwright-core needs 20 or newer" >&2
  exit 1
fi
echo "install-check-tools: npm ci"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null

echo "install-check-tools: pip install -r scripts/requirements.txt"
pip_install() { "$python" -m pip install -q --disable-pip-version-check --root-user-action=ignore "$@" -r scripts/requirements.txt; }
if ! pip_install 2>/tmp/install-check-tools-pip.log; then
  # Debian's own Python refuses installs into it (PEP 668); this machine is for checks, so allow it.
  if grep -q externally-managed-environment /tmp/install-check-tools-pip.log; then
    pip_install --break-system-packages
  else
    cat /tmp/install-check-tools-pip.log >&2
    exit 1
  fi
fi
rm -f /tmp/install-check-tools-pip.log

echo "install-check-tools: done ($(chromium --version 2>/dev/null | head -n 1), qpdf $(qpdf --version | head -n 1 | awk '{print $NF}'), java $(java -version 2>&1 | head -n 1 | awk -F'"' '{print $2}'), node $(node --version))"
