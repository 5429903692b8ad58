#!/usr/bin/env bash
# Packs a built ledgen into a release archive in dist/, as a user unpacks it: the program, a
# short Swedish `LÄS MIG.txt`, the licences (ledgen's and the embedded fonts') in `licenser/`,
# and the example organisation in `exempelkommun/`.
#
#   scripts/package.sh PROGRAM ARCHIVE
#
# ARCHIVE is a file name ending in .zip (the Windows archive: the text gets a byte-order mark
# and CRLF line ends, so that every Notepad since Windows 7 shows å, ä and ö) or .tar.gz. Used
# by scripts/dist.sh and by .github/workflows/release.yml.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
program=$1
archive=$2

case "$archive" in
  *.zip) stem=${archive%.zip} kind=windows ;;
  *.tar.gz) stem=${archive%.tar.gz} kind=unix ;;
  *) echo "package: $archive is neither .zip nor .tar.gz" >&2; exit 2 ;;
esac
stage="dist/$stem"
rm -rf "$stage" "dist/$archive"
mkdir -p "$stage/licenser"

cp "$program" "$stage/$(basename "$program")"
cp LICENSE-MIT LICENSE-APACHE "$stage/licenser/"
cp fonts/LICENSE "$stage/licenser/fonts-LICENSE"
cp fonts/LICENSE-Noto "$stage/licenser/fonts-LICENSE-Noto"
cp -R examples/exempelkommun "$stage/exempelkommun"
if [ "$kind" = windows ]; then
  { printf '\xef\xbb\xbf'; sed 's/$/\r/' "packaging/windows-LÄS MIG.txt"; } >"$stage/LÄS MIG.txt"
  for file in "$stage/licenser"/*; do sed -i 's/$/\r/' "$file"; done
else
  cp "packaging/linux-LÄS MIG.txt" "$stage/LÄS MIG.txt"
fi

# The same files give the same archive: fixed order, times and owners (with GNU tools; macOS's
# own tar and touch take other options, and its archive is only built on GitHub).
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
gnu=""
if tar --version 2>/dev/null | grep -q 'GNU tar'; then gnu=yes; fi
if [ -n "$gnu" ]; then find "$stage" -exec touch -h -d "@$epoch" {} +; fi
(
  cd dist
  if [ "$kind" = windows ]; then
    if command -v zip >/dev/null; then
      find "$stem" -print | LC_ALL=C sort | zip -q -X -@ "$archive"
    else
      # GitHub's Windows runners have 7-Zip but no zip.
      7z a -tzip -bd "$archive" "$stem" >/dev/null
    fi
  elif [ -z "$gnu" ]; then
    tar -czf "$archive" "$stem"
  else
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$stem" \
      | gzip -n -9 >"$archive"
  fi
)
rm -rf "$stage"
echo "dist/$archive"
