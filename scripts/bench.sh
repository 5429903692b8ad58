#!/usr/bin/env bash
# scripts/bench.sh: times whole ledgen commands (process start to files written) with release
# builds, measures peak memory, and prints a Markdown table of medians, ratios to the Typst CLI
# on the same generated `.typ`, and the targets (see docs/performance.md).
#
#   scripts/bench.sh                 # everything (about 15 minutes once the tools are built)
#   RUNS=5 scripts/bench.sh          # fewer runs of the short commands
#   SKIP_CARGO_BENCH=1 scripts/bench.sh
#   REPORTS=4 MANY_REPORTS=12 RUNS=1 LONG_RUNS=1 MANY_RUNS=1 MEM_RUNS=1 REBUILDS=5 \
#     SKIP_CARGO_BENCH=1 scripts/bench.sh   # a quick check that the script works
#   LEDGEN=target/debug/ledgen …     # time this binary instead of building the release one
#   TYPST=/path/to/typst …           # this Typst CLI instead of the one installed here
#
# It builds `target/release/ledgen`, installs typst-cli 0.15 into scripts/bench/.tools with
# Typst's own release profile when it is missing (about 20 minutes, once), and on Debian installs
# GNU time and python3 (as root) when they are missing. Results go to target/bench/ (or $RESULTS): one JSON file per command,
# `/usr/bin/time -v` outputs, serve.json, cargo-bench.txt and summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

RUNS=${RUNS:-21}           # runs of each short command
LONG_RUNS=${LONG_RUNS:-5}  # runs of the 50-report builds
MEM_RUNS=${MEM_RUNS:-3}    # runs of each peak-memory measurement
REBUILDS=${REBUILDS:-200}  # edits driven through `ledgen serve`
REPORTS=${REPORTS:-50}     # reports built by `build --all`
MANY_REPORTS=${MANY_REPORTS:-500}  # reports of the long `build --all` run (time per report, memory)
MANY_RUNS=${MANY_RUNS:-2}  # runs of the long `build --all`
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
[[ -x /usr/bin/time ]] || need_apt /usr/bin/time time
command -v python3 >/dev/null || need_apt python3 python3

if [[ -n ${LEDGEN:-} ]]; then
  ledgen=$(realpath "$LEDGEN")
else
  echo "== cargo build --release" >&2
  cargo build --release
  ledgen=$repo/$target_dir/release/ledgen
  [[ $target_dir = /* ]] && ledgen=$target_dir/release/ledgen
fi

# The floor is the Typst CLI built as Typst's release builds are (its workspace's release
# profile, which `cargo install` does not apply by itself), and as ledgen's release profile is.
typst=${TYPST:-$tools/bin/typst}
typst_profile="lto=thin codegen-units=1 strip=true"
if [[ -z ${TYPST:-} ]] && { [[ ! -x $typst ]] || [[ $("$typst" --version) != "typst 0.15."* ]] ||
  [[ $(cat "$tools/profile" 2>/dev/null) != "$typst_profile" ]]; }; then
  echo "== installing typst-cli 0.15 into $tools (once; about 20 minutes)" >&2
  CARGO_PROFILE_RELEASE_LTO=thin CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
    CARGO_PROFILE_RELEASE_STRIP=true \
    cargo install typst-cli --version '~0.15' --locked --force --root "$tools"
  echo "$typst_profile" >"$tools/profile"
fi
"$typst" --version >&2

load_start=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load_start" 'BEGIN { exit !(l > 0.5) }'; then
  echo "warning: the load average is $load_start: other processes will slow the measurements" >&2
fi
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

# The reports for build --all (generated and varied, see make-reports.sh), and the long run's.
mapfile -t folders < <(scripts/bench/make-reports.sh "$tmp/reports" "$REPORTS")
content_args=()
for f in "${folders[@]}"; do content_args+=(--content "$f"); done
mapfile -t many_folders < <(scripts/bench/make-reports.sh "$tmp/many-reports" "$MANY_REPORTS")
many_args=()
for f in "${many_folders[@]}"; do many_args+=(--content "$f"); done

peak() { # NAME COMMAND…: peak resident memory, MEM_RUNS times
  local name=$1
  shift
  for i in $(seq "$MEM_RUNS"); do
    /usr/bin/time -v -o "$results/mem-$name-$i.txt" "$@" >/dev/null 2>&1
  done
}
q() { printf '%q ' "$@"; }

# Commands are timed in rounds that run each command of a group once in turn (interleave.py), so
# that whatever else runs on the machine slows the commands alike and the ratios stay fair.
echo "== single reports: $RUNS rounds" >&2
python3 scripts/bench/interleave.py "$results" "$RUNS" 2 \
  cold "$(q "$ledgen" build 2023 --out "$tmp/out-cold")" \
  html "$(q "$ledgen" build 2023 --format html --out "$tmp/out-html")" \
  typst "$(q "$typst" "${typst_args[@]}")" \
  version "$(q "$ledgen" --version)" \
  diff "$(q "$ledgen" diff 2022 2023)" \
  diff-example "$(q "$ledgen" diff 2023 2024 --content examples/exempelkommun)"
echo "== $REPORTS reports: $LONG_RUNS rounds" >&2
python3 scripts/bench/interleave.py "$results" "$LONG_RUNS" 1 \
  all "$(q "$ledgen" build --all "${content_args[@]}" --out "$tmp/out-all")" \
  all-jobs1 "$(q "$ledgen" build --all --jobs 1 "${content_args[@]}" --out "$tmp/out-all1")" \
  all-typst1 "$(q env RAYON_NUM_THREADS=1 "$ledgen" build --all "${content_args[@]}" --out "$tmp/out-all-t1")" \
  all-jobs1-typst1 "$(q env RAYON_NUM_THREADS=1 "$ledgen" build --all --jobs 1 "${content_args[@]}" --out "$tmp/out-all1-t1")" \
  each "$(q scripts/bench/build-each.sh "$ledgen" "$tmp/out-each" "${folders[@]}")" \
  side-by-side "$(q scripts/bench/side-by-side.sh "$ledgen" "$tmp/out-side" "${content_args[@]}")"

echo "== peak memory" >&2
peak cold "$ledgen" build 2023 --out "$tmp/out-cold"
peak html "$ledgen" build 2023 --format html --out "$tmp/out-html"
peak typst "$typst" "${typst_args[@]}"
peak diff "$ledgen" diff 2022 2023
peak all "$ledgen" build --all "${content_args[@]}" --out "$tmp/out-all"

# The long run is timed and measured at once (`/usr/bin/time -v` gives both): its time per report
# against the short run's, and its peak memory against the short run's, show whether either grows
# with the number of reports. Each long run follows a short one, timed the same way, so that the
# two times per report come from the same minutes of the machine's load.
echo "== $MANY_REPORTS reports: $MANY_RUNS runs, each after one of $REPORTS" >&2
for i in $(seq "$MANY_RUNS"); do
  rm -rf "$tmp/out-pair" "$tmp/out-many"
  /usr/bin/time -v -o "$results/mem-pair-$i.txt" \
    "$ledgen" build --all "${content_args[@]}" --out "$tmp/out-pair" >/dev/null 2>&1
  grep -E "Elapsed" "$results/mem-pair-$i.txt" | sed "s/^\s*/  $REPORTS reports: /" >&2
  /usr/bin/time -v -o "$results/mem-many-$i.txt" \
    "$ledgen" build --all "${many_args[@]}" --out "$tmp/out-many" >/dev/null 2>&1
  grep -E "Elapsed|Maximum resident" "$results/mem-many-$i.txt" | sed 's/^\s*/  /' >&2
done
rm -rf "$tmp/out-pair" "$tmp/out-many"

echo "== ledgen serve, $REBUILDS one-row edits" >&2
cp -R content "$tmp/serve-content"
python3 scripts/bench/serve_rebuilds.py "$ledgen" "$tmp/serve-content" "$tmp/serve-out" "$REBUILDS" >"$results/serve.json"

if [[ -z ${SKIP_CARGO_BENCH:-} ]]; then
  echo "== cargo bench --bench build" >&2
  cargo bench --bench build 2>/dev/null | tee "$results/cargo-bench.txt" >&2
fi

load_end=$(cut -d' ' -f1 /proc/loadavg)
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m), ledgen $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src templates 2>/dev/null || echo ' (with uncommitted changes in src/ or templates/)'), $("$typst" --version | head -1)."
  echo "Load average (1 min) at the start $load_start, at the end $load_end: other work on the machine slows every number."
  echo
  REPORTS=$REPORTS MANY_REPORTS=$MANY_REPORTS python3 scripts/bench/summary.py "$results"
} | tee "$results/summary.md"
