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

# Wall-clock seconds for cmark-gfm to render FILE ITERATIONS times (process start included).
cmark_rate() {
    python3 - "$1" "$ITERATIONS" <<'PY'
import os, subprocess, sys, time
path, n = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path)
cmd = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", path]
best = None
for _ in range(n):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"{size / best / 1e6:.1f}")
PY
}

peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

for input in bodies spec; do
    file="$WORK/$input.md"
    size=$(stat -c %s "$file")
    ours=$("$BENCH" --iterations "$ITERATIONS" "$file")
    ours_rate=$(echo "$ours" | sed -E 's/.* ([0-9.]+) MB\/s.*/\1/')
    cmark=$(cmark_rate "$file")
    ours_mem=$(peak_kb "$BENCH" --iterations 1 "$file")
    cmark_mem=$(peak_kb cmark-gfm -e table -e strikethrough -e autolink -e tasklist "$file")
    ratio=$(python3 -c "print(f'{$ours_rate / $cmark:.2f}')")
    echo "$input: $(printf '%.2f' "$(echo "$size / 1000000" | bc -l)") MB | ours $ours_rate MB/s (peak ${ours_mem} KB) | cmark-gfm $cmark MB/s (best of $ITERATIONS runs, peak ${cmark_mem} KB) | ratio $ratio"
done
