#!/usr/bin/env python3
"""summary.py RESULTS: the Markdown table of scripts/bench.sh's measurements in RESULTS (hyperfine
JSON exports, `/usr/bin/time -v` outputs, serve_rebuilds.py's JSON, `cargo bench` output), with
ratios to the Typst CLI's time and the issue's targets."""

import json
import os
import re
import statistics
import sys
from pathlib import Path

res = Path(sys.argv[1])
reports = os.environ.get("REPORTS", "50")


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
row("`ledgen diff` 2022 → 2023 (content)", "diff", "`ledgen diff 2022 2023`", "diff")
row("`ledgen diff` 2023 → 2024 (exempelkommun)", "diff-example", "`ledgen diff 2023 2024 --content examples/exempelkommun`")
all_ = row(f"`build --all`, {reports} reports, 2 jobs", "all", "`ledgen build --all --content kommun-01 … kommun-17`", "all")
jobs1 = row(f"`build --all`, {reports} reports, `--jobs 1`", "all-jobs1", "`ledgen build --all --jobs 1 …`")
each = row(f"{reports} separate `ledgen build` processes", "each", "`scripts/bench/build-each.sh`")

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
    print(f"| Save → rebuilt in `ledgen serve` (incl. 120 ms debounce) | as above | {ms(latency)} | {ratio(latency)} | – | {serve['rebuilds']} |")
for name, label in [
    ("cold_pdf_html", "In-process cold build, PDF + HTML (`cargo bench`)"),
    ("cold_html", "In-process cold build, HTML only (`cargo bench`)"),
    ("typst_only", "In-process Typst only, same source (`cargo bench`)"),
    ("warm_one_row", "In-process warm one-row rebuild (`cargo bench`)"),
    ("diff_two_years", "In-process diff 2022 → 2023 + HTML page (`cargo bench`)"),
    ("load_with_history", "Stage: load and validate 2023 and 2022"),
    ("diff_reports", "Stage: diff 2022 → 2023 (for the change markers)"),
    ("parse_templates", "Stage: parse the built-in templates"),
    ("compiler_new", "Stage: `Compiler::new` (Typst library, fonts)"),
    ("render_html_and_typst", "Stage: render the HTML page and the Typst source"),
]:
    if name in bench:
        print(f"| {label} | `cargo bench --bench build` | {ms(bench[name])} | {ratio(bench[name])} | – | – |")

print()
print("Targets:")


def check(text, ok, detail):
    mark = "–" if ok is None else ("met" if ok else "MISSED")
    print(f"- {text}: {detail} — {mark}")


if cold and floor_ms:
    check("cold build within 1.10× the Typst CLI", cold / floor_ms <= 1.10, f"{cold / floor_ms:.2f}×")
if html:
    check("HTML-only build under 50 ms", html < 50, ms(html))
if cold and (serve or "warm_one_row" in bench):
    if "warm_one_row" in bench:
        w = bench["warm_one_row"]
        detail = f"{100 * w / cold:.0f}%"
        if "cold_pdf_html" in bench:
            detail += f" ({100 * w / bench['cold_pdf_html']:.0f}% of the in-process cold build)"
        check("warm one-row rebuild ≤ 30% of the cold build (in-process)", w / cold <= 0.30, detail)
    if serve:
        w = statistics.median(serve["rebuild_ms"])
        check("warm one-row rebuild ≤ 30% of the cold build (serve log)", w / cold <= 0.30, f"{100 * w / cold:.0f}%")
if all_ and jobs1:
    check("`build --all` ≥ 1.7× faster than `--jobs 1`", jobs1 / all_ >= 1.7, f"{jobs1 / all_:.2f}×")
if all_ and each:
    check(f"`build --all` ≥ 1.7× faster than {reports} separate processes", each / all_ >= 1.7, f"{each / all_:.2f}×")
if peak_mb("cold"):
    check("peak memory of a single build < 120 MB", peak_mb("cold") < 120, mb(peak_mb("cold")))
if serve:
    hwm = serve["vmhwm_kb"] * 1024 / 1e6
    check(f"peak memory of serve after {serve['rebuilds']} rebuilds < 300 MB", hwm < 300, f"{hwm:.0f} MB (VmRSS at the end {serve['vmrss_kb'] * 1024 / 1e6:.0f} MB)")
