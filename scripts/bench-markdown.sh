#!/usr/bin/env bash
# Markdown throughput: our engine (release MarkdownBench) against cmark-gfm on the same input.
#   scripts/bench-markdown.sh [ITERATIONS]
# Inputs: (a) the bodies of a 1,000-page site from ../shared/bench/gen_site.py, concatenated;
#         (b) every example of the conformance suites, concatenated.
# Needs cmark-gfm (apt-get install -y cmark-gfm) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS="${1:-20}"
WORK="${TMPDIR:-/tmp}/markdown-bench"
SHARED="../shared"
mkdir -p "$WORK"

if [ ! -d "$WORK/site/content" ]; then
    python3 "$SHARED/bench/gen_site.py" "$WORK/site" --pages 1000 --force >/dev/null 2>&1
fi
python3 - "$WORK" "$SHARED/conformance" <<'PY'
import json, pathlib, sys
work, conformance = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
bodies = []
for page in sorted((work / "site" / "content").rglob("*.md")):
    text = page.read_text()
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    bodies.append(text)
(work / "bodies.md").write_text("\n".join(bodies))
examples = []
for name in ["commonmark-0.31.2.json", "gfm-0.29-spec.json", "gfm-extensions.json", "gfm-regression.json", "smart-punct.json"]:
    path = conformance / name
    if path.exists():
        examples += [e["markdown"] for e in json.loads(path.read_text())]
# Repeated so that process start-up does not dominate the figure.
(work / "spec.md").write_text("\n".join(examples * 50))
PY

swift build -c release --scratch-path .build-md --product MarkdownBench >/dev/null
BENCH=.build-md/release/MarkdownBench

# cmark-gfm throughput on FILE: "WALL_MBPS CPU_MBPS", best of ITERATIONS runs (process start included).
cmark_rate() {
    python3 - "$1" "$ITERATIONS" <<'PY'
import os, resource, subprocess, sys, time
path, n = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path)
cmd = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", path]
best_wall = best_cpu = None
for _ in range(n):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best_wall = wall if best_wall is None else min(best_wall, wall)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
print(f"{size / best_wall / 1e6:.1f} {size / max(best_cpu, 1e-6) / 1e6:.1f}")
PY
}

peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

for input in bodies spec; do
    file="$WORK/$input.md"
    size=$(stat -c %s "$file")
    ours=$("$BENCH" --iterations "$ITERATIONS" "$file")
    ours_wall=$(echo "$ours" | sed -E 's/.*wall [0-9.]+ s = ([0-9.]+) MB\/s.*/\1/')
    ours_cpu=$(echo "$ours" | sed -E 's/.*cpu [0-9.]+ s = ([0-9.]+) MB\/s.*/\1/')
    read -r cmark_wall cmark_cpu <<<"$(cmark_rate "$file")"
    ours_mem=$(peak_kb "$BENCH" --iterations 1 "$file")
    cmark_mem=$(peak_kb cmark-gfm -e table -e strikethrough -e autolink -e tasklist "$file")
    ratio=$(python3 -c "print(f'{$ours_cpu / $cmark_cpu:.2f}')")
    printf '%s: %.2f MB | ours %s MB/s cpu, %s MB/s wall, peak %s KB | cmark-gfm %s MB/s cpu, %s MB/s wall, peak %s KB | cpu ratio %s\n' \
        "$input" "$(echo "$size / 1000000" | bc -l)" "$ours_cpu" "$ours_wall" "$ours_mem" \
        "$cmark_cpu" "$cmark_wall" "$cmark_mem" "$ratio"
done
