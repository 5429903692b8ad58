#!/usr/bin/env bash
# side-by-side.sh LEDGEN OUT ARG…: runs two `ledgen build --all --jobs 1 ARG…` processes at once,
# each building every report into a folder of its own under OUT, and fails if either fails.
# Two independent processes share no memory, cache or allocator, only the machine: the time
# they take for twice the reports, against one `--jobs 1`, is what two jobs can gain on this
# machine, the bound for the in-process batch.
set -euo pipefail
ledgen=$1
out=$2
shift 2
"$ledgen" build --all --jobs 1 "$@" --out "$out/a" >/dev/null 2>&1 &
a=$!
"$ledgen" build --all --jobs 1 "$@" --out "$out/b" >/dev/null 2>&1 &
b=$!
status=0
wait "$a" || status=$?
wait "$b" || status=$?
exit "$status"
