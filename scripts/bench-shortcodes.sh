#!/usr/bin/env bash
# What running a site's own Go-template shortcodes costs, against Hugo (issue 17): a 1,000-call
# site (PAGES pages with CALLS calls each) and one shortcode-heavy page (HEAVY calls), each also
# generated with plain Markdown in place of the calls (scripts/gen-shortcode-site.py), and each
# built by Hugo and by `collective build` (release) in the same run. Prints ../shared/bench's
# Markdown table (wall time, CPU, peak RSS); the difference between a site and its plain twin is
# what the shortcodes cost.
#   scripts/bench-shortcodes.sh [PAGES] [CALLS] [HEAVY]     default: 100 10 1000
# Needs: hugo on PATH (or HUGO=…), ../shared/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
pages=${1:-100} calls=${2:-10} heavy=${3:-1000}
runs=${RUNS:-5}
hugo=${HUGO:-hugo}
work=${WORK:-/tmp/collective-shortcode-bench}
mkdir -p "$work"
swift build -c release --product collective >/dev/null
collective="$PWD/.build/release/collective"
results="$work/results.jsonl"
: >"$results"
for variant in "site" "site, plain" "heavy page" "heavy page, plain"; do
    case "$variant" in
        site*) shape=(--pages "$pages" --calls "$calls") ;;
        *) shape=(--pages 0 --heavy "$heavy") ;;
    esac
    case "$variant" in *plain) shape+=(--plain) ;; esac
    site="$work/site"
    rm -rf "$site"
    python3 scripts/gen-shortcode-site.py "$site" "${shape[@]}"
    python3 "$bench/timeit.py" --runs "$runs" --warmup 1 --clean "$work/out-hugo" --label "hugo, $variant" \
        --jsonl "$results" -- "$hugo" --quiet -s "$site" -d "$work/out-hugo"
    python3 "$bench/timeit.py" --runs "$runs" --warmup 1 --clean "$work/out-collective" --label "collective, $variant" \
        --jsonl "$results" -- "$collective" build --no-cache --quiet -s "$site" -d "$work/out-collective"
done
python3 "$bench/results_table.py" "$results"
