#!/usr/bin/env bash
# Highlighting throughput: our release build against Pygments on the same corpus files.
#
#   scripts/bench-highlight.sh [SECONDS_PER_LANGUAGE]
#
# Both sides turn each snippet of Tests/HighlightCorpus into a complete HTML block and are timed
# in thread CPU time, so other work on a shared machine skews neither. Pygments runs in-process
# (pygmentize would add ~150 ms of interpreter start-up per file); a pygmentize run over the
# corpus files is timed too, for reference. Needs: swift, python3 with pygments (pip install pygments).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-0.5}"
corpus="Tests/HighlightCorpus"
scratch="${SCRATCH_PATH:-.build}"

python3 -c 'import pygments' 2>/dev/null || { echo "Pygments is missing: pip install pygments" >&2; exit 1; }
swift build -c release --scratch-path "$scratch" --product HighlightBench >/dev/null
ours=$("$scratch/release/HighlightBench" "$corpus" --seconds "$seconds")

theirs=$(python3 - "$corpus" "$seconds" <<'PYGMENTS_BENCH'
import os, sys, time
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name

corpus, seconds = sys.argv[1], float(sys.argv[2])
names = {"latex": "tex", "dockerfile": "docker"}
formatter = HtmlFormatter()
total_bytes = total_time = 0.0
for name in sorted(f for f in os.listdir(corpus) if f.endswith(".txt")):
    language = name[:-4]
    with open(os.path.join(corpus, name), encoding="utf-8") as handle:
        snippets = [s for s in handle.read().split("-----8<-----\n") if s]
    lexer = get_lexer_by_name(names.get(language, language))
    size = sum(len(s.encode()) for s in snippets)
    rounds, start = 0, time.thread_time()
    while True:
        for snippet in snippets:
            highlight(snippet, lexer, formatter)
        rounds += 1
        elapsed = time.thread_time() - start
        if elapsed >= seconds:
            break
    total_bytes += size * rounds
    total_time += elapsed
    print(f"{language} {size * rounds / 1e6 / elapsed:.3f}")
print(f"overall {total_bytes / 1e6 / total_time:.3f}")
PYGMENTS_BENCH
)

printf '%-12s %12s %14s %8s\n' language "ours MB/s" "Pygments MB/s" ratio
while read -r language rate; do
    mine=$(awk -v l="$language" '$1 == l { print $NF }' <<<"$ours")
    [ -n "$mine" ] || continue
    awk -v l="$language" -v a="$mine" -v b="$rate" 'BEGIN { printf "%-12s %12.1f %14.2f %7.0fx\n", l, a, b, a / b }'
done <<<"$theirs"

if command -v pygmentize >/dev/null; then
    start=$(date +%s.%N)
    for file in "$corpus"/*.txt; do
        language=$(basename "$file" .txt)
        case "$language" in latex) language=tex ;; dockerfile) language=docker ;; esac
        pygmentize -l "$language" -f html -o /dev/null "$file"
    done
    end=$(date +%s.%N)
    bytes=$(cat "$corpus"/*.txt | wc -c)
    awk -v s="$start" -v e="$end" -v b="$bytes" 'BEGIN { printf "pygmentize CLI, one process per corpus file: %.2f s wall for %d bytes (%.4f MB/s)\n", e - s, b, b / 1e6 / (e - s) }'
fi
