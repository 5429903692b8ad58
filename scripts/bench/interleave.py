#!/usr/bin/env python3
"""interleave.py OUT ROUNDS WARMUP NAME COMMAND [NAME COMMAND…]: times commands in rounds, each
round running every command once in turn, so that other load on the machine slows them alike and
their ratios stay fair. COMMAND is one shell-quoted string, run without a shell, with its output
thrown away; it must succeed. Writes OUT/NAME.json per command (hyperfine's export layout:
results[0].median and .times in seconds) and prints the medians."""

import json
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path


def run(argv):
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"error: `{shlex.join(argv)}` exited with {done.returncode}")
    return elapsed


def main():
    out, rounds, warmup = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    pairs = sys.argv[4:]
    commands = [(pairs[i], shlex.split(pairs[i + 1])) for i in range(0, len(pairs), 2)]
    for _ in range(warmup):
        for _, argv in commands:
            run(argv)
    times = {name: [] for name, _ in commands}
    for r in range(rounds):
        for name, argv in commands:
            times[name].append(run(argv))
        print(f"  round {r + 1}/{rounds}: " + ", ".join(f"{n} {times[n][-1] * 1000:.0f} ms" for n, _ in commands), file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    for name, argv in commands:
        t = times[name]
        result = {
            "command": shlex.join(argv),
            "median": statistics.median(t),
            "mean": statistics.mean(t),
            "stddev": statistics.stdev(t) if len(t) > 1 else 0.0,
            "min": min(t),
            "max": max(t),
            "times": t,
        }
        (out / f"{name}.json").write_text(json.dumps({"results": [result]}, indent=1))
        print(f"{name}: median {result['median'] * 1000:.1f} ms (min {result['min'] * 1000:.1f}, max {result['max'] * 1000:.1f}, {len(t)} runs)", file=sys.stderr)


if __name__ == "__main__":
    main()
