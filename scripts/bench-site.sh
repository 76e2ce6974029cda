#!/usr/bin/env bash
# Site build benchmark: `collective build` (release) against Hugo on the same generated sites,
# in the same run. Prints a Markdown table (wall time, pages/s, peak RSS, ratio).
#   scripts/bench-site.sh [PAGES...]        default: 1000 10000
# Needs: hugo (apt-get install hugo), time (apt-get install time), ../shared/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
pages=("${@:-1000 10000}")
[ $# -eq 0 ] && pages=(1000 10000)
runs=${RUNS:-3}
work=${WORK:-/tmp/collective-bench}
mkdir -p "$work"
swift build -c release --product collective >/dev/null
collective="$PWD/.build/release/collective"
results="$work/results.jsonl"
: > "$results"
for n in "${pages[@]}"; do
    site="$work/site-$n"
    [ -d "$site/content" ] || python3 "$bench/gen_site.py" "$site" --pages "$n" >/dev/null
    python3 "$bench/timeit.py" --runs "$runs" --warmup 1 --clean "$work/out-hugo-$n" --label "hugo $(hugo version | awk '{print $2}') $n" \
        --jsonl "$results" -- hugo --quiet -s "$site" -d "$work/out-hugo-$n"
    python3 "$bench/timeit.py" --runs "$runs" --warmup 1 --clean "$work/out-collective-$n" --label "collective $n" \
        --jsonl "$results" -- "$collective" build --no-cache -s "$site" -d "$work/out-collective-$n"
done
python3 "$bench/results_table.py" "$results"
