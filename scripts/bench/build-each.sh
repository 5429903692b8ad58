#!/usr/bin/env bash
# build-each.sh LEDGEN OUT FOLDER…: builds every year of every content folder with its own
# `ledgen build` process, one after another (the baseline of `ledgen build --all`).
set -euo pipefail
ledgen=$1
out=$2
shift 2
for folder in "$@"; do
  for year_dir in "$folder"/[0-9][0-9][0-9][0-9]; do
    year=$(basename "$year_dir")
    "$ledgen" build "$year" --content "$folder" --out "$out/$(basename "$folder")" 2>/dev/null
  done
done
