#!/usr/bin/env bash
# make-reports.sh DEST COUNT: writes COUNT reports for `ledgen build --all` under DEST, as content
# folders DEST/kommun-001, DEST/kommun-002, … each holding copies of examples/exempelkommun's years
# (2022, 2023, 2024; the last folder fewer when COUNT is not a multiple of three). Prints the
# folders.
#
# Each folder N varies the copies, so that no two reports are the same document and Typst's cache
# cannot serve one report's layout to another:
# - the organisation's name (title page, headers, HTML) and the introduction's first sentence;
# - every third status of the follow-up table, starting at a row that depends on N, moved one
#   step along grön → gul → röd → grön (so the charts, counts and change markers differ);
# - N mod 4 extra paragraphs in the introduction (so the pages break at other places).
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
  folder=$(printf '%s/kommun-%03d' "$dest" "$n")
  mkdir -p "$folder"
  for year in "${years[@]}"; do
    (( made < count )) || break
    dir=$folder/$year
    cp -R "$src/$year" "$dir"
    sed -i "s/^organisation: Exempelkommun (fiktiv)/organisation: Exempelkommun $n (fiktiv)/" "$dir/report.yaml"
    awk -v n="$n" '
      # The first sentence names the organisation; after it, N mod 4 paragraphs of its own.
      !done && /Exempelkommun och/ {
        sub(/Exempelkommun och/, "Exempelkommun " n " och")
        print
        match($0, /^ */)
        indent = substr($0, 1, RLENGTH)
        for (i = 0; i < n % 4; i++) {
          print ""
          print indent "Genomgång " n "." i + 1 " av förvaltningens arbete: rutinerna för behörigheter, loggning och kontinuitet har setts över, och de brister som hittades följs upp i avsnittet om tidigare revisioner."
        }
        done = 1
        next
      }
      { print }
    ' "$dir/introduction.yaml" >"$dir/introduction.yaml.new"
    mv "$dir/introduction.yaml.new" "$dir/introduction.yaml"
    awk -v n="$n" '
      /^ *status: (grön|gul|röd)$/ {
        k++
        if (k % 3 == n % 3) {
          if (sub(/grön$/, "gul") == 0 && sub(/gul$/, "röd") == 0) sub(/röd$/, "grön")
        }
      }
      { print }
    ' "$dir/follow-ups.yaml" >"$dir/follow-ups.yaml.new"
    mv "$dir/follow-ups.yaml.new" "$dir/follow-ups.yaml"
    made=$((made + 1))
  done
  echo "$folder"
done
