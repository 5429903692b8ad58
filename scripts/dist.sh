#!/usr/bin/env bash
# Builds the release archives into dist/, from a clean checkout, on Debian bookworm with rustup
# (as root, or with sudo for the packages), and says how long each step took:
#
#   dist/ledgen-<version>-x86_64-windows.zip    ledgen.exe, LÄS MIG.txt, licenser/, exempelkommun/
#   dist/ledgen-<version>-x86_64-linux.tar.gz   the same for Linux
#
#   scripts/dist.sh
#   DIST_PROFILE=windows-check scripts/dist.sh    a quicker trial: no link-time optimisation
#
# Both are release builds (thin link-time optimisation, one code generation unit per crate);
# on two cores each takes a good while, the Windows one the longer, as it also builds the
# standard library. The Windows program is built with Debian's Rust (scripts/build-windows.sh);
# the Linux one with the rustup toolchain the tests use. Debug symbols are stripped from the
# copies that go into the archives. .github/workflows/release.yml builds the same archives (and
# one for macOS) natively on GitHub's machines.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

profile=${DIST_PROFILE:-release}
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "dist: no version in Cargo.toml" >&2; exit 1; }

started=$(date +%s)
timed() {
  local name=$1 start
  shift
  start=$(date +%s)
  "$@"
  echo "dist: $name took $(($(date +%s) - start)) s" >&2
}

timed "installing the tools" bash scripts/install-windows-tools.sh
timed "the Windows build" bash scripts/build-windows.sh "$profile" >/dev/null
timed "the Linux build" cargo build --profile "$profile" --locked

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/windows" "$work/linux"
cp "target-windows/x86_64-win7-windows-gnu/$profile/ledgen.exe" "$work/windows/ledgen.exe"
cp "target/$profile/ledgen" "$work/linux/ledgen"
x86_64-w64-mingw32-strip "$work/windows/ledgen.exe"
strip "$work/linux/ledgen"

timed "packing" bash -c '
  scripts/package.sh "$1/windows/ledgen.exe" "ledgen-$2-x86_64-windows.zip" &&
  scripts/package.sh "$1/linux/ledgen" "ledgen-$2-x86_64-linux.tar.gz"' _ "$work" "$version"
(cd dist && sha256sum "ledgen-$version-x86_64-windows.zip" "ledgen-$version-x86_64-linux.tar.gz" \
  | tee SHA256SUMS)
echo "dist: done in $(($(date +%s) - started)) s" >&2
