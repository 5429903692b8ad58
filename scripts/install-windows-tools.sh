#!/usr/bin/env bash
# Installs what building and testing the Windows program needs, on Debian bookworm, as root:
# Debian's Rust compiler with its standard library's source (rustc-web, rust-web-src, cargo-web:
# 1.96 from bookworm-security at the time of writing; ledgen needs 1.92 or newer), the MinGW-w64
# cross compiler, Wine to run the program, and zip for the release archive. Installs only what is
# missing, so it is quick to run again. (curl is for scripts/check-windows.sh's serve step.)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

packages=(rustc-web rust-web-src cargo-web gcc-mingw-w64-x86-64 wine64 zip curl)
missing=()
for pkg in "${packages[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  # The package lists of a fresh machine may predate the security update that brings 1.96.
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Check the version rather than trust the mirror: bookworm's own rustc-web is 1.85, too old.
version=$(/usr/bin/rustc --version | awk '{print $2}')
if ! printf '1.92.0\n%s\n' "$version" | sort -V -C; then
  echo "install-windows-tools: /usr/bin/rustc is $version; ledgen needs 1.92 or newer" \
    "(rustc-web from bookworm-security)" >&2
  exit 1
fi
