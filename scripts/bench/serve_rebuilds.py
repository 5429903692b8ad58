#!/usr/bin/env python3
"""serve_rebuilds.py LEDGEN CONTENT OUT COUNT: runs `ledgen serve` on a copy of the content
(CONTENT, holding 2022 and 2023), edits one row of 2023 COUNT times (alternating between two
versions of its text, waiting for each rebuild), and prints JSON: the rebuild times that serve
logs ("Rebuilt 2023 in N ms"), the time from each save to its log line, the time from each save
to the page reloaded (what the page's script does: wait on `/__ledgen/status?seen=N` for the next
build, then fetch `/` again, here with the edited text in it), and the server's peak (VmHWM) and
current (VmRSS) resident memory after the last rebuild."""

import json
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROW = 'status_text: "Rollen utsedd och prövad i praktiken."'
ROW_EDITED = 'status_text: "Rollen utsedd och prövad i praktiken under året."'
REBUILT = re.compile(r"^Rebuilt (\d+) in (\d+) ms")
SERVING = re.compile(r"^Serving .* on http://([^/]+)/")


def memory(pid):
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            fields[key] = int(value.split()[0])
    return fields


def main():
    ledgen, content, out, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    row_file = content / "2023" / "follow-ups.yaml"
    original = row_file.read_text()
    if ROW not in original:
        sys.exit(f"error: the row text is not in {row_file}")
    versions = [original.replace(ROW, ROW_EDITED, 1), original]

    server = subprocess.Popen(
        [ledgen, "serve", "2023", "--content", str(content), "--out", out, "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    rebuilt = []  # (ms logged, time seen)
    errors = []
    address = []
    serving = threading.Event()
    changed = threading.Condition()

    def read():
        for line in server.stderr:
            match = REBUILT.match(line)
            with changed:
                if match:
                    rebuilt.append((int(match.group(2)), time.monotonic()))
                elif SERVING.match(line):
                    address.append(SERVING.match(line).group(1))
                    serving.set()
                elif line.startswith("error"):
                    errors.append(line.rstrip())
                changed.notify_all()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not serving.wait(120):
            sys.exit("error: ledgen serve did not start")
        # The watcher is set up just after "Serving" is printed.
        time.sleep(1)
        base = f"http://{address[0]}"

        def get(path):
            with urllib.request.urlopen(base + path, timeout=60) as response:
                return response.read()

        latencies = []
        reloads = []
        for i in range(count):
            with changed:
                before = len(rebuilt)
            seen = json.loads(get("/__ledgen/status"))["version"]
            wanted = (ROW_EDITED if i % 2 == 0 else ROW).split('"')[1].encode()
            reloaded = []

            def reload():
                # The page's script: wait for the next build, then load the page again (and
                # again after a later build, if an earlier one did not have the edit yet).
                version = seen
                while True:
                    version = json.loads(get(f"/__ledgen/status?seen={version}"))["version"]
                    if wanted in get("/"):
                        reloaded.append(time.monotonic())
                        return

            waiter = threading.Thread(target=reload, daemon=True)
            waiter.start()
            # The request is sent and waiting before the save.
            time.sleep(0.05)
            saved = time.monotonic()
            row_file.write_text(versions[i % 2])
            with changed:
                if not changed.wait_for(lambda: len(rebuilt) > before or errors, timeout=60):
                    sys.exit(f"error: no rebuild after edit {i + 1}")
                if errors:
                    sys.exit("error: a rebuild failed: " + errors[0])
                latencies.append(round((rebuilt[-1][1] - saved) * 1000, 1))
            waiter.join(60)
            if not reloaded:
                sys.exit(f"error: the page did not reload with edit {i + 1}")
            reloads.append(round((reloaded[0] - saved) * 1000, 1))
        time.sleep(0.5)
        mem = memory(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    times = [ms for ms, _ in rebuilt]
    print(json.dumps({
        "initial_ms": times[0],
        "rebuild_ms": times[1:],
        "save_to_rebuilt_ms": latencies,
        "save_to_reloaded_ms": reloads,
        "rebuilds": len(times) - 1,
        "vmhwm_kb": mem["VmHWM"],
        "vmrss_kb": mem["VmRSS"],
    }))


if __name__ == "__main__":
    main()
