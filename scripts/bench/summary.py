#!/usr/bin/env python3
"""summary.py RESULTS: the Markdown table of scripts/bench.sh's measurements in RESULTS (hyperfine
JSON exports, `/usr/bin/time -v` outputs, serve_rebuilds.py's JSON, `cargo bench` output), with
ratios to the Typst CLI's time, an extrapolation to a whole country's reports, and the
performance targets, each marked met or MISSED."""

import json
import os
import re
import statistics
import sys
from pathlib import Path

res = Path(sys.argv[1])
reports = os.environ.get("REPORTS", "50")
many_reports = os.environ.get("MANY_REPORTS", "500")
# Reports a whole country's municipalities and regions would build (about 310 organisations,
# several units each).
COUNTRY_REPORTS = 3000


def hyperfine(name):
    path = res / f"{name}.json"
    if not path.exists():
        return None
    result = json.loads(path.read_text())["results"][0]
    return {"median": result["median"] * 1000, "runs": len(result["times"]), "command": result["command"]}


def peak_mb(name):
    """The median over runs of `Maximum resident set size`, in MB (10^6 bytes)."""
    values = []
    for path in sorted(res.glob(f"mem-{name}-*.txt")):
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", path.read_text())
        if match:
            values.append(int(match.group(1)) * 1024 / 1e6)
    return statistics.median(values) if values else None


def elapsed_ms(name):
    """The median over runs of `/usr/bin/time -v`'s wall-clock time (h:mm:ss or m:ss.ss), in ms."""
    values = []
    for path in sorted(res.glob(f"mem-{name}-*.txt")):
        match = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", path.read_text())
        if match:
            seconds = 0.0
            for part in match.group(1).split(":"):
                seconds = seconds * 60 + float(part)
            values.append(seconds * 1000)
    return statistics.median(values) if values else None


UNITS = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def divan():
    """Medians (ms) of the `cargo bench` (divan) benchmarks."""
    path = res / "cargo-bench.txt"
    out = {}
    if not path.exists():
        return out
    for line in path.read_text().splitlines():
        # Nested benchmarks are indented with "│  ".
        parts = line.lstrip("│ ").split("│")
        if len(parts) < 6:
            continue
        name = parts[0].split()
        if len(name) < 3 or name[0] not in ("├─", "╰─") or len(parts[2].split()) < 2:
            continue
        value, unit = parts[2].split()[:2]
        out[name[1]] = float(value) * UNITS[unit]
    return out


def ms(value):
    if value is None:
        return "–"
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def mb(value):
    return "–" if value is None else f"{value:.0f} MB"


floor = hyperfine("typst")
floor_ms = floor["median"] if floor else None


def ratio(value):
    return "–" if value is None or not floor_ms else f"{value / floor_ms:.2f}×"


rows = []
checks = []


def row(label, name, command, mem=None):
    h = hyperfine(name)
    median = h["median"] if h else None
    rows.append((label, command, ms(median), ratio(median), mb(peak_mb(mem)) if mem else "–", str(h["runs"]) if h else "–"))
    return median


cold = row("Cold build, PDF + HTML (2023)", "cold", "`ledgen build 2023`", "cold")
html = row("HTML only (2023)", "html", "`ledgen build 2023 --format html`", "html")
row("Typst CLI 0.15, same `.typ` (floor)", "typst", "`typst compile --root … --font-path fonts --ignore-system-fonts --pdf-standard a-2a,ua-1`", "typst")
row("Process start and exit", "version", "`ledgen --version`")
diff = row("`ledgen diff` 2022 → 2023 (content)", "diff", "`ledgen diff 2022 2023`", "diff")
row("`ledgen diff` 2023 → 2024 (exempelkommun)", "diff-example", "`ledgen diff 2023 2024 --content examples/exempelkommun`")
all_ = row(f"`build --all`, {reports} reports, 2 jobs", "all", f"`ledgen build --all --content kommun-001 … kommun-{-(-int(reports) // 3):03d}`", "all")
jobs1 = row(f"`build --all`, {reports} reports, `--jobs 1`", "all-jobs1", "`ledgen build --all --jobs 1 …`")
each = row(f"{reports} separate `ledgen build` processes", "each", "`scripts/bench/build-each.sh`")
# Two independent `--jobs 1` processes at once, each building all the reports: what two jobs gain
# on this machine when they share nothing but the processor.
side = row(f"Two `--jobs 1` processes at once, {reports} reports each", "side-by-side", "`scripts/bench/side-by-side.sh`")
# Typst's own thread pool (rayon's global pool, which lays out runs of pages in parallel) at one
# thread instead of one a core: whether it helps or hurts beside the batch's jobs.
typst1 = row(f"`build --all`, {reports} reports, 2 jobs, Typst's pool 1 thread", "all-typst1", "`RAYON_NUM_THREADS=1 ledgen build --all …`")
jobs1_typst1 = row(f"`build --all`, {reports} reports, `--jobs 1`, Typst's pool 1 thread", "all-jobs1-typst1", "`RAYON_NUM_THREADS=1 ledgen build --all --jobs 1 …`")
many = elapsed_ms("many")
many_peak = peak_mb("many")
if many is not None:
    runs = len(list(res.glob("mem-many-*.txt")))
    rows.append((f"`build --all`, {many_reports} reports, 2 jobs", f"`ledgen build --all --content kommun-001 … kommun-{-(-int(many_reports) // 3):03d}`", ms(many), ratio(many), mb(many_peak), str(runs)))

serve_path = res / "serve.json"
serve = json.loads(serve_path.read_text()) if serve_path.exists() else None
bench = divan()

print("| What | Command | Median | Ratio to Typst CLI | Peak RSS | Runs |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for r in rows:
    print("| " + " | ".join(r) + " |")
if serve:
    warm = statistics.median(serve["rebuild_ms"])
    print(f"| Warm one-row rebuild in `ledgen serve` (its log) | edit one row, read \"Rebuilt 2023 in N ms\" | {ms(warm)} | {ratio(warm)} | "
          f"{serve['vmhwm_kb'] * 1024 / 1e6:.0f} MB after {serve['rebuilds']} rebuilds (VmHWM) | {serve['rebuilds']} |")
    latency = statistics.median(serve["save_to_rebuilt_ms"])
    print(f"| Save → rebuilt in `ledgen serve` (its log line) | as above | {ms(latency)} | {ratio(latency)} | – | {serve['rebuilds']} |")
    if serve.get("save_to_reloaded_ms"):
        reloaded = statistics.median(serve["save_to_reloaded_ms"])
        print(f"| Save → reloaded page in `ledgen serve` | wait on `/__ledgen/status?seen=N`, then `GET /` | {ms(reloaded)} | {ratio(reloaded)} | – | {serve['rebuilds']} |")
for name, label in [
    ("cold_pdf_html", "In-process cold build, PDF + HTML (`cargo bench`)"),
    ("cold_html", "In-process cold build, HTML only (`cargo bench`)"),
    ("typst_only", "In-process Typst only, same source (`cargo bench`)"),
    ("warm_one_row", "In-process warm one-row rebuild (`cargo bench`)"),
    ("diff_two_years", "In-process diff 2022 → 2023 + HTML page (`cargo bench`)"),
    ("load_with_history", "Stage: load and validate 2023 and 2022"),
    ("diff_reports", "Stage: diff 2022 → 2023 (for the change markers)"),
    ("parse_templates", "Stage: parse every template (a report with overrides)"),
    ("parse_templates_html", "Stage: parse the HTML page's built-in templates (once a process)"),
    ("parse_templates_typst", "Stage: parse the Typst source's built-in templates (once a process)"),
    ("compiler_new", "Stage: `Compiler::new` (Typst library, fonts)"),
    ("render_html_and_typst", "Stage: render the HTML page and the Typst source"),
]:
    if name in bench:
        print(f"| {label} | `cargo bench --bench build` | {ms(bench[name])} | {ratio(bench[name])} | – | – |")

per_report = all_ / int(reports) if all_ else None
many_per_report = many / int(many_reports) if many else None
# The short runs timed just before each long run, if the bench made them.
pair = elapsed_ms("pair")
pair_per_report = pair / int(reports) if pair else None
if per_report:
    print()
    print(f"Per report with `build --all` on {os.cpu_count()} cores: {ms(per_report)} ({reports} reports)"
          + (f", {ms(many_per_report)} ({many_reports} reports)" if many_per_report else "")
          + (f"; {ms(pair_per_report)} for {reports} reports run just before each long run" if pair_per_report else "")
          + ".")
    basis = many_per_report or per_report
    peak = many_peak or peak_mb("all")
    print(f"A whole country, about {COUNTRY_REPORTS:,} reports: {basis * COUNTRY_REPORTS / 60000:.0f} minutes"
          + f" (the time per report of the {'long' if many_per_report else 'short'} run times {COUNTRY_REPORTS:,})"
          + (f"; the {'long' if many_per_report else 'short'} run peaked at {mb(peak)}, and peak memory"
             " grows slowly with the number of reports (see the flatness target below)" if peak else "")
          + ".")

print()
print("Targets:")
results = []


def check(text, ok, detail):
    mark = "–" if ok is None else ("met" if ok else "MISSED")
    if ok is not None:
        results.append(ok)
    print(f"- {text}: {detail} — {mark}")


if cold and floor_ms:
    check("cold build within 1.05× the Typst CLI", cold / floor_ms <= 1.05, f"{cold / floor_ms:.2f}×")
if html:
    check("HTML-only build ≤ 20 ms (whole process)", html <= 20, ms(html))
if diff:
    check("`ledgen diff 2022 2023` ≤ 8 ms (whole process)", diff <= 8, ms(diff))
if all_ and jobs1:
    check(f"`build --all` of {reports} ≥ 1.8× faster than `--jobs 1`", jobs1 / all_ >= 1.8, f"{jobs1 / all_:.2f}×")
if all_ and each:
    check(f"`build --all` of {reports} ≥ 1.8× faster than {reports} separate processes", each / all_ >= 1.8, f"{each / all_:.2f}×")
if peak_mb("cold"):
    check("peak memory of one build ≤ 60 MB", peak_mb("cold") <= 60, mb(peak_mb("cold")))
if peak_mb("all"):
    check(f"peak memory of `build --all` of {reports} ≤ 200 MB", peak_mb("all") <= 200, mb(peak_mb("all")))
if serve:
    hwm = serve["vmhwm_kb"] * 1024 / 1e6
    check(f"peak memory of serve after {serve['rebuilds']} rebuilds ≤ 100 MB", hwm <= 100, f"{hwm:.0f} MB (VmRSS at the end {serve['vmrss_kb'] * 1024 / 1e6:.0f} MB)")
    if serve.get("save_to_reloaded_ms"):
        reloaded = statistics.median(serve["save_to_reloaded_ms"])
        check("serve: save → reloaded page ≤ 100 ms (median, one-row edit)", reloaded <= 100, ms(reloaded))
    if cold:
        w = statistics.median(serve["rebuild_ms"])
        check("warm one-row rebuild ≤ 30% of the cold build (serve log)", w / cold <= 0.30, f"{100 * w / cold:.0f}%")
if per_report and many_per_report:
    # Against the short runs made beside the long ones when there are any: the machine's speed
    # drifts between the parts of the bench.
    short = pair_per_report or per_report
    beside = " (run just before each)" if pair_per_report else ""
    change = many_per_report / short - 1
    check(f"time per report of {many_reports} within 10% of {reports}'s{beside}", abs(change) <= 0.10, f"{ms(many_per_report)} against {ms(short)} ({change:+.1%})")
if peak_mb("all") and many_peak:
    growth = many_peak / peak_mb("all") - 1
    # Flat: the long run may hold a little more (a longer list of jobs and results), not memory
    # in proportion to its ten times more reports.
    check(f"peak memory flat from {reports} to {many_reports} reports (within 15%)", growth <= 0.15, f"{mb(many_peak)} against {mb(peak_mb('all'))} ({growth:+.0%})")
if all_ and jobs1 and side:
    print()
    print(f"Two independent `--jobs 1` processes at once build {2 * jobs1 / side:.2f}× as many reports "
          f"a second as one; the batch of 2 jobs is {jobs1 / all_:.2f}× as fast as one, "
          f"{jobs1 / all_ / (2 * jobs1 / side):.0%} of what two processes that share nothing reach on this machine.")
if all_ and typst1 and jobs1 and jobs1_typst1:
    print()
    print(f"Typst's pool at one thread instead of one a core: {typst1 / all_ - 1:+.0%} with 2 jobs, "
          f"{jobs1_typst1 / jobs1 - 1:+.0%} with `--jobs 1` (negative: faster).")
if results:
    print()
    print(f"{sum(results)} of {len(results)} targets met.")
