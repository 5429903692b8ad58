#!/usr/bin/env bash
# scripts/bench.sh: times whole ledgen commands (process start to files written) with release
# builds, measures peak memory, and prints a Markdown table of medians, ratios to the Typst CLI
# on the same generated `.typ`, and the issue's targets (see README, "Performance").
#
#   scripts/bench.sh                 # everything (about 15 minutes once the tools are built)
#   RUNS=5 scripts/bench.sh          # fewer runs of the short commands
#   SKIP_CARGO_BENCH=1 scripts/bench.sh
#
# It builds `target/release/ledgen`, installs typst-cli 0.15 into scripts/bench/.tools when it
# is missing (several minutes, once), and on Debian installs hyperfine and GNU time (as root)
# when they are missing. Results go to target/bench/ (or $RESULTS): hyperfine's JSON exports,
# `/usr/bin/time -v` outputs, serve.json, cargo-bench.txt and summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

RUNS=${RUNS:-15}           # runs of each short command
LONG_RUNS=${LONG_RUNS:-5}  # runs of the 50-report builds
MEM_RUNS=${MEM_RUNS:-3}    # runs of each peak-memory measurement
REBUILDS=${REBUILDS:-200}  # edits driven through `ledgen serve`
REPORTS=${REPORTS:-50}     # reports built by `build --all`
target_dir=${CARGO_TARGET_DIR:-target}
results=${RESULTS:-$target_dir/bench}
tools=$repo/scripts/bench/.tools

need_apt() {
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
    echo "error: $1 is missing; install the Debian package \`$2\`" >&2
    exit 1
  fi
  [[ -n ${apt_updated:-} ]] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}
command -v hyperfine >/dev/null || need_apt hyperfine hyperfine
[[ -x /usr/bin/time ]] || need_apt /usr/bin/time time
command -v python3 >/dev/null || need_apt python3 python3

echo "== cargo build --release" >&2
cargo build --release
ledgen=$repo/$target_dir/release/ledgen
[[ $target_dir = /* ]] && ledgen=$target_dir/release/ledgen

typst=$tools/bin/typst
if [[ ! -x $typst ]] || [[ $("$typst" --version) != "typst 0.15."* ]]; then
  echo "== installing typst-cli 0.15 into $tools (once; several minutes)" >&2
  cargo install typst-cli --version '~0.15' --locked --root "$tools"
fi
"$typst" --version >&2

mkdir -p "$results"
rm -f "$results"/*.json "$results"/mem-*.txt "$results"/cargo-bench.txt "$results"/summary.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The floor: the Typst CLI on the `.typ` that `ledgen build --typst` writes, with the same fonts
# (Inter from fonts/, no system or bundled fonts) and the same PDF standards (PDF/A-2a, PDF/UA-1).
"$ledgen" build 2023 --out "$tmp/typ" --typst 2>/dev/null
root=$tmp/typst-root
cp -R content/2023 "$root"
cp "$tmp/typ/2023/ledningens-genomgang-2023.typ" "$root/"
typst_args=(compile --root "$root" --font-path fonts --ignore-system-fonts)
"$typst" compile --help | grep -q -- --ignore-embedded-fonts && typst_args+=(--ignore-embedded-fonts)
typst_args+=(--pdf-standard a-2a,ua-1 "$root/ledningens-genomgang-2023.typ" "$tmp/typst.pdf")
"$typst" "${typst_args[@]}"
if command -v pdfinfo >/dev/null; then
  a=$(pdfinfo "$tmp/typst.pdf" | awk '/^Pages:/ {print $2}')
  b=$(pdfinfo "$tmp/typ/2023/ledningens-genomgang-2023.pdf" | awk '/^Pages:/ {print $2}')
  echo "pages: typst CLI $a, ledgen $b" >&2
fi

# The 50 reports for build --all.
mapfile -t folders < <(scripts/bench/make-reports.sh "$tmp/reports" "$REPORTS")
content_args=()
for f in "${folders[@]}"; do content_args+=(--content "$f"); done

time_cmd() { # NAME RUNS COMMAND…
  local name=$1 runs=$2
  shift 2
  echo "== $name" >&2
  hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$results/$name.json" -- "$(printf '%q ' "$@")" >&2
}
time_shell() { # NAME RUNS SHELL-COMMAND
  echo "== $1" >&2
  hyperfine --warmup 1 --runs "$2" --style basic --export-json "$results/$1.json" -- "$3" >&2
}
peak() { # NAME COMMAND…: peak resident memory, MEM_RUNS times
  local name=$1
  shift
  for i in $(seq "$MEM_RUNS"); do
    /usr/bin/time -v -o "$results/mem-$name-$i.txt" "$@" >/dev/null 2>&1
  done
}

time_cmd cold "$RUNS" "$ledgen" build 2023 --out "$tmp/out-cold"
time_cmd html "$RUNS" "$ledgen" build 2023 --format html --out "$tmp/out-html"
time_cmd typst "$RUNS" "$typst" "${typst_args[@]}"
time_cmd diff "$RUNS" "$ledgen" diff 2022 2023
time_cmd diff-example "$RUNS" "$ledgen" diff 2023 2024 --content examples/exempelkommun
time_cmd all "$LONG_RUNS" "$ledgen" build --all "${content_args[@]}" --out "$tmp/out-all"
time_cmd all-jobs1 "$LONG_RUNS" "$ledgen" build --all --jobs 1 "${content_args[@]}" --out "$tmp/out-all1"
time_shell each "$LONG_RUNS" "$(printf '%q ' scripts/bench/build-each.sh "$ledgen" "$tmp/out-each" "${folders[@]}")"

echo "== peak memory" >&2
peak cold "$ledgen" build 2023 --out "$tmp/out-cold"
peak html "$ledgen" build 2023 --format html --out "$tmp/out-html"
peak typst "$typst" "${typst_args[@]}"
peak diff "$ledgen" diff 2022 2023
peak all "$ledgen" build --all "${content_args[@]}" --out "$tmp/out-all"

echo "== ledgen serve, $REBUILDS one-row edits" >&2
cp -R content "$tmp/serve-content"
python3 scripts/bench/serve_rebuilds.py "$ledgen" "$tmp/serve-content" "$tmp/serve-out" "$REBUILDS" >"$results/serve.json"

if [[ -z ${SKIP_CARGO_BENCH:-} ]]; then
  echo "== cargo bench --bench build" >&2
  cargo bench --bench build 2>/dev/null | tee "$results/cargo-bench.txt" >&2
fi

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m), ledgen $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src templates 2>/dev/null || echo ' (with uncommitted changes in src/ or templates/)'), $("$typst" --version | head -1)."
  echo
  python3 scripts/bench/summary.py "$results"
} | tee "$results/summary.md"
