#!/usr/bin/env bash
# Builds the Windows program, ledgen.exe, on Debian bookworm (as root, or with sudo for the
# packages), and prints its path on the last line of standard output.
#
#   scripts/build-windows.sh [PROFILE]      PROFILE: release (default) or windows-check
#
# The compiler is Debian's rustc-web with its standard library's source (rust-web-src) and
# cargo-web, so that the standard library can be built for the `x86_64-win7-windows-gnu` target
# (-Zbuild-std; rustup has no prebuilt standard library for it). That target's standard library
# runs on Windows 7 to 11 and under Wine 8; the ordinary `x86_64-pc-windows-gnu` one needs
# `bcryptprimitives.dll`, which Wine 8 lacks, so it could not be tested here. MinGW-w64 links it
# and compiles the C parts of dependencies (psm's build script needs CC and AR for the target).
# rustup's cargo and rustc stay first on PATH, so Debian's are called by their full paths.
# The build goes to target-windows/, apart from the Linux build in target/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
profile=${1:-release}
target=x86_64-win7-windows-gnu

bash scripts/install-windows-tools.sh >&2

export PATH="/usr/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CC_x86_64_win7_windows_gnu=x86_64-w64-mingw32-gcc
export AR_x86_64_win7_windows_gnu=x86_64-w64-mingw32-ar
export CARGO_TARGET_X86_64_WIN7_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
# Debian's rustc is newer than rustup's pinned one may be; --locked keeps Cargo.lock as committed
# (both read lock file version 4).
/usr/bin/cargo build --locked --profile "$profile" -Zbuild-std=std,panic_abort \
  --target "$target" --target-dir target-windows >&2
echo "target-windows/$target/$profile/ledgen.exe"
