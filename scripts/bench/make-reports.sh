#!/usr/bin/env bash
# make-reports.sh DEST COUNT: writes COUNT reports for `ledgen build --all` under DEST, as content
# folders DEST/kommun-01, DEST/kommun-02, … each holding copies of examples/exempelkommun's years
# (2022, 2023, 2024; the last folder fewer when COUNT is not a multiple of three), with the
# organisation's name and the introduction's first sentence varied per folder. Prints the folders.
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=$1
count=$2
src=examples/exempelkommun
years=(2022 2023 2024)
mkdir -p "$dest"
made=0
n=0
while (( made < count )); do
  n=$((n + 1))
  folder=$(printf '%s/kommun-%02d' "$dest" "$n")
  mkdir -p "$folder"
  for year in "${years[@]}"; do
    (( made < count )) || break
    cp -R "$src/$year" "$folder/$year"
    # Small text variations: the organisation's name (title page, headers, HTML) and a sentence.
    sed -i "s/^organisation: Exempelkommun (fiktiv)/organisation: Exempelkommun $n (fiktiv)/" "$folder/$year/report.yaml"
    sed -i "0,/Exempelkommun och/s//Exempelkommun $n och/" "$folder/$year/introduction.yaml"
    made=$((made + 1))
  done
  echo "$folder"
done
