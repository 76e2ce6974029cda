#!/usr/bin/env bash
# Whole-process Markdown speed and peak memory: `collective markdown --gfm` against pulldown-cmark
# (`-T -S -F -L`) and cmark-gfm on the same input, runs alternated, medians reported.
#   scripts/bench-markdown-cli.sh [RUNS] [COPIES] [COLLECTIVE]
# Input: the Markdown bodies (front matter removed) of a 1,000-page ../shared/bench/gen_site.py
# site, concatenated, repeated COPIES times (10: 72 MB). Output goes to /dev/null.
# Needs python3, /usr/bin/time, and the Debian packages pulldown-cmark and cmark-gfm.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
COPIES="${2:-10}"
COLLECTIVE="${3:-.build/release/collective}"
WORK="${TMPDIR:-/tmp}/markdown-cli-bench"
mkdir -p "$WORK"
if [ ! -d "$WORK/site/content" ]; then
    python3 ../shared/bench/gen_site.py "$WORK/site" --pages 1000 --force >/dev/null 2>&1
fi
INPUT="$WORK/bodies-x$COPIES.md"
if [ ! -f "$INPUT" ]; then
    python3 - "$WORK" "$COPIES" "$INPUT" <<'PY'
import pathlib, sys
work, copies, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
bodies = []
for page in sorted((work / "site" / "content").rglob("*.md")):
    text = page.read_text()
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    bodies.append(text)
one = "\n".join(bodies)
pathlib.Path(out).write_text("\n".join([one] * copies))
PY
fi

python3 - "$RUNS" "$INPUT" "$COLLECTIVE" <<'PY'
import os, statistics, subprocess, sys
runs, path, collective = int(sys.argv[1]), sys.argv[2], sys.argv[3]
tools = {
    "collective markdown --gfm": [collective, "markdown", "--gfm", path],
    "pulldown-cmark -T -S -F -L": ["sh", "-c", 'exec pulldown-cmark -T -S -F -L < "$0"', path],
    "cmark-gfm (table, strikethrough, autolink, tasklist)":
        ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", path],
}
results = {name: [] for name in tools}
for _ in range(runs):
    for name, command in tools.items():
        load = os.getloadavg()[0]
        timed = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *command],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
        wall, user, system, peak = timed.stderr.strip().splitlines()[-1].split()
        results[name].append((float(wall), float(user), float(system), int(peak) / 1024, load))
size = os.path.getsize(path) / 1e6
print(f"input {size:.1f} MB, {runs} runs each, alternated; medians (min-max); load average 1 min")
for name, rows in results.items():
    wall = [r[0] for r in rows]
    med = lambda k: statistics.median(r[k] for r in rows)
    print(f"{name}: wall {statistics.median(wall):.2f} s ({min(wall):.2f}-{max(wall):.2f}), "
          f"user {med(1):.2f} s, system {med(2):.2f} s, peak RSS {med(3):.0f} MiB, "
          f"load {min(r[4] for r in rows):.1f}-{max(r[4] for r in rows):.1f}")
PY
